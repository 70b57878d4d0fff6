"""Rubrics: weighted criteria, each with four anchored levels."""

from enum import StrEnum
from typing import Annotated

from pydantic import Field, field_validator, model_validator

from interviewer.domain.base import Strict

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


class Criterion(Strict):
    id: Identifier
    name: str = Field(min_length=2)
    weight: float = Field(gt=0, le=10)
    description: str = Field(min_length=10)
    offline_signal: OfflineSignal
    # For the `stages` signal: the design stages this criterion judges (empty: all of them),
    # so that framing, evaluation and production are not scored on the same evidence.
    stages: list[str] = Field(default_factory=list)
    levels: list[Level]

    @field_validator("levels")
    @classmethod
    def _four_levels_in_order(cls, levels: list[Level]) -> list[Level]:
        if [lv.level for lv in levels] != [1, 2, 3, 4]:
            raise ValueError("levels must be exactly 1, 2, 3, 4 in that order")
        return levels

    def level_text(self, level: int) -> str:
        return self.levels[level - 1].description


class Rubric(Strict):
    id: Identifier
    title: str
    description: str = ""
    criteria: list[Criterion] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_criteria(self) -> "Rubric":
        ids = [c.id for c in self.criteria]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"duplicate criterion ids: {', '.join(dupes)}")
        return self

    def criterion(self, criterion_id: str) -> Criterion:
        for c in self.criteria:
            if c.id == criterion_id:
                return c
        raise KeyError(criterion_id)

    @property
    def total_weight(self) -> float:
        return sum(c.weight for c in self.criteria)
