"""A whole answer taken back in the speaker's own words, read by its parts
(interviewer/judge/retractions.py), and the sentences that use the same words without
taking the answer back."""

import pytest

from interviewer.judge import clauses
from interviewer.judge.retractions import TAIL_SENTENCES, tail, takes_back_whole
from tests.readings import statuses as _statuses

TAKE_BACK = [
    # all that was said called wrong, or a pointer back at the answer called wrong
    "Thinking about it again, that whole explanation is wrong.",
    "That answer is wrong from start to finish; I'd need to look it up.",
    "Everything I've just told you is probably nonsense, I'm afraid.",
    "To be honest, those numbers are invented.",
    # a command on it
    "Actually, I want to withdraw that answer.",
    "Please ignore that design.",
    "Scratch that whole answer.",
    # "any of it" under a denial, the speaker's stance between
    "I'm not confident in any of this, to be honest.",
    "I don't stand behind any of what I just said.",
    "I wouldn't trust a word of that.",
    "That's not how any of this works.",
    "I honestly have no idea whether any of that is true.",
    # nothing of it right
    "None of the above is actually correct, though.",
    "None of that really answers what you asked.",
    # how it was made
    "To be honest I was just guessing through all of that.",
    "Honestly, I was bluffing there - I haven't done that kind of work.",
    "I've been winging it the whole time.",
    "I should be honest: I made most of that up as I went along.",
    "I made the story up because I couldn't think of a real one.",
    "I invented it to have something to say.",
    # something else answered
    "Sorry - I've confused this with something else entirely.",
    "Hmm, I think I mixed this up with a different problem.",
    "I was describing a different thing altogether.",
    # the speaker's last word: they don't know
    "Honestly, I don't know.",
    "I really don't know the answer here.",
    "That isn't how it's done and I don't know the right approach.",
    "I'm out of my depth here.",
    # other words for the same parts
    "Don't quote me on any of this.",
    "I can't back any of that up.",
    "Honestly, that whole answer is a guess.",
    "My explanation above doesn't hold up.",
    "Everything I've said is speculation.",
    "None of what I've said is reliable.",
    "Please disregard my previous answer.",
    "Thinking again, I take back everything I said.",
]

KEEPS = [
    # one claim corrected, hedged or limited
    "Gini impurity is 1 - sum_k p_k - sorry, I misspoke, it is 1 - sum_k p_k^2.",
    "I'm not sure of the exact figures in the paper, but the argument holds regardless.",
    "I might be wrong about the 100 millisecond figure - it depends on the login flow.",
    "I don't know the exact gamma the paper settled on.",
    "I'm guessing here, but the constant is about 0.5.",
    "Training fell to under 4 hours - sorry, under 2; I mixed it up with the first attempt.",
    # a limitation of the method
    "It is wrong when None is itself a meaningful value for the caller.",
    "This design is wrong for a team with no labels.",
    "None of this is perfect: the classifiers will be wrong on a new campaign.",
    "None of this applies to I/O-bound work such as reading files from a network store.",
    "If any of that is wrong for your data, the curve will show it.",
    "I don't need any of that complexity for a first baseline.",
    # a story's past
    "My first plan was wrong: I went straight to fine-tuning BERT.",
    "I was wrong at first about the freshness boost.",
    "At first I was guessing, so I ran a test.",
    "I was guessing at the threshold until the test came back.",
    "We were just guessing for a month.",
    "I made up a synthetic dataset to test it.",
    "I was describing two approaches to the team.",
    "I don't know if that helps.",
    "That design doesn't hold up for large data.",
    "This approach is a guess at best for new users.",
]


@pytest.mark.parametrize("sentence", TAKE_BACK)
def test_a_sentence_that_takes_the_whole_answer_back(sentence):
    assert takes_back_whole(sentence)


@pytest.mark.parametrize("sentence", KEEPS)
def test_the_same_words_that_take_nothing_back(sentence):
    assert not takes_back_whole(sentence)


RIGHT = (
    "Dropout zeroes each unit with probability p during training. "
    "At inference it is switched off and the full network runs. "
    "It regularises because units cannot co-adapt. "
)


def test_a_retraction_at_the_end_takes_back_every_sentence_before_it():
    statuses = _statuses(RIGHT + "I'm not confident in any of this, to be honest.")
    assert statuses[-1] is clauses.Status.meta
    assert all(s is clauses.Status.retracted for s in statuses[:-1])


def test_a_trailing_paragraph_takes_back_the_answer_above_it():
    text = RIGHT + "\n\nActually, I take that back. That isn't how it's done and I don't know."
    assert clauses.Status.asserted not in _statuses(text)


def test_only_the_last_sentences_are_read_for_it():
    assert list(tail(10)) == list(range(10 - TAIL_SENTENCES, 10))
    assert list(tail(1)) == [0]
    # Told early in a long story, it takes nothing back of what follows.
    text = "I'm not confident in any of this. " + RIGHT * 2
    assert clauses.Status.asserted in _statuses(text)


@pytest.mark.parametrize(
    "sentence",
    [
        "Actually, I don't think that is true, I'm mixing it up with Java.",
        "I was confusing this with gradient boosting.",
    ],
)
def test_the_answer_confused_with_a_named_thing(sentence):
    assert takes_back_whole(sentence)


def test_a_slip_put_right_takes_back_one_figure():
    assert not takes_back_whole(
        "Training fell from 14 hours to under 4 - sorry, under 2; I mixed it up with the first"
        " attempt - and GPU utilisation rose."
    )
