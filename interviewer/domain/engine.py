"""The interview engine: a pure state machine over the session.

`next_action` decides what happens next from the session so far and the last answer's
signal; the `apply_*` transitions record what happened. Nothing here does I/O or knows
who speaks the words: the conductor phrases, the judge scores, the store saves.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from interviewer.domain.coding import CodeRun
from interviewer.domain.question import KeyPoint, Question, RoundKind
from interviewer.domain.selection import (
    NO_HISTORY,
    CandidateHistory,
    choose_question,
    eligible_questions,
)
from interviewer.domain.session import (
    PROJECT_QUESTION_ID,
    AskedQuestion,
    RoundRecord,
    Session,
    SessionStatus,
    Turn,
    TurnKind,
)


@dataclass(frozen=True)
class AnswerSignal:
    """What the last answer missed, most important first (key point ids), and whether it
    spoke to something else entirely (then the question is put again, not probed)."""

    missed_key_points: list[str] = field(default_factory=list)
    off_topic: bool = False


# Said when an answer was about something else: the question is put again, once.
REDIRECT = "That's not what I asked. The question was: {prompt}"


@dataclass(frozen=True)
class AskQuestion:
    round_index: int
    question_id: str
    starts_round: bool


@dataclass(frozen=True)
class AskFollowUp:
    question_id: str
    key_point_id: str  # "" for a redirect (the answer was off topic)
    prompt: str


@dataclass(frozen=True)
class AskProjectDescription:
    """The deep dive opens on the candidate's project: asked for, or, when it came with
    the interview (a project file), received (`given`) and scored as the first answer."""

    round_index: int
    starts_round: bool
    given: bool = False


@dataclass(frozen=True)
class AwaitAnswer:
    """The interviewer has spoken; the candidate's answer is due."""


@dataclass(frozen=True)
class Finish:
    reason: str


Action = AskQuestion | AskFollowUp | AskProjectDescription | AwaitAnswer | Finish


class EngineError(RuntimeError):
    """A transition that the session's state does not allow."""


def next_action(
    session: Session,
    bank: Mapping[str, Question],
    signal: AnswerSignal | None = None,
    *,
    now: datetime,
    history: CandidateHistory = NO_HISTORY,
    answered_elsewhere: frozenset[str] = frozenset(),
) -> Action:
    """`answered_elsewhere`: questions the candidate has in effect answered already (the
    deep dive's project description says most of it); asked only when nothing else is
    left in the round."""
    if session.status is SessionStatus.finished:
        return Finish("finished")
    current = session.current_question
    if current is not None:
        if current.awaiting_answer:
            return AwaitAnswer()
        follow_up = _follow_up(session, current, bank, signal)
        if follow_up is not None:
            return follow_up
        # No follow-up: the answered question is closed by the next ask or by finishing.
    return _next_question(session, bank, now, history, answered_elsewhere)


def _follow_up(
    session: Session,
    current: AskedQuestion,
    bank: Mapping[str, Question],
    signal: AnswerSignal | None,
) -> AskFollowUp | None:
    if signal is None or not current.turns or current.turns[-1].kind is not TurnKind.answer:
        return None
    spec = session.scenario.rounds[current.round_index]
    if current.follow_ups_asked >= spec.max_follow_ups:
        return None
    question = bank.get(current.question_id)
    if question is None:
        return None
    redirected = any(t.kind is TurnKind.follow_up and not t.probes for t in current.turns)
    if signal.off_topic and not redirected:
        return AskFollowUp(question.id, "", REDIRECT.format(prompt=current.prompt))
    for kp_id in signal.missed_key_points:
        if kp_id in current.probed_key_points:
            continue
        probe = question.follow_up_for(kp_id)
        if probe is not None:
            return AskFollowUp(question.id, kp_id, probe.prompt)
    return None


def follow_up_possible(
    session: Session, current: AskedQuestion, bank: Mapping[str, Question]
) -> bool:
    """Whether any signal could lead to a follow-up on the current question: the limit is
    not reached and some key point with a probe has not been probed yet."""
    question = bank.get(current.question_id)
    if question is None:
        return False
    every_point = AnswerSignal([kp.id for kp in question.key_points], off_topic=True)
    return _follow_up(session, current, bank, every_point) is not None


def _round_over(session: Session, round_index: int, now: datetime) -> bool:
    record = session.rounds[round_index]
    if record.ended_at is not None:
        return True
    spec = session.scenario.rounds[round_index]
    if len(session.questions_in_round(round_index)) >= spec.questions:
        return True
    if spec.time_budget_minutes is not None:
        elapsed = record.elapsed(now).total_seconds()
        if elapsed >= spec.time_budget_minutes * 60:
            return True
    return False


def _next_question(
    session: Session,
    bank: Mapping[str, Question],
    now: datetime,
    history: CandidateHistory,
    answered_elsewhere: frozenset[str] = frozenset(),
) -> Action:
    round_index = len(session.rounds) - 1
    starts_round = False
    if round_index < 0 or _round_over(session, round_index, now):
        round_index += 1
        starts_round = True
    while round_index < len(session.scenario.rounds):
        spec = session.scenario.rounds[round_index]
        if spec.kind is RoundKind.deep_dive and _wants_project(session, round_index, starts_round):
            return AskProjectDescription(
                round_index, starts_round, given=bool(session.project_description)
            )
        candidates = eligible_questions(spec, bank, session.scenario.role, session.scenario.level)
        asked = session.asked_ids()
        topics_used = {t for q in session.questions for t in q.topics}
        position = len(session.questions_in_round(round_index)) if not starts_round else 0
        choice = None
        for avoided in (asked | answered_elsewhere, asked):
            choice = choose_question(
                candidates,
                asked=avoided,
                topics_used=topics_used,
                seed=session.seed,
                round_index=round_index,
                position=position,
                history=history,
            )
            if choice is not None:
                break
        if choice is not None:
            return AskQuestion(round_index, choice.id, starts_round)
        # The pool ran dry: move on rather than repeat a question.
        round_index += 1
        starts_round = True
    return Finish("all rounds done")


def _wants_project(session: Session, round_index: int, starts_round: bool) -> bool:
    """The deep dive opens on the project: once a session, before the round's first
    question (a session begun before the description was recorded this way keeps going)."""
    if any(q.is_project_description for q in session.questions):
        return False
    return not session.project_description or (
        starts_round or not session.questions_in_round(round_index)
    )


# --- transitions -------------------------------------------------------------------------


def _start_round_if_needed(session: Session, round_index: int, now: datetime) -> None:
    if session.rounds and session.rounds[-1].index == round_index:
        return
    if session.rounds and session.rounds[-1].ended_at is None:
        session.rounds[-1].ended_at = now
    # Rounds skipped because their pools ran dry still get a record, so indexes line up.
    while len(session.rounds) <= round_index:
        index = len(session.rounds)
        spec = session.scenario.rounds[index]
        session.rounds.append(
            RoundRecord(
                index=index,
                kind=spec.kind,
                rubric_id=spec.rubric,
                title=spec.display_title,
                started_at=now,
                ended_at=now if index < round_index else None,
            )
        )


def _close_answered(session: Session, now: datetime) -> None:
    current = session.current_question
    if current is None:
        return
    if current.awaiting_answer:
        raise EngineError("the current question is still awaiting an answer")
    current.closed = True


def apply_ask_question(
    session: Session,
    action: AskQuestion,
    question: Question,
    text: str,
    now: datetime,
    prompt: str | None = None,
) -> AskedQuestion:
    """`prompt`: the question as it was put (a deep dive's, about the candidate's project),
    when it differs from the bank's wording."""
    _close_answered(session, now)
    _start_round_if_needed(session, action.round_index, now)
    asked = AskedQuestion(
        question_id=question.id,
        round_index=action.round_index,
        prompt=prompt or question.prompt,
        topics=list(question.topics),
        key_points=[kp.model_copy() for kp in question.key_points],
        turns=[Turn(role="interviewer", kind=TurnKind.question, text=text, at=now)],
        coding=question.coding.brief() if question.coding else None,
    )
    session.questions.append(asked)
    session.updated_at = now
    return asked


def apply_ask_project_description(
    session: Session,
    action: AskProjectDescription,
    text: str,
    now: datetime,
    key_points: list[KeyPoint] | None = None,
    prompt: str | None = None,
) -> AskedQuestion:
    """The request for a project description (`key_points`: what the description is scored
    against). For a description that came with the interview (`action.given`), the
    interviewer's turn says it was received and the description is its answer, recorded
    at once."""
    _close_answered(session, now)
    _start_round_if_needed(session, action.round_index, now)
    asked = AskedQuestion(
        question_id=PROJECT_QUESTION_ID,
        round_index=action.round_index,
        prompt=prompt or text,
        key_points=[kp.model_copy() for kp in key_points or []],
        turns=[Turn(role="interviewer", kind=TurnKind.project_request, text=text, at=now)],
    )
    session.questions.append(asked)
    if action.given and session.project_description:
        asked.turns.append(
            Turn(
                role="candidate",
                kind=TurnKind.project_description,
                text=session.project_description,
                at=now,
            )
        )
        asked.closed = True
    session.updated_at = now
    return asked


def _open_question(session: Session) -> AskedQuestion:
    current = session.current_question
    if current is None:
        raise EngineError("no open question")
    return current


def apply_follow_up(session: Session, action: AskFollowUp, text: str, now: datetime) -> None:
    current = _open_question(session)
    current.turns.append(
        Turn(
            role="interviewer",
            kind=TurnKind.follow_up,
            text=text,
            at=now,
            probes=action.key_point_id,
        )
    )
    session.updated_at = now


def apply_answer(
    session: Session, text: str, now: datetime, *, code: str | None = None
) -> AskedQuestion:
    """The candidate's answer; for a coding question, `code` is the code submitted with it."""
    current = _open_question(session)
    if not current.awaiting_answer:
        raise EngineError("no question is awaiting an answer")
    if code is not None and current.coding is None:
        raise EngineError("code can only be submitted to a coding question")
    if current.is_project_description:
        current.turns.append(
            Turn(role="candidate", kind=TurnKind.project_description, text=text, at=now)
        )
        session.project_description = text.strip() or None
        current.closed = True
    else:
        current.turns.append(
            Turn(role="candidate", kind=TurnKind.answer, text=text, at=now, code=code)
        )
    session.updated_at = now
    return current


def apply_code_run(session: Session, asked: AskedQuestion, run: CodeRun, now: datetime) -> None:
    """A run of the candidate's code against the tests, kept with its question."""
    if asked.coding is None:
        raise EngineError("only a coding question's code is run")
    asked.runs.append(run)
    session.updated_at = now


def apply_interviewer_note(session: Session, kind: TurnKind, text: str, now: datetime) -> None:
    """A hint or a clarification: said within the open question, which stays open."""
    if kind not in (TurnKind.hint, TurnKind.clarification):
        raise EngineError(f"not an interviewer note: {kind}")
    current = _open_question(session)
    current.turns.append(Turn(role="interviewer", kind=kind, text=text, at=now))
    session.updated_at = now


def apply_candidate_question(session: Session, text: str, now: datetime) -> None:
    """The candidate asked the interviewer something instead of answering."""
    current = _open_question(session)
    current.turns.append(Turn(role="candidate", kind=TurnKind.clarification, text=text, at=now))
    session.updated_at = now


def apply_skip(session: Session, now: datetime) -> None:
    current = _open_question(session)
    current.turns.append(Turn(role="candidate", kind=TurnKind.skip, text="", at=now))
    current.closed = True
    session.updated_at = now


def apply_close_question(session: Session, now: datetime) -> None:
    current = session.current_question
    if current is not None:
        current.closed = True
        session.updated_at = now


def apply_end_round(session: Session, now: datetime) -> None:
    apply_close_question(session, now)
    if session.rounds and session.rounds[-1].ended_at is None:
        session.rounds[-1].ended_at = now
        session.rounds[-1].ended_early = True
        session.updated_at = now


def apply_finish(session: Session, now: datetime, *, early: bool = False) -> None:
    apply_close_question(session, now)  # an unanswered open question is closed unanswered
    if session.rounds and session.rounds[-1].ended_at is None:
        session.rounds[-1].ended_at = now
        session.rounds[-1].ended_early = early
    session.status = SessionStatus.finished
    session.finished_at = now
    session.updated_at = now


def next_hint(question: Question, asked: AskedQuestion) -> str | None:
    used = asked.hints_used
    return question.hints[used] if used < len(question.hints) else None
