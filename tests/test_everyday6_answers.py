"""Right answers in everyday words and wrong twins in the same words (key claims reversed,
roles exchanged) on 7 breadth, domain and python questions (tests/data/everyday6_answers.jsonl)
and 3 more kept aside (everyday6_aside.jsonl, scored once before the judge change and once at
the end; see tests/data/README.md), each graded 0-100 before any scoring; and the everyday
answers of holdout12 (development data, written by an independent interviewer), whose
paradigm answer was floored as saying nothing. What the judge does with them now is held
here, with the issue's bar of 80 on the everyday answers."""

import statistics
from pathlib import Path

import pytest

from tests.answer_sets import mean_of, percents_by_question, scored

DATA = Path(__file__).parent / "data"
VARIANTS = {"everyday", "everyday_false"}


@pytest.fixture(scope="module")
def dev() -> dict[str, dict[str, float]]:
    return percents_by_question(DATA / "everyday6_answers.jsonl", "variant", VARIANTS)


@pytest.fixture(scope="module")
def aside() -> dict[str, dict[str, float]]:
    return percents_by_question(DATA / "everyday6_aside.jsonl", "variant", VARIANTS)


@pytest.fixture(scope="module")
def holdout12_everyday() -> dict[str, float]:
    return {
        item.question_id or "": percent
        for item, percent, _ in scored(DATA / "holdout12_answers.jsonl")
        if item.kind == "excellent" and item.variant == "everyday"
    }


def test_each_question_has_its_two_answers(dev, aside):
    assert len(dev) == 7 and len(aside) == 3
    assert not set(dev) & set(aside)
    assert all(v.keys() == VARIANTS for v in (*dev.values(), *aside.values()))


def test_right_answers_in_everyday_words(dev, aside):
    # Before the change (main fa1b753): developed 66.9, aside 68.5; after the lexicon's
    # concepts for the learning paradigms and other recurring ideas: 69.6 and 69.3 (graded 86).
    assert mean_of(dev, "everyday") >= 69
    assert mean_of(aside, "everyday") >= 69


def test_wrong_twins_in_everyday_words_stay_low(dev, aside):
    # Before: developed 19.5, aside 3.3; after 21.6 (the paradigms' twin, which gives each
    # paradigm's right description to the wrong ordinal - "the first kind", "the second
    # kind" -, 14.3 -> 29.2) and 3.3 (graded 5).
    assert mean_of(dev, "everyday_false") <= 22
    assert mean_of(aside, "everyday_false") <= 4


def test_holdout12_everyday_answers(holdout12_everyday):
    # 67.3 at main (graded 85.2), 71.6 after; the paradigm answer ("nobody has told us what
    # the groups are", "keep trying other banners now and then") was floored as stating
    # nothing beyond the question (12.6), 50.6 after.
    assert len(holdout12_everyday) == 13
    assert statistics.mean(holdout12_everyday.values()) >= 71
    assert holdout12_everyday["breadth.supervised_unsupervised.pick_paradigm"] >= 45


def test_everyday_words_reach_the_issue_bar(dev):
    # A strict xfail until claims-v14 (69.6 of the 86 graded when written, 79.2 at
    # claims-v13): everyday11's SPREAD_LEND 1.5 credits the stated points further (the
    # paradigms 64.5 -> 71.9, A/B test design 75.1 -> 83.0): 81.4.
    assert mean_of(dev, "everyday") >= 80


@pytest.mark.xfail(strict=True, reason="batch and online exchanged reads as half right (56)")
def test_every_wrong_twin_at_20_or_below(dev, aside):
    assert all(v["everyday_false"] <= 20 for j in (dev, aside) for v in j.values())
