"""Seeded, history-aware choice of the next question of a round.

It reads questions and rounds through the few fields it needs (the protocols below), so
that a start can choose the first question from the content cache's plain digest before
the models are loaded (quickstart.py), by this very code."""

import random
from collections.abc import Collection, Container, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar


class Selectable(Protocol):
    """What choosing reads of a question (a bank Question, or its digest)."""

    @property
    def id(self) -> str: ...
    @property
    def round(self) -> object: ...
    @property
    def topics(self) -> Sequence[str]: ...
    @property
    def difficulty(self) -> object: ...
    @property
    def roles(self) -> Sequence[str]: ...
    @property
    def levels(self) -> Container[Any]: ...


class Pool(Protocol):
    @property
    def topics(self) -> Sequence[str]: ...
    @property
    def difficulties(self) -> Collection[object]: ...
    @property
    def ids(self) -> Collection[str]: ...
    @property
    def roles(self) -> Sequence[str]: ...


class RoundPool(Protocol):
    """What choosing reads of a round (a RoundSpec, or its digest)."""

    @property
    def kind(self) -> object: ...
    @property
    def track(self) -> str | None: ...
    @property
    def pool(self) -> Pool: ...


Q = TypeVar("Q", bound=Selectable)


@dataclass(frozen=True)
class CandidateHistory:
    """What past sessions say about this candidate.

    times_asked: question id -> how many past sessions asked it.
    topic_scores: topic -> mean past score (0-100); weaker topics are preferred.
    """

    times_asked: Mapping[str, int] = field(default_factory=dict)
    topic_scores: Mapping[str, float] = field(default_factory=dict)


NO_HISTORY = CandidateHistory()
_UNKNOWN_TOPIC_SCORE = 50.0


def eligible_questions(
    spec: RoundPool,
    bank: Mapping[str, Q],
    role: str,
    level: object | None = None,
) -> list[Q]:
    """Bank questions the round's pool admits (on the round's track, and suited to the
    candidate's career level when one is given), in a stable order."""
    pool = spec.pool
    found = []
    for qid in sorted(bank):
        q = bank[qid]
        if q.round != spec.kind:  # enums, or their values in a digest
            continue
        if spec.track and spec.track not in q.topics:
            continue
        if level is not None and level not in q.levels:
            continue
        if pool.ids and qid not in pool.ids:
            continue
        if pool.topics and not set(q.topics) & set(pool.topics):
            continue
        if pool.difficulties and q.difficulty not in pool.difficulties:
            continue
        roles = pool.roles or [role]
        if q.roles and not set(q.roles) & set(roles):
            continue
        found.append(q)
    return found


def choose_question(
    candidates: list[Q],
    *,
    asked: set[str],
    topics_used: set[str],
    seed: int,
    round_index: int,
    position: int,
    history: CandidateHistory = NO_HISTORY,
) -> Q | None:
    """Pick one question; never one already asked in this session.

    Order of preference: asked in fewer past sessions, a topic not yet used in this
    session, a weaker topic by past scores; ties broken by the seeded generator, so the
    same seed gives the same interview.
    """
    rng = random.Random(f"{seed}:{round_index}:{position}")
    best: tuple[tuple[float, ...], Q] | None = None
    for q in candidates:
        if q.id in asked:
            continue
        seen = history.times_asked.get(q.id, 0)
        repeats_topic = 1 if set(q.topics) & topics_used else 0
        past = [history.topic_scores.get(t, _UNKNOWN_TOPIC_SCORE) for t in q.topics]
        weakness_bucket = min(past) // 25 if past else 2
        key = (float(seen), float(repeats_topic), float(weakness_bucket), rng.random())
        if best is None or key < best[0]:
            best = (key, q)
    return best[1] if best else None
