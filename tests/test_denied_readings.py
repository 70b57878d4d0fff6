"""Claims weighed both ways inside a sentence (split_views.py), coordinated denials that do
not cancel (clauses._coordinated_denials), and answers that mostly say what is not so
(offline.MOSTLY_DENIED_SHARE): the readings behind tests/data/denied_answers.jsonl."""

import pytest

from interviewer.judge import clauses, offline
from interviewer.judge.text import sentences
from tests.answer_sets import judged_on

SKEW = "breadth.mlops.training_serving_skew"


def _statuses(text: str) -> set[str]:
    return {c.status.value for c in clauses.read(sentences(text)).clauses}


def _negated(text: str) -> list[bool]:
    return [c.negated for c in clauses.read(sentences(text)).clauses]


@pytest.mark.parametrize(
    "text",
    [
        "Labels come from moderator decisions, though user reports alone are just as good.",
        "A pretrained encoder helps, though the opposite is just as likely.",
        "Some say you need several reviewers, others say one reviewer is enough.",
        "Whether error rates differ across dialects matters or not is hard to say.",
        "The goal is either reducing views of harmful posts or maximising removals, depending.",
        "Trees cannot extrapolate beyond the training range, or they can.",
        "The lambdas share one cell, or it does not.",
    ],
)
def test_sides_weighed_inside_a_sentence_are_undecided(text):
    assert _statuses(text) == {"undecided"}


def test_a_sentence_opened_as_the_other_side_leaves_both_undecided():
    text = "The network passes weighted sums through ReLU. Then again, it might be linear."
    assert _statuses(text) == {"undecided"}


@pytest.mark.parametrize(
    "text",
    [
        "Either way, keep the test set untouched until the end.",
        "One try either happens or it does not, with a fixed chance.",
        "A Bernoulli trial either happens or doesn't, like whether a visitor buys.",
        "Impute the mean or the median, depending on the skew of the column.",
        "The two closed doors are equally likely, so switching no longer helps.",
        "Pointwise log loss on click or not is simple and gives calibrated probabilities.",
    ],
)
def test_options_conditions_and_two_way_events_still_claim(text):
    assert "undecided" not in _statuses(text)


@pytest.mark.parametrize(
    "text",
    [
        "Grounding is not the goal, answers do not need citations.",
        "I didn't pull sign-up data, didn't match cohorts by channel.",
        "No expert evaluation set, no leak probes, no A/B test.",
        "Testing on later shifts is not better than a random split, and routing to a human"
        " does not help.",
    ],
)
def test_coordinated_denials_do_not_cancel(text):
    assert _negated(text)[-1] is True


@pytest.mark.parametrize(
    "text",
    ["You cannot not tune it.", "Pruning does not prevent the tree from growing."],
)
def test_two_denials_in_one_predicate_still_cancel(text):
    assert _negated(text) == [False]


DENIED = (
    "Training-serving skew is not a difference between training and serving features."
    " It is not caused by feature logic written twice. You do not detect it by logging"
    " served features and comparing them with the training features. A feature store"
    " does not prevent it. Features do not have to be computed as of prediction time."
)
RIGHT = (
    "Training-serving skew is a difference between the features the model saw in training"
    " and those it gets when serving. It is often caused by feature logic written twice, a"
    " batch pipeline and separate service code. Detect it by logging served features and"
    " comparing them with the training pipeline's features for the same entities. Do not"
    " trust the offline AUC alone. Compute each feature once in shared code or a feature"
    " store, and never use data from after the prediction time."
)


def test_an_answer_that_mostly_denies_covers_nothing():
    _, percent = judged_on(SKEW, DENIED)
    assert percent is not None and percent <= 15.0


def test_the_reading_is_what_lowers_it(monkeypatch):
    monkeypatch.setattr(offline, "MOSTLY_DENIED_SHARE", 0.0)
    _, percent = judged_on(SKEW, DENIED)
    assert percent is not None and percent > 15.0


def test_a_right_answer_that_denies_now_and_then_keeps_its_score():
    _, percent = judged_on(SKEW, RIGHT)
    assert percent is not None and percent >= 60.0
