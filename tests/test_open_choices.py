"""Alternatives left open in the speaker's own words - a verdict that rates them and says
nothing of the topic, equal weight after a concession, a predicate asserted and denied -
claim neither side; a verdict that names what it rates, options taken, conditions and
contrasts of two things still claim (open_choices.py)."""

import pytest

from interviewer.judge import clauses
from interviewer.judge.text import sentences


def _statuses(text: str) -> set[str]:
    return {c.status.value for c in clauses.read(sentences(text)).clauses}


@pytest.mark.parametrize(
    "text",
    [
        # A verdict set off by a dash, or said as a sentence of its own.
        "Bagging mainly reduces variance, or mainly bias - either one holds up.",
        "Early stopping watches the validation loss, or the training loss; I'd lean both ways.",
        "The centroid moves to the mean of its points, or to the median point. Neither is off.",
        # A choice declined, or handed to the listener.
        "Momentum damps oscillations, or it amplifies them - I can't decide.",
        "Standardise the features first, or skip it for trees; the choice is yours.",
        # Equal weight after a concession.
        "Gradient clipping fixes exploding gradients, though you may equally see it as a fix "
        "for vanishing ones.",
        "Bagging reduces variance, although boosting reducing it is as good an account.",
        # The predicate asserted and denied.
        "Momentum speeds up training, and it doesn't.",
        "Word2vec learns from the contexts words appear in, and it doesn't learn from contexts.",
    ],
)
def test_alternatives_left_open_are_undecided(text):
    assert _statuses(text) == {"undecided"}


@pytest.mark.parametrize(
    "text",
    [
        "It depends on the data size: with little data use a linear model, with lots of data "
        "a boosted tree.",
        "Either L1 or L2 works as a penalty here, because both shrink the weights.",
        "For a small model use dropout or weight decay; for a large network I would use both.",
        "You can impute with the mean or the median; either works for roughly symmetric features.",
        "Dropout is active during training, but at inference it is not.",
        "L1 zeroes weights, but L2 does not.",
        "For loans we know who paid back and who didn't, so we can train on them.",
        "Precision matters, but recall is equally important.",
        "Scale the features, or gradient descent converges slowly.",
        # A two-way word that says where ("at both ends") or excludes ("not both").
        "Validate schemas with shared code or a feature store, and ranges at both ends.",
        "You divide by 1 - p while training or multiply by 1 - p at inference; not both.",
        # A denial that says something new of the subject: a claim of its own.
        "Avoid lambdas where you need pickling: a lambda has no useful name and cannot be pickled.",
        # A verdict that names something of the topic: a claim about both.
        "Ridge adds the squared weights, or weight decay in neural nets, and lasso their "
        "sizes; both are scaled by a strength knob.",
        # A two-way word that does not close the sentence: a claim about both.
        "They both use repetition, a control or test to terminate, and both can repeat "
        "forever if not defined correctly.",
        "A constructor runs when an object is created, either when it is declared "
        "statically or constructed on the stack.",
        # A choice word among the alternatives, not a verdict on them.
        "I did not build, design or choose anything myself.",
        # A two-way word inside the claim: "either X or Y", "both X and Y".
        "The average added and subtracted is either the mean prediction, or the expectation "
        "of the estimator.",
    ],
)
def test_weighed_trade_offs_and_contrasts_still_claim(text):
    assert _statuses(text) == {"asserted"}
