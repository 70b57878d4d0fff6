"""Scenarios: an interview loop as an ordered list of rounds."""

from pydantic import Field

from interviewer.domain.base import Strict
from interviewer.domain.question import Difficulty, RoundKind
from interviewer.domain.rubric import Identifier


class QuestionPool(Strict):
    """Which bank questions a round may draw from. Empty lists mean "any"."""

    topics: list[Identifier] = Field(default_factory=list)
    difficulties: list[Difficulty] = Field(default_factory=list)
    ids: list[Identifier] = Field(default_factory=list)
    roles: list[Identifier] = Field(default_factory=list)


class RoundSpec(Strict):
    kind: RoundKind
    rubric: Identifier
    title: str = ""
    questions: int = Field(ge=1, le=30)
    time_budget_minutes: int | None = Field(default=None, ge=1, le=240)
    max_follow_ups: int = Field(default=2, ge=0, le=5)
    pool: QuestionPool = Field(default_factory=QuestionPool)

    @property
    def display_title(self) -> str:
        return self.title or self.kind.value.replace("_", " ").title()


class Scenario(Strict):
    id: Identifier
    title: str
    description: str = ""
    role: Identifier = "ml_engineer"
    rounds: list[RoundSpec] = Field(min_length=1)

    def only_rounds(self, kinds: list[RoundKind]) -> "Scenario":
        """The same scenario restricted to the given round kinds, in scenario order."""
        wanted = set(kinds)
        kept = [r for r in self.rounds if r.kind in wanted]
        if not kept:
            raise ValueError(
                f"scenario '{self.id}' has no rounds of kind {', '.join(k.value for k in kinds)}"
            )
        return self.model_copy(update={"rounds": kept})
