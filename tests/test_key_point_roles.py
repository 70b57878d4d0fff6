"""Roles read from the key points themselves: the things a question sets against each
other are the subjects of its key points' claims ("A has P, while B has Q"; "the training
set is for X", "the test set is for Y"). A clause that gives one subject's predicate to
another says the point the wrong way round, whatever the question, with no misconception
written for it."""

import pytest

from interviewer.content.loader import Content, load_content
from interviewer.domain.judging import JudgeRequest
from interviewer.domain.question import KeyPoint, RoundKind
from interviewer.judge import clauses
from tests.answer_sets import result_and_percent

QUESTION = "What does a stack remove first, what does a queue remove first, and where is each used?"
POINTS = [
    KeyPoint(
        id="order",
        weight=3,
        text="A stack removes the most recently added element first, while a queue removes "
        "the oldest element first.",
    ),
    KeyPoint(
        id="uses",
        weight=2,
        text="Stacks hold function calls and undo history; queues buffer jobs for workers "
        "in arrival order.",
    ),
]
RIGHT = (
    "A stack removes the most recently added element first, while a queue removes the oldest "
    "element first. Stacks hold function calls and undo history, and queues buffer jobs for "
    "workers in arrival order."
)
SWAPPED = (
    "A queue removes the most recently added element first, while a stack removes the oldest "
    "element first. Stacks hold function calls and undo history, and queues buffer jobs for "
    "workers in arrival order."
)


@pytest.fixture(scope="module")
def content() -> Content:
    loaded = load_content()
    assert loaded.ok, loaded.errors
    return loaded


def _judge(content: Content, answer: str):
    return _judge_points(content, QUESTION, POINTS, answer)


def test_the_subjects_a_key_point_sets_against_each_other_are_alternatives():
    found = clauses.key_point_contrasts(tuple(kp.text for kp in POINTS), QUESTION)
    sides = {key for _, _, key in found}
    assert sides == {("stack",), ("queue",)}
    assert len({group for group, _, _ in found}) == 1


def test_subjects_alike_but_for_one_word_are_alternatives():
    texts = (
        "The training set is used to fit the parameters.",
        "The validation set is used to choose hyperparameters.",
        "The test set is touched once at the end.",
    )
    asked = "What are the training, validation and test sets for?"
    found = clauses.key_point_contrasts(texts, asked)
    assert {key for _, _, key in found} == {("train",), ("valid",), ("test",)}


def test_a_subject_the_question_does_not_name_is_not_an_alternative():
    texts = ("Caching keeps hot rows in memory, while batching groups writes to disk.",)
    assert clauses.key_point_contrasts(texts, "How would you make this service faster?") == ()


def test_rubric_style_points_that_open_with_a_verb_name_no_subject():
    texts = (
        "Frames the task as ranking, while measures recall at a fixed budget.",
        "Builds labels from logs.",
    )
    assert clauses.key_point_contrasts(texts, "Frames or builds?") == ()


def test_swapping_the_subjects_reads_as_wrong_not_covered(content):
    right, right_percent = _judge(content, RIGHT)
    swapped, swapped_percent = _judge(content, SWAPPED)
    assert "order" in right.covered_key_points
    assert not right.misconceptions
    assert "order" not in swapped.covered_key_points
    assert {m.key_point_id for m in swapped.misconceptions} == {"order"}
    assert all(m.quote in SWAPPED for m in swapped.misconceptions)
    assert swapped_percent < right_percent - 20


RANKING = "What does the area under the ROC curve mean?"
AUC = [
    KeyPoint(
        id="auc_meaning",
        weight=3,
        text="ROC AUC is the probability that a randomly chosen positive is scored above "
        "a randomly chosen negative.",
    ),
    KeyPoint(
        id="threshold_free",
        weight=2,
        text="It summarises ranking quality over every decision threshold at once.",
    ),
]


def _judge_points(content: Content, question: str, points: list[KeyPoint], answer: str):
    rubric = content.rubrics[RoundKind.breadth.value]
    request = JudgeRequest(
        round_kind=RoundKind.breadth,
        question=question,
        key_points=points,
        rubric=rubric,
        answer=answer,
    )
    return result_and_percent(request)


def test_two_terms_exchanged_around_the_same_words_read_as_wrong(content):
    right = (
        "ROC AUC is the probability that a randomly chosen positive is scored above a "
        "randomly chosen negative. It summarises ranking quality over every threshold."
    )
    swapped = right.replace("chosen positive", "chosen X").replace(
        "chosen negative", "chosen positive"
    )
    swapped = swapped.replace("chosen X", "chosen negative")
    ok, ok_percent = _judge_points(content, RANKING, AUC, right)
    bad, bad_percent = _judge_points(content, RANKING, AUC, swapped)
    assert "auc_meaning" in ok.covered_key_points and not ok.misconceptions
    assert "auc_meaning" not in bad.covered_key_points
    assert [m.key_point_id for m in bad.misconceptions] == ["auc_meaning"]
    assert bad_percent < ok_percent / 2


def test_two_terms_side_by_side_may_come_in_either_order(content):
    answer = (
        "ROC AUC is the probability that a randomly chosen positive is scored above a "
        "randomly chosen negative. It summarises quality ranking over every threshold."
    )
    result, _ = _judge_points(content, RANKING, AUC, answer)
    assert not result.misconceptions


def test_an_answer_more_wrong_than_right_is_at_the_bottom_of_correctness(content):
    answer = (
        "ROC AUC is the probability that a randomly chosen negative is scored above a "
        "randomly chosen positive, and it depends heavily on which threshold you pick."
    )
    result, percent = _judge_points(content, RANKING, AUC, answer)
    levels = {c.criterion_id: c.level for c in result.criteria}
    assert levels["correctness"] == 1
    assert max(levels.values()) <= 2
    assert percent < 20
