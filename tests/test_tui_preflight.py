"""The app checks the model before the first question: Home shows the outcome, and when the
model cannot be used, the choice (Retry, Use offline, Quit). An outage mid-interview is
announced in the status bar."""

from pathlib import Path

import pytest
from textual.widgets import Static, TextArea

from interviewer.backends import make_backend
from interviewer.domain.session import Mode
from interviewer.session_factory import NewInterview, create_session, make_runner
from interviewer.tui.app import build_app
from interviewer.tui.home import HomeScreen
from interviewer.tui.interview import InterviewScreen
from tests.fake_openai import FakeOpenAIServer, ServerBehaviour
from tests.test_tui_support import Rig, fixed_clock

KEY = "sk-the-right-key-000000"


def llm_app(rig: Rig, url: str, **settings):
    update = {"backend": "openai", "base_url": url, "model": "fake-interviewer", **settings}
    return build_app(
        rig.settings.model_copy(update=update),
        content=rig.content,
        store=rig.store,
        clock=fixed_clock,
        cursor_blink=False,
    )


async def settle(pilot, app) -> None:
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


def status(app) -> str:
    return str(app.screen.query_one("#backend-status", Static).render())


CASES = {
    "401": (ServerBehaviour(require_key=KEY), {}, "bad key"),
    "404": (ServerBehaviour(strict_models=True), {"model": "llama3:8b"}, "unknown model"),
}


@pytest.mark.parametrize("case", ["401", "404", "closed port"])
async def test_home_shows_the_choice_when_the_model_cannot_be_used(
    closed_port, tmp_path: Path, case
) -> None:
    rig = Rig(tmp_path)
    if case == "closed port":
        server, extra, problem = None, {}, "unreachable"
        url = f"http://127.0.0.1:{closed_port}/v1"
    else:
        behaviour, extra, problem = CASES[case]
        server = FakeOpenAIServer(behaviour=behaviour).start()
        url = server.url
    try:
        app = llm_app(rig, url, **extra)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot, app)
            assert isinstance(app.screen, HomeScreen)
            assert app.screen.query_one("#model-choice").display
            shown = status(app)
            assert f"The model cannot be used ({problem})" in shown
            assert "Fix:" in shown and "Use offline" in shown
            await pilot.press("ctrl+s")  # Start is refused while the model is unusable
            await settle(pilot, app)
            assert isinstance(app.screen, HomeScreen)
            assert not list(rig.store.root.glob("*.json"))
    finally:
        if server is not None:
            server.stop()


async def test_use_offline_then_start_interviews_offline(tmp_path: Path) -> None:
    rig = Rig(tmp_path)
    with FakeOpenAIServer(behaviour=ServerBehaviour(require_key=KEY)) as srv:
        app = llm_app(rig, srv.url)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot, app)
            await pilot.click("#model-offline")
            await settle(pilot, app)
            assert not app.screen.query_one("#model-choice").display
            assert "offline engine" in status(app) and "ready" in status(app)
            await pilot.press("ctrl+s")
            await settle(pilot, app)
            assert isinstance(app.screen, InterviewScreen)
            assert app.screen.session.backend == "offline"
            assert app.screen.runner.backend.name == "offline"


async def test_retry_once_the_server_is_fixed(tmp_path: Path) -> None:
    rig = Rig(tmp_path)
    with FakeOpenAIServer(behaviour=ServerBehaviour(require_key=KEY)) as srv:
        app = llm_app(rig, srv.url)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot, app)
            assert app.screen.query_one("#model-choice").display
            srv.behaviour.require_key = None  # the user fixed the server
            await pilot.click("#model-retry")
            await settle(pilot, app)
            assert not app.screen.query_one("#model-choice").display
            assert "ready" in status(app) and "context 4096 tokens" in status(app)
            await pilot.press("ctrl+s")
            await settle(pilot, app)
            assert isinstance(app.screen, InterviewScreen)
            assert app.screen.session.backend == "openai"


async def test_quit_leaves_with_exit_code_2_and_the_cause(closed_port, tmp_path: Path) -> None:
    rig = Rig(tmp_path)
    app = llm_app(rig, f"http://127.0.0.1:{closed_port}/v1")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        await pilot.click("#model-quit")
        await pilot.pause()
    assert app.return_value == 2
    assert "Cause: nothing answers at" in app.exit_message


async def test_interviewer_start_waits_on_home_and_use_offline_starts_it(
    closed_port, tmp_path: Path
) -> None:
    rig = Rig(tmp_path)
    settings = rig.settings.model_copy(
        update={"backend": "openai", "base_url": f"http://127.0.0.1:{closed_port}/v1"}
    )
    backend = make_backend(settings)
    request = NewInterview(scenario_id="tiny_loop", mode=Mode.mock, seed=7, candidate="t")
    session = create_session(rig.content, request, backend)
    runner = make_runner(session, rig.content, rig.store, backend)
    app = build_app(settings, runner=runner, content=rig.content, cursor_blink=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        assert isinstance(app.screen, HomeScreen)  # not the interview: the model failed
        assert app.screen.query_one("#model-choice").display
        await pilot.click("#model-offline")
        await settle(pilot, app)
        assert isinstance(app.screen, InterviewScreen)
        assert app.screen.runner is runner and runner.backend.name == "offline"
        assert session.backend == "offline"


async def test_an_outage_mid_interview_shows_in_the_status_bar(tmp_path: Path) -> None:
    rig = Rig(tmp_path)
    server = FakeOpenAIServer().start()
    settings = rig.settings.model_copy(
        update={
            "backend": "openai",
            "base_url": server.url,
            "max_retries": 0,
            "model_recheck_s": 60,
        }
    )
    backend = make_backend(settings)
    request = NewInterview(scenario_id="tiny_loop", mode=Mode.mock, seed=7, candidate="t")
    runner = make_runner(
        create_session(rig.content, request, backend), rig.content, rig.store, backend
    )
    app = build_app(settings, runner=runner, content=rig.content, cursor_blink=False)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot, app)
            assert isinstance(app.screen, InterviewScreen)
            server.stop()
            app.screen.query_one("#answer", TextArea).insert("My answer while it is down.")
            await pilot.press("ctrl+s")
            await settle(pilot, app)
            bar = str(app.screen.query_one("#judging", Static).render())
            assert "model down: bank wording" in bar
            notes = [str(n.message) for n in app._notifications]
            assert sum("The model stopped answering" in n for n in notes) == 1
            assert runner.session.questions[0].answers[0].text == "My answer while it is down."
    finally:
        server.stop()


async def test_the_whole_choice_fits_an_80_column_terminal(tmp_path: Path) -> None:
    rig = Rig(tmp_path)
    with FakeOpenAIServer(behaviour=ServerBehaviour(require_key=KEY)) as srv:
        app = llm_app(rig, srv.url)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot, app)
            side = app.screen.query_one("#side").region
            for name in ("retry", "offline", "quit"):
                button = app.screen.query_one(f"#model-{name}").region
                assert button.width > 0 and button.x >= side.x, name
                assert button.right <= min(side.right, 80), name  # not cut off at the edge
