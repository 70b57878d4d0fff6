"""A claim with another offered in its place as a possibility ("X, or maybe Y", "X could
be A, or it might be B", "may or may not") claims neither side; another hypothesis with a
subject of its own, a side with a condition of its own, options offered with a verb of
choice, and a plain "or" stay claims (possibilities.py). A sentence closed by a both-ways
hedge ("- hard to say", "either could be true") claims nothing (reports.py, lexicon
`both_ways`)."""

import pytest

from interviewer.judge import clauses
from interviewer.judge.text import sentences


def _statuses(text: str) -> list[str]:
    return [c.status.value for c in clauses.read(sentences(text)).clauses]


@pytest.mark.parametrize(
    "text",
    [
        "The Markov property could mean the next state depends only on the current state, "
        "or possibly on the whole history.",
        "V(s) could be the expected return, or it might be the immediate reward.",
        "Q is the expected discounted return, or maybe it is just the immediate reward.",
        "The exponential perhaps models waiting times, or possibly the number of events.",
        "Swapping the order may or may not help.",
        "A pipeline could reuse the fitted transforms or might refit them on new data.",
    ],
)
def test_claims_offered_as_possibilities_side_by_side_are_undecided(text):
    assert set(_statuses(text)) == {"undecided"}, _statuses(text)


@pytest.mark.parametrize(
    "text",
    [
        # another hypothesis, with a subject of its own, as a diagnosis lists them
        "If training diverges, the learning rate might be too high, or the targets might be "
        "moving too fast.",
        # options offered with a verb of choice
        "You could use a QR or SVD solver, or maybe gradient descent.",
        # what the listener could do, offered as options
        "You could add dropout to the network, or maybe weight decay.",
        "I'd initialise with He, or maybe Xavier for tanh layers.",
        # a side with a condition of its own says when
        "The loss may plateau, or it might diverge if the learning rate is too high.",
        # a plain "or" between options, offered as no possibility
        "Choose K with BIC or AIC, or with held-out likelihood.",
        # a plain claim, then a modal after a pronoun: what happens next, not a hedge
        "The loss drops quickly, or it may plateau for a while.",
        # a condition says when the value changes
        "A variable stands in for a value that may or may not change depending on the program.",
        # a question of which
        "Whether the model overfits or maybe underfits shows in the validation curve.",
    ],
)
def test_hypotheses_conditions_and_options_stay_claims(text):
    assert "undecided" not in _statuses(text), _statuses(text)


def test_a_condition_hanging_on_the_pair_keeps_it_claimed():
    text = "The loss might plateau for a while, or maybe diverge when the rate is too high."
    assert "undecided" not in _statuses(text), _statuses(text)


@pytest.mark.parametrize(
    "text",
    [
        "You could split sessions by time for evaluation, or at random - hard to say.",
        "The normal might come from averaging many effects, or from one big one. Hard to tell.",
        "It maximises the long-run reward, or the immediate one; either could be true.",
    ],
)
def test_a_closing_hedge_leaves_the_sentence_undecided(text):
    assert set(_statuses(text)) == {"undecided"}, _statuses(text)


def test_the_same_words_inside_a_claim_hedge_nothing():
    text = "Whether it generalises is hard to say without a held-out set."
    assert "undecided" not in _statuses(text), _statuses(text)
