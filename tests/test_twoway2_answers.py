"""Answers that offer each key claim beside its misconception or reverse and leave the
choice open in their own words, assert and deny one predicate, or give the other side equal
weight, with right answers that weigh trade-offs legitimately ("it depends on the data
size: with little data X, with lots Y", "either works here, because ...") as controls,
graded by their writer before they were scored (tests/data/README.md)."""

import statistics
from pathlib import Path

import pytest

from tests.answer_sets import percents_by_kind

DATA = Path(__file__).parent / "data"
SET = DATA / "twoway2_answers.jsonl"
# Four questions kept aside while the judge was changed, scored once before and once at
# the end: left open both ways 22.2 -> 5.3, right with trade-offs 92.6 -> 92.6.
ASIDE = DATA / "twoway2_aside.jsonl"
# Claims left open both ways (writers: 5) score at most this on average: 15.9 before the
# open-choice reading (open_choices.py), 5.4 after.
WRONG_MEAN = 10.0
# Right answers that weigh trade-offs (writers: 88) keep at least this mean: 82.5 before
# and after; shorter right ones with "either ... because" (writers: 72-75) 48.0 before and
# after, held below what the judge makes of them for reasons of their own.
EXCELLENT_MEAN = 80.0
GOOD_MEAN = 45.0
ASIDE_WRONG_MEAN = 15.0
ASIDE_EXCELLENT_MEAN = 85.0


@pytest.fixture(scope="module")
def by_kind() -> dict[str, list[float]]:
    return percents_by_kind(SET)


def test_every_kind_is_there(by_kind):
    assert {"excellent", "good", "wrong"} <= set(by_kind)


def test_claims_left_open_both_ways_score_low(by_kind):
    assert statistics.mean(by_kind["wrong"]) <= WRONG_MEAN, sorted(by_kind["wrong"])


def test_right_answers_that_weigh_trade_offs_keep_their_scores(by_kind):
    assert statistics.mean(by_kind["excellent"]) >= EXCELLENT_MEAN, sorted(by_kind["excellent"])
    assert statistics.mean(by_kind["good"]) >= GOOD_MEAN, sorted(by_kind["good"])


def test_the_set_kept_aside_is_read_so_too():
    aside = percents_by_kind(ASIDE)
    assert statistics.mean(aside["wrong"]) <= ASIDE_WRONG_MEAN, sorted(aside["wrong"])
    assert statistics.mean(aside["excellent"]) >= ASIDE_EXCELLENT_MEAN, aside["excellent"]
