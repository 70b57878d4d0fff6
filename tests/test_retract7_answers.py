"""Compact right answers taken back whole in structures the earlier readings missed - the
whole as a passive subject ("all of that should be struck out"), a question back ("could
you just not count that?"), a self-correction naming no replacement, a change of mind, a
take-back mid-answer that reaches past itself, advice to the listener on the speaker's own
words - and controls that correct one detail, hedge one step, ask a question back or
change the mind to a named replacement, graded by their writer before they were scored
(tests/data/README.md, retract7)."""

import statistics

import pytest

from tests.answer_sets import DATA, percents_by_kind

# Answers taken back (writer: 3-5) scored 43.4 on average at claims-v13, 19 of 30 above
# 20; 4.8 after, two above 20 (a confession with an object, "I was stringing buzzwords
# together the whole way through", 82.8; "please leave that off the scorecard" beside "I
# can't derive any of it myself", one part, 62.4). retract8 reads both ("understanding"
# a stance, "myself" closing a part; 82.8 and 62.4 -> 0): 4.8 -> 0.0, none above 20.
RETRACTED_MEAN = 3.0
RETRACTED_ABOVE_20 = 0
# Controls (writer: 80) scored 70.3 before and after, none moved.
CONTROL_MEAN = 69.0
# Five other questions kept aside, scored once before and once at the end: retracted
# 42.8 -> 14.7 (6 of 10 above 20 before, two after: "I'd prefer it not to be marked, if
# that's possible" 83.2, a passive wish on "it"; "Whether any of that's accurate, I
# genuinely couldn't say" 63.3, the whole in a fronted clause), controls 79.8 -> 79.8.
ASIDE_RETRACTED_MEAN = 20.0
ASIDE_CONTROL_MEAN = 78.0


@pytest.fixture(scope="module")
def dev() -> dict[str, list[float]]:
    return percents_by_kind(DATA / "retract7_answers.jsonl")


@pytest.fixture(scope="module")
def aside() -> dict[str, list[float]]:
    return percents_by_kind(DATA / "retract7_aside.jsonl")


def test_an_answer_taken_back_by_structure_scores_near_the_floor(dev):
    retracted = dev["retracted"]
    assert statistics.mean(retracted) <= RETRACTED_MEAN, sorted(retracted)
    assert sum(p > 20 for p in retracted) <= RETRACTED_ABOVE_20, sorted(retracted)


def test_one_detail_corrected_or_hedged_costs_nothing(dev):
    assert statistics.mean(dev["control"]) >= CONTROL_MEAN, sorted(dev["control"])


def test_the_aside_holds_the_same(aside):
    assert statistics.mean(aside["retracted"]) <= ASIDE_RETRACTED_MEAN, sorted(aside["retracted"])
    assert statistics.mean(aside["control"]) >= ASIDE_CONTROL_MEAN, sorted(aside["control"])
