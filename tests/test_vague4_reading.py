"""A cue phrase said in a clause that judges or recommends ("be careful about overfitting",
"widely used, for example PPO", "good practice to keep a checkpoint") and says no other
word of the point does not cover it (matching._said_in_passing); a clause that says
another of the point's words, a figure, or no judging word still does."""

import pytest

from interviewer.domain.question import KeyPoint
from interviewer.judge import matching
from interviewer.judge.matching import match_key_points
from tests.readings import sentence_terms

WATCH = KeyPoint(
    id="overfitting_watch",
    text="With 2,000 images, watch validation loss for overfitting and rely on augmentation, "
    "early stopping and weight decay.",
    weight=2,
    cues=["early stopping", "validation loss", "weight decay", "overfit"],
)
HEAD = KeyPoint(
    id="replace_head",
    text="Replace the classification head with a new layer for the new classes.",
    weight=2,
    cues=["new head", "replace the head"],
)
RESTORE = KeyPoint(
    id="restore_best",
    text="Keep a checkpoint of the best model and restore it at the end rather than keeping "
    "the last weights.",
    weight=2,
    cues=["checkpoint", "best weights", "restore"],
)
PATIENCE = KeyPoint(
    id="monitor_validation",
    text="Track a validation metric and stop when it has not improved for a set number of "
    "evaluations, the patience.",
    weight=3,
    cues=["patience", "validation loss stops improving"],
)
TRANSFER = "You have 2,000 labelled images. How would you use an ImageNet network?"
EARLY = "Explain early stopping and how you would implement it."


def _coverage(text: str, points: list[KeyPoint], question: str) -> float:
    return match_key_points(sentence_terms(text), points, question)[0].coverage


@pytest.mark.parametrize(
    ("text", "points", "question"),
    [
        ("Since the dataset is small I'd be careful about overfitting.", [WATCH, HEAD], TRANSFER),
        ("Overfitting is an important thing to keep in mind here.", [WATCH, HEAD], TRANSFER),
        ("It's good practice to keep a checkpoint around.", [RESTORE, PATIENCE], EARLY),
        ("Checkpoints are widely used and really useful.", [RESTORE, PATIENCE], EARLY),
    ],
)
def test_a_cue_in_a_judging_clause_that_says_nothing_of_the_point_does_not_cover(
    text, points, question
):
    assert _coverage(text, points, question) < matching.COVERED_AT


@pytest.mark.parametrize(
    ("text", "points", "question"),
    [
        # Another word of the point: what to watch.
        ("It's important to watch the validation loss for overfitting.", [WATCH, HEAD], TRANSFER),
        # A figure.
        ("Be careful to overfit less: freeze all but 2 blocks.", [WATCH, HEAD], TRANSFER),
        # No judging word: the cue is the claim.
        ("Stop early to avoid overfitting.", [WATCH, HEAD], TRANSFER),
        ("Keep a checkpoint and restore the best one at the end.", [RESTORE, PATIENCE], EARLY),
        # The point's own words beside the judging word.
        ("It's good practice to restore the best checkpoint, not the last.", [RESTORE], EARLY),
    ],
)
def test_a_cue_said_of_something_specific_still_covers(text, points, question):
    assert _coverage(text, points, question) >= matching.COVERED_AT


def test_the_reading_can_be_switched_off(monkeypatch):
    text = "Since the dataset is small I'd be careful about overfitting."
    monkeypatch.setattr(matching, "GENERAL_CUES", False)
    assert _coverage(text, [WATCH, HEAD], TRANSFER) >= matching.COVERED_AT
