"""A misconception said in other words than its claim and cues is still named: the words
where the claim and the truth differ carry it ("negligible" where the truth says the cache
can outgrow the weights), read in the context of the claim's other words, and never where
the answer denies them, frames them as untrue or turns them down."""

import pytest

from interviewer.content.loader import Content, load_content
from interviewer.domain.judging import JudgeRequest, JudgeResult
from interviewer.domain.question import KeyPoint, Misconception
from interviewer.judge import claims
from interviewer.judge.offline import OfflineJudge

QUESTION = "How much memory does the KV cache of a decoder take during generation?"
NEGLIGIBLE = Misconception(
    id="cache_negligible",
    claim="The KV cache is negligible next to the weights, a few megabytes.",
    correction="It holds a key and a value per token, layer and head, so for long contexts "
    "and large batches it can take more memory than the weights.",
)
POINTS = [
    KeyPoint(
        id="size_grows",
        text="The cache holds one key and one value vector per token, layer and head, so it "
        "grows linearly with the sequence length and the batch and can outgrow the weights.",
        weight=3,
        misconceptions=[NEGLIGIBLE],
    ),
    KeyPoint(
        id="keeping_it_small",
        text="Serving systems shrink it with grouped-query attention, 8-bit cache "
        "quantisation and paged allocation.",
        weight=2,
    ),
]
# The claim's distinct word ("negligible") with most of its other words, in new order.
STATED = "Even with long prompts the cache stays negligible next to the model weights."


@pytest.fixture(scope="module")
def shipped() -> Content:
    content = load_content()
    assert content.ok, content.errors
    return content


def named(content: Content, answer: str) -> set[str]:
    rubric = content.rubrics["breadth"]
    result: JudgeResult = OfflineJudge().score_now(
        JudgeRequest(
            round_kind="breadth",
            question=QUESTION,
            key_points=POINTS,
            rubric=rubric,
            answer=answer,
        )
    )
    assert result.is_scored, result.reason
    return {m.misconception_id for m in result.misconceptions}


def test_a_claim_said_in_other_words_is_named(shipped):
    assert "cache_negligible" in named(shipped, STATED)


def test_it_is_the_claims_distinct_words_that_name_it(shipped, monkeypatch):
    # Neither a cue nor the whole claim is said: without the reading of the claim's
    # distinct words the answer passes as right.
    monkeypatch.setattr(claims, "DIFFERS_SHARE", 1.01)
    assert "cache_negligible" not in named(shipped, STATED)


@pytest.mark.parametrize(
    "answer",
    [
        "Even with long prompts the cache is not negligible next to the model weights.",
        "It is not true that the cache stays negligible next to the model weights.",
        "With long prompts the cache can outgrow the model weights, rather than staying "
        "negligible next to them.",
    ],
    ids=["negated", "framed", "turned-down"],
)
def test_a_claim_denied_is_not_named(shipped, answer):
    assert "cache_negligible" not in named(shipped, answer)


def test_the_truth_in_the_claims_words_is_not_named(shipped):
    right = (
        "The cache holds a key and a value per token, layer and head, so next to the model "
        "weights it is small for one short prompt but grows linearly and can outgrow them."
    )
    assert "cache_negligible" not in named(shipped, right)
    for point in POINTS:
        assert "cache_negligible" not in named(shipped, point.text)
    assert "cache_negligible" not in named(shipped, NEGLIGIBLE.correction)


def test_the_distinct_words_alone_name_nothing(shipped):
    # "negligible" about something else: none of the claim's other words is said with it.
    answer = "The cost of the extra lookup is negligible, and paged allocation helps."
    assert "cache_negligible" not in named(shipped, answer)


def test_a_claim_read_in_other_words_yields_to_its_point_stated_elsewhere(shipped):
    # A right answer shares words with the claims about its points; the reading by distinct
    # words yields to the point stated (offline.DIFFERENCE_YIELDS_AT), a cue never does.
    stated_right = (
        "The cache holds one key and one value vector per token, layer and head, so it grows "
        "linearly with the sequence length and the batch and can outgrow the weights. "
    )
    assert "cache_negligible" in named(shipped, STATED)
    assert "cache_negligible" not in named(shipped, stated_right + STATED)


def test_a_claim_that_never_yields_is_named_beside_its_point(shipped, monkeypatch):
    from interviewer.judge import offline

    monkeypatch.setattr(offline, "DIFFERENCE_YIELDS_AT", 1.01)
    stated_right = (
        "The cache holds one key and one value vector per token, layer and head, so it grows "
        "linearly with the sequence length and the batch and can outgrow the weights. "
    )
    assert "cache_negligible" in named(shipped, stated_right + STATED)


# The claim and its point's words in one sentence: the point's words there are the claim's
# context, not the point stated.
CLAIM_WITH_POINT_WORDS = (
    "The cache holds a key and a value per token, and it stays negligible next to the "
    "model weights."
)


def test_a_claim_does_not_yield_to_its_own_sentence(shipped):
    assert "cache_negligible" in named(shipped, CLAIM_WITH_POINT_WORDS)


def test_yielding_to_its_own_sentence_would_hide_it(shipped, monkeypatch):
    from interviewer.judge import offline

    monkeypatch.setattr(offline, "YIELDS_ELSEWHERE_ONLY", False)
    assert "cache_negligible" not in named(shipped, CLAIM_WITH_POINT_WORDS)


def test_it_still_yields_to_its_point_stated_in_another_sentence(shipped):
    stated_right = (
        "The cache holds one key and one value vector per token, layer and head, so it grows "
        "linearly with the sequence length and the batch and can outgrow the weights. "
    )
    assert "cache_negligible" not in named(shipped, stated_right + CLAIM_WITH_POINT_WORDS)


# "Coefficients" names the concept of the claim's "weights", "stored keys and values" none
# of the claim's words but its context.
IN_CONCEPT_WORDS = (
    "Even with long prompts the stored keys and values stay negligible next to the coefficients."
)


def test_a_claims_word_said_through_its_concept_counts_only_when_asked(shipped, monkeypatch):
    assert "cache_negligible" not in named(shipped, IN_CONCEPT_WORDS)
    monkeypatch.setattr(claims, "DIFFERS_BY_CONCEPT", True)
    assert "cache_negligible" in named(shipped, IN_CONCEPT_WORDS)


def test_a_claim_in_concept_words_denied_is_not_named(shipped, monkeypatch):
    monkeypatch.setattr(claims, "DIFFERS_BY_CONCEPT", True)
    denied = (
        "Even with long prompts the stored keys and values are not negligible next to the "
        "coefficients."
    )
    assert "cache_negligible" not in named(shipped, denied)
