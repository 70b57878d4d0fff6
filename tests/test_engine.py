from datetime import timedelta

import pytest

from interviewer.domain import engine
from interviewer.domain.engine import (
    AnswerSignal,
    AskFollowUp,
    AskProjectDescription,
    AskQuestion,
    AwaitAnswer,
    Finish,
)
from interviewer.domain.selection import NO_HISTORY, CandidateHistory
from interviewer.domain.session import SessionStatus
from tests.builders import T0, bank, scenario, session


def ask_next(s, b, signal=None, now=T0, history=NO_HISTORY):
    action = engine.next_action(s, b, signal, now=now, history=history)
    if isinstance(action, AskQuestion):
        engine.apply_ask_question(s, action, b[action.question_id], "q", now)
    elif isinstance(action, AskFollowUp):
        engine.apply_follow_up(s, action, action.prompt, now)
    elif isinstance(action, AskProjectDescription):
        engine.apply_ask_project_description(s, action, "describe", now)
    return action


def test_first_action_starts_the_first_round():
    s, b = session(scenario([("breadth", 2)])), bank()
    action = ask_next(s, b)
    assert isinstance(action, AskQuestion) and action.starts_round and action.round_index == 0
    assert len(s.rounds) == 1 and s.current_question is not None


def test_open_question_awaits_an_answer():
    s, b = session(scenario([("breadth", 2)])), bank()
    ask_next(s, b)
    assert isinstance(engine.next_action(s, b, None, now=T0), AwaitAnswer)


def test_missed_key_point_gets_a_follow_up_heaviest_first_and_at_most_the_limit():
    s, b = session(scenario([("breadth", 2)], max_follow_ups=2)), bank()
    ask_next(s, b)
    signal = AnswerSignal(["second", "first"])
    engine.apply_answer(s, "an answer", T0)
    first = ask_next(s, b, signal)
    assert isinstance(first, AskFollowUp) and first.key_point_id == "second"
    engine.apply_answer(s, "more", T0)
    second = ask_next(s, b, signal)  # "second" was probed already, so "first" is next
    assert isinstance(second, AskFollowUp) and second.key_point_id == "first"
    engine.apply_answer(s, "more", T0)
    third = ask_next(s, b, AnswerSignal(["third"]))
    assert isinstance(third, AskQuestion), "two follow-ups is the limit"
    assert s.questions[0].closed


def test_no_follow_up_when_nothing_was_missed():
    s, b = session(scenario([("breadth", 2)])), bank()
    ask_next(s, b)
    engine.apply_answer(s, "complete", T0)
    assert isinstance(ask_next(s, b, AnswerSignal([])), AskQuestion)


def test_rounds_advance_and_the_interview_finishes():
    s, b = session(scenario([("breadth", 1), ("breadth", 1)])), bank()
    ask_next(s, b)
    engine.apply_answer(s, "a", T0)
    nxt = ask_next(s, b, AnswerSignal([]))
    assert isinstance(nxt, AskQuestion) and nxt.starts_round and nxt.round_index == 1
    assert s.rounds[0].ended_at is not None
    engine.apply_answer(s, "b", T0)
    assert isinstance(ask_next(s, b, AnswerSignal([])), Finish)


def test_no_question_repeats_inside_a_session_even_when_the_pool_runs_dry():
    s, b = session(scenario([("breadth", 3), ("breadth", 3)])), bank(4)
    asked = []
    for _ in range(10):
        action = ask_next(s, b, AnswerSignal([]))
        if isinstance(action, Finish):
            break
        asked.append(s.questions[-1].question_id)
        engine.apply_answer(s, "x", T0)
    assert len(asked) == len(set(asked)) == 4


def test_selection_is_seeded():
    def first_ids(seed):
        s, b = session(scenario([("breadth", 3)]), seed=seed), bank(8)
        ids = []
        for _ in range(3):
            ask_next(s, b, AnswerSignal([]))
            ids.append(s.questions[-1].question_id)
            engine.apply_skip(s, T0)
        return ids

    assert first_ids(1) == first_ids(1)
    assert any(first_ids(1) != first_ids(seed) for seed in range(2, 8))


def test_history_prefers_questions_not_asked_before():
    b = bank(4)
    seen = {qid: 1 for qid in list(b)[:3]}
    s = session(scenario([("breadth", 1)]))
    action = ask_next(s, b, history=CandidateHistory(times_asked=seen))
    assert action.question_id == list(b)[3]


def test_history_prefers_weaker_topics_among_unseen():
    b = bank(3)  # topics topic0, topic1, topic2
    scores = {"topic0": 90.0, "topic1": 10.0, "topic2": 95.0}
    s = session(scenario([("breadth", 1)]))
    action = ask_next(s, b, history=CandidateHistory(topic_scores=scores))
    assert b[action.question_id].topics == ["topic1"]


def test_time_budget_closes_a_round():
    sc = scenario([("breadth", 5), ("breadth", 1)])
    sc.rounds[0].time_budget_minutes = 10
    s, b = session(sc), bank(6)
    ask_next(s, b)
    engine.apply_answer(s, "a", T0)
    action = ask_next(s, b, AnswerSignal([]), now=T0 + timedelta(minutes=11))
    assert isinstance(action, AskQuestion) and action.round_index == 1


def test_deep_dive_asks_for_a_project_first_or_records_the_one_given():
    sc = scenario([("deep_dive", 1)])
    b = bank(3, "deep_dive")
    s = session(sc)
    action = ask_next(s, b)
    assert isinstance(action, AskProjectDescription) and not action.given
    engine.apply_answer(s, "I built a churn model for a telecom.", T0)
    assert s.project_description.startswith("I built")
    assert isinstance(ask_next(s, b), AskQuestion)
    given = session(sc, project="Fraud detection at a bank")
    action = ask_next(given, b)
    # A project file: not asked for, but recorded as the round's first answer.
    assert isinstance(action, AskProjectDescription) and action.given
    [received] = given.questions
    assert received.closed and [t.text for t in received.answers] == ["Fraud detection at a bank"]
    assert isinstance(ask_next(given, b), AskQuestion)
    assert isinstance(engine.next_action(given, b, None, now=T0), AwaitAnswer)


def test_an_off_topic_answer_is_redirected_once_then_probed():
    s, b = session(scenario([("breadth", 1)], max_follow_ups=3)), bank()
    ask_next(s, b)
    asked = s.questions[0]
    engine.apply_answer(s, "Our team went to an offsite.", T0)
    redirect = ask_next(s, b, AnswerSignal(["first"], off_topic=True))
    assert isinstance(redirect, AskFollowUp) and redirect.key_point_id == ""
    assert redirect.prompt == f"That's not what I asked. The question was: {asked.prompt}"
    engine.apply_answer(s, "Still about the offsite.", T0)
    again = ask_next(s, b, AnswerSignal(["first"], off_topic=True))
    assert isinstance(again, AskFollowUp) and again.key_point_id == "first"  # not twice


def test_questions_the_project_already_answers_wait_until_nothing_else_is_left():
    sc = scenario([("deep_dive", 2)])
    b = bank(2, "deep_dive")
    s = session(sc, project="Fraud detection at a bank")
    ask_next(s, b)  # the description, recorded
    skip = frozenset({"deep_dive.q0"})
    first = engine.next_action(s, b, None, now=T0, answered_elsewhere=skip)
    assert isinstance(first, AskQuestion) and first.question_id == "deep_dive.q1"
    engine.apply_ask_question(s, first, b[first.question_id], "q", T0)
    engine.apply_answer(s, "an answer", T0)
    second = engine.next_action(s, b, AnswerSignal([]), now=T0, answered_elsewhere=skip)
    assert isinstance(second, AskQuestion) and second.question_id == "deep_dive.q0"


def test_end_round_moves_on_and_finish_marks_the_session():
    s, b = session(scenario([("breadth", 3), ("breadth", 1)])), bank()
    ask_next(s, b)
    engine.apply_end_round(s, T0)
    assert s.rounds[0].ended_early
    action = ask_next(s, b)
    assert isinstance(action, AskQuestion) and action.round_index == 1
    engine.apply_finish(s, T0, early=True)
    assert s.status is SessionStatus.finished
    assert isinstance(engine.next_action(s, b, None, now=T0), Finish)


def test_answer_without_open_question_is_refused():
    s = session(scenario([("breadth", 1)]))
    with pytest.raises(engine.EngineError):
        engine.apply_answer(s, "nobody asked", T0)


def test_asking_while_an_answer_is_due_is_refused():
    s, b = session(scenario([("breadth", 2)])), bank()
    action = ask_next(s, b)
    with pytest.raises(engine.EngineError):
        engine.apply_ask_question(s, action, b[action.question_id], "again", T0)
