"""A claim its own sentence takes back or leaves open - an exception that is its denial, a
concession closed by dropping it, an indifference verdict, a "but ... also" side closed by
"either way", an elided denial after a verb of need, a bare "or not" - claims nothing; an
exception or a consequence that says when, and sides that each hold under a condition, still
claim (self_denials.py, open_choices.py)."""

import pytest

from interviewer.judge import clauses, self_denials
from interviewer.judge.text import sentences


def _statuses(text: str) -> set[str]:
    return {c.status.value for c in clauses.read(sentences(text)).clauses}


@pytest.mark.parametrize(
    "text",
    [
        # An exception that is the claim's denial or a verdict on its need.
        "De-identify the notes, unless that's unnecessary.",
        "Small batches give noisy statistics, unless they don't.",
        "Keep a held-out test set, unless that turns out to be overkill.",
        "Leave a gap before the validation period, unless you don't need to.",
        # A concession closed by dropping the claim.
        "Continue pre-training on the unlabelled notes - though they're arguably useless, so "
        "maybe skip that.",
        "Features must come from before the cutoff, although the full history is fine too, so "
        "I wouldn't insist on it.",
        "Dice helps with small structures, but cross-entropy also treats them fairly, so you "
        "may not need anything else.",
        # An indifference verdict after the alternatives.
        "Preprocessing goes inside the folds, or is fit on all the data first, it doesn't "
        "matter much.",
        "At inference it uses running averages, or the test batch statistics, it makes little "
        "difference.",
        # The two-way words alone rate the sides, "or" and all.
        "Skip connections restore detail, or they only speed up training; probably both, or "
        "neither.",
        # The other side given standing by "but ... also", closed by a verdict.
        "Cross-validation is better than one split, but a single split is also reliable "
        "enough, either way.",
        # The claim's denial elided after a verb of need, or bare.
        "You might check the judge against human ratings, or you might not need to.",
        "The horizon should match the forecast, or not.",
    ],
)
def test_claims_taken_back_or_left_open_are_undecided(text):
    assert _statuses(text) == {"undecided"}


@pytest.mark.parametrize(
    "text",
    [
        # Exceptions and consequences that say when: trade-offs.
        "De-identify the notes, unless the provider has already anonymised them.",
        "Use a smaller model, unless latency doesn't matter.",
        "Dropout zeroes units in training, but at inference all units are kept, so it's not "
        "needed there.",
        "Selection helps linear models, though trees cope with many features, so you can "
        "often skip it for boosting.",
        "Batch descent is exact, but slow on big data, so it is rarely used.",
        "Pairwise losses order pairs, but the scores are only defined up to a shift, so they "
        "aren't probabilities.",
        # A dismissal told in the past is what was done.
        "Rewriting alone did nothing, but with the reranker off it was worth 0.02, so we "
        "dropped it.",
        # Each side holds under a condition of its own.
        "Use k-fold when the data is small; a single split is fine when it is large.",
        "A domain tokenizer might help if the vocabulary is very different; measure it.",
        # Options, both good; claims about both; a question of which.
        "Use Gini or entropy, it doesn't matter much.",
        "Some components turned out to be more important than others, and a few didn't "
        "matter as much as we expected.",
        "L1 zeroes weights, but L2 also shrinks them.",
        "Check whether the model is calibrated or not.",
        "Train a model to classify parts as defective or not.",
        "Either way, keep the test set untouched.",
    ],
)
def test_trade_offs_and_conditions_still_claim(text):
    assert "undecided" not in _statuses(text)


def test_only_the_sentence_that_takes_its_claim_back_is_read_so():
    text = (
        "Continue pre-training on the notes with masked language modelling. "
        "De-identify the notes, unless that's unnecessary."
    )
    reading = clauses.read(sentences(text))
    assert self_denials.denied_sentences(reading) == {1}
