"""Right answers taken back in words the fixed retraction list did not hold, and endings
that use those words without taking anything back, graded by their writer before they were
scored (tests/data/README.md)."""

import statistics
from pathlib import Path

import pytest

from tests.answer_sets import percents_by_kind

DATA = Path(__file__).parent / "data"
# Answers taken back (writer: 5) scored 81.0 on average before the take-back reading
# (retract_objects, retract_commands, retract_subjects, retract_verdicts), 0.0 after.
RETRACTED_MEAN = 10.0
RETRACTED_MOST = 20.0
# Endings that take nothing back keep the answer's score (writer: 92-95): 81.3 before
# ("none of that is exotic" read as a retraction), 89.5 after.
CONTROL_MEAN = 80.0
# Five questions kept aside while the reading was written: retracted 71.5 -> 0.0,
# controls 72.2 -> 90.8.
ASIDE_RETRACTED_MEAN = 15.0
ASIDE_CONTROL_MEAN = 80.0


@pytest.fixture(scope="module")
def dev() -> dict[str, list[float]]:
    return percents_by_kind(DATA / "retraction_answers.jsonl")


@pytest.fixture(scope="module")
def aside() -> dict[str, list[float]]:
    return percents_by_kind(DATA / "retraction_aside.jsonl")


def test_an_answer_taken_back_in_other_words_scores_low(dev):
    assert statistics.mean(dev["retracted"]) <= RETRACTED_MEAN, sorted(dev["retracted"])
    assert max(dev["retracted"]) <= RETRACTED_MOST, sorted(dev["retracted"])


def test_the_words_of_a_retraction_that_take_nothing_back_cost_nothing(dev):
    assert statistics.mean(dev["excellent"]) >= CONTROL_MEAN, sorted(dev["excellent"])


def test_the_aside_holds_the_same(aside):
    assert statistics.mean(aside["retracted"]) <= ASIDE_RETRACTED_MEAN, sorted(aside["retracted"])
    assert statistics.mean(aside["excellent"]) >= ASIDE_CONTROL_MEAN, sorted(aside["excellent"])
