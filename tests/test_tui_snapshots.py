"""SVG snapshots of every screen at 80x24, with a fixed clock, seed and content.

Regenerate with `pytest tests/test_tui_snapshots.py --snapshot-update` and look at them.
"""

import asyncio
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import TextArea

from interviewer.domain.session import Mode
from interviewer.tui.app import InterviewerApp
from tests.test_tui_support import FIXED_NOW, SIZE, Rig

ANSWER = "Overfitting is when the model fits noise in the training data."


async def settle(pilot: Pilot) -> None:
    app = pilot.app
    await pilot.pause()
    await app.workers.wait_for_complete()
    runner = getattr(app.screen, "runner", None)
    if runner is not None:
        await runner.wait_for_judging()
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


def with_history(rig: Rig) -> None:
    async def play() -> None:
        await rig.finished_session("tiny_loop", session_id="20260314-093000-aaaa")
        await rig.finished_session("tiny_single", Mode.practice, "20260314-093000-bbbb")
        runner = rig.runner("tiny_single")
        runner.session.id = "20260314-093000-cccc"
        await runner.begin()

    asyncio.run(play())


def test_home(snap_compare, tmp_path: Path) -> None:
    rig = Rig(tmp_path)
    with_history(rig)
    assert snap_compare(rig.app(), terminal_size=SIZE, run_before=settle)


def test_interview_mock_after_a_follow_up(snap_compare, tmp_path: Path) -> None:
    rig = Rig(tmp_path)
    app: InterviewerApp = rig.app(rig.runner("tiny_single"))

    async def answer(pilot: Pilot) -> None:
        await settle(pilot)
        pilot.app.screen.query_one("#answer", TextArea).insert(ANSWER)
        await pilot.press("ctrl+s")
        await settle(pilot)
        pilot.app.screen.query_one("#answer", TextArea).insert("Validation loss starts")

    assert snap_compare(app, terminal_size=SIZE, run_before=answer)


def test_interview_practice_feedback(snap_compare, tmp_path: Path) -> None:
    rig = Rig(tmp_path)
    app = rig.app(rig.runner("tiny_loop", Mode.practice))

    async def answer(pilot: Pilot) -> None:
        await settle(pilot)
        pilot.app.screen.query_one("#answer", TextArea).insert(ANSWER)
        await pilot.press("ctrl+s")
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=answer)


def test_confirm_finish(snap_compare, tmp_path: Path) -> None:
    rig = Rig(tmp_path)
    app = rig.app(rig.runner("tiny_single"))

    async def ask(pilot: Pilot) -> None:
        await settle(pilot)
        await pilot.press("ctrl+f")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=ask)


def test_scorecard(snap_compare, tmp_path: Path) -> None:
    rig = Rig(tmp_path)
    with_history(rig)

    async def open_scorecard(pilot: Pilot) -> None:
        await settle(pilot)
        app = pilot.app
        assert isinstance(app, InterviewerApp)
        app.open_scorecard(rig.store.open("20260314-093000-aaaa"))
        await settle(pilot)

    assert snap_compare(rig.app(), terminal_size=SIZE, run_before=open_scorecard)


def test_history_with_a_broken_transcript(snap_compare, tmp_path: Path) -> None:
    rig = Rig(tmp_path)
    with_history(rig)
    (rig.store.root / "20260101-000000-dead.json").write_text('{"id": "trunc')
    assert snap_compare(rig.app(), terminal_size=SIZE, press=["ctrl+g"], run_before=settle)


def test_replay(snap_compare, tmp_path: Path) -> None:
    rig = Rig(tmp_path)
    with_history(rig)

    async def open_replay(pilot: Pilot) -> None:
        await settle(pilot)
        app = pilot.app
        assert isinstance(app, InterviewerApp)
        app.open_replay(rig.store.open("20260314-093000-aaaa"))
        await pilot.pause()
        await pilot.press("right", "right", "right")
        await pilot.pause()

    assert snap_compare(rig.app(), terminal_size=SIZE, run_before=open_replay)


async def test_snapshot_apps_hold_the_cursor_steady(tmp_path: Path) -> None:
    # A blinking cursor is captured on or off at random, which made snapshots flaky.
    rig = Rig(tmp_path)
    app = rig.app(rig.runner("tiny_single"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        area = app.screen.query_one("#answer", TextArea)
        area.focus()
        await pilot.pause()
        assert area.has_focus
        assert area.cursor_blink is False
        assert area._cursor_visible


async def test_snapshot_apps_keep_their_toasts(tmp_path: Path) -> None:
    # A toast gone by the time a loaded machine took the picture made snapshots flaky (the
    # broken-transcript warning in History's): a test's toasts outlast the test.
    rig = Rig(tmp_path)
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.notify("a warning that would be gone in 10 ms", timeout=0.01)
        await pilot.pause(0.1)
        assert [n.message for n in app._notifications] == ["a warning that would be gone in 10 ms"]


async def test_snapshot_apps_run_on_a_fixed_clock(tmp_path: Path) -> None:
    # Every clock a snapshot can show (the round clock, turn times, dates in History and
    # Home, scoring runs) reads the app's or the runner's clock, and both are fixed.
    rig = Rig(tmp_path)
    runner = rig.runner("tiny_single")
    app = rig.app(runner)
    assert app.clock() == runner.clock() == FIXED_NOW
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.screen.query_one("#answer", TextArea).insert(ANSWER)
        await pilot.press("ctrl+s")
        await settle(pilot)
        progress = str(app.screen.query_one("#progress").render())
        assert "00:00 of 05:00" in progress, progress
    assert {t.at for q in runner.session.questions for t in q.turns} == {FIXED_NOW}
    assert {r.at for q in runner.session.questions for r in q.scoring_runs} == {FIXED_NOW}
