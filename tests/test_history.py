"""History-aware selection across saved sessions."""

from interviewer.backends import Backend
from interviewer.conductor.offline import OfflineConductor
from interviewer.content.loader import load_content
from interviewer.domain import engine
from interviewer.domain.judging import CriterionScore, JudgeResult, ScoreStatus
from interviewer.domain.session import Mode, ScoringRun
from interviewer.judge.base import rubric_hash
from interviewer.judge.scripted import ScriptedJudge
from interviewer.session_factory import NewInterview, create_session, make_runner
from interviewer.store.history import candidate_history
from interviewer.store.transcripts import TranscriptStore
from tests.builders import T0, bank, rubric, scenario, session


def backend(judge=None):
    return Backend("offline", OfflineConductor(), judge or ScriptedJudge(), "test")


async def sit(content, store, candidate, seed, judge=None):
    be = backend(judge)
    request = NewInterview(
        scenario_id="ml_engineer", mode=Mode.mock, seed=seed, candidate=candidate
    )
    session = create_session(content, request, be)
    runner = make_runner(session, content, store, be)
    prompt = await runner.begin()
    while prompt is not None and prompt.round_index == 0:
        prompt = await runner.answer("an answer about the topic")
    await runner.quit()
    return {q.question_id for q in session.questions if q.round_index == 0}


async def test_back_to_back_sessions_share_no_breadth_question(tmp_path):
    content = load_content()
    store = TranscriptStore(tmp_path)
    for seed in (1, 2):  # the same seed twice would still be steered away by history
        first = await sit(content, store, "ada", seed)
        second = await sit(content, store, "ada", seed)
        assert first and second and not first & second
        store = TranscriptStore(tmp_path / f"fresh{seed}")


async def test_another_candidates_history_does_not_count(tmp_path):
    content = load_content()
    store = TranscriptStore(tmp_path)
    first = await sit(content, store, "ada", 4)
    other = await sit(content, store, "grace", 4)
    assert first == other  # same seed, no shared history: the same questions


def test_weak_topics_come_from_past_scores():
    s = session(scenario([("breadth", 2)]))
    s.candidate = "ada"
    b = bank(2)
    for level in (1, 4):
        action = engine.next_action(s, b, None, now=T0)
        asked = engine.apply_ask_question(s, action, b[action.question_id], "q", T0)
        engine.apply_answer(s, "a", T0)
        result = JudgeResult(
            status=ScoreStatus.scored,
            criteria=[CriterionScore(criterion_id=c.id, level=level) for c in rubric().criteria],
        )
        identity = backend().judge.identity(rubric())
        assert identity.rubric_hash == rubric_hash(rubric())
        asked.scoring_runs.append(
            ScoringRun(judge=identity, result=result, at=T0, answers_judged=1)
        )
    history = candidate_history([s], "ada")
    weak, strong = (s.questions[0].topics[0], s.questions[1].topics[0])
    assert history.topic_scores[weak] == 0.0 and history.topic_scores[strong] == 100.0
    assert all(history.times_asked[q.question_id] == 1 for q in s.questions)
    assert candidate_history([s], "someone else").times_asked == {}
