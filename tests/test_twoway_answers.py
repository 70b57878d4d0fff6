"""Answers that say each key claim both ways with no closing phrase, claims stated as
uncertain throughout with opposite sides, denied labels followed by an elaboration that
restates the claim, a vague control and right answers that use contrast, "either/or",
conditions and negation legitimately, graded by their writer before they were scored
(tests/data/README.md)."""

import statistics
from pathlib import Path

import pytest

from tests.answer_sets import percents_by_kind

DATA = Path(__file__).parent / "data"
SET = DATA / "twoway_answers.jsonl"
# Three questions kept aside while the judge was changed, scored once before and once at
# the end: both sides 61.5 -> 51.4, guessed both ways 40.1 -> 23.1, denied labels 22.4 ->
# 7.5, right 67.9 -> 67.9.
ASIDE = DATA / "twoway_aside.jsonl"
ASIDE_BOTH_SIDES_MEAN = 55.0
ASIDE_RIGHT_MEAN = 60.0
# Claims said both ways (writers: 4-5) score at most this on average (53.9 before the twin
# reading, 21.6 after), and so do claims guessed both ways (writers: 5; 49.1 before, 23.3
# after).
BOTH_SIDES_MEAN = 30.0
UNCERTAIN_MEAN = 30.0
# Right answers that use contrast, conditions and negation (writers: 87-90) keep at least
# this mean (86.3 before and after).
RIGHT_MEAN = 80.0
# Denied labels followed by an elaboration that restates the claim (writers: 10): 37.5
# before the denial's own colon stopped buying the point back, 27.3 after.
LABEL_MEAN = 35.0


@pytest.fixture(scope="module")
def by_kind() -> dict[str, list[float]]:
    return percents_by_kind(SET)


def test_every_kind_is_there(by_kind):
    assert {"excellent", "bothsides", "uncertain", "denied", "vague"} <= set(by_kind)


def test_claims_said_both_ways_score_low(by_kind):
    assert statistics.mean(by_kind["bothsides"]) <= BOTH_SIDES_MEAN, sorted(by_kind["bothsides"])


def test_claims_guessed_both_ways_score_low(by_kind):
    assert statistics.mean(by_kind["uncertain"]) <= UNCERTAIN_MEAN, sorted(by_kind["uncertain"])


def test_right_answers_with_contrasts_and_conditions_keep_their_scores(by_kind):
    assert statistics.mean(by_kind["excellent"]) >= RIGHT_MEAN, sorted(by_kind["excellent"])


def test_denied_labels_with_restating_elaborations_score_low(by_kind):
    assert statistics.mean(by_kind["denied"]) <= LABEL_MEAN, sorted(by_kind["denied"])


def test_the_set_kept_aside_reads_its_twins_too():
    aside = percents_by_kind(ASIDE)
    assert statistics.mean(aside["bothsides"]) <= ASIDE_BOTH_SIDES_MEAN, aside["bothsides"]
    assert statistics.mean(aside["uncertain"]) <= UNCERTAIN_MEAN, aside["uncertain"]
    assert statistics.mean(aside["excellent"]) >= ASIDE_RIGHT_MEAN, aside["excellent"]
