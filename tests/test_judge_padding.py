"""Padding never buys points, even when the filler brushes against the topic."""

from interviewer.domain.judging import JudgeRequest
from interviewer.domain.question import KeyPoint, RoundKind
from interviewer.judge.offline import OfflineJudge
from interviewer.judge.probes import FILLER, joined
from tests.builders import rubric

QUESTION = "What is the base case for merge sort?"
KEY_POINTS = [
    KeyPoint(id="size_one", text="When the size of the array to be sorted is 1 (or 2)"),
    KeyPoint(id="no_split", text="A single element needs no further splitting"),
    KeyPoint(id="returns", text="The call returns the element list unchanged"),
]


def level(answer: str) -> float:
    result = OfflineJudge().score_now(
        JudgeRequest(
            round_kind=RoundKind.breadth,
            question=QUESTION,
            key_points=KEY_POINTS,
            rubric=rubric(),
            answer=answer,
        )
    )
    value = result.fine_level(rubric())
    assert value is not None
    return value


def test_filler_that_says_length_does_not_pass_for_size():
    # "talk about at length" in the filler shares a synonym group with "size".
    for answer in ("O(n log n)", "Single element in the array.", "A single element."):
        assert level(joined(answer, FILLER)) <= level(answer)


def test_a_one_word_answer_padded_with_filler_is_still_at_the_floor():
    assert level("Refining.") == 1.0
    assert level(joined("Refining.", FILLER)) == 1.0
