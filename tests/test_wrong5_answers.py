"""Claims left open by a verdict set off by a comma alone ("X, or Y, both work"), and
stories whose key actions are said not done, with right answers of the same shapes as
controls ("use X when ..., Y when ...", "the mean or the median, depending on skew", a
story that says what it did not do as a contrast), graded by their writer before any judge
scored them (tests/data/README.md)."""

import statistics
from pathlib import Path

import pytest

from tests.answer_sets import percents_by_kind

DATA = Path(__file__).parent / "data"
SET = DATA / "wrong5_answers.jsonl"
# Three questions kept aside while the judge was changed, scored before and at the end.
ASIDE = DATA / "wrong5_aside.jsonl"
# Claims left open by a comma verdict (writers: 5-6) score at most this on average: 50.8
# before the comma verdict (open_choices.py), 6.1 after.
COMMA_VERDICT_MEAN = 15.0
# Stories whose key actions are said not done (writers: 5): 2.0 before and after (their
# denials say the points' cue phrases, which the judge already read; undone.py ships off).
NOT_DONE_MEAN = 10.0
# Right answers that weigh trade-offs (writers: 87-88): 96.3 before and after; right
# stories that say what they did not do as a contrast (86): 81.8 before and after.
TRADEOFF_MEAN = 90.0
CONTRAST_MEAN = 75.0


@pytest.fixture(scope="module")
def by_variant() -> dict[str, list[float]]:
    return percents_by_kind(SET, "variant")


def test_every_variant_is_there(by_variant):
    assert {"comma_verdict", "not_done", "tradeoff", "contrast"} <= set(by_variant)


def test_claims_left_open_by_a_comma_verdict_score_low(by_variant):
    found = by_variant["comma_verdict"]
    assert statistics.mean(found) <= COMMA_VERDICT_MEAN, sorted(found)


def test_stories_of_key_actions_not_done_score_low(by_variant):
    assert statistics.mean(by_variant["not_done"]) <= NOT_DONE_MEAN, by_variant["not_done"]


def test_right_answers_of_the_same_shapes_keep_their_scores(by_variant):
    assert statistics.mean(by_variant["tradeoff"]) >= TRADEOFF_MEAN, by_variant["tradeoff"]
    assert statistics.mean(by_variant["contrast"]) >= CONTRAST_MEAN, by_variant["contrast"]


def test_the_set_kept_aside_is_read_so_too():
    aside = percents_by_kind(ASIDE, "variant")
    wrong = aside["comma_verdict"] + aside["not_done"]
    assert statistics.mean(wrong) <= COMMA_VERDICT_MEAN, sorted(wrong)
    right = aside["tradeoff"] + aside["contrast"]
    assert statistics.mean(right) >= CONTRAST_MEAN, sorted(right)
