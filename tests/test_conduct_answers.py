"""Stories of the wrong conduct (the key points' actions said not done, decided against or
called unnecessary), with right stories that name a road not taken as controls, graded by
their writer before any judge scored them (tests/data/README.md)."""

import statistics
from pathlib import Path

import pytest

from tests.answer_sets import percents_by_kind, scored

DATA = Path(__file__).parent / "data"
SET = DATA / "conduct_answers.jsonl"
# Three questions kept aside while the judge was changed, scored before and at the end.
ASIDE = DATA / "conduct_aside.jsonl"
# Stories of the wrong conduct (writers: 4-5) score at most this on average: 40.8 before
# the speaker's denials were read as the points undone (undone.py), 17.6 after.
WRONG_MEAN = 20.0
# Right stories, with a road not taken and plain (writers: 82-86): 68.2 before and after.
RIGHT_MEAN = 67.0
# The held-out stories that showed it (writers: 3): 54.8 and 66.7 before, 7.8 and 14.4 after.
HELD_OUT = (
    ("holdout14_answers.jsonl", "behavioral.explaining.uncertain_results.wrong1"),
    ("holdout19_answers.jsonl", "behavioral.ethics.biased_model.wrong1"),
)
HELD_OUT_AT_MOST = 20.0


@pytest.fixture(scope="module")
def by_kind() -> dict[str, list[float]]:
    return percents_by_kind(SET)


def test_every_kind_is_there():
    assert set(percents_by_kind(SET, "variant")) == {"reversed", "road_not_taken", "plain"}


def test_stories_of_the_wrong_conduct_score_low(by_kind):
    assert statistics.mean(by_kind["wrong"]) <= WRONG_MEAN, sorted(by_kind["wrong"])


def test_right_stories_with_a_road_not_taken_keep_their_scores(by_kind):
    assert statistics.mean(by_kind["excellent"]) >= RIGHT_MEAN, sorted(by_kind["excellent"])


@pytest.mark.parametrize("name, answer_id", HELD_OUT)
def test_the_former_held_out_stories_that_showed_it_score_low(name, answer_id):
    found = [p for item, p, _ in scored(DATA / name) if item.id == answer_id]
    assert found and found[0] <= HELD_OUT_AT_MOST, found


# The aside (writers: wrong 4, right 84-85): wrong 61.6 before, 44.1 after (the domain
# experts story 57.2 -> 4.6; "I didn't try to estimate anything with proxies" and "it
# didn't fail for any reason of mine" deny no point in its own word or cue); right 75.5
# before and after.
ASIDE_WRONG_MEAN = 50.0
ASIDE_RIGHT_MEAN = 73.0


def test_the_set_kept_aside_is_read_so_too():
    aside = percents_by_kind(ASIDE)
    assert statistics.mean(aside["wrong"]) <= ASIDE_WRONG_MEAN, sorted(aside["wrong"])
    assert statistics.mean(aside["excellent"]) >= ASIDE_RIGHT_MEAN, sorted(aside["excellent"])
