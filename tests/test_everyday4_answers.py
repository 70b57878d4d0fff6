"""Right answers in everyday words, the same in the field's terms, and wrong twins in
everyday words (key claims reversed, roles exchanged) on 14 breadth questions
(tests/data/everyday4_answers.jsonl and everyday4_aside.jsonl, see tests/data/README.md),
each graded 0-100 before any scoring. The aside's four questions were kept aside while the
lexicon was changed. What the judge does with them now is held here; the issue's bar is a
strict xfail."""

from pathlib import Path

import pytest

from tests.answer_sets import mean_of, percents_by_question

DATA = Path(__file__).parent / "data"
VARIANTS = {"everyday", "terms", "everyday_false"}


@pytest.fixture(scope="module")
def dev() -> dict[str, dict[str, float]]:
    return percents_by_question(DATA / "everyday4_answers.jsonl", "variant", VARIANTS)


@pytest.fixture(scope="module")
def aside() -> dict[str, dict[str, float]]:
    return percents_by_question(DATA / "everyday4_aside.jsonl", "variant", VARIANTS)


def test_each_question_has_its_three_answers(dev, aside):
    assert len(dev) == 10 and len(aside) == 4
    assert not set(dev) & set(aside)
    assert all(v.keys() == VARIANTS for v in (*dev.values(), *aside.values()))


def test_right_answers_in_everyday_words(dev, aside):
    # Before any change (main 4e3db05) and after: developed 77.7, aside 84.8 (graded 86-87).
    assert mean_of(dev, "everyday") >= 77
    assert mean_of(aside, "everyday") >= 84


def test_the_same_answers_in_the_field_s_terms(dev, aside):
    # Before and after: developed 86.3, aside 91.7 (graded 89-90).
    assert mean_of(dev, "terms") >= 85.5
    assert mean_of(aside, "terms") >= 91


def test_wrong_twins_in_everyday_words_do_not_rise(dev, aside):
    # Before and after: developed 15.9, aside 4.1 (graded 5-6).
    assert mean_of(dev, "everyday_false") <= 16.5
    assert mean_of(aside, "everyday_false") <= 5


def test_every_right_answer_is_well_above_its_wrong_twin(dev, aside):
    for judged in (dev, aside):
        for question, v in judged.items():
            assert v["everyday"] > v["everyday_false"] + 20, question
            assert v["terms"] > v["everyday_false"] + 20, question


# Two wrong twins are read as half right: k-fold's roles exchanged in everyday words ("train
# on one slice, then score on the other k-1": 65.6) and the curse of dimensionality reversed
# (44.0); their misconceptions are listed, in other words than these.
@pytest.mark.xfail(strict=True, reason="reversed claims in everyday words no misconception lists")
def test_every_wrong_twin_stays_low(dev):
    assert all(v["everyday_false"] <= 20 for v in dev.values())


def test_everyday_words_reach_the_issue_bar(dev):
    # Read word by word: ~78 of the 87 graded; 83.2 with everyday10's spread reading (v13).
    assert mean_of(dev, "everyday") >= 80
