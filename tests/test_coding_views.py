"""A coding answer after the interview: the scorecard, the replay and the Markdown report
show the code (highlighted in the app, fenced in Markdown, exactly as written) and its test
results (visible and hidden counts, each test with its run time, the first failing case)."""

import pytest
from markdown_it import MarkdownIt
from rich.syntax import Syntax
from textual.widgets import Static

from interviewer.backends import Backend
from interviewer.conductor.offline import OfflineConductor
from interviewer.domain.scenario import Scenario
from interviewer.domain.session import Session
from interviewer.judge.offline import OfflineJudge
from interviewer.markdown_code import code_fence, markdown_text
from interviewer.report import render_markdown
from interviewer.runner import InterviewRunner
from interviewer.settings import Settings
from interviewer.store.transcripts import TranscriptStore
from interviewer.tui.app import build_app
from interviewer.tui.code_view import split_fences
from interviewer.tui.replay import ReplayScreen
from interviewer.tui.scorecard import ScorecardScreen
from tests.builders import T0, coding_question, coding_rubric

BUGGY = "def two_sum(nums, target):\n    return [0, 1]\n"
# Correct, with what the Markdown sanitiser would mangle or a naive fence would end on:
# `<` before a letter, a run of backticks, a link, and an escape sequence to be removed.
SOLUTION = (
    "def two_sum(nums, target):\n"
    '    """Seen values to their index: ``` is no fence, [x](javascript:y) no link."""\n'
    "    seen = {}\n"
    "    for i, x in enumerate(nums):\n"
    "        if target - x in seen and seen[target - x]<i:\n"
    "            return [seen[target - x], i]\n"
    "        seen[x] = i  # \x1b]0;pwned\x07\n"
    "    return []\n"
)
SHOWN_SOLUTION = SOLUTION.replace("\x1b]0;pwned\x07", "").rstrip("\n")


@pytest.fixture(scope="module")
def finished(tmp_path_factory) -> tuple[TranscriptStore, str]:
    """A practice_coding interview: the buggy code run on the examples, then a fix submitted
    with its explanation and scored."""
    import asyncio

    tmp_path = tmp_path_factory.mktemp("coding")
    question = coding_question()
    example = "\n\nExample: two_sum([2, 7], 9) returns [0, 1]."
    question = question.model_copy(update={"prompt": question.prompt + example})
    scenario = Scenario.model_validate(
        {
            "id": "practice_coding",
            "title": "Coding",
            "rounds": [{"kind": "coding", "rubric": "coding", "questions": 1, "max_follow_ups": 0}],
        }
    )
    session = Session(
        id="20260105-090000-coding",
        scenario=scenario,
        rubrics={"coding": coding_rubric()},
        seed=1,
        created_at=T0,
        updated_at=T0,
    )
    store = TranscriptStore(tmp_path / "t")
    backend = Backend("offline", OfflineConductor(), OfflineJudge(), "offline")
    runner = InterviewRunner(session, {question.id: question}, backend, store, clock=lambda: T0)

    async def sit() -> None:
        await runner.begin()
        await runner.run_visible_tests(BUGGY)
        await runner.answer("A dict from value to index in one pass: O(n) time.", code=SOLUTION)
        await runner.finish()

    asyncio.run(sit())
    return store, session.id


def test_the_report_fences_the_code_exactly_and_shows_every_test(finished) -> None:
    store, session_id = finished
    report = render_markdown(store.open(session_id))
    tokens = MarkdownIt("commonmark").parse(report)
    fences = [t for t in tokens if t.type == "fence"]
    assert [t.info for t in fences] == ["python", "text"]
    assert fences[0].content.rstrip("\n") == SHOWN_SOLUTION  # `<`, backticks and all
    assert fences[0].markup == "````"  # longer than the ``` inside
    tests = fences[1].content
    assert "5 of 5 tests passed (visible 2 of 2, hidden 3 of 3)" in tests
    assert "✓ example_1  " in tests and "(hidden) [large input]" in tests
    assert "run took" in tests and ("ms" in tests or "µs" in tests)
    assert not [t for t in tokens if t.type in ("html_block", "html_inline")]
    assert "\x1b" not in report and "pwned" not in report


def test_a_fence_left_open_before_the_code_cannot_turn_it_into_markdown() -> None:
    text = markdown_text(["An open fence: ", "```", "", code_fence("[a](javascript:x)", "python")])
    tokens = MarkdownIt("commonmark").parse(text)
    inline = [t for t in tokens if t.type == "inline"]
    assert all("javascript" not in t.content for t in inline)


def test_fenced_blocks_split_from_the_markdown_around_them() -> None:
    text = markdown_text(["**Your code:**", "", code_fence("a = '```'\nb = 1 <c", "python")])
    assert split_fences(text) == [("", "**Your code:**\n"), ("python", "a = '```'\nb = 1 <c")]
    # An unclosed fence is Markdown, not a block.
    assert split_fences("```python\nx = 1") == [("", "```python\nx = 1")]


def app_for(store: TranscriptStore):
    settings = Settings(transcripts_dir=store.root, backend="offline")
    backend = Backend("offline", OfflineConductor(), OfflineJudge(), "offline")
    return build_app(settings, store=store, backend=backend, cursor_blink=False)


async def test_the_scorecard_highlights_the_code_and_lists_its_tests(finished) -> None:
    store, session_id = finished
    app = app_for(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.open_scorecard(store.open(session_id))
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ScorecardScreen) and screen.loaded
        views = list(screen.query(".code-view").results(Static))
        assert len(views) == 2
        code = views[0].content
        assert isinstance(code, Syntax) and code.lexer is not None
        assert code.lexer.name == "Python" and code.line_numbers
        assert code.code == SHOWN_SOLUTION
        tests = str(views[1].render())
        assert "visible 2 of 2, hidden 3 of 3" in tests and "✓ example_2" in tests
        # A prompt with an example below it: bold in its first paragraph only.
        text = "".join(screen.sections())
        assert "**Q1. Return the indices" in text and "(coding.q0).**" in text
        assert "\nExample: two_sum([2, 7], 9) returns [0, 1].\n" in text


async def test_the_replay_shows_the_code_with_its_answer_and_every_run(finished) -> None:
    store, session_id = finished
    app = app_for(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.open_replay(store.open(session_id))
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReplayScreen)
        assert not screen.query("#replay-turns .code-view")  # the question: no code yet
        tests = str(screen.query_one("#replay-tests", Static).render())
        assert "Run 1 · examples" in tests and "1 of 2 visible tests passed" in tests
        assert "Run 2 · submission" in tests and "hidden 3 of 3" in tests
        assert "✓ example_1" in tests and "(hidden)" in tests
        await pilot.press("right")  # the answer, submitted with the code
        await pilot.pause()
        views = list(screen.query("#replay-turns .code-view").results(Static))
        assert len(views) == 1
        code = views[0].content
        assert isinstance(code, Syntax) and code.code == SHOWN_SOLUTION
