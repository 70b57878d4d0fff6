"""An answer disowned by its source, asked not to be taken as the speaker's answer, or a
story declared untrue (retract8: disowning._sourced, disowning.counterfactual,
withdrawals._not_as_answer and the lexicon entries they read); and the same shapes said
by a right answer: a source the speaker understands, "don't take my word for the exact
figure", "in reality" inside a true story, a lesson of what should have been done."""

import pytest

from interviewer.judge import disowning, retractions, withdrawals
from interviewer.judge.clauses import tokens
from tests.readings import withdrawn

ANSWER = "We trained the model on two years of claims. We split by time and checked the slices."

TAKES_BACK = [
    # holdout18's answers, the shapes this reading is for
    "But look, I'll be straight with you: I read this in a prep guide last night and I don't"
    " really understand it, so please don't take any of it as my answer.",
    "Sorry, I should be upfront: I'm describing what I think I should have done. In reality I"
    " just went along with the date and it didn't go well. So none of that story is true,"
    " I'm afraid.",
    # not to be taken as the answer: one move
    "Please don't take any of it as my answer.",
    "I'd ask you not to treat that as my answer.",
    "I'd rather that not be taken as my answer.",
    "I'd rather none of that went down as my answer.",
    "I wouldn't want any of that counted as mine.",
    # a source disowned, with a second part
    "I memorised this from a cheat sheet and I couldn't explain any of it if you asked.",
    "That's a summary of a YouTube video; I've never worked on any of it.",
    "All of this comes straight from a blog post, and I don't understand how any of it works.",
    "I pieced it together from what others told me, so I can't vouch for it.",
    # a story declared untrue
    "That's what I wish I had done. So that story isn't true.",
    "None of that story actually happened to me.",
    "Actually, that story isn't mine to tell - it happened to a friend at another company.",
    # the whole not understood, not derivable
    "Please leave that off the scorecard. I can't derive any of it myself.",
    "I was stringing buzzwords together, and there's no understanding behind any of it.",
    # the whole called meaningless to the speaker
    "Honestly, that's all just words to me.",
    "It's all over my head, to be honest.",
]

KEEPS = [
    # a source understood
    "I first read this in the XGBoost paper and re-derived it by hand.",
    "I learned the copy-on-read issue from a forum thread, then hit it myself.",
    "I read about ASHA in the original paper and we switched our sweeps to it.",
    "I read about speculative decoding in a blog post and I don't fully understand how the"
    " acceptance step keeps the distribution exact, but the mechanism is as I described.",
    # a figure not to be taken on the speaker's word, an answer limited to a case
    "Don't take my word for the exact error text; it changes between versions.",
    "I wouldn't take the 10 ms budget as the answer for every market.",
    "I wouldn't take that as my answer for sparse data.",
    # "in reality" and a lesson inside a true story
    "In reality, the first milestone still slipped a week, but we said so early.",
    "What I should have done sooner is insist on the cut line in week one.",
    "What I should have done is push for the time split; in reality I raised it late.",
    "That's not what I should have done, but it worked.",
    # none of it, limited
    "That's one of the results in the paper, and it holds here too.",
    # a source beside the speaker's lack of practice, not of understanding
    "I learned all of this from the Sutton and Barto book; I've never applied it at work.",
    "That's from the PyTorch docs; I don't remember the exact flag name.",
    # "just words" of something else
    "The input is just words, so we tokenise it first.",
]


@pytest.mark.parametrize("ending", TAKES_BACK)
def test_an_answer_disowned_or_declared_untrue_is_taken_back(ending):
    found, kinds = withdrawn(ANSWER + " " + ending)
    whole = any(retractions.takes_back_whole(s) for s in ending.split(". "))
    assert whole or (found is not None and found[0] >= 2), (ending, kinds)


@pytest.mark.parametrize("ending", KEEPS)
def test_the_same_shapes_in_a_right_answer_take_nothing_back(ending):
    found, kinds = withdrawn(ANSWER + " " + ending)
    assert found is None, kinds
    assert not any(retractions.takes_back_whole(s) for s in ending.split(". ")), ending


def _words(text: str) -> tuple[str, ...]:
    return tuple(t.norm for t in tokens(text) if t.is_word)


@pytest.mark.parametrize(
    ("text", "sourced"),
    [
        ("I read this in a prep guide last night", True),
        ("I got all of that from a vendor blog post", True),
        ("that's a summary of a YouTube video", True),
        ("it's the example from a leadership book I read", True),
        ("I'm reciting a case study I read this morning", True),
        ("I read about ASHA in the original paper", False),
        ("I learned the copy-on-read issue from a forum thread", False),
        ("that's covered in the paper", False),
        ("that's one of the results in the paper", False),
        ("I got this from our A/B test", False),
    ],
)
def test_a_source_is_read_only_of_what_points_back(text, sourced):
    words = _words(text)
    assert (disowning.sourced(words) or disowning.not_owned(words)) is sourced


@pytest.mark.parametrize(
    ("text", "wished"),
    [
        ("that's what I wish I had done", True),
        ("that's the retrospective I should have had, not the one I did", True),
        ("I'm describing how I'd like it to have gone", True),
        ("that's how I think it should have gone", True),
        ("what I should have done sooner is insist on the cut line", False),
        ("that's not what I should have done", False),
        ("that's what we did in the end", False),
    ],
)
def test_a_story_told_as_what_should_have_happened(text, wished):
    assert disowning.counterfactual(_words(text)) is wished


@pytest.mark.parametrize(
    ("text", "disclaims"),
    [
        ("please don't take any of it as my answer", True),
        ("I'd rather that not be taken as my answer", True),
        ("I'd rather none of that went down as my answer", True),
        ("please don't treat any of this as my own answer", True),
        ("take that as my answer", False),  # not denied: the answer confirmed
        ("I wouldn't take the 10 ms budget as the answer", False),
        ("don't take my word for the exact figure", False),
        ("my manager wouldn't take that as my answer", False),  # not the speaker's frame
    ],
)
def test_not_as_the_answer(text, disclaims):
    assert withdrawals._not_as_answer(_words(text)) is disclaims
