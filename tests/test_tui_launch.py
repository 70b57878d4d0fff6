"""The command-line entry points into the app, without a terminal."""

from pathlib import Path

import pytest

from interviewer.cli import build_parser
from interviewer.commands import app as app_command
from interviewer.tui import launch
from interviewer.tui.app import InterviewerApp, build_app
from interviewer.tui.home import HomeScreen


def test_no_subcommand_runs_the_app_on_home_with_the_flags_settings(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    seen: list[InterviewerApp] = []

    def fake_run(self: InterviewerApp) -> int:
        seen.append(self)
        return 0

    monkeypatch.setattr(InterviewerApp, "run", fake_run)
    args = build_parser().parse_args(["--transcripts-dir", str(tmp_path / "t")])
    assert app_command.run(args) == 0
    (app,) = seen
    assert app.initial_runner is None
    assert app.store.root == tmp_path / "t"


def test_run_app_prints_how_to_resume_after_quitting(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def fake_run(self: InterviewerApp) -> int:
        self.exit_message = "Saved. Continue with: interviewer resume abc"
        return 0

    monkeypatch.setattr(InterviewerApp, "run", fake_run)
    from interviewer.settings import Settings

    assert launch.run_app(Settings(backend="offline")) == 0
    assert "interviewer resume abc" in capsys.readouterr().out


async def test_home_shows_the_backend_in_use(tmp_path: Path) -> None:
    from tests.test_tui_support import SIZE, Rig

    rig = Rig(tmp_path)
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        status = str(app.screen.query_one("#backend-status").render())
        assert "offline engine (no network)" in status and "ready" in status


async def test_replay_entry_opens_the_saved_session(tmp_path: Path) -> None:
    from interviewer.tui.replay import ReplayScreen
    from tests.test_tui_support import SIZE, Rig

    rig = Rig(tmp_path)
    session_id = await rig.finished_session("tiny_single")
    app = build_app(
        rig.settings,
        content=rig.content,
        store=rig.store,
        backend=rig.backend,
        replay=rig.store.open(session_id),
    )
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ReplayScreen)
        await pilot.press("escape")  # back lands on Home, not on an empty screen
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


def test_replay_of_a_broken_transcript_is_an_error_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from interviewer.settings import Settings

    broken = tmp_path / "broken.json"
    broken.write_text("{")
    assert launch.run_app(Settings(backend="offline"), replay=broken) == 2
    assert "not valid JSON" in capsys.readouterr().err
