"""Right answers taken back in the candidate's own words on every round, and twins that
correct one slip, hedge one figure, name a limitation or a first plan that was wrong,
graded by their writer before they were scored (tests/data/README.md, retract2)."""

import statistics
from pathlib import Path

import pytest

from tests.answer_sets import percents_by_kind

DATA = Path(__file__).parent / "data"
# Answers taken back (writer: 4-5) scored 62.0 on average before the whole-answer reading
# by parts (retractions.py), 29 of 39 above 50; 1.7 after, one above 20 ("that wasn't me
# - it was a colleague's mistake": a story disowned, left out).
RETRACTED_MEAN = 10.0
RETRACTED_ABOVE_20 = 1
# The twins keep their scores (writer: 88-92): 83.1 before, 84.7 after (the slip put right,
# "under 4 - sorry, under 2; I mixed it up with the first attempt", 66.7 -> 90.9); the
# lowest 51.9 (the decision-tree answer it extends scores the same).
CONTROL_MEAN = 80.0
CONTROL_LEAST = 50.0
# Six questions kept aside while the reading was written, scored once before and once at
# the end: retracted 68.0 -> 7.2 (11 of 12 at 0; "I wasn't involved in that project at
# all; I pieced it together ..." escapes, 86.1), twins 91.6 -> 91.6. retract8 reads it ("I
# pieced it together from what others told me, so I can't vouch for it": a source and a
# stance, 87.9 -> 0): 7.3 -> 0.0.
ASIDE_RETRACTED_MEAN = 5.0
ASIDE_CONTROL_MEAN = 85.0


@pytest.fixture(scope="module")
def dev() -> dict[str, list[float]]:
    return percents_by_kind(DATA / "retract2_answers.jsonl")


@pytest.fixture(scope="module")
def aside() -> dict[str, list[float]]:
    return percents_by_kind(DATA / "retract2_aside.jsonl")


def test_an_answer_taken_back_in_the_candidates_words_scores_near_the_floor(dev):
    retracted = dev["retracted"]
    assert statistics.mean(retracted) <= RETRACTED_MEAN, sorted(retracted)
    assert sum(p > 20 for p in retracted) <= RETRACTED_ABOVE_20, sorted(retracted)


def test_one_slip_corrected_or_a_first_plan_that_was_wrong_costs_nothing(dev):
    assert statistics.mean(dev["excellent"]) >= CONTROL_MEAN, sorted(dev["excellent"])
    assert min(dev["excellent"]) >= CONTROL_LEAST, sorted(dev["excellent"])


def test_the_aside_holds_the_same(aside):
    assert statistics.mean(aside["retracted"]) <= ASIDE_RETRACTED_MEAN, sorted(aside["retracted"])
    assert statistics.mean(aside["excellent"]) >= ASIDE_CONTROL_MEAN, sorted(aside["excellent"])
