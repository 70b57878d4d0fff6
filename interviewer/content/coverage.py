"""What the question bank holds, and how it measures up against the topic checklist.

The checklist (which topics each round must cover, and how many questions each needs)
comes from the project's TOPICS.md and the 2026 additions of issue 11. That file is not
shipped with the package, so its minimums live here as data; keep the two in step.

Rounds are named by their value (a string), so a round kind whose content has not landed
yet is counted as zero rather than being an error.
"""

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from interviewer.domain.question import Difficulty, Question, RoundKind


@dataclass(frozen=True)
class RoundRequirement:
    """A round's minimum number of questions, and the minimum for each of its topics."""

    round: str
    minimum: int
    topic_minimums: Mapping[str, int]


@dataclass(frozen=True)
class GroupRequirement:
    """A minimum number of questions tagged with any of `topics`, in `rounds` (empty: any
    round): "at least 18 questions on transformers, LLMs and GenAI evaluation"."""

    name: str
    minimum: int
    topics: tuple[str, ...]
    rounds: tuple[str, ...] = ()


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
CODING_TOPICS = (
    "hashing",
    "two_pointers",
    "sliding_window",
    "stacks",
    "heaps",
    "intervals",
    "trees",
    "graphs",
    "binary_search",
    "dp",
)
ML_CODING_TOPICS = (
    "kmeans",
    "knn",
    "linear_regression",
    "logistic_regression",
    "softmax_cross_entropy",
    "roc_auc",
    "stratified_split",
    "ranking_metrics",
    "attention",
    "convolution",
    "tfidf",
    "decision_tree",
)
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
# The 2026 additions (issue 11). Topic ids as in TOPICS.md's "Added for a 2026 loop".
GENAI_TOPICS = ("transformers", "llms", "genai_evaluation")
NEW_SYSTEM_DESIGN_PROMPTS = (
    "rag_assistant",  # a RAG assistant over company documents
    "llm_support",  # LLM-powered search or customer support
    "spam_filtering",  # spam or abuse filtering
    "people_you_may_know",
    "visual_search",
)
NEW_PYTHON_TOPICS = ("oop", "dict_set_internals", "strings")
DOMAIN_TRACKS = ("nlp", "cv", "recsys")
# statistics had 5 questions before issue 11, which asks for at least 8 more.
STATISTICS_MINIMUM = 5 + 8
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
    "leadership",
)

REQUIREMENTS: tuple[RoundRequirement, ...] = (
    RoundRequirement(
        "breadth",
        80,
        {**_each(BREADTH_TOPICS, 3), "statistics": STATISTICS_MINIMUM, **_each(GENAI_TOPICS, 4)},
    ),
    RoundRequirement("python", 25, {**_each(PYTHON_TOPICS, 1), **_each(NEW_PYTHON_TOPICS, 2)}),
    # Issue 10: 30 problems over ten techniques (two each), 12 ML-from-scratch ones.
    RoundRequirement("coding", 30, _each(CODING_TOPICS, 2)),
    RoundRequirement("ml_coding", 12, _each(ML_CODING_TOPICS, 1)),
    RoundRequirement(
        "system_design",
        15,
        {**_each(SYSTEM_DESIGN_PROMPTS, 1), **_each(NEW_SYSTEM_DESIGN_PROMPTS, 1)},
    ),
    RoundRequirement("domain", 24, _each(DOMAIN_TRACKS, 8)),
    RoundRequirement("deep_dive", 15, _each(DEEP_DIVE_TOPICS, 1)),
    RoundRequirement("behavioral", 20, _each(BEHAVIORAL_THEMES, 1)),
)
GROUP_REQUIREMENTS: tuple[GroupRequirement, ...] = (
    GroupRequirement("genai", 18, GENAI_TOPICS, ("breadth",)),
    GroupRequirement("new_system_design_prompts", 5, NEW_SYSTEM_DESIGN_PROMPTS, ("system_design",)),
    # MLOps questions may sit in any round (breadth, system design...).
    GroupRequirement("mlops", 10, ("mlops",)),
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
    """A count against its minimum; `topic` is None for a round's total. A group's tally
    has the group's name as `round` and its topics joined by "+" as `topic`."""

    round: str
    topic: str | None
    count: int
    minimum: int
    group: bool = False

    @property
    def shortfall(self) -> int:
        return max(0, self.minimum - self.count)

    def describe(self) -> str:
        if self.group:
            what = f"{self.round} ({self.topic})"
        else:
            what = f"{self.round} total" if self.topic is None else self.topic
        return f"{what}: {self.count}/{self.minimum}, short by {self.shortfall}"

    def headline(self) -> str:
        """describe() with the round named, for a list of shortfalls across rounds."""
        if self.group or self.topic is None:
            return self.describe()
        return f"{self.round}: {self.describe()}"


@dataclass(frozen=True)
class CoverageReport:
    tallies: list[Tally]
    # Topics used in the bank that the checklist does not name, per round (often typos).
    unlisted: dict[str, list[str]] = field(default_factory=dict)
    groups: list[Tally] = field(default_factory=list)

    @property
    def shortfalls(self) -> list[Tally]:
        return [t for t in [*self.tallies, *self.groups] if t.shortfall]

    @property
    def ok(self) -> bool:
        return not self.shortfalls


def coverage(
    questions: Mapping[str, Question],
    requirements: Iterable[RoundRequirement] = REQUIREMENTS,
    groups: Iterable[GroupRequirement] = GROUP_REQUIREMENTS,
) -> CoverageReport:
    """Every required round, topic and group of topics with its count and minimum."""
    tallies: list[Tally] = []
    unlisted: dict[str, list[str]] = {}
    groups = list(groups)
    for req in requirements:
        in_round = [q for q in questions.values() if q.round == req.round]
        tallies.append(Tally(req.round, None, len(in_round), req.minimum))
        counts = Counter(t for q in in_round for t in set(q.topics))
        for topic, minimum in req.topic_minimums.items():
            tallies.append(Tally(req.round, topic, counts.get(topic, 0), minimum))
        grouped = {t for g in groups if not g.rounds or req.round in g.rounds for t in g.topics}
        extra = sorted(set(counts) - set(req.topic_minimums) - grouped)
        if extra:
            unlisted[req.round] = extra
    group_tallies = [
        Tally(
            g.name,
            "+".join(g.topics),
            sum(
                1
                for q in questions.values()
                if (not g.rounds or q.round in g.rounds) and set(q.topics) & set(g.topics)
            ),
            g.minimum,
            group=True,
        )
        for g in groups
    ]
    return CoverageReport(tallies=tallies, unlisted=unlisted, groups=group_tallies)


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
        entry = rounds.setdefault(t.round, {"topics": {}})
        numbers = {"count": t.count, "minimum": t.minimum, "shortfall": t.shortfall}
        if t.topic is None:
            entry.update(numbers)
        else:
            entry["topics"][t.topic] = numbers
    return {
        "ok": report.ok,
        "shortfalls": [t.headline() for t in report.shortfalls],
        "rounds": rounds,
        "groups": {
            t.round: {
                "topics": (t.topic or "").split("+"),
                "count": t.count,
                "minimum": t.minimum,
                "shortfall": t.shortfall,
            }
            for t in report.groups
        },
        "unlisted_topics": report.unlisted,
    }
