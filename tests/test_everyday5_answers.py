"""Right answers in everyday words, the same in the field's terms, and wrong twins in
everyday words (key claims reversed, roles exchanged) on 11 breadth questions
(tests/data/everyday5_answers.jsonl and everyday5_aside.jsonl, see tests/data/README.md),
each graded 0-100 before any scoring. The aside's three questions were kept aside while the
judge was changed (scored once before and once at the end). What the judge does with them
now is held here; the issue's bar is a strict xfail."""

from pathlib import Path

import pytest

from tests.answer_sets import mean_of, percents_by_question

DATA = Path(__file__).parent / "data"
VARIANTS = {"everyday", "terms", "everyday_false"}


@pytest.fixture(scope="module")
def dev() -> dict[str, dict[str, float]]:
    return percents_by_question(DATA / "everyday5_answers.jsonl", "variant", VARIANTS)


@pytest.fixture(scope="module")
def aside() -> dict[str, dict[str, float]]:
    return percents_by_question(DATA / "everyday5_aside.jsonl", "variant", VARIANTS)


def test_each_question_has_its_three_answers(dev, aside):
    assert len(dev) == 8 and len(aside) == 3
    assert not set(dev) & set(aside)
    assert all(v.keys() == VARIANTS for v in (*dev.values(), *aside.values()))


def test_right_answers_in_everyday_words(dev, aside):
    # Before any change (main 9dd967c): developed 78.5, aside 77.0; after the lexicon's
    # general everyday words: 78.6 and 77.2 (graded 86-87).
    assert mean_of(dev, "everyday") >= 78.5
    assert mean_of(aside, "everyday") >= 77


def test_the_same_answers_in_the_field_s_terms(dev, aside):
    # Before and after: developed 90.3, aside 79.0 (graded 90).
    assert mean_of(dev, "terms") >= 90
    assert mean_of(aside, "terms") >= 78.5


def test_wrong_twins_in_everyday_words_stay_low(dev, aside):
    # Before: developed 6.0, aside 3.3; after 6.6 (shadow and A/B test exchanged: 0 -> 5)
    # and 3.3 (graded 5).
    assert mean_of(dev, "everyday_false") <= 7
    assert mean_of(aside, "everyday_false") <= 4


def test_every_right_answer_is_well_above_its_wrong_twin(dev, aside):
    for judged in (dev, aside):
        for question, v in judged.items():
            assert v["everyday"] > v["everyday_false"] + 30, question
            assert v["terms"] > v["everyday_false"] + 30, question


def test_everyday_words_reach_the_issue_bar(dev):
    # Read word by word: 78.6 of the 86.5 graded; 87.1 with everyday10's spread reading (v13).
    assert mean_of(dev, "everyday") >= 80


@pytest.mark.xfail(strict=True, reason="a paraphrase leaves terms unsaid: skew 62 against 89")
def test_every_everyday_answer_within_15_points_of_its_terms_twin(dev):
    assert all(v["terms"] - v["everyday"] <= 15 for v in dev.values())
