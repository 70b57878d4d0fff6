"""Answers whose key claims are denied ("we never A/B tested it", "there is no confidence
routing", "X is not what I would measure") or weighed both ways in varied forms ("X, though
the opposite is just as likely", "some say X, others say Y", "whether X or Y is hard to
say"), and right answers that negate legitimately, graded by their writer before they were
scored (tests/data/README.md, `denied_answers.jsonl`)."""

import statistics
from pathlib import Path

import pytest

from tests.answer_sets import percents_by_kind, scored

DATA = Path(__file__).parent / "data"
SET = DATA / "denied_answers.jsonl"
# Five questions kept aside while the judge was changed, scored once before and once at
# the end (figures in tests/data/README.md).
ASIDE = DATA / "denied_aside.jsonl"
# Denied designs, stories and breadth answers (writers: 5) score at most this on average
# (25.5 before the readings, 0.0 after).
DENIED_MEAN = 10.0
# Claims weighed both ways (writers: 5) score at most this on average (53.5 before, 17.6
# after).
BOTH_WAYS_MEAN = 25.0
# Right answers, half of them negating legitimately (writers: 85-88), keep at least this
# mean (77.0 before and after).
RIGHT_MEAN = 75.0
ASIDE_DENIED_MEAN = 20.0
ASIDE_BOTH_WAYS_MEAN = 30.0
ASIDE_RIGHT_MEAN = 75.0


@pytest.fixture(scope="module")
def by_kind() -> dict[str, list[float]]:
    return percents_by_kind(SET)


def test_every_kind_is_there(by_kind):
    assert {"excellent", "negated", "bothways"} <= set(by_kind)


def test_denied_answers_score_low(by_kind):
    assert statistics.mean(by_kind["negated"]) <= DENIED_MEAN, sorted(by_kind["negated"])


def test_claims_weighed_both_ways_score_low(by_kind):
    assert statistics.mean(by_kind["bothways"]) <= BOTH_WAYS_MEAN, sorted(by_kind["bothways"])


def test_right_answers_that_negate_keep_their_scores(by_kind):
    assert statistics.mean(by_kind["excellent"]) >= RIGHT_MEAN, sorted(by_kind["excellent"])


def test_every_denied_or_both_ways_answer_scores_below_every_right_answer_of_its_question():
    rows = scored(SET)
    right: dict[str, float] = {}
    for item, percent, _ in rows:
        if item.kind == "excellent" and item.variant == "right":
            right[item.group] = percent
    for item, percent, _ in rows:
        if item.kind in ("negated", "bothways"):
            assert percent < right[item.group], (item.id, percent, right[item.group])


def test_the_set_kept_aside_reads_them_too():
    aside = percents_by_kind(ASIDE)
    assert statistics.mean(aside["negated"]) <= ASIDE_DENIED_MEAN, aside["negated"]
    assert statistics.mean(aside["bothways"]) <= ASIDE_BOTH_WAYS_MEAN, aside["bothways"]
    assert statistics.mean(aside["excellent"]) >= ASIDE_RIGHT_MEAN, aside["excellent"]
