"""What a judge returns, and who the judge was."""

from enum import StrEnum
from typing import Literal

from pydantic import Field

from interviewer.domain.base import Strict
from interviewer.domain.coding import Code, CodeRun, Complexity
from interviewer.domain.question import KeyPoint, RoundKind
from interviewer.domain.rubric import Rubric


class ScoreStatus(StrEnum):
    scored = "scored"
    unscored = "unscored"


class CriterionScore(Strict):
    criterion_id: str
    level: int = Field(ge=1, le=4)
    evidence: list[str] = Field(default_factory=list)  # verbatim quotes from the answer
    rationale: str = ""
    # How far the answer has come from its level's bar toward the next level's, in [0, 1),
    # where the judge measures the level on a continuous signal; None where it does not.
    progress: float | None = Field(default=None, ge=0.0, lt=1.0)


class StatedMisconception(Strict):
    """A wrong claim the answer made, with what is true instead: the feedback shows both.

    The offline judge finds the misconceptions the bank lists for a key point; an LLM
    judge may also name a wrong claim the bank does not list (`misconception_id` empty).
    """

    # The key point the claim gets wrong; "" when it concerns the question as a whole.
    key_point_id: str = ""
    # The bank's id for the misconception; "" for one the judge found on its own.
    misconception_id: str = ""
    quote: str = Field(min_length=1)  # the answer's words that state it, verbatim
    claim: str = ""  # the wrong claim in plain words (the bank's, or the judge's summary)
    correction: str = Field(min_length=1)  # what is true, said to the candidate


class JudgeResult(Strict):
    status: ScoreStatus
    reason: str = ""  # why unscored; empty when scored
    criteria: list[CriterionScore] = Field(default_factory=list)
    covered_key_points: list[str] = Field(default_factory=list)
    missed_key_points: list[str] = Field(default_factory=list)
    # Wrong claims the answer stated; each costs correctness credit.
    misconceptions: list[StatedMisconception] = Field(default_factory=list)
    feedback: str = ""
    method: str = ""  # how the score was reached (e.g. "lexical", "embedding+lexical", "llm")
    raw_reply: str | None = None  # the LLM's reply when it could not be used

    @classmethod
    def unscored(cls, reason: str, raw_reply: str | None = None, method: str = "") -> "JudgeResult":
        return cls(status=ScoreStatus.unscored, reason=reason, raw_reply=raw_reply, method=method)

    @property
    def is_scored(self) -> bool:
        return self.status is ScoreStatus.scored

    def weighted_level(self, rubric: Rubric) -> float | None:
        """Weighted mean level (1.0-4.0) over the rubric's criteria; None when unscored."""
        return self._weighted_mean(rubric, with_progress=False)

    def fine_level(self, rubric: Rubric) -> float | None:
        """The weighted level with each criterion's progress toward its next level added
        (still 1.0-4.0): orders answers that share their levels; None when unscored."""
        return self._weighted_mean(rubric, with_progress=True)

    def _weighted_mean(self, rubric: Rubric, *, with_progress: bool) -> float | None:
        if not self.is_scored or not self.criteria:
            return None
        weights = {c.id: c.weight for c in rubric.criteria}
        total = sum(weights.get(cs.criterion_id, 0.0) for cs in self.criteria)
        if total <= 0:
            return None
        value = 0.0
        for cs in self.criteria:
            level = float(cs.level)
            if with_progress and cs.level < 4:
                level += cs.progress or 0.0
            value += level * weights.get(cs.criterion_id, 0.0)
        return value / total

    def percent(self, rubric: Rubric) -> float | None:
        """The fine level mapped onto 0-100 (level 1 = 0, level 4 = 100): the figure a
        candidate sees is the one `interviewer calibrate` measures against human graders."""
        level = self.fine_level(rubric)
        return None if level is None else round((level - 1.0) / 3.0 * 100.0, 1)


class JudgeIdentity(Strict):
    """Who scored: kept with every scoring run so runs can be compared."""

    kind: Literal["offline", "llm", "scripted"]
    model: str = ""
    method: str = ""
    rubric_id: str
    rubric_hash: str


class CodingEvidence(Strict):
    """A coding answer as the judges see it: `answer` holds the explanation, this the code.
    Correctness and efficiency come from the run, never from reading the code."""

    code: Code
    function: str
    complexity: Complexity  # what the question expects
    run: CodeRun | None = None  # the submission run; None when it could not be made
    run_missing_reason: str = ""


class JudgeRequest(Strict):
    """Everything a judge sees: the rubric, the question, the key points and the answer."""

    round_kind: RoundKind
    question: str
    key_points: list[KeyPoint]
    rubric: Rubric
    answer: str
    # Earlier exchanges of the same question (follow-up prompts and answers), oldest first.
    context: list[str] = Field(default_factory=list)
    # Coding rounds: the code and what running it against the tests produced.
    coding: CodingEvidence | None = None
    # What the neighbouring questions of the bank ask (question.neighbour_texts): an answer
    # to one of them is not an answer to this one. Empty outside the bank.
    neighbours: list[str] = Field(default_factory=list)
    # What every other question of the bank asks (question.elsewhere_texts), for the same
    # reading across families and rounds. Empty outside the bank.
    elsewhere: list[str] = Field(default_factory=list)
