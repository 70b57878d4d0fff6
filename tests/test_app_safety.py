"""The app when saving fails or a signal comes (issue 12, points 1 and 8): it says NOT
SAVED and lets the candidate retry or choose a folder, exits 1 if the session never
landed; SIGTERM and SIGHUP keep what was typed an instant before (no debounce lost).
Point 5 in the app: an inconsistent transcript is a broken row in History, named with its
reason, and the other sessions still open."""

import os
import signal

import pytest
from textual.widgets import Input, TextArea

from interviewer.store.transcripts import TranscriptStore
from interviewer.tui.save_failed import SaveFailedScreen
from tests.pty_driver import AppInPty
from tests.test_tui_support import Rig

START = ["start", "--scenario", "practice_breadth", "--seed", "1"]


def blocked_rig(tmp_path):
    """A rig whose transcripts folder cannot be created (a file stands where it goes)."""
    rig = Rig(tmp_path)
    rig.store.root.parent.mkdir(parents=True, exist_ok=True)
    rig.store.root.write_text("a file where the transcripts folder should be")
    return rig


async def test_a_folder_that_refuses_the_session_is_said_and_another_is_chosen(tmp_path):
    rig = blocked_rig(tmp_path)
    runner = rig.runner()
    runner.rescue_dirs = [tmp_path / "rescue"]
    app = rig.app(runner)
    chosen = tmp_path / "chosen"
    async with app.run_test(size=(110, 36)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, SaveFailedScreen)
        text = str(app.screen.query_one("#save-failed-text").render())
        assert "NOT SAVED" in text and str(tmp_path / "rescue") in text
        folder = app.screen.query_one("#save-failed-folder", Input)
        folder.value = str(chosen)
        folder.focus()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert not isinstance(app.screen, SaveFailedScreen)
        app.screen.query_one("#answer", TextArea).insert("an answer saved in the chosen folder")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await runner.wait_for_judging()
        await pilot.press("ctrl+q")
    [path] = chosen.glob("*.json")
    saved = TranscriptStore(chosen).load(path)
    assert [t.text for q in saved.questions for t in q.answers] == [
        "an answer saved in the chosen folder"
    ]
    assert app.exit_message.startswith(f"Saved. Continue with: interviewer resume {path}")
    assert app.return_value == 0


async def test_a_session_that_never_landed_is_never_called_saved_and_exits_1(tmp_path):
    rig = blocked_rig(tmp_path)
    runner = rig.runner()
    runner.rescue_dirs = []  # nowhere else either
    app = rig.app(runner)
    async with app.run_test(size=(110, 36)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, SaveFailedScreen)
        await pilot.press("escape")  # later
        await pilot.pause()
        assert str(app.screen.query_one("#judging").render()) == "NOT SAVED"
        app.screen.query_one("#answer", TextArea).insert("typed, never saved anywhere")
        await pilot.press("ctrl+s")  # does not move on over an unsaved session
        await pilot.pause()
        assert isinstance(app.screen, SaveFailedScreen)
        await pilot.press("escape")
        await pilot.press("ctrl+q")
    assert "NOT SAVED" in app.exit_message and "Saved." not in app.exit_message
    assert app.return_value == 1


# --- signals, in a real terminal ---------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize(("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGHUP, 129)])
def test_a_signal_keeps_what_was_typed_an_instant_before(tmp_path, signum, code):
    transcripts = tmp_path / "t"
    app = AppInPty(START, transcripts)
    try:
        app.wait_for("ctrl+s submits")
        app.type("typed an instant before the signal")
        # On screen, so the app has it; the draft's 0.5 s debounce has not run out yet.
        app.wait_for("instant before the signal", timeout=10)
        if signum == signal.SIGHUP:
            os.close(app.master)  # the terminal is gone, as when its window closes
            app.signal(signum)
            assert app.proc.wait(timeout=30) == code
        else:
            app.signal(signum)
            assert app.finish() == code
            assert "Stopped by SIGTERM. Saved. Continue with: interviewer resume" in (
                app.screen_text()
            )
    finally:
        app.kill()
    [draft] = (transcripts / ".drafts").glob("*.txt")
    assert draft.read_text() == "typed an instant before the signal"
    [path] = transcripts.glob("*.json")
    assert TranscriptStore(transcripts).load(path).status.value == "in_progress"


# --- point 5: one inconsistent transcript does not break the app ------------------------------


async def test_an_inconsistent_transcript_is_listed_broken_in_the_app_and_the_rest_open(tmp_path):
    import json

    from textual.widgets import DataTable

    from interviewer.tui.history import HistoryScreen
    from interviewer.tui.scorecard import ScorecardScreen

    rig = Rig(tmp_path)
    good = await rig.finished_session("tiny_loop", session_id="20260314-093000-good")
    data = json.loads(rig.store.path_for(good).read_text())
    data["id"] = "20260101-000000-bad"
    data["questions"][0]["round_index"] = 7  # schema-valid, but no such round
    data["questions"][0]["turns"][1]["text"] = "SECRET ANSWER TEXT"
    (rig.store.root / "20260101-000000-bad.json").write_text(json.dumps(data))
    app = rig.app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+g")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        table = screen.query_one("#sessions", DataTable)
        rows = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
        assert [row[-1] for row in rows] == ["finished", "broken"]
        assert rows[1][1] == "20260101-000000-bad.json"
        table.move_cursor(row=1)
        await pilot.press("enter")
        await pilot.pause()
        said = " ".join(str(n.message) for n in app._notifications)
        assert "20260101-000000-bad.json" in said
        assert "is in round 8, which has no round record" in said
        assert "SECRET ANSWER TEXT" not in said
        table.move_cursor(row=0)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ScorecardScreen)  # the good session opens
