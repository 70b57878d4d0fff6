"""What the way to the first question costs: the app's stylesheets are parsed once, with
the app's own theme from the start, and the cyclic garbage collector waits until the first
screen is up (then the start-up's survivors are frozen out of its sight)."""

import gc
import subprocess
import sys
from pathlib import Path

import pytest
from textual.css.stylesheet import Stylesheet
from textual.widgets import TextArea

from interviewer import startup
from interviewer.tui.app import THEME
from interviewer.tui.interview import InterviewScreen
from tests.plain_driver import cli_env
from tests.test_tui_support import SIZE, Rig


@pytest.fixture
def reparses(monkeypatch) -> list[int]:
    """Every full re-parse of an app's stylesheets from now on."""
    counted: list[int] = []
    real = Stylesheet.reparse

    def counting(self: Stylesheet) -> None:
        counted.append(1)
        real(self)

    monkeypatch.setattr(Stylesheet, "reparse", counting)
    return counted


@pytest.fixture
def collector_restored():
    yield
    startup._held = False
    gc.unfreeze()
    gc.enable()


@pytest.mark.parametrize("opening", ["interview", "home"])
async def test_the_stylesheets_are_parsed_once_with_the_apps_theme(tmp_path, reparses, opening):
    rig = Rig(tmp_path)
    app = rig.app(rig.runner("tiny_loop") if opening == "interview" else None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        if opening == "interview":
            assert isinstance(app.screen, InterviewScreen) and app.screen.prompt is not None
            assert app.screen.prompt.coding is None
            # No coding question yet: the code editor's grammar is not built (it is when
            # one comes: tests/test_tui_coding.py).
            assert app.screen.query_one("#code", TextArea).language is None
        assert app.theme == THEME.name and app.current_theme is THEME
        assert app.stylesheet._variables["primary"] == THEME.primary
        assert app.has_class(f"-theme-{THEME.name}") and app.has_class("-dark-mode")
        # Drawn in the theme's colours, not the default theme's.
        editor = app.screen.query_one(TextArea) if opening == "interview" else app.screen
        assert editor.styles.background.hex.upper() != "#121212"
        assert reparses == []


async def test_the_collector_is_back_once_the_first_question_is_on_screen(
    tmp_path, collector_restored
):
    rig = Rig(tmp_path)
    runner = rig.runner("tiny_loop")
    app = rig.app(runner)
    startup.hold_gc()
    assert not gc.isenabled()
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(1000):  # rounds of the event loop, not time: a bound for a failure
            if runner.prompt() is not None and gc.isenabled():
                break
            await pilot.pause()
        assert gc.isenabled()
        assert isinstance(app.screen, InterviewScreen) and app.screen.prompt is not None
        assert gc.get_freeze_count() > 0  # what the start-up built is out of its sight


def test_hold_and_release_are_idempotent_and_leave_a_disabled_collector_alone(
    collector_restored,
):
    gc.disable()  # someone else's choice: not ours to turn back on
    startup.hold_gc()
    startup.release_gc()
    assert not gc.isenabled() and gc.get_freeze_count() == 0
    gc.enable()
    startup.hold_gc()
    startup.hold_gc()
    assert not gc.isenabled()
    startup.release_gc()
    startup.release_gc()
    assert gc.isenabled()


SPY = """
import gc, sys
import interviewer.startup as startup
real = startup.release_gc
def spy():
    if startup._held:
        print("COLLECTOR BACK (held until now: %s)" % (not gc.isenabled()), flush=True)
    real()
startup.release_gc = spy
from interviewer.cli import main
sys.argv = ["interviewer", *sys.argv[1:]]
code = main()
print("COLLECTOR ENABLED AT EXIT: %s" % gc.isenabled(), flush=True)
raise SystemExit(code)
"""


@pytest.mark.slow
def test_plain_mode_holds_the_collector_until_the_first_question_is_out(tmp_path: Path):
    args = ["start", "--plain", "--scenario", "practice_breadth", "--seed", "2"]
    done = subprocess.run(
        [sys.executable, "-c", SPY, *args],
        input="/quit\n",
        capture_output=True,
        text=True,
        env=cli_env(tmp_path / "t"),
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert out.count("COLLECTOR BACK (held until now: True)") == 1
    assert out.index("Interviewer: ") < out.index("COLLECTOR BACK") < out.index("Saved.")
    assert "COLLECTOR ENABLED AT EXIT: True" in out
