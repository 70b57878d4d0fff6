"""Answers to a neighbouring question of the bank (same family, another question: DBSCAN
asked about k-means, ETA asked about demand forecasting), beside right answers that wander
into the neighbour's ground (tests/data/neighbour_answers.jsonl and neighbour_aside.jsonl,
the neighbouring-question answers of holdout9_answers.jsonl; see tests/data/README.md),
each graded before any judge scored it. The reading is interviewer/judge/neighbours.py."""

import json
import statistics
from pathlib import Path

import pytest

from interviewer.content.loader import load_content
from interviewer.domain.judging import JudgeRequest
from interviewer.domain.question import family, neighbour_texts
from interviewer.judge import neighbours
from tests.answer_sets import bank_request, judged_on, percents_by_kind, scored

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def dev() -> dict[str, list[float]]:
    return percents_by_kind(DATA / "neighbour_answers.jsonl")


def test_answers_to_a_neighbouring_question_sit_at_the_bottom(dev):
    # Before (main edf2ca6): 29.9, 14.8, 41.0, 10.0, 39.4, 51.3 (mean 31.1).
    assert len(dev["offtopic"]) == 6
    assert statistics.mean(dev["offtopic"]) <= 10
    assert sorted(dev["offtopic"])[-2] <= 5  # all but the last (ROC and PR: a close family)


def test_right_answers_that_wander_into_a_neighbours_ground_keep_their_scores(dev):
    # Before: 85.2, 59.3, 96.3, 83.3, 96.3, 78.3 (mean 83.1).
    assert len(dev["excellent"]) == 6
    assert statistics.mean(dev["excellent"]) >= 83
    assert min(dev["excellent"]) >= 59


def test_the_held_out_sets_neighbouring_question_answers():
    # holdout9's neighbouring-question answers (graded 2-4): before 21.0 on average, up to
    # 65.5 (an ETA design for the demand forecast question).
    offtopic = [
        p for item, p, _ in scored(DATA / "holdout9_answers.jsonl") if item.kind == "offtopic"
    ]
    assert len(offtopic) == 13
    assert statistics.mean(offtopic) <= 5
    assert max(offtopic) <= 15


def test_a_family_is_the_id_without_its_last_part():
    assert family("python.numpy.memory_layout") == "python.numpy"
    assert family("lonely") == ""


def test_neighbour_texts_are_the_other_questions_of_the_family():
    bank = load_content().questions
    texts = neighbour_texts("python.numpy.memory_layout", bank)
    assert len(texts) == 2
    assert any("broadcasting" in t.lower() for t in texts)
    assert not any(bank["python.numpy.memory_layout"].prompt in t for t in texts)


def _request(question_id: str, answer: str) -> JudgeRequest:
    content = load_content()
    return bank_request(content, content.questions[question_id], answer)


BROADCASTING = (
    "Broadcasting compares shapes from the trailing dimension backwards; two dimensions are "
    "compatible if they are equal or one of them is 1, and a missing leading dimension counts "
    "as 1. So X.mean(axis=0) of a (1000, 20) batch has shape (20,) and (X - mu) / sigma "
    "standardises every column: the size-1 dimension is stretched without copying. A (1000,) "
    "vector aligns with the last axis and raises an error; reshape it with keepdims=True."
)


def test_an_answer_to_the_neighbour_says_its_terms_not_the_questions():
    own, neighbour = neighbours.shares(
        _request("python.numpy.memory_layout", BROADCASTING), BROADCASTING
    )
    assert neighbour >= neighbours.NEIGHBOUR_SAID_AT
    assert neighbour >= neighbours.NEIGHBOUR_OVER_OWN * own
    # ... and it answers the neighbour itself.
    own, neighbour = neighbours.shares(
        _request("python.numpy.broadcasting_rules", BROADCASTING), BROADCASTING
    )
    assert neighbour < neighbours.NEIGHBOUR_OVER_OWN * own


def test_the_neighbours_answer_is_floored_and_says_why():
    result, percent = judged_on("python.numpy.memory_layout", BROADCASTING)
    assert percent == 0
    assert "neighbouring question" in result.criteria[0].rationale


def test_a_request_without_neighbours_is_not_read_so():
    request = _request("python.numpy.memory_layout", BROADCASTING).model_copy(
        update={"neighbours": []}
    )
    assert neighbours.shares(request, BROADCASTING) == (1.0, 0.0)
    assert not neighbours.answers_a_neighbour(request, BROADCASTING, 0.0)


def test_an_answer_that_covers_half_the_points_is_not_read_so():
    request = _request("python.numpy.memory_layout", BROADCASTING)
    assert neighbours.answers_a_neighbour(request, BROADCASTING, 0.0)
    assert not neighbours.answers_a_neighbour(
        request, BROADCASTING, neighbours.ANSWERS_THE_QUESTION_AT
    )


def test_the_aside_is_well_formed():
    lines = [json.loads(line) for line in (DATA / "neighbour_aside.jsonl").read_text().splitlines()]
    assert len(lines) == 6
    assert {d["kind"] for d in lines} == {"offtopic", "excellent"}


def test_the_aside_scored_at_the_end():
    # Kept aside while the judge was changed; scored once before (neighbouring-question
    # answers 51.0, 10.0, 44.8; right answers 92.6, 86.7, 96.3) and once after.
    by_kind = percents_by_kind(DATA / "neighbour_aside.jsonl")
    assert max(by_kind["offtopic"]) <= 5
    assert min(by_kind["excellent"]) >= 85
