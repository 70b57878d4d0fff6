"""Fluent wrong answers whose key actions are denied over a coordination ("didn't split by
time or group by user", "neither X nor Y", "no A, B or C"), with right answers of the same
shapes as controls (a warning "never X or Y", "didn't X but Y", "not only X but also Y",
"never ... without X or Y"), graded by their writer before any judge scored them
(tests/data/README.md)."""

import statistics
from pathlib import Path

import pytest

from tests.answer_sets import percents_by_kind, scored

DATA = Path(__file__).parent / "data"
SET = DATA / "wrong6_answers.jsonl"
# Three questions kept aside while the judge was changed, scored before and at the end.
ASIDE = DATA / "wrong6_aside.jsonl"
WRONG = ("or_denied", "neither_no_list", "no_list", "neither_nor")
RIGHT = ("warning", "contrast", "double_denial", "instead", "not_only")
# Key actions denied over a coordination (writers: 3-4) score at most this on average:
# 21.4 before the disjunction reading (clauses.py), 8.1 after.
DENIED_MEAN = 12.0
# Right answers of the same shapes (writers: 85-93): 69.3 before and after.
RIGHT_MEAN = 67.0
# holdout15's sources_and_labels wrong1 (writer: 2): 59.0 before, 4.6 after ("We didn't
# look at agreement | or audit a sample"; "..., so they had no noise and didn't need
# checking - that's ...").
HOLDOUT15 = DATA / "holdout15_answers.jsonl"
HOLDOUT15_WRONG = "deep_dive.data.sources_and_labels.wrong1"
HOLDOUT15_WRONG_AT_MOST = 15.0


def _of(by_variant: dict[str, list[float]], variants: tuple[str, ...]) -> list[float]:
    return [p for v in variants for p in by_variant.get(v, [])]


@pytest.fixture(scope="module")
def by_variant() -> dict[str, list[float]]:
    return percents_by_kind(SET, "variant")


def test_every_variant_is_there(by_variant):
    assert {"or_denied", "neither_nor", "no_list", "warning", "double_denial"} <= set(by_variant)


def test_key_actions_denied_over_a_coordination_score_low(by_variant):
    found = _of(by_variant, WRONG)
    assert statistics.mean(found) <= DENIED_MEAN, sorted(found)


def test_right_answers_of_the_same_shapes_keep_their_scores(by_variant):
    found = _of(by_variant, RIGHT)
    assert statistics.mean(found) >= RIGHT_MEAN, sorted(found)


def test_the_former_held_out_answer_that_showed_it_scores_low():
    found = [p for item, p, _ in scored(HOLDOUT15) if item.id == HOLDOUT15_WRONG]
    assert found and found[0] <= HOLDOUT15_WRONG_AT_MOST, found


# The aside (writers: wrong 3, right 88-92): wrong 2.5 before, 2.3 after; right 65.9 before
# and after (its reproducibility warning, "never recompute features later or trust the raw
# data to give the same values", still reads as the misconception it warns of: 37.0).
ASIDE_WRONG_MEAN = 10.0
ASIDE_RIGHT_MEAN = 62.0


def test_the_set_kept_aside_is_read_so_too():
    aside = percents_by_kind(ASIDE, "variant")
    wrong = _of(aside, WRONG)
    assert statistics.mean(wrong) <= ASIDE_WRONG_MEAN, sorted(wrong)
    right = _of(aside, RIGHT)
    assert statistics.mean(right) >= ASIDE_RIGHT_MEAN, sorted(right)
