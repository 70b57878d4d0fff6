"""What the history index keeps of a session: enough for `list`, Home, History, the
scorecard summary and question selection, without reading the transcript again.

Plain dataclasses (no pydantic), so that reading the index costs no model imports.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from interviewer.domain.session import Session


@dataclass(frozen=True)
class CriterionLevel:
    criterion_id: str
    name: str
    mean_level: float | None


@dataclass(frozen=True)
class RoundScore:
    index: int
    kind: str
    title: str
    rubric_id: str
    rubric_title: str
    percent: float | None
    criteria: tuple[CriterionLevel, ...] = ()


@dataclass(frozen=True)
class AskedScore:
    """A bank question the session asked (the deep dive's project request is not one)."""

    question_id: str
    round_index: int
    topics: tuple[str, ...]
    percent: float | None


@dataclass(frozen=True)
class SessionSummary:
    id: str
    path: Path
    candidate: str
    scenario_id: str
    scenario_title: str
    mode: str
    backend: str
    status: str
    created_at: datetime
    updated_at: datetime
    finished_at: datetime | None
    round_kinds: tuple[str, ...]  # the scenario's rounds, in order
    answers: int
    overall: float | None
    unscored: int
    pending: int
    # Questions whose newest scoring run failed after one that worked (shown: the latter).
    failed: int = 0
    answered_questions: int = 0  # "N of M questions answered"
    planned: int = 0
    level: str = ""
    # Filled only when asked for (History's chart; the index keeps them in their own tables).
    rounds: tuple[RoundScore, ...] = ()
    asked: tuple[AskedScore, ...] = ()

    @property
    def finished(self) -> bool:
        return self.status == "finished"

    @property
    def charted(self) -> bool:
        """Whether History plots it: finished, with at least one answer."""
        return self.finished and self.answers > 0


@dataclass(frozen=True)
class SessionKey:
    """A session's row in the index, reduced to what filtering, ordering and telling
    copies apart need: the rest of its summary is read only for the rows shown."""

    file: str
    error: str | None
    id: str
    scenario_id: str
    scenario_title: str
    status: str
    round_kinds: tuple[str, ...]
    mode: str = ""
    answers: int = 0

    @property
    def charted(self) -> bool:
        """Whether History plots it: finished, with at least one answer."""
        return self.status == "finished" and self.answers > 0


@dataclass(frozen=True)
class SessionFilter:
    scenario_id: str | None = None
    round_kind: str | None = None  # sessions whose loop has a round of this kind
    finished: bool | None = None
    mode: str | None = None
    charted: bool | None = None  # finished with an answer: what History's chart plots

    def admits(self, key: SessionKey) -> bool:
        return (
            (self.scenario_id is None or key.scenario_id == self.scenario_id)
            and (self.round_kind is None or self.round_kind in key.round_kinds)
            and (self.finished is None or (key.status == "finished") == self.finished)
            and (self.mode is None or key.mode == self.mode)
            and (self.charted is None or key.charted == self.charted)
        )


def summarize(path: Path, session: Session) -> SessionSummary:
    """The summary of a loaded session: its scorecard, computed once."""
    from interviewer.domain.scorecard import build_scorecard, question_percent

    card = build_scorecard(session)
    rounds = tuple(
        RoundScore(
            index=r.index,
            kind=r.kind,
            title=r.title,
            rubric_id=r.rubric.id,
            rubric_title=r.rubric.title,
            percent=r.percent,
            criteria=tuple(
                CriterionLevel(c.criterion_id, c.name, c.mean_level) for c in r.criteria
            ),
        )
        for r in card.rounds
    )
    asked = []
    for q in session.questions:
        if q.is_project_description:
            continue
        rubric = session.rubrics.get(session.scenario.rounds[q.round_index].rubric)
        percent = question_percent(q, rubric) if rubric else None
        asked.append(AskedScore(q.question_id, q.round_index, tuple(q.topics), percent))
    return SessionSummary(
        id=session.id,
        path=path,
        candidate=session.candidate,
        scenario_id=session.scenario.id,
        scenario_title=session.scenario.title,
        mode=session.mode.value,
        backend=session.backend,
        status=session.status.value,
        created_at=session.created_at,
        updated_at=session.updated_at,
        finished_at=session.finished_at,
        round_kinds=tuple(r.kind.value for r in session.scenario.rounds),
        answers=session.answered_count,
        overall=card.overall,
        unscored=card.unscored,
        pending=card.pending,
        failed=card.failed_reruns,
        answered_questions=card.answered,
        planned=card.planned,
        level=session.scenario.level.value,
        rounds=rounds,
        asked=tuple(asked),
    )
