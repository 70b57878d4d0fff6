"""`interviewer start` shows its first question before pydantic, the models and the
settings are loaded (quickstart.py), then builds the interview behind it: the question is
the one the interview asks, what is typed meanwhile is kept, and keys that need the
interview wait for it."""

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from rich.console import Console
from rich.markdown import Markdown

from interviewer.cli import build_parser
from interviewer.content.loader import content_roots, load_content
from interviewer.quickstart import FirstQuestion, build_runner, plan
from interviewer.safe_text import for_markdown
from interviewer.session_factory import SetupError
from interviewer.store.transcripts import TranscriptStore
from interviewer.tui.app import build_app
from interviewer.tui.conversation import InterviewerTurn, plain_paragraphs, turn_renderable
from interviewer.tui.first_question import FirstQuestionScreen
from interviewer.tui.interview import InterviewScreen
from tests.test_index import scored_session

ROOT = Path(__file__).resolve().parent.parent
SIZE = (100, 30)


@pytest.fixture
def cached(isolated_user_paths):
    """The content compiled once, as any earlier start leaves it (with its digest)."""
    load_content(content_roots([]))


def args_for(*argv: str):
    return build_parser().parse_args(["start", *argv])


def first_for(*argv: str) -> FirstQuestion:
    first = plan(args_for(*argv))
    assert first is not None, argv
    return first


# --- the question shown ahead is the interview's -------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        *[("--seed", str(seed)) for seed in range(0, 40, 3)],
        ("--seed", "5", "--level", "staff"),
        ("--seed", "6", "--level", "junior", "--mode", "practice"),
        ("--seed", "7", "--rounds", "system_design,behavioral"),
        ("--seed", "8", "--scenario", "research_scientist"),
    ],
)
async def test_the_question_shown_ahead_is_the_one_the_interview_asks(cached, tmp_path, argv):
    # A history that steers the choice: questions asked before are avoided.
    store = TranscriptStore(Path(os.environ["INTERVIEWER_TRANSCRIPTS_DIR"]))
    candidate = os.environ.get("USER") or "default"
    for n in range(3):
        store.save(scored_session(f"2026010{n}-h{n}", candidate, days=n))
    store.index.close()
    args = args_for(*argv)
    first = plan(args)
    if first is None:
        pytest.skip(f"{argv}: the usual start (deep dive or coding first)")
    _, _, runner = build_runner(args, first)
    try:
        prompt = await runner.begin()
    finally:
        runner.close()
    assert prompt is not None
    asked = runner.session.questions[0]
    assert (asked.question_id, prompt.text) == (first.question_id, first.text)
    assert (prompt.round_index, prompt.round_count) == (first.round_index, first.round_count)
    assert prompt.round_title == first.round_title
    assert prompt.round_questions == first.round_questions
    assert (prompt.time_budget_minutes, prompt.hints_left) == (first.minutes, first.hints)
    assert runner.session.seed == first.seed and runner.session.created_at == first.now


def test_the_history_decides_the_first_question_as_it_does_the_interviews(cached):
    plain = first_for("--seed", "11")
    store = TranscriptStore(Path(os.environ["INTERVIEWER_TRANSCRIPTS_DIR"]))
    candidate = os.environ.get("USER") or "default"
    seen = scored_session("20260101-seen", candidate)
    seen.questions[0].question_id = plain.question_id
    store.save(seen)
    store.index.close()
    assert first_for("--seed", "11").question_id != plain.question_id  # asked before


@pytest.mark.parametrize(
    "argv, environment",
    [
        (("--backend", "openai"), {}),
        ((), {"OPENAI_API_KEY": "sk-test"}),
        ((), {"INTERVIEWER_MODEL": "other"}),  # a setting to validate
        ((), {"INTERVIEWER_BACKEND": "openai"}),
        (("--judge-samples", "3"), {}),
        (("--plain",), {}),
        (("--project-file", "p.md"), {}),
        (("--track", "nlp"), {}),
        (("--scenario", "nope"), {}),  # said by the usual start
        (("--rounds", "breadth,nope"), {}),
        (("--rounds", "deep_dive"), {}),  # opens on the project
        (("--rounds", "coding"), {}),  # the code editor
    ],
)
def test_the_usual_start_runs_where_the_plan_cannot_stand_for_it(
    cached, monkeypatch, argv, environment
):
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    assert plan(args_for(*argv)) is None


def test_a_config_file_an_uncached_content_or_an_unknown_transcript_means_the_usual_start(
    cached, isolated_user_paths, monkeypatch, tmp_path
):
    assert plan(args_for()) is not None
    config = isolated_user_paths / ".config" / "interviewer" / "config.yaml"
    config.parent.mkdir(parents=True)
    config.write_text("model: x\n")
    assert plan(args_for()) is None
    config.unlink()
    folder = Path(os.environ["INTERVIEWER_TRANSCRIPTS_DIR"])
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "20260101-x.json").write_text(scored_session("20260101-x").model_dump_json())
    assert plan(args_for()) is None  # to be read into the index: the models are needed
    monkeypatch.setenv("INTERVIEWER_CACHE_DIR", str(tmp_path / "empty-cache"))
    (folder / "20260101-x.json").unlink()
    assert plan(args_for()) is None  # no digest yet


# --- drawn without the Markdown parser, the same cells --------------------------------------


def test_plain_paragraphs_are_drawn_as_markdown_draws_them(cached):
    content = load_content(content_roots([]))
    texts = [q.prompt for q in content.questions.values()]
    texts += [f"Round 1 of 5: ML breadth (4 questions, about 25 minutes).\n\n{t}" for t in texts]
    plain = [t for t in texts if plain_paragraphs(t)]
    assert len(plain) > len(texts) / 2  # most questions are drawn without the parser
    for text in plain:
        for width in (38, 61, 96):
            fast = render(turn_renderable(text), width)
            assert fast == render(Markdown(for_markdown(text)), width), (text, width)
    for text in ("Use `x`", "a *b*", "- item", "1. first", "line\nbreak", "# Title", "x  y"):
        assert not plain_paragraphs(text)
        assert isinstance(turn_renderable(text), Markdown)


def render(renderable, width: int) -> list[str]:
    console = Console(width=width, record=True, color_system=None, force_terminal=True)
    console.print(renderable)
    return [line.rstrip() for line in console.export_text().splitlines()]


# --- the app: ahead, then the interview -----------------------------------------------------


def gated_build(args, first):
    """A build that waits for the test's word, so what happens before it is seen."""
    go = threading.Event()

    def build():
        assert go.wait(30)
        return build_runner(args, first)

    return go, build


async def handed_over(app, pilot) -> None:
    for _ in range(3000):
        await pilot.pause(0.01)
        if app.handed_over and isinstance(app.screen, InterviewScreen):
            return
    raise AssertionError("the interview never took over")


async def test_typed_ahead_is_carried_over_and_the_transcript_saved(cached):
    args = args_for("--seed", "4")
    first = plan(args)
    assert first is not None
    go, build = gated_build(args, first)
    app = build_app(None, first=first, build=build, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, FirstQuestionScreen)
        assert app.screen.query_one(InterviewerTurn).text == first.text
        await pilot.press(*"bias is", "left", "left", "left", *"X")
        assert isinstance(app.screen, FirstQuestionScreen)  # still ahead: nothing built
        go.set()
        await handed_over(app, pilot)
        editor = app.screen.query_one("#answer")
        assert editor.text == "biasX is" and app.screen.focused is editor
        await pilot.press(*" low")  # the cursor came along
        assert editor.text == "biasX low is"
        runner = app.built_runner
        assert runner is not None
        await pilot.pause()
        assert runner.saved_to.exists()  # saved before any answer, as ever
        [turn] = app.screen.query(InterviewerTurn)  # the same turn, said
        assert turn.text == first.text
        assert runner.session.questions[0].turns[0].text == first.text
    app.join_build()
    runner.close_unwritten()


async def test_keys_that_need_the_interview_wait_for_it(cached):
    args = args_for("--seed", "9")
    first = plan(args)
    assert first is not None
    go, build = gated_build(args, first)
    app = build_app(None, first=first, build=build, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*"An answer typed at once.", "ctrl+s")
        assert app.after_hand_over == ["submit"]
        go.set()
        await handed_over(app, pilot)
        runner = app.built_runner
        for _ in range(3000):  # the submit waits for the interviewer's first turn
            await pilot.pause(0.01)
            if runner.session.answered_count:
                break
        assert runner.session.questions[0].answers[0].text == "An answer typed at once."
        await pilot.press("ctrl+q")
    assert app.exit_message.startswith("Saved. Continue with: interviewer resume")
    app.join_build()
    runner.close_unwritten()


async def test_quitting_before_the_interview_took_over_saves_it(cached):
    args = args_for("--seed", "2")
    first = plan(args)
    assert first is not None
    go, build = gated_build(args, first)
    app = build_app(None, first=first, build=build, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*"draft")
        screen = app.screen
        real_save = screen.save_for_quit

        async def save_for_quit(grace_seconds: float = 2.0) -> None:
            go.set()  # the build ends only once ctrl+q is waiting for it
            await real_save(grace_seconds=grace_seconds)

        screen.save_for_quit = save_for_quit
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0
    assert app.exit_message.startswith("Saved. Continue with: interviewer resume")
    app.join_build()
    runner = app.built_runner
    assert runner is not None and runner.saved_to.exists()
    assert app.drafts.load(runner.session.id) == "draft"
    assert not runner.close_unwritten()


async def test_an_interview_that_cannot_be_built_says_why_and_exits_2(cached):
    first = first_for("--seed", "1")

    def build():
        raise SetupError("the transcripts folder is a file")

    app = build_app(None, first=first, build=build, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(3000):
            await pilot.pause(0.01)
            if app.start_error:
                break
    assert app.start_error == "error: the transcripts folder is a file"
    assert app.return_code == 2


# --- what the start loads before the question is on screen ---------------------------------

PROBE = """
import json, sys
from textual.app import App
from interviewer.tui import app as app_module

seen = {}
real_start = app_module.InterviewerApp._start_build


def start_build(self):
    # Called once the first question has been drawn: what is loaded by then?
    from interviewer.tui.conversation import InterviewerTurn

    seen["screen"] = type(self.screen).__name__
    seen["shown"] = [t.text for t in self.screen.query(InterviewerTurn)]
    seen["loaded"] = sorted(
        m for m in ("pydantic", "pydantic_settings", "yaml", "markdown_it",
                    "interviewer.domain.session", "interviewer.settings",
                    "interviewer.runner", "interviewer.content.loader")
        if m in sys.modules
    )
    real_start(self)


async def show_built(self, settings, content, runner):
    self.exit(0)

app_module.InterviewerApp._start_build = start_build
app_module.InterviewerApp._show_built = show_built
app_module.InterviewerApp.run = lambda self: App.run(self, headless=True, size=(100, 30))
from interviewer.cli import main
rc = main(["start", "--seed", "3"])
print(json.dumps({"rc": rc, **seen}))
"""


def test_the_first_question_is_on_screen_before_pydantic_and_the_models_load(cached):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", PROBE],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["screen"] == "FirstQuestionScreen"
    [shown] = seen["shown"]
    assert shown.startswith("Round 1 of ")
    # The Markdown parser, only for a question that needs it to be drawn.
    assert set(seen["loaded"]) <= (set() if plain_paragraphs(shown) else {"markdown_it"})
    assert seen["rc"] == 0
