"""Right answers in everyday words, the same answers in the field's terms and wrong twins in
everyday words (key claims reversed) on 13 breadth and python questions
(tests/data/everyday7_answers.jsonl) and 3 more kept aside (everyday7_aside.jsonl, scored
once before the judge change and once at the end; see tests/data/README.md), each graded
0-100 before any scoring; and the everyday answers of holdout13 and holdout12 (development
data, written by independent interviewers). What the judge does with them now is held here;
the issue's bar is a strict xfail."""

import statistics
from pathlib import Path

import pytest

from tests.answer_sets import mean_of, percents_by_question, scored

DATA = Path(__file__).parent / "data"
VARIANTS = {"everyday", "terms", "everyday_false"}


@pytest.fixture(scope="module")
def dev() -> dict[str, dict[str, float]]:
    return percents_by_question(DATA / "everyday7_answers.jsonl", "variant", VARIANTS)


@pytest.fixture(scope="module")
def aside() -> dict[str, dict[str, float]]:
    return percents_by_question(DATA / "everyday7_aside.jsonl", "variant", VARIANTS)


def _everyday(name: str) -> list[float]:
    return [
        percent
        for item, percent, _ in scored(DATA / name)
        if item.kind == "excellent" and item.variant == "everyday"
    ]


def test_each_question_has_its_answers(dev, aside):
    assert len(dev) == 13 and len(aside) == 3
    assert not set(dev) & set(aside)
    assert all(v.keys() == VARIANTS for v in dev.values())
    assert all(v.keys() == {"everyday", "everyday_false"} for v in aside.values())


def test_right_answers_in_everyday_words(dev):
    # Before the change (main ac1cf9f): 76.8 (graded 86); after the field's general
    # vocabulary in everyday words: 78.1. The same answers in the field's terms: 84.3 both.
    assert mean_of(dev, "everyday") >= 77.5
    assert mean_of(dev, "terms") >= 84


def test_wrong_twins_in_everyday_words_stay_low(dev):
    # Before: 26.6; after 26.6 (graded 5): the new concepts lift no twin's reversed claim
    # by more than 0.3 (the polynomial twin, 52.3, and the PCA twin, 44.4, are unmoved).
    # claims-v13: 27.3. everyday10's spread reading lifts the polynomial twin 52.3 -> 73.5:
    # its reversed claims ("a high power is safer", "the training error tells you
    # everything") are named by no listed misconception, so it reads as a right answer in
    # everyday words; the other twins are unmoved. everyday11's SPREAD_LEND 1.5 credits its
    # points further: 73.5 -> 74.9 (mean 27.4). claims-v15 counts the points it lends to
    # toward their coverage (spread.SPREAD_COVERS): 74.9 -> 82.3 (mean 28.0); the other
    # twins are unmoved. The bound holds the mean there.
    assert mean_of(dev, "everyday_false") <= 28.5


def test_former_heldout_everyday_answers():
    # holdout13: 64.4 at main (graded 84.5), 65.2 after; holdout12: 71.6 (85.2), unmoved.
    h13, h12 = _everyday("holdout13_answers.jsonl"), _everyday("holdout12_answers.jsonl")
    assert len(h13) == 13 and len(h12) == 13
    assert statistics.mean(h13) >= 65
    assert statistics.mean(h12) >= 71.5


def test_everyday_words_reach_the_issue_bar(dev):
    # 78.1 read word by word; 85.0 with everyday10's spread reading (v13).
    assert mean_of(dev, "everyday") >= 80


@pytest.mark.xfail(strict=True, reason="unlisted reversed claims in everyday words read as points")
def test_every_wrong_twin_at_20_or_below(dev, aside):
    assert all(v["everyday_false"] <= 20 for j in (dev, aside) for v in j.values())
