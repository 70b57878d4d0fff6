"""The coding round through the runner and plain mode: runs are saved with the question,
the submission runs the hidden tests before judging, and hostile code never stops the
interview."""

import pytest

from interviewer.backends import Backend
from interviewer.conductor.offline import OfflineConductor
from interviewer.domain.coding import Outcome, RunKind, RunStatus
from interviewer.domain.scenario import Scenario
from interviewer.domain.session import Session, SessionStatus
from interviewer.judge.offline import OfflineJudge
from interviewer.runner import InterviewRunner
from interviewer.store.transcripts import TranscriptStore
from tests.builders import SUM_PAIR_REFERENCE, T0, coding_question, coding_rubric
from tests.plain_driver import run_cli


def make(tmp_path, questions: int = 2) -> tuple[InterviewRunner, TranscriptStore]:
    bank = {q.id: q for q in (coding_question(f"coding.q{i}") for i in range(questions))}
    scenario = Scenario.model_validate(
        {
            "id": "practice_coding",
            "title": "Coding",
            "rounds": [
                {"kind": "coding", "rubric": "coding", "questions": questions, "max_follow_ups": 0}
            ],
        }
    )
    session = Session(
        id="c1",
        scenario=scenario,
        rubrics={"coding": coding_rubric()},
        seed=1,
        created_at=T0,
        updated_at=T0,
    )
    store = TranscriptStore(tmp_path / "t")
    backend = Backend("offline", OfflineConductor(), OfflineJudge(), "offline")
    return InterviewRunner(session, bank, backend, store), store


async def test_a_coding_question_prompts_for_code_with_its_starter(tmp_path):
    runner, _ = make(tmp_path)
    prompt = await runner.begin()
    assert prompt is not None and prompt.wants_code
    assert prompt.coding is not None and prompt.coding.starter.startswith("def two_sum")
    assert prompt.coding.visible_tests == 2 and prompt.coding.hidden_tests == 3


async def test_runs_and_the_submission_are_kept_in_the_transcript(tmp_path):
    runner, store = make(tmp_path, questions=1)
    await runner.begin()
    buggy = "def two_sum(nums, target):\n    return [0, 1]\n"
    run = await runner.run_visible_tests(buggy)
    assert [r.outcome for r in run.results] == [Outcome.passed, Outcome.failed]
    saved = store.open(runner.session.id)
    assert saved.questions[0].runs[0].code == buggy  # durable at once
    assert (await runner.answer("A dict, one pass, O(n).", code=SUM_PAIR_REFERENCE)) is None
    await runner.finish()
    saved = store.open(runner.session.id)
    asked = saved.questions[0]
    assert [r.kind for r in asked.runs] == [RunKind.visible, RunKind.submission]
    assert asked.submitted_code == SUM_PAIR_REFERENCE
    assert asked.submission_run is not None and asked.submission_run.counts(hidden=True) == (3, 3)
    verdict = asked.latest_scoring
    assert verdict is not None
    assert {c.criterion_id: c.level for c in verdict.result.criteria}["correctness"] == 4


async def test_rescoring_reuses_the_saved_run(tmp_path):
    runner, store = make(tmp_path, questions=1)
    await runner.begin()
    await runner.answer("One pass with a dict.", code=SUM_PAIR_REFERENCE)
    await runner.finish()
    assert await runner.rescore() == 1
    asked = store.open(runner.session.id).questions[0]
    assert len(asked.runs) == 1 and len(asked.scoring_runs) == 2


HOSTILE = {
    "infinite loop": "def two_sum(nums, target):\n    while True:\n        pass\n",
    "4 GB allocation": "def two_sum(nums, target):\n    return bytearray(4 * 1024**3)\n",
    "fork loop": "import os\ndef two_sum(nums, target):\n    while True:\n        os.fork()\n",
    "environment": "import os\ndef two_sum(nums, target):\n    return dict(os.environ)\n",
    "write outside": "def two_sum(nums, target):\n    open('/tmp/x-escape', 'w')\n",
    "10 MB output": "def two_sum(nums, target):\n    print('x' * 10_000_000)\n",
}


@pytest.mark.parametrize("name", list(HOSTILE))
async def test_hostile_code_is_contained_and_the_interview_goes_on(tmp_path, name, monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", "sk-must-not-leak")
    runner, store = make(tmp_path)
    await runner.begin()
    run = await runner.run_visible_tests(HOSTILE[name])
    assert run.status in (RunStatus.completed, RunStatus.stopped)
    assert not any(r.passed for r in run.results)
    assert "sk-must-not-leak" not in run.model_dump_json()
    prompt = await runner.answer("My attempt.", code=HOSTILE[name])
    assert prompt is not None and prompt.question_number == 2  # the next question
    await runner.wait_for_judging()
    saved = store.open(runner.session.id)
    verdict = saved.questions[0].latest_scoring
    assert verdict is not None and verdict.result.is_scored
    assert {c.criterion_id: c.level for c in verdict.result.criteria}["correctness"] == 1
    assert saved.status is SessionStatus.in_progress


@pytest.mark.slow
def test_plain_mode_runs_the_examples_then_submits_code_and_explanation(tmp_path):
    transcripts = tmp_path / "t"
    own = tmp_path / "content" / "scenarios"
    own.mkdir(parents=True)
    (own / "two_sum.yaml").write_text(
        "id: two_sum_only\ntitle: Two sum\nrounds:\n  - kind: coding\n    rubric: coding\n"
        "    questions: 1\n    pool:\n      ids: [coding.hashing.two_sum]\n"
    )
    buggy = "def two_sum(nums, target):\n    return [0, 1]\n"
    script = (
        buggy
        + "/run\n.\n"  # run the examples on the buggy code, then submit it
        + "One pass with a dictionary of values seen, O(n) time.\n.\n"
        + "/end\n"
    )
    done = run_cli(
        [
            *("--content-dir", str(tmp_path / "content"), "start", "--plain"),
            *("--scenario", "two_sum_only", "--seed", "1"),
        ],
        transcripts,
        script,
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "Starter:" in out and "/run runs the visible examples" in out
    assert "1 of 2 visible tests passed" in out and "First failing case: example_2" in out
    assert "expected: [1, 2]" in out and "got:      [0, 1]" in out
    assert "Now, in a few lines: your approach" in out
    assert "# Scorecard" in out
