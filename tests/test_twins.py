"""A claim said beside its twin - the same claim with one alternative or its polarity
turned, offered with "or", "or maybe", "also" or in the next sentence, and nothing new said
- claims neither side; two claims that turn two things at once, or say something new of
the second condition, explain. Two sides offered as alternatives, one stating a point and
the other a point the wrong way round, count for neither (twins.py, offline.py)."""

import pytest

from interviewer.judge import clauses
from interviewer.judge.text import sentences
from tests.answer_sets import judged_on

RATE = "breadth.gradient_descent.learning_rate"
BAGGING = "breadth.ensembles.bagging_vs_boosting"


def _statuses(text: str) -> list[str]:
    return [c.status.value for c in clauses.read(sentences(text)).clauses]


@pytest.mark.parametrize(
    "text",
    [
        "Dropout zeroes units during training, or maybe at inference.",
        "Precision is TP over predicted positives or over actual positives.",
        "Increasing complexity raises variance and lowers it.",
        "Bagging mainly reduces variance or bias.",
        "At inference dropout is turned off, or maybe not.",
    ],
)
def test_a_claim_and_its_twin_in_one_sentence_are_undecided(text):
    assert set(_statuses(text)) == {"undecided"}


@pytest.mark.parametrize(
    "text",
    [
        "Underfitting is the high-bias case. Underfitting is also the high-variance case.",
        "Recall is TP over actual positives. Recall is also TP over predicted positives.",
        "I guess precision is TP over predicted positives? Not sure, could be TP over actual "
        "positives, I always swap them.",
        "I guess bias is when the model is too simple? Or maybe too complex.",
    ],
)
def test_a_claim_and_its_twin_in_the_next_sentence_are_undecided(text):
    assert set(_statuses(text)) == {"undecided"}


@pytest.mark.parametrize(
    "text",
    [
        "Too high a rate diverges, too low a rate is slow.",
        "Too high a rate diverges. Too low a rate, in contrast, is slow.",
        "L1 drives weights to zero while L2 only shrinks them.",
        "Bagging mainly reduces variance. Boosting mainly reduces bias.",
        "Increasing complexity raises variance and lowers bias.",
        "If you divide TP by everything predicted positive you get precision; if you divide "
        "it by everything actually positive you get recall.",
        "The model scores poorly on its training data and just as poorly on held-out data.",
        "You can impute the mean or the median.",
        "It records the time before and after the call.",
        "The raw outputs are distances from the line, not probabilities.",
        "Pick a value somewhat below that point, not at it.",
        "To test it I would train on earlier months and test on later ones.",
        "If you start many threads or processes, memory grows.",
        "At training time dropout is on. At inference it is not.",
    ],
)
def test_contrasts_conditions_and_options_are_claimed(text):
    assert set(_statuses(text)) == {"asserted"}


def test_two_sides_offered_one_right_one_the_wrong_way_round_count_for_neither():
    hedged, _ = judged_on(
        RATE,
        "A learning rate that is too high either overshoots the minimum and makes the loss "
        "diverge, or makes training very slow.",
    )
    right, _ = judged_on(
        RATE,
        "A learning rate that is too high overshoots the minimum and makes the loss "
        "oscillate or diverge.",
    )
    assert "too_high" in right.covered_key_points
    assert "too_high" not in hedged.covered_key_points


def test_a_claim_said_with_its_twin_scores_below_the_claim():
    _, twinned_percent = judged_on(BAGGING, "Bagging mainly reduces variance or bias.")
    _, right_percent = judged_on(BAGGING, "Bagging mainly reduces variance.")
    assert twinned_percent is not None and right_percent is not None
    assert twinned_percent < right_percent
