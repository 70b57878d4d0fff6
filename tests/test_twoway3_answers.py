"""Answers that say each key claim and take it back or leave it open within its own sentence
- an exception that is the claim's denial ("..., unless that's unnecessary"), a concession
closed by dropping it ("..., though Y, so maybe skip that"), an indifference verdict ("...,
it doesn't matter much"), "A is better, but B is also fine, either way", "..., or you might
not need to" - with right answers that weigh real trade-offs ("an expanding window when old
data stays relevant, a rolling one when the pattern drifts", "unless the features are nearly
independent") as controls, graded by their writer before they were scored
(tests/data/README.md)."""

import statistics
from pathlib import Path

import pytest

from tests.answer_sets import percents_by_kind

DATA = Path(__file__).parent / "data"
SET = DATA / "twoway3_answers.jsonl"
# Three questions kept aside while the judge was changed, scored once before and once at
# the end: taken back or left open 36.6 -> 14.1 (early stopping's answer stays at 30.3),
# right 88.9 -> 88.9.
ASIDE = DATA / "twoway3_aside.jsonl"
# Claims taken back or left open in their own sentence (writers: 4-5) score at most this on
# average: 61.4 before the reading (self_denials.py, open_choices.py), 13.1 after.
WRONG_MEAN = 20.0
# Right answers that weigh trade-offs keep their scores: 90.4 (writers: 90) and 54.0
# (shorter ones, writers: 70-72) before and after.
EXCELLENT_MEAN = 88.0
GOOD_MEAN = 50.0
ASIDE_WRONG_MEAN = 20.0
ASIDE_EXCELLENT_MEAN = 85.0


@pytest.fixture(scope="module")
def by_kind() -> dict[str, list[float]]:
    return percents_by_kind(SET)


def test_every_kind_is_there(by_kind):
    assert {"excellent", "good", "wrong"} <= set(by_kind)


def test_claims_taken_back_in_their_own_sentence_score_low(by_kind):
    assert statistics.mean(by_kind["wrong"]) <= WRONG_MEAN, sorted(by_kind["wrong"])


def test_right_answers_that_weigh_trade_offs_keep_their_scores(by_kind):
    assert statistics.mean(by_kind["excellent"]) >= EXCELLENT_MEAN, sorted(by_kind["excellent"])
    assert statistics.mean(by_kind["good"]) >= GOOD_MEAN, sorted(by_kind["good"])


def test_the_set_kept_aside_is_read_so_too():
    aside = percents_by_kind(ASIDE)
    assert statistics.mean(aside["wrong"]) <= ASIDE_WRONG_MEAN, sorted(aside["wrong"])
    assert statistics.mean(aside["excellent"]) >= ASIDE_EXCELLENT_MEAN, aside["excellent"]
