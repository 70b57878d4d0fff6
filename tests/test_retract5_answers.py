"""Right answers taken back whole in one move (a disowning verb on what is marked whole,
a take-back on the speaker's own words, a request that the answer count as none), at the
close or mid-answer, and controls that put one detail right, deny a common belief, drop
an idea in a story or hedge one point, graded by their writer before they were scored
(tests/data/README.md, retract5)."""

import statistics

import pytest

from tests.answer_sets import DATA, percents_by_kind

# Answers taken back (writer: 3-5) scored 31.7 on average at claims-v11, 8 of 17 above 20
# (51-80); 0.0 after, every one at the floor.
RETRACTED_MEAN = 8.0
RETRACTED_ABOVE_20 = 1
# Controls (writer: 78-90) scored 70.7 before and after, none moved.
CONTROL_MEAN = 69.0
# A first attempt withdrawn mid-answer and a right answer after it (writer: 85-86): what
# follows the withdrawal counts (74.3 before, 74.2 after).
RESTARTED_MEAN = 70.0
# Five other questions kept aside, scored once before and once at the end: retracted
# 30.3 -> 30.3 (the reading did not carry: the three at 0 were at 0 before; "I'd sooner
# you didn't mark what I said; I'm disavowing the whole comparison because ..." 66.7 and
# "I'll recant all that: we never monitored anything, ..." 84.8 stay), controls 83.1 ->
# 83.1. The bound holds where it is.
ASIDE_RETRACTED_MEAN = 35.0
ASIDE_CONTROL_MEAN = 80.0


@pytest.fixture(scope="module")
def dev() -> dict[str, list[float]]:
    return percents_by_kind(DATA / "retract5_answers.jsonl")


@pytest.fixture(scope="module")
def aside() -> dict[str, list[float]]:
    return percents_by_kind(DATA / "retract5_aside.jsonl")


def test_an_answer_taken_back_whole_scores_near_the_floor(dev):
    retracted = dev["retracted"]
    assert statistics.mean(retracted) <= RETRACTED_MEAN, sorted(retracted)
    assert sum(p > 20 for p in retracted) <= RETRACTED_ABOVE_20, sorted(retracted)


def test_a_detail_put_right_a_belief_denied_or_an_idea_dropped_costs_nothing(dev):
    assert statistics.mean(dev["control"]) >= CONTROL_MEAN, sorted(dev["control"])


def test_what_follows_a_withdrawn_first_attempt_counts(dev):
    assert statistics.mean(dev["restarted"]) >= RESTARTED_MEAN, sorted(dev["restarted"])


def test_the_aside_holds_the_same(aside):
    assert statistics.mean(aside["retracted"]) <= ASIDE_RETRACTED_MEAN, sorted(aside["retracted"])
    assert statistics.mean(aside["control"]) >= ASIDE_CONTROL_MEAN, sorted(aside["control"])
