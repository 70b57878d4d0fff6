"""A passage of plain clauses that takes back what came before it
(interviewer/judge/withdrawals.py), and the passages of the same shapes that keep it: one
detail put right, an honest limit, someone else's retraction quoted, a story's first
attempt."""

import pytest

from interviewer.judge import clauses
from interviewer.judge.clauses import Status
from interviewer.judge.text import sentences
from tests.readings import withdrawn

CLAIM = (
    "Ridge adds an L2 penalty and shrinks every weight. Lasso adds an L1 penalty and zeroes some."
)

TAKEN_BACK = [
    # a take-back verb on "that"/"it", then a stance, a wish or a lack
    "Actually, I'm withdrawing that. I don't trust my reasoning here, and I'd rather say I"
    " don't know which number to trust.",
    "Sorry, I want to take that back. I'm not actually sure about any of those points, and"
    " I'd rather they didn't count as my answer.",
    "Although - you know, scratch that. I've never worked on this and I don't think I've got"
    " this right. I'd rather not answer than guess.",
    "Hmm, I'd like to pull that back. I'd prefer not to be graded on it.",
    "Let me retract it. I'm not confident it's right.",
    "Cross all of it out, please; I was piecing it together.",
    # what points back said not to be so, with a lack and a command
    "Though, to be honest, that's not really what happened. In reality my manager did the"
    " presenting. So I don't actually have an example; please disregard that.",
    "I have to come clean: it didn't happen like that. I don't have my own example.",
    # in one sentence
    "I want to cancel that answer - I don't trust any of the probabilities I gave.",
    # what points back called wrong, or the speaker wrong about it
    "Hmm, I think that's probably wrong. Please ignore it.",
    "I was wrong about that. Don't count it.",
    "I think I got it all backwards; don't quote me on any of that.",
]

KEPT = [
    # one clause alone: a hedge or a slip put right
    "Scratch that, it's 3x not 2x.",
    "I'm not sure about the exact constant, but the rest holds.",
    "I'm not sure that's right for every dataset, so check it on yours.",
    "I don't remember who first published it, but the reasoning above holds.",
    # a stance on one named thing, not on what was said
    "I'm not sure the exact constant is right. I'd rather not guess the exact number.",
    # someone else's retraction, quoted
    "My director said, 'forget that, I don't trust those numbers', and we rechecked them.",
    "A reviewer wrote 'scrap that, I don't think it's right', then walked it back.",
    # a story's first attempt, in the past or limited to a case
    "That wasn't what happened in the first release; the second release fixed it.",
    "We scrapped it after the pilot. I didn't trust those numbers, so I reran the test.",
    "That wasn't what happened the first time. I don't have the logs from then.",
    # the speaker's frame does not reach a third person's act
    "She withdrew it. She wasn't sure it was right.",
    # a misconception refuted, a mistake told in a story, a doubt that it is wrong
    "Some say lasso keeps every weight. That's wrong; lasso zeroes some. Ignore it.",
    "Some say lasso keeps every weight. That is false. Ignore that claim.",
    "I got that wrong in the first release. We fixed it in the second.",
    "I'm not sure that's wrong, though it is rare. Please don't count on it.",
    # a technical "ignore it" with no second clause
    "If the warning is harmless, ignore it. The loss still converges.",
]


@pytest.mark.parametrize("ending", TAKEN_BACK)
def test_a_passage_of_plain_clauses_takes_back_what_came_before(ending):
    found, kinds = withdrawn(f"{CLAIM} {ending}")
    assert found is not None, kinds
    assert found[0] >= 2  # the claims before it are what it takes back


@pytest.mark.parametrize("ending", KEPT)
def test_the_same_shapes_that_keep_the_answer(ending):
    found, kinds = withdrawn(f"{CLAIM} {ending}")
    assert found is None, kinds


def test_the_claims_before_the_passage_are_retracted_and_what_follows_counts():
    text = (
        f"{CLAIM} Hold on - I'm going to walk that back; I don't think it's right. "
        "Ridge keeps every weight and lasso zeroes some of them."
    )
    reading = clauses.read(sentences(text))
    before = [c for c in reading.clauses if c.sentence < 2]
    after = [c for c in reading.clauses if c.sentence == len(reading.sentences) - 1]
    assert before and all(c.status is Status.retracted for c in before)
    assert after and all(c.status is Status.asserted for c in after)


def test_a_slip_put_right_inside_its_clause_takes_back_nothing_before_it():
    text = f"{CLAIM} Sizes are usually 64 to 512 - scratch that, 64 to 256 is more typical."
    reading = clauses.read(sentences(text))
    assert all(c.status is Status.asserted for c in reading.clauses if c.sentence < 2)


def test_scratch_that_after_words_that_say_nothing_takes_back_the_sentence_before():
    text = f"{CLAIM} Although - you know, scratch that."
    reading = clauses.read(sentences(text))
    assert all(c.status is Status.retracted for c in reading.clauses if c.sentence == 1)
