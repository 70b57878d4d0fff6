"""Right, complete answers in everyday words, vague and wrong twins in everyday words, and
good answers in everyday words that leave out a heaviest point, on 7 breadth questions
(tests/data/everyday10_answers.jsonl) and 3 more kept aside (everyday10_aside.jsonl, right,
vague and wrong only; scored once before the judge change and once at the end; see
tests/data/README.md), each graded 0-100 before any scoring; and the everyday answers of
holdout12-15 (development data, written by independent interviewers). What the judge does
with them under the spread reading read by weight (spread.SPREAD_SHARE) is held here."""

import statistics
from pathlib import Path

import pytest

from tests.answer_sets import percents_by_kind, percents_by_kind_and_variant

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def dev() -> dict[str, list[float]]:
    return percents_by_kind_and_variant(DATA / "everyday10_answers.jsonl")


@pytest.fixture(scope="module")
def aside() -> dict[str, list[float]]:
    return percents_by_kind_and_variant(DATA / "everyday10_aside.jsonl")


EVERYDAY, VAGUE, WRONG = "excellent/everyday", "vague/plain", "wrong/reversed"
MISSING = "good/everyday_missing_heaviest"


def test_each_question_has_its_answers(dev, aside):
    assert {k: len(v) for k, v in dev.items()} == {EVERYDAY: 7, VAGUE: 7, WRONG: 7, MISSING: 7}
    assert {k: len(v) for k, v in aside.items()} == {EVERYDAY: 3, VAGUE: 3, WRONG: 3}


def test_right_answers_in_everyday_words(dev):
    # main (claims-v12): 79.4 (graded 85.6); spread read by weight: 89.2.
    assert statistics.mean(dev[EVERYDAY]) >= 88.5


def test_vague_wrong_and_missing_stay_where_they_were(dev):
    # main: vague 7.3 (graded 16.9), wrong 30.5 (4.9), a heaviest point left out 57.6 (58).
    assert statistics.mean(dev[VAGUE]) <= 8.5
    assert statistics.mean(dev[WRONG]) <= 31
    assert statistics.mean(dev[MISSING]) <= 58


def test_aside(aside):
    # Scored once before the change and once after: everyday 50.2 -> 54.9 (graded 85.3);
    # vague 14.3 and wrong 43.3 both times (vague 17.7 at claims-v17: the three paradigms'
    # vague answer, graded 15, reads 10 by vague.py's credit, not 0).
    assert statistics.mean(aside[EVERYDAY]) >= 54.5
    assert statistics.mean(aside[VAGUE]) <= 18
    assert statistics.mean(aside[WRONG]) <= 44.5


def _everyday(name: str) -> float:
    # Only the excellent answers of these sets have the variant `everyday`.
    return statistics.mean(percents_by_kind(DATA / name, "variant")["everyday"])


def test_former_heldout_everyday_answers():
    # Developed on holdout12-14, checked on holdout15 at the end (tests/data/README.md):
    # main 71.6, 65.2, 64.1, 63.4 (graded 83-86); now 81.6, 76.5, 70.0 and, held out, 72.9.
    assert _everyday("holdout12_answers.jsonl") >= 81
    assert _everyday("holdout13_answers.jsonl") >= 76
    assert _everyday("holdout14_answers.jsonl") >= 69.5
    assert _everyday("holdout15_answers.jsonl") >= 72.5


@pytest.mark.xfail(strict=True, reason="every independent writer's everyday answers at 80")
def test_everyday_words_reach_the_issue_bar():
    assert min(_everyday(f"holdout{n}_answers.jsonl") for n in (12, 13, 14, 15)) >= 80
