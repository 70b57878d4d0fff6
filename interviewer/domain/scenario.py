"""Scenarios: an interview loop as an ordered list of rounds.

A scenario file may vary by career level (a round only from senior up, more follow-ups
for a staff candidate) and a domain round names its track; `resolved` turns it into the
concrete loop one candidate sits, which is what a session records.
"""

from pydantic import Field, model_validator

from interviewer.domain.base import Strict
from interviewer.domain.levels import DEFAULT_LEVEL, CareerLevel, LevelRange
from interviewer.domain.question import Difficulty, RoundKind
from interviewer.domain.rubric import Identifier


def track_label(track: str) -> str:
    """A track id as a person reads it: nlp -> NLP, recsys -> Recsys."""
    words = track.replace("_", " ").split()
    return " ".join(w.upper() if len(w) <= 3 else w.capitalize() for w in words)


class QuestionPool(Strict):
    """Which bank questions a round may draw from. Empty lists mean "any"."""

    topics: list[Identifier] = Field(default_factory=list)
    difficulties: list[Difficulty] = Field(default_factory=list)
    ids: list[Identifier] = Field(default_factory=list)
    roles: list[Identifier] = Field(default_factory=list)


class RoundAdjustment(Strict):
    """What a round changes at one career level; unset fields keep the round's own."""

    title: str | None = None
    questions: int | None = Field(default=None, ge=1, le=30)
    time_budget_minutes: int | None = Field(default=None, ge=1, le=240)
    max_follow_ups: int | None = Field(default=None, ge=0, le=5)
    pool: QuestionPool | None = None


class RoundSpec(Strict):
    kind: RoundKind
    rubric: Identifier
    title: str = ""
    questions: int = Field(ge=1, le=30)
    time_budget_minutes: int | None = Field(default=None, ge=1, le=240)
    max_follow_ups: int = Field(default=2, ge=0, le=5)
    pool: QuestionPool = Field(default_factory=QuestionPool)
    # Domain rounds: the track (a topic tag of the domain questions: nlp, cv, recsys...).
    track: Identifier | None = None
    # The career levels at which the loop has this round (default: all).
    levels: LevelRange = Field(default_factory=LevelRange)
    # What changes at a given career level.
    at_level: dict[CareerLevel, RoundAdjustment] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _track_only_for_domain_rounds(self) -> "RoundSpec":
        if self.track is not None and self.kind is not RoundKind.domain:
            raise ValueError(f"track is for domain rounds; this round is {self.kind.value}")
        return self

    @property
    def display_title(self) -> str:
        if self.title:
            return self.title
        name = self.kind.value.replace("_", " ").title()
        return f"{name}: {track_label(self.track)}" if self.track else name

    def at(self, level: CareerLevel) -> "RoundSpec":
        """The round as a candidate at `level` sits it (no more per-level variants)."""
        changes = self.at_level.get(level)
        update = changes.model_dump(exclude_none=True) if changes else {}
        if changes and changes.pool is not None:
            update["pool"] = changes.pool
        return self.model_copy(update={**update, "levels": LevelRange(), "at_level": {}})


class Scenario(Strict):
    id: Identifier
    title: str
    description: str = ""
    role: Identifier = "ml_engineer"
    # The career level the loop is pitched at unless `start --level` says otherwise.
    level: CareerLevel = DEFAULT_LEVEL
    rounds: list[RoundSpec] = Field(min_length=1)

    @property
    def tracks(self) -> list[str]:
        return [r.track for r in self.rounds if r.kind is RoundKind.domain and r.track]

    def only_rounds(self, kinds: list[RoundKind]) -> "Scenario":
        """The same scenario restricted to the given round kinds, in scenario order."""
        wanted = set(kinds)
        kept = [r for r in self.rounds if r.kind in wanted]
        if not kept:
            raise ValueError(
                f"scenario '{self.id}' has no rounds of kind {', '.join(k.value for k in kinds)}"
            )
        return self.model_copy(update={"rounds": kept})

    def with_track(self, track: str) -> "Scenario":
        """Every domain round on `track`, titled after it."""
        if not any(r.kind is RoundKind.domain for r in self.rounds):
            raise ValueError(f"scenario '{self.id}' has no domain round to put on a track")
        rounds = [
            r.model_copy(update={"track": track, "title": ""}) if r.kind is RoundKind.domain else r
            for r in self.rounds
        ]
        # "Practice: Domain round (NLP)" on the cv track reads "... (CV)".
        title = self.title
        if len(set(self.tracks)) == 1:
            said = f"({track_label(self.tracks[0])})"
            if title.endswith(said):
                title = f"{title[: -len(said)]}({track_label(track)})"
        return self.model_copy(update={"rounds": rounds, "title": title})

    def at_level(self, level: CareerLevel) -> "Scenario":
        """The loop a candidate at `level` sits: the rounds for that level, as adjusted."""
        rounds = [r.at(level) for r in self.rounds if level in r.levels]
        if not rounds:
            raise ValueError(f"scenario '{self.id}' has no rounds at level {level.value}")
        return self.model_copy(update={"level": level, "rounds": rounds})
