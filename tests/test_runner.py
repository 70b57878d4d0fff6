"""The session runner: saves before it speaks, judges in the background, resumes."""

import asyncio

from interviewer.backends import Backend
from interviewer.conductor.offline import OfflineConductor
from interviewer.domain.judging import JudgeResult
from interviewer.domain.question import Clarification
from interviewer.domain.session import SessionStatus, TurnKind
from interviewer.judge.scripted import ScriptedJudge
from interviewer.runner import InterviewRunner
from interviewer.store.transcripts import TranscriptStore
from tests.builders import bank, scenario, session


def make(tmp_path, rounds=(("breadth", 2),), judge=None, max_follow_ups=0, project=None):
    judge = judge or ScriptedJudge()
    store = TranscriptStore(tmp_path / "t")
    s = session(scenario(list(rounds), max_follow_ups=max_follow_ups), project=project)
    backend = Backend("offline", OfflineConductor(), judge, "test backend")
    b = bank(6) | bank(3, "deep_dive")
    return InterviewRunner(s, b, backend, store), store, judge


async def test_every_answer_is_on_disk_before_the_next_question(tmp_path):
    runner, store, _ = make(tmp_path)
    await runner.begin()
    seen_on_disk = []

    real_speak = runner.backend.conductor.speak

    def spying_speak(request):
        on_disk = store.open(runner.session.id)
        seen_on_disk.append([t.text for q in on_disk.questions for t in q.answers])
        return real_speak(request)

    runner.backend.conductor.speak = spying_speak  # type: ignore[method-assign]
    await runner.answer("first answer about absolute weights")
    assert seen_on_disk[-1] == ["first answer about absolute weights"]
    await runner.wait_for_judging()


async def test_a_whole_interview_finishes_with_every_answer_scored(tmp_path):
    runner, store, judge = make(tmp_path, rounds=(("breadth", 2), ("breadth", 1)))
    prompt = await runner.begin()
    answers = 0
    while prompt is not None:
        answers += 1
        prompt = await runner.answer(f"answer {answers}")
    await runner.finish()
    saved = store.open(runner.session.id)
    assert saved.status is SessionStatus.finished
    assert [len(q.scoring_runs) for q in saved.questions] == [1, 1, 1]
    assert len(judge.history) == 3


class HeldJudge(ScriptedJudge):
    """A judge that gives no verdict until the test lets it."""

    def __init__(self) -> None:
        super().__init__()
        self.release = asyncio.Event()

    async def _score(self, request):
        await self.release.wait()
        return await super()._score(request)


async def test_the_next_question_does_not_wait_for_a_slow_judge(tmp_path):
    # No stopwatch (a loaded machine made "under a second" a race): the judge gives no
    # verdict at all until the next question is on screen.
    judge = HeldJudge()
    runner, _, _ = make(tmp_path, judge=judge)
    await runner.begin()
    prompt = await asyncio.wait_for(runner.answer("an answer"), timeout=60)
    assert prompt is not None and prompt.kind is TurnKind.question
    assert runner.judging_pending == 1
    judge.release.set()
    await runner.wait_for_judging()
    assert runner.judging_pending == 0
    await runner.quit(grace_seconds=0.01)


async def test_follow_up_probes_the_missed_key_point(tmp_path):
    runner, _, _ = make(tmp_path, max_follow_ups=2)
    await runner.begin()
    prompt = await runner.answer("It puts a penalty on absolute weight values.")
    assert prompt is not None and prompt.kind is TurnKind.follow_up
    assert prompt.text == "What happens to small weights?"  # the heaviest point missed
    await runner.quit(grace_seconds=1)


async def test_a_failing_judge_leaves_the_answer_unscored_with_its_reason(tmp_path):
    judge = ScriptedJudge()
    judge.enqueue(JudgeResult.unscored("endpoint returned malformed JSON", raw_reply="{oops"))
    runner, store, _ = make(tmp_path, judge=judge)
    await runner.begin()
    await runner.answer("something")
    await runner.wait_for_judging()
    run = store.open(runner.session.id).questions[0].scoring_runs[0]
    assert not run.result.is_scored
    assert run.result.reason == "endpoint returned malformed JSON"
    assert run.result.criteria == []  # never a silent 0


async def test_rescore_keeps_the_earlier_run(tmp_path):
    judge = ScriptedJudge()
    judge.enqueue(JudgeResult.unscored("timeout"))
    runner, store, _ = make(tmp_path, judge=judge)
    await runner.begin()
    await runner.answer("something")
    await runner.wait_for_judging()
    assert await runner.rescore(only_unscored=True) == 1
    runs = store.open(runner.session.id).questions[0].scoring_runs
    assert [r.result.is_scored for r in runs] == [False, True]


async def test_resume_scores_answers_that_were_never_judged(tmp_path):
    runner, store, _ = make(tmp_path, judge=ScriptedJudge(delay=5))
    await runner.begin()
    await runner.answer("answered before the crash")
    for task in runner._judging.values():  # the process died before the judge replied
        task.cancel()
    await asyncio.sleep(0)
    crashed = store.open(runner.session.id)
    assert crashed.questions[0].scoring_runs == []
    backend = Backend("offline", OfflineConductor(), ScriptedJudge(), "test")
    resumed = InterviewRunner(crashed, runner.bank, backend, store)
    prompt = await resumed.begin()
    assert prompt is not None and prompt.text == crashed.questions[-1].turns[-1].text
    await resumed.wait_for_judging()
    assert len(store.open(crashed.id).questions[0].scoring_runs) == 1


async def test_hint_and_skip(tmp_path):
    runner, _, _ = make(tmp_path)
    await runner.begin()
    prompt = await runner.hint()
    assert prompt is not None and prompt.kind is TurnKind.hint and prompt.hints_left == 0
    assert prompt.text.startswith("Hint:")
    prompt = await runner.skip()
    assert prompt is not None and prompt.question_number == 2
    assert runner.session.questions[0].skipped


async def test_clarifying_question_gets_the_fact_and_does_not_count_as_an_answer(tmp_path):
    runner, _, _ = make(tmp_path)
    await runner.begin()
    question = runner.bank[runner.session.questions[0].question_id]
    question.clarifications.append(
        Clarification(triggers=["users", "traffic"], fact="About ten million daily users.")
    )
    prompt = await runner.answer("How many daily users are there?")
    assert prompt is not None and prompt.kind is TurnKind.clarification
    assert "ten million" in prompt.text
    assert runner.session.questions[0].answers == []


async def test_deep_dive_without_a_project_asks_for_one(tmp_path):
    runner, _, _ = make(tmp_path, rounds=(("deep_dive", 1),))
    prompt = await runner.begin()
    assert prompt is not None and prompt.kind is TurnKind.project_request
    prompt = await runner.answer("A demand forecasting model for a grocery chain.")
    assert prompt is not None and prompt.kind is TurnKind.question
    await runner.wait_for_judging()
    description = runner.session.questions[0]
    assert description.is_project_description and description.key_points
    assert description.scoring_runs  # scored as the round's first answer
