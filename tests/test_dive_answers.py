"""Strong deep dives and designs told in everyday words (tests/data/dive_answers.jsonl, see
tests/data/README.md): per question an excellent answer as a strong senior candidate says
it (figures, the choice with the alternatives weighed, their own part, what went wrong),
a good one with one heavy point left out, a vague one and a fluent wrong or buzzword one,
all graded before any scoring. The bars hold what the judge does since a deep dive's
choices are read in its whole story, its stated part counts for ownership, its reflection
is read as reflection and a failure story's cause and fix are read in plain words."""

import statistics
from pathlib import Path

import pytest

from interviewer.judge import asks, levels, signals
from interviewer.judge.text import sentences
from tests.answer_sets import judged_on, scored

DATASET = Path(__file__).parent / "data" / "dive_answers.jsonl"


@pytest.fixture(scope="module")
def answers() -> list[tuple[str, str, str, float]]:
    """Each answer's question, kind, variant and percent."""
    out = []
    for item, percent, _ in scored(DATASET):
        assert item.question_id and item.kind and item.variant
        out.append((item.question_id, item.kind, item.variant, percent))
    return out


@pytest.fixture(scope="module")
def judged(answers) -> dict[str, dict[str, list[float]]]:
    out: dict[str, dict[str, list[float]]] = {}
    for question, kind, _, percent in answers:
        out.setdefault(question, {}).setdefault(kind, []).append(percent)
    return out


def _all(judged, kind: str, round_prefix: str = "") -> list[float]:
    return [
        p for q, kinds in judged.items() if q.startswith(round_prefix) for p in kinds.get(kind, [])
    ]


def test_the_set_has_four_kinds_on_eleven_questions(judged):
    assert len(judged) == 11
    assert all(set(k) == {"excellent", "good", "vague", "wrong"} for k in judged.values())


def test_excellent_answers_in_everyday_words_reach_the_issue_bar(judged):
    # Graded 88-90. Before: 72.8 (deep dives 57.0, a failure story at 6).
    assert statistics.mean(_all(judged, "excellent")) >= 80
    assert statistics.mean(_all(judged, "excellent", "deep_dive")) >= 78
    assert min(_all(judged, "excellent")) >= 60


def test_the_kinds_are_in_order(judged):
    means = {k: statistics.mean(_all(judged, k)) for k in ("excellent", "good", "vague", "wrong")}
    assert means["excellent"] > means["good"] + 12, means
    assert 55 <= means["good"] <= 72, means  # graded 61-63
    assert means["vague"] <= 20, means  # graded 18-20
    assert means["wrong"] <= 18, means  # graded 4-6; before: 16.9


def test_buzzword_answers_stay_low(answers):
    # Graded 6: no decision, no figure, no part of their own.
    buzz = [percent for _, _, variant, percent in answers if variant == "buzzword"]
    assert len(buzz) == 4
    assert max(buzz) <= 40, buzz


def test_a_cost_said_to_be_none_weighs_nothing():
    said = sentences("It came with no downside at all, and it cost us nothing.")
    assert signals.find_weighed(signals.TRADEOFF, said).count == 0
    weighed = sentences("The downside was a day of staleness, and it cost us a second index.")
    assert signals.find_weighed(signals.TRADEOFF, weighed).count >= 2


@pytest.mark.parametrize(
    ("text", "kind", "count"),
    [
        ("It turned out an upstream team had changed the returns feed.", "cause", 1),
        ("We traced the drop back to a renamed column.", "cause", 1),
        ("We retrained it and the error came down.", "cause", 0),
        ("To stop it happening again I added a check to the nightly run.", "prevented", 1),
        ("I fixed it by reading returns from their own table.", "prevented", 1),
        ("We moved on to the next project.", "prevented", 0),
        ("The forecast quietly got worse over about three weeks.", "failed", 1),
        ("Nothing major went wrong.", "failed", 0),
        ("Six people from the hubs marked 20,000 photos by hand.", "labels_made", 1),
        (
            "1,000 photos were marked by two people each; they agreed 87% of the time.",
            "labels_checked",
            1,
        ),
        (
            "Those two aren't the same thing: log loss treats a $5 fraud like a $5,000 one.",
            "gap",
            1,
        ),
        ("The loss and the metric were one and the same thing.", "gap", 0),
    ],
)
def test_a_deep_dive_story_supplies_what_its_points_ask_for(text, kind, count):
    assert asks.supplied(text, (kind,)) == count


STORY = (
    "Our demand forecast for the warehouses got worse over about three weeks and nobody "
    "noticed at first. I found it because I had set up a weekly chart of forecast error per "
    "warehouse, and two of the twelve went from 8% error to 19%. It turned out an upstream "
    "team had changed the returns feed, so returns came in as negative sales. I fixed it by "
    "taking returns from their own table, and the error went back to 8%. To stop it "
    "happening again I added a check that fails the nightly run if daily sales drop by half."
)


def test_a_failure_story_in_plain_words_covers_its_points():
    result, percent = judged_on("deep_dive.failure.what_went_wrong", STORY)
    assert {"root_cause", "fix_and_prevention", "specific_failure"} <= set(
        result.covered_key_points
    )
    assert percent is not None and percent >= 60


def test_ownership_reads_the_part_stated_in_the_first_person():
    story = (
        "We had a keyword rule and we kept it as the fallback. I owned the comparison: I "
        "scored the rule, a logistic regression and the fine-tuned model on the same six "
        "weeks of tickets, and I convinced the team lead with the numbers, 41% against 71%. "
        "We shipped it and we kept the rule for outages."
    )
    result, _ = judged_on("deep_dive.baseline.first_baseline", story)
    ownership = next(c for c in result.criteria if c.criterion_id == "ownership")
    assert ownership.level == 4, ownership
    levels.OWNING_STATED = False
    try:
        result, _ = judged_on("deep_dive.baseline.first_baseline", story)
    finally:
        levels.OWNING_STATED = True
    ownership = next(c for c in result.criteria if c.criterion_id == "ownership")
    assert ownership.level <= 3, ownership
