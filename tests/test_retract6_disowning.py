"""A whole answer disowned rather than taken back (interviewer/judge/disowning.py and the
whole-scope readings of withdrawals.py): said to be someone else's, not known at all,
set aside or not to be marked as a whole; and the same shapes said of one part."""

import pytest

from interviewer.judge import disowning, withdrawals
from interviewer.judge.clauses import tokens
from tests.readings import withdrawn

ANSWER = "We trained the model on two years of claims. We split by time and checked the slices."

TAKES_BACK = [
    # holdout15's answer, the shape this reading is for
    "To be honest, though, that wasn't my project; I'm describing what a colleague did. I"
    " wasn't involved in the data at all and I don't actually know how any of it was"
    " sourced or labelled, so please set all of that aside.",
    # a discarding verb on a quantified whole, closing the part: one move
    "So please set all of that aside.",
    "Honestly, throw all of that out.",
    "I'll recant all that.",
    "I'd rather you disregarded everything I said.",
    # a wish whose object is the speaker's words or the whole: one move
    "I'd sooner you didn't mark what I said.",
    "I'd prefer you didn't grade any of that.",
    # not owned and not known, two parts
    "That wasn't my project. I don't know how any of it was done.",
    "It's my manager's project. None of it is my own.",
    "I'm repeating what a colleague told me, and I couldn't tell you whether any of it is true.",
    "My manager drove all of it. I wasn't involved in any of it.",
    "I can't claim any of this as mine; it isn't my story.",
]

KEEPS = [
    # one part credited to a colleague, the speaker's own part told
    "The labelling pipeline was my colleague's; I built the features.",
    "That was my manager's call, and I agreed with it.",
    "That wasn't my idea, but I ran with it and built the pipeline.",
    "I wasn't involved in the vendor contract itself, but the comparison was mine.",
    # one thing not known
    "I don't know exactly how the upstream exports were produced, but the rest I did.",
    # the whole as a hedge on an extension, limited to a case
    "I don't know if any of that changes with approximate neighbour search.",
    # an idea dropped in a story, a pivot, advice, a design step
    "We set that approach aside and went with gradient boosting.",
    "Setting all that aside, I'd stress restoring the best checkpoint.",
    "You can ignore all of that and use the defaults.",
    "I'd throw all of that out and train a model on the labels.",
    # the team's voice
    "Our team did all of it in a quarter.",
]


@pytest.mark.parametrize("ending", TAKES_BACK)
def test_a_whole_answer_disowned_is_taken_back(ending):
    found, kinds = withdrawn(ANSWER + " " + ending)
    assert found is not None and found[0] >= 2, (ending, kinds)


@pytest.mark.parametrize("ending", KEEPS)
def test_the_same_shapes_said_of_one_part_take_nothing_back(ending):
    found, kinds = withdrawn(ANSWER + " " + ending)
    assert found is None, kinds


def _words(text: str) -> tuple[str, ...]:
    return tuple(t.norm for t in tokens(text) if t.is_word)


@pytest.mark.parametrize(
    ("text", "owned"),
    [
        ("that wasn't my project", False),
        ("it wasn't really me", False),
        ("none of that was my work", False),
        ("it's a story a friend told me", False),
        ("I'm describing what a colleague did", False),
        ("that was my project", True),
        ("the pipeline wasn't mine", True),
        ("that part wasn't mine", True),
        ("we did all of it", True),
    ],
)
def test_not_owned_reads_the_whole_not_a_part(text, owned):
    assert disowning.not_owned(_words(text)) is not owned


@pytest.mark.parametrize(
    ("text", "known"),
    [
        ("I don't actually know how any of it was sourced", False),
        ("I don't understand any of it", False),
        ("I couldn't tell you whether any of that is right", False),
        ("I don't know how the labels were sourced", True),
        ("I didn't know any of it at the time", True),
        ("I don't know whether any of it holds for small data", True),
    ],
)
def test_not_known_reads_the_whole_now(text, known):
    toks = [t for t in tokens(text) if t.is_word]
    words = tuple(t.norm for t in toks)
    assert disowning.not_known(words, tuple(t.stem for t in toks)) is not known


def test_all_that_points_back_like_all_of_that():
    assert withdrawals.whole_scope(_words("all that"), 0) == 2
    assert withdrawals.whole_scope(_words("the whole pipeline"), 0) == -1
