"""Rubrics: weighted criteria, each with four anchored levels."""

from enum import StrEnum
from typing import Annotated

from pydantic import Field, field_validator, model_validator

from interviewer.domain.base import Strict, repeated
from interviewer.domain.levels import DEFAULT_LEVEL, CareerLevel

Identifier = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_\-.]*$", max_length=80)]


class OfflineSignal(StrEnum):
    """What the offline judge measures to place an answer on a criterion's levels.

    The rubric names the signal so that rubrics stay data: a new rubric can reuse the
    offline judge without code changes.
    """

    coverage = "coverage"  # share of reference key points the answer covers (weighted)
    depth = "depth"  # explanation: reasons, mechanisms, "because", quantities
    terminology = "terminology"  # precise use of the key points' technical terms
    examples = "examples"  # concrete examples, trade-offs, alternatives weighed
    communication = "communication"  # structure, focus, sensible length
    star = "star"  # situation, task, action, result present
    ownership = "ownership"  # "I" statements about own actions
    results = "results"  # measurable outcomes: numbers, percentages, before/after
    stages = "stages"  # system-design stages walked (goal, metrics, data, ... monitoring)
    tradeoffs = "tradeoffs"  # alternatives rejected and why
    scope = "scope"  # how far the story reached (the criterion's anchors: task ... org)
    reflection = "reflection"  # a lesson drawn from the story, a change made since, applied
    # Coding rounds: read from running the code, never from reading it.
    tests_passed = "tests_passed"  # share of the hidden tests the submitted code passes
    efficiency = "efficiency"  # the large-input tests within the limit, the stated complexity
    code_quality = "code_quality"  # names, structure, no dead code (from the code's syntax tree)

    @property
    def reads_code(self) -> bool:
        return self in (
            OfflineSignal.tests_passed,
            OfflineSignal.efficiency,
            OfflineSignal.code_quality,
        )


class Level(Strict):
    level: int = Field(ge=1, le=4)
    description: str = Field(min_length=10)
    example: str = Field(min_length=5)


class ScopeAnchor(Strict):
    """One rung of a scope ladder (task, project, team, org), with phrases that show it."""

    id: Identifier
    description: str = Field(min_length=10)
    cues: list[str] = Field(min_length=1)


class Criterion(Strict):
    id: Identifier
    name: str = Field(min_length=2)
    weight: float = Field(gt=0, le=10)
    description: str = Field(min_length=10)
    offline_signal: OfflineSignal
    # For the `stages` signal: the design stages this criterion judges (empty: all of them),
    # so that framing, evaluation and production are not scored on the same evidence.
    stages: list[str] = Field(default_factory=list)
    # For the `tradeoffs` signal: phrases, beyond the common trade-off markers, in which
    # this round weighs options ("start with ... then", "only if", "if that wins"); "..."
    # stands for a few words.
    markers: list[str] = Field(default_factory=list)
    levels: list[Level]
    # For the `scope` signal: the ladder from smallest to largest reach, and which rung a
    # candidate at each career level is expected to reach (level 3 there; a rung above is
    # 4, each rung below one less).
    anchors: list[ScopeAnchor] = Field(default_factory=list)
    expected_anchor: dict[CareerLevel, Identifier] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _anchors_for_scope(self) -> "Criterion":
        if self.offline_signal is OfflineSignal.scope and len(self.anchors) < 2:
            raise ValueError("a scope criterion needs at least two anchors, smallest first")
        known = {a.id for a in self.anchors}
        unknown = sorted(set(self.expected_anchor.values()) - known)
        if unknown:
            raise ValueError(f"expected_anchor names unknown anchors: {', '.join(unknown)}")
        return self

    def expected_rung(self, level: CareerLevel | None) -> int | None:
        """The index of the anchor expected at `level`, or None when the ladder is absolute."""
        wanted = self.expected_anchor.get(level or DEFAULT_LEVEL)
        if wanted is None:
            return None
        return [a.id for a in self.anchors].index(wanted)

    @field_validator("levels")
    @classmethod
    def _four_levels_in_order(cls, levels: list[Level]) -> list[Level]:
        if [lv.level for lv in levels] != [1, 2, 3, 4]:
            raise ValueError("levels must be exactly 1, 2, 3, 4 in that order")
        return levels

    def level_text(self, level: int) -> str:
        return self.levels[level - 1].description


class RedFlagAbsence(StrEnum):
    """Something a story lacks that is itself a red flag."""

    own_action = "own_action"  # nothing the candidate did themselves ("I built", "I asked")
    result = "result"  # no outcome at all, measured or not


class RedFlag(Strict):
    """A sign that caps an answer, however well told: blame, no own action, no result,
    pulling rank. Recognised by phrases that state it, or by what the answer lacks."""

    id: Identifier
    name: str = Field(min_length=3)
    # How a grader recognises it, in plain words (shown to the LLM judge and in the rubric).
    recognise: str = Field(min_length=10)
    # Phrases that state it (each in the flagged sense, not a word a good story also uses).
    cues: list[str] = Field(default_factory=list)
    absent: RedFlagAbsence | None = None
    # The highest level the capped criteria can reach while the flag stands.
    cap: int = Field(ge=1, le=3)
    criteria: list[Identifier] = Field(default_factory=list)  # empty: every criterion
    # Whether the flag is the candidate's own conduct (hiding a mistake, ignoring the
    # evidence, going along, pulling rank): then a cue said in a clause whose subject is
    # someone else ("a colleague kept changing the configs without telling anyone") tells
    # the situation the story answers, not what the candidate did, and raises nothing.
    own_conduct: bool = False
    # What to do instead, said in the feedback.
    advice: str = Field(min_length=10)

    @model_validator(mode="after")
    def _recognisable(self) -> "RedFlag":
        if not self.cues and self.absent is None:
            raise ValueError("a red flag needs cues or `absent` to be recognised by")
        return self


class LevelExpectation(Strict):
    """What a rubric expects at one career level, and how it weighs its criteria there."""

    scope: str = ""  # how far the work reaches: a task, a project, a team, the org
    ambiguity: str = ""  # how much of the problem the candidate is expected to define
    depth: str = ""  # how deep the reasoning and the design go
    weights: dict[Identifier, float] = Field(default_factory=dict)

    @field_validator("weights")
    @classmethod
    def _positive(cls, weights: dict[str, float]) -> dict[str, float]:
        bad = sorted(k for k, w in weights.items() if not 0 < w <= 10)
        if bad:
            raise ValueError(f"weights must be in (0, 10]: {', '.join(bad)}")
        return weights

    def summary(self) -> str:
        parts = [("scope", self.scope), ("ambiguity", self.ambiguity), ("depth", self.depth)]
        return "; ".join(f"{name}: {text}" for name, text in parts if text)


class Rubric(Strict):
    id: Identifier
    title: str
    description: str = ""
    criteria: list[Criterion] = Field(min_length=1)
    red_flags: list[RedFlag] = Field(default_factory=list)
    # What changes per career level (scope, ambiguity, depth expected; criterion weights).
    by_level: dict[CareerLevel, LevelExpectation] = Field(default_factory=dict)
    # The level this copy was resolved for (a session's rubrics are); None in a rubric file.
    level: CareerLevel | None = None
    # For the `stages` signal: how this round names each design stage in plain words
    # ("i'd measure", "ahead of time"; "..." stands for a few words), for a stage walked in
    # an answer's own words rather than its key point's.
    stage_words: dict[str, list[str]] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _unique_criteria(self) -> "Rubric":
        ids = [c.id for c in self.criteria]
        dupes = repeated(ids)
        if dupes:
            raise ValueError(f"duplicate criterion ids: {', '.join(dupes)}")
        known = set(ids)
        for flag in self.red_flags:
            unknown = sorted(set(flag.criteria) - known)
            if unknown:
                raise ValueError(f"red flag '{flag.id}' caps unknown criteria: {unknown}")
        flag_ids = [f.id for f in self.red_flags]
        if len(set(flag_ids)) != len(flag_ids):
            raise ValueError("duplicate red flag ids")
        staged = {stage for c in self.criteria for stage in c.stages}
        unknown_stages = sorted(set(self.stage_words) - staged)
        if unknown_stages:
            raise ValueError(f"stage_words names stages no criterion judges: {unknown_stages}")
        for level, expectation in self.by_level.items():
            unknown = sorted(set(expectation.weights) - known)
            if unknown:
                raise ValueError(f"by_level.{level.value} weighs unknown criteria: {unknown}")
        return self

    def at_level(self, level: CareerLevel) -> "Rubric":
        """The rubric as it applies to a candidate at `level`: that level's weights, and
        only that level's expectations kept."""
        expectation = self.by_level.get(level)
        weights = expectation.weights if expectation else {}
        criteria = [
            c.model_copy(update={"weight": weights[c.id]}) if c.id in weights else c
            for c in self.criteria
        ]
        kept = {level: expectation} if expectation else {}
        return self.model_copy(update={"criteria": criteria, "by_level": kept, "level": level})

    @property
    def expectation(self) -> LevelExpectation | None:
        """What is expected at the level this copy was resolved for."""
        return self.by_level.get(self.level) if self.level else None

    def criterion(self, criterion_id: str) -> Criterion:
        for c in self.criteria:
            if c.id == criterion_id:
                return c
        raise KeyError(criterion_id)

    @property
    def total_weight(self) -> float:
        return sum(c.weight for c in self.criteria)
