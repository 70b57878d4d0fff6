"""The coding round in the app: the editor with the starter, F5 runs the examples and shows
the first failing case, ctrl+s submits the code with the explanation, drafts are kept."""

from pathlib import Path

from textual.widgets import Static, TextArea

from interviewer.backends import Backend
from interviewer.conductor.offline import OfflineConductor
from interviewer.content.loader import Content
from interviewer.domain.coding import RunKind
from interviewer.domain.scenario import Scenario
from interviewer.domain.session import Mode, Session
from interviewer.judge.offline import OfflineJudge
from interviewer.runner import InterviewRunner
from interviewer.settings import Settings
from interviewer.store.transcripts import TranscriptStore
from interviewer.tui.app import build_app
from interviewer.tui.interview import InterviewScreen
from tests.builders import SUM_PAIR_REFERENCE, T0, coding_question, coding_rubric

BUGGY = "def two_sum(nums, target):\n    return [0, 1]\n"


def make_app(tmp_path: Path):
    question = coding_question()
    content = Content(rubrics={"coding": coding_rubric()}, questions={question.id: question})
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
        mode=Mode.practice,
        seed=1,
        created_at=T0,
        updated_at=T0,
    )
    store = TranscriptStore(tmp_path / "t")
    backend = Backend("offline", OfflineConductor(), OfflineJudge(), "offline")
    runner = InterviewRunner(session, content.questions, backend, store, clock=lambda: T0)
    settings = Settings(transcripts_dir=store.root, backend="offline")
    app = build_app(settings, runner=runner, content=content, store=store, backend=backend)
    return app, runner, store


async def settle(pilot, app) -> None:
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


def shown(app) -> str:
    return str(app.screen.query_one("#run-output", Static).render())


async def test_run_see_the_failing_case_fix_submit_and_score(tmp_path):
    app, runner, store = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        assert isinstance(app.screen, InterviewScreen)
        editor = app.screen.query_one("#code", TextArea)
        assert editor.display and editor.has_focus
        assert editor.text.startswith("def two_sum(nums, target):")  # the starter
        assert editor.show_line_numbers and editor.language == "python"

        editor.text = BUGGY
        await pilot.press("f5")
        await settle(pilot, app)
        text = shown(app)
        assert "1 of 2 visible tests passed" in text
        assert "First failing case: example_2" in text
        assert "expected: [1, 2]" in text and "got:      [0, 1]" in text

        editor.text = SUM_PAIR_REFERENCE
        await pilot.press("f5")
        await settle(pilot, app)
        assert "2 of 2 visible tests passed" in shown(app)

        await pilot.press("ctrl+o")  # to the explanation box
        explanation = app.screen.query_one("#answer", TextArea)
        assert explanation.has_focus
        explanation.insert("A dict from value to index, one pass: O(n) time and O(n) space.")
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        await runner.wait_for_judging()
        await settle(pilot, app)
    asked = store.open(runner.session.id).questions[0]
    assert [r.kind for r in asked.runs] == [RunKind.visible, RunKind.visible, RunKind.submission]
    assert asked.submitted_code == SUM_PAIR_REFERENCE
    assert "O(n) time" in asked.answers[0].text
    verdict = asked.latest_scoring
    assert verdict is not None
    levels = {c.criterion_id: c.level for c in verdict.result.criteria}
    assert levels["correctness"] == 4 and levels["efficiency"] == 4


async def test_the_code_draft_survives_quitting(tmp_path):
    app, runner, _ = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        app.screen.query_one("#code", TextArea).text = BUGGY
        await pilot.press("ctrl+q")
        await settle(pilot, app)
    assert app.drafts.load(runner.session.id, part="code") == BUGGY
