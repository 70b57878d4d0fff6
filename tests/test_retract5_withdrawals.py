"""One move that takes the whole answer back (interviewer/judge/withdrawals.py,
`DISCLAIMS`), and the same words that take nothing back."""

import pytest

from tests.readings import withdrawn

ANSWER = "The learning rate sets the step size. Too large and the loss diverges."

TAKES_BACK = [
    # a disowning verb on what is marked whole
    "I retract the whole thing.",
    "Hold on, I want to withdraw the whole derivation.",
    "I'll take it back entirely and say I don't know how I'd cut the bill.",
    "No, I take back all of what I said.",
    "Let me walk that whole answer back.",
    "Having said all that, I'd like to unsay every word of it.",
    # a take-back on the speaker's own words
    "Actually, forget I said any of that.",
    "I don't really know how fine-tuning works and I'd like to retract the answer.",
    # a request that it count as no answer
    "Please score this as a non-answer.",
    "So treat it as if I haven't answered.",
    # two parts, one in a clause after "and I" or after an imperative on the answer
    "Hmm, no, I'm retracting that, I genuinely don't know this well enough and I don't"
    " want to be graded on what I just said.",
    "I don't think that's right at all; I retract it, so treat it as if I haven't answered.",
]

KEEPS = [
    "Actually, I mean 0.9, not 0.09.",
    "Scratch that, it's 3x not 2x.",
    "People say a smaller rate is always safer, but I don't believe that.",
    "We tried a cyclic schedule first and dropped that idea.",
    "We scrapped the whole thing after the pilot.",
    "If the pipeline is that messy I'd scrap the whole thing and rebuild it on a feature store.",
    "I'm not sure about the exact warm-up length.",
    "I'd ignore the whole warm-up question for a model this small.",
    "You can treat it as a baseline and compare against it.",
    "Forget the default and tune it on a log grid.",
]


@pytest.mark.parametrize("ending", TAKES_BACK)
def test_one_move_takes_back_all_before_it(ending):
    found, kinds = withdrawn(ANSWER + " " + ending)
    assert found is not None and found[0] >= 2, (ending, kinds)


@pytest.mark.parametrize("ending", KEEPS)
def test_the_same_words_take_nothing_back(ending):
    found, kinds = withdrawn(ANSWER + " " + ending)
    assert found is None, kinds


def test_a_withdrawn_first_attempt_leaves_what_follows():
    found, kinds = withdrawn(
        "Bias is the spread of the labels. I retract that whole thing. " + ANSWER
    )
    assert found == (1, frozenset({1})), kinds
