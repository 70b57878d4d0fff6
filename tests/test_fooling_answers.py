"""Answers that offer each key claim as a possibility beside another in its place ("X,
or maybe Y", "X could be A, or it might be B"), answers to a neighbouring question, and
the right answers that use contrasts, options, hypotheses or mention the neighbour
legitimately, graded by their writer before they were scored (tests/data/README.md)."""

import statistics
from pathlib import Path

import pytest

from tests.answer_sets import percents_by_kind

DATA = Path(__file__).parent / "data"
SET = DATA / "fooling_answers.jsonl"
# Three questions kept aside while the judge was changed, scored once before and once at
# the end (figures in tests/data/README.md).
ASIDE = DATA / "fooling_aside.jsonl"
# Claims offered with another in their place (writers: 6-7) score at most this on average
# (51.2 before the possibilities reading, 11.6 after).
OFFERED_MEAN = 25.0
# Right answers with contrasts, options, hypotheses, or a neighbour named in passing
# (writers: 85-88) keep at least this mean (89.5 before and after).
RIGHT_MEAN = 85.0
# Answers to a neighbouring question (writers: 3) score at most this on average (0.0).
NEIGHBOUR_MEAN = 10.0
ASIDE_OFFERED_MEAN = 35.0
ASIDE_RIGHT_MEAN = 65.0


@pytest.fixture(scope="module")
def by_kind() -> dict[str, list[float]]:
    return percents_by_kind(SET)


def test_every_kind_is_there(by_kind):
    assert {"excellent", "wrong", "offtopic"} <= set(by_kind)


def test_claims_offered_as_possibilities_score_low(by_kind):
    assert statistics.mean(by_kind["wrong"]) <= OFFERED_MEAN, sorted(by_kind["wrong"])


def test_right_answers_with_contrasts_options_and_neighbours_keep_their_scores(by_kind):
    assert statistics.mean(by_kind["excellent"]) >= RIGHT_MEAN, sorted(by_kind["excellent"])


def test_answers_to_a_neighbour_score_low(by_kind):
    assert statistics.mean(by_kind["offtopic"]) <= NEIGHBOUR_MEAN, sorted(by_kind["offtopic"])


def test_the_set_kept_aside_reads_possibilities_too():
    aside = percents_by_kind(ASIDE)
    assert statistics.mean(aside["wrong"]) <= ASIDE_OFFERED_MEAN, aside["wrong"]
    assert statistics.mean(aside["excellent"]) >= ASIDE_RIGHT_MEAN, aside["excellent"]
