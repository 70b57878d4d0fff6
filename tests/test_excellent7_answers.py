"""Complete, right answers in the field's own terms that lost points on two readings, graded
by their writer before they were scored (tests/data/README.md): a reason given as what
cannot be done ("finding the optimal tree is NP-hard", "computing the optimal clustering
exactly is impossible") was read as the wrong claim that the method does it, and the
examples criterion read a complete answer to a question that asks for no example or
trade-off at level 1-2 (that reading is off by default: levels.EXAMPLELESS_READS).
`excellent7_answers.jsonl` was read while the judge was changed,
`excellent7_aside.jsonl` was scored once before and once at the end."""

import statistics
from pathlib import Path

import pytest

from interviewer.judge import levels
from interviewer.judge.clauses import read
from interviewer.judge.text import sentences
from tests.answer_sets import percents_of, scored

DATA = Path(__file__).parent / "data"
# The right answers' mean (writer: 90) at least. Before: 54.8 and 76.6; after: 87.4 and
# 86.4 (the examples reading on, off by default: 96.3 and 93.8).
RIGHT_MEAN = {"excellent7_answers.jsonl": 82.0, "excellent7_aside.jsonl": 85.0}
# The same answers with the wrong claim asserted instead (writer: 55-60) at most. Before:
# 46.9 and 51.9; after: the same.
WRONG_MEAN = {"excellent7_answers.jsonl": 50.0, "excellent7_aside.jsonl": 55.0}


@pytest.fixture(scope="module", params=sorted(RIGHT_MEAN))
def judged(request):
    return request.param, scored(DATA / request.param)


def test_right_answers_that_call_the_wrong_claim_infeasible_score_high(judged):
    name, rows = judged
    right = percents_of(rows, "excellent")
    assert statistics.mean(right) >= RIGHT_MEAN[name], sorted(right)


def test_the_wrong_claim_asserted_still_costs(judged):
    name, rows = judged
    wrong = percents_of(rows, "wrong")
    assert statistics.mean(wrong) <= WRONG_MEAN[name], sorted(wrong)


def test_each_right_answer_scores_well_above_its_asserted_twin():
    rows = scored(DATA / "excellent7_answers.jsonl")
    for group in {item.group for item, _, _ in rows}:
        right = percents_of(rows, "excellent", group)
        wrong = percents_of(rows, "wrong", group)
        assert min(right) > max(wrong) + 20, (group, right, wrong)


def denied(text: str) -> list[bool]:
    return [c.denied for c in read(sentences(text)).clauses]


@pytest.mark.parametrize(
    "text",
    [
        "Finding the optimal tree is NP-hard.",
        "Computing the exact partition function is intractable.",
        "Enumerating every possible clustering would be infeasible.",
        "Exact search over the whole catalogue is computationally infeasible.",
        "A full shuffle of the stream is impossible.",
    ],
)
def test_what_cannot_be_done_denies_its_subject(text):
    assert denied(text) == [True], denied(text)


@pytest.mark.parametrize(
    "text",
    [
        # No predicate of infeasibility, or one denied itself.
        "Finding the optimal tree is easy.",
        "Finding the optimal tree is not impossible for tiny datasets.",
        "CART finds the optimal tree.",
    ],
)
def test_a_feasible_claim_is_not_denied(text):
    assert denied(text) == [False], denied(text)


def _examples_level(rows, ident: str) -> int:
    for item, _, result in rows:
        if item.id == ident:
            return next(c.level for c in result.criteria if c.criterion_id == "examples")
    raise AssertionError(ident)


def test_a_complete_answer_to_a_question_that_weighs_nothing_is_read_by_its_points_when_asked(
    monkeypatch,
):
    # The k-means answer states every key point and gives no example or trade-off marker:
    # the question's key points weigh no options. The reading is off by default
    # (levels.EXAMPLELESS_READS: UNT dev Pearson fell with it).
    ident = "excellent7.breadth.clustering.kmeans.excellent1"
    path = DATA / "excellent7_answers.jsonl"
    assert _examples_level(scored(path), ident) == 1
    monkeypatch.setattr(levels, "EXAMPLELESS_READS", "key_points")
    assert _examples_level(scored(path), ident) == 4
