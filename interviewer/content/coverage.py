"""What the question bank holds, and how it measures up against the topic checklist.

The checklist (which topics each round must cover, and how many questions each needs)
comes from the project's TOPICS.md. That file is not shipped with the package, so its
minimums live here as data; keep the two in step.
"""

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from interviewer.domain.question import Difficulty, Question, RoundKind


@dataclass(frozen=True)
class RoundRequirement:
    """A round's minimum number of questions, and the minimum for each of its topics."""

    round: RoundKind
    minimum: int
    topic_minimums: Mapping[str, int]


def _each(topics: Iterable[str], minimum: int) -> dict[str, int]:
    return dict.fromkeys(topics, minimum)


BREADTH_TOPICS = (
    "bias_variance",
    "precision_recall",
    "metrics",
    "gradient_descent",
    "regularization",
    "backprop",
    "supervised_unsupervised",
    "regression",
    "classification",
    "ensembles",
    "clustering",
    "dim_reduction",
    "neural_nets",
    "rl",
    "hyperparameters",
    "preprocessing",
    "feature_engineering",
    "imbalance",
    "data_splits",
    "fairness",
    "statistics",
)
PYTHON_TOPICS = (
    "copying",
    "mutability",
    "identity",
    "decorators",
    "iterators_generators",
    "functional",
    "gil",
    "memory",
    "performance",
    "pandas",
    "numpy",
    "frameworks",
)
ML_CODING_TOPICS = ("ml_from_scratch", "data_structures")
SYSTEM_DESIGN_PROMPTS = (
    "fraud_detection",
    "recommendation",
    "news_feed",
    "ads_ctr",
    "search_ranking",
    "predictive_maintenance",
    "churn_prediction",
    "image_classification_service",
    "eta_or_rideshare",
    "content_moderation",
)
DEEP_DIVE_TOPICS = (
    "problem",
    "contribution",
    "data",
    "baseline",
    "model_choice",
    "evaluation",
    "failure",
    "production",
    "retrospective",
    "maths",
)
BEHAVIORAL_THEMES = (
    "conflict",
    "failure",
    "influence",
    "ambiguity",
    "prioritisation",
    "partners",
    "explaining",
    "ethics",
    "ownership",
    "results",
)

# The ml_coding round is optional in TOPICS.md: its topics are listed with no minimum.
REQUIREMENTS: tuple[RoundRequirement, ...] = (
    RoundRequirement(RoundKind.breadth, 80, _each(BREADTH_TOPICS, 3)),
    RoundRequirement(RoundKind.python, 25, _each(PYTHON_TOPICS, 1)),
    RoundRequirement(RoundKind.ml_coding, 0, _each(ML_CODING_TOPICS, 0)),
    RoundRequirement(RoundKind.system_design, 10, _each(SYSTEM_DESIGN_PROMPTS, 1)),
    RoundRequirement(RoundKind.deep_dive, 15, _each(DEEP_DIVE_TOPICS, 1)),
    RoundRequirement(RoundKind.behavioral, 20, _each(BEHAVIORAL_THEMES, 1)),
)


def _difficulty_mix(questions: Iterable[Question]) -> dict[str, int]:
    counts = Counter(q.difficulty.value for q in questions)
    return {d.value: counts.get(d.value, 0) for d in Difficulty}


@dataclass(frozen=True)
class TopicSummary:
    topic: str
    count: int
    difficulties: dict[str, int]


@dataclass(frozen=True)
class RoundSummary:
    round: RoundKind
    count: int
    difficulties: dict[str, int]
    topics: list[TopicSummary]


def summarize(questions: Mapping[str, Question]) -> list[RoundSummary]:
    """The bank by round (in RoundKind order) and topic (alphabetical), with difficulty mixes.

    A question tagged with several topics counts once under each of them.
    """
    summaries = []
    for kind in RoundKind:
        in_round = [q for q in questions.values() if q.round is kind]
        if not in_round:
            continue
        topics = sorted({t for q in in_round for t in q.topics})
        summaries.append(
            RoundSummary(
                round=kind,
                count=len(in_round),
                difficulties=_difficulty_mix(in_round),
                topics=[
                    TopicSummary(
                        topic=t,
                        count=sum(1 for q in in_round if t in q.topics),
                        difficulties=_difficulty_mix(q for q in in_round if t in q.topics),
                    )
                    for t in topics
                ],
            )
        )
    return summaries


@dataclass(frozen=True)
class Tally:
    """A count against its minimum; `topic` is None for a round's total."""

    round: RoundKind
    topic: str | None
    count: int
    minimum: int

    @property
    def shortfall(self) -> int:
        return max(0, self.minimum - self.count)

    def describe(self) -> str:
        what = f"{self.round.value} total" if self.topic is None else self.topic
        return f"{what}: {self.count}/{self.minimum}, short by {self.shortfall}"


@dataclass(frozen=True)
class CoverageReport:
    tallies: list[Tally]
    # Topics used in the bank that the checklist does not name, per round (often typos).
    unlisted: dict[str, list[str]] = field(default_factory=dict)

    @property
    def shortfalls(self) -> list[Tally]:
        return [t for t in self.tallies if t.shortfall]

    @property
    def ok(self) -> bool:
        return not self.shortfalls


def coverage(
    questions: Mapping[str, Question],
    requirements: Iterable[RoundRequirement] = REQUIREMENTS,
) -> CoverageReport:
    """Every required round and topic with its count and minimum."""
    tallies: list[Tally] = []
    unlisted: dict[str, list[str]] = {}
    for req in requirements:
        in_round = [q for q in questions.values() if q.round is req.round]
        tallies.append(Tally(req.round, None, len(in_round), req.minimum))
        counts = Counter(t for q in in_round for t in set(q.topics))
        for topic, minimum in req.topic_minimums.items():
            tallies.append(Tally(req.round, topic, counts.get(topic, 0), minimum))
        extra = sorted(set(counts) - set(req.topic_minimums))
        if extra:
            unlisted[req.round.value] = extra
    return CoverageReport(tallies=tallies, unlisted=unlisted)


def summary_json(summaries: list[RoundSummary]) -> dict[str, Any]:
    return {
        s.round.value: {
            "count": s.count,
            "difficulties": s.difficulties,
            "topics": {
                t.topic: {"count": t.count, "difficulties": t.difficulties} for t in s.topics
            },
        }
        for s in summaries
    }


def coverage_json(report: CoverageReport) -> dict[str, Any]:
    rounds: dict[str, Any] = {}
    for t in report.tallies:
        entry = rounds.setdefault(t.round.value, {"topics": {}})
        numbers = {"count": t.count, "minimum": t.minimum, "shortfall": t.shortfall}
        if t.topic is None:
            entry.update(numbers)
        else:
            entry["topics"][t.topic] = numbers
    return {
        "ok": report.ok,
        "shortfalls": [t.describe() for t in report.shortfalls],
        "rounds": rounds,
        "unlisted_topics": report.unlisted,
    }
