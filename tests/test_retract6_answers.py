"""Right answers disowned as a whole rather than retracted ("that wasn't my project; I'm
describing what a colleague did ... so please set all of that aside", "I'd sooner you
didn't mark what I said", "I'll recant all that"), and controls that credit a colleague
for one part, do not know one thing, put one detail right, drop an idea in a story or
hedge an extension, graded by their writer before they were scored (tests/data/README.md,
retract6)."""

import statistics

import pytest

from tests.answer_sets import DATA, percents_by_kind

# Answers disowned (writer: 4-5) scored 43.4 on average at claims-v12, 14 of 20 above 20;
# 3.3 after, one above 20 ("Though I'd rather you didn't grade any of that: ...": a part
# opening with "though" was read as a supposition); 0.0 at claims-v14, where retract7's
# reading of a wish not to be graded takes it (65.2 -> 0).
RETRACTED_MEAN = 3.0
RETRACTED_ABOVE_20 = 0
# Controls (writer: 87-91) scored 84.4 before and after, none moved.
CONTROL_MEAN = 82.0
# Five other questions kept aside, scored once before and once at the end: retracted
# 35.0 -> 8.3 (one stays at 83.1: "I wasn't on that project ... so I'd ask you to put all
# of it aside", "put * aside" not a take-back verb), controls 90.9 -> 90.9. retract8 reads
# it ("put * aside" a take-back verb, "I'd ask" the speaker's frame; 87.9 -> 0): 8.8 -> 0.0.
ASIDE_RETRACTED_MEAN = 5.0
ASIDE_CONTROL_MEAN = 88.0


@pytest.fixture(scope="module")
def dev() -> dict[str, list[float]]:
    return percents_by_kind(DATA / "retract6_answers.jsonl")


@pytest.fixture(scope="module")
def aside() -> dict[str, list[float]]:
    return percents_by_kind(DATA / "retract6_aside.jsonl")


def test_an_answer_disowned_whole_scores_near_the_floor(dev):
    retracted = dev["retracted"]
    assert statistics.mean(retracted) <= RETRACTED_MEAN, sorted(retracted)
    assert sum(p > 20 for p in retracted) <= RETRACTED_ABOVE_20, sorted(retracted)


def test_one_part_credited_or_not_known_costs_nothing(dev):
    assert statistics.mean(dev["control"]) >= CONTROL_MEAN, sorted(dev["control"])


def test_the_aside_holds_the_same(aside):
    assert statistics.mean(aside["retracted"]) <= ASIDE_RETRACTED_MEAN, sorted(aside["retracted"])
    assert statistics.mean(aside["control"]) >= ASIDE_CONTROL_MEAN, sorted(aside["control"])
