"""Right answers in everyday words, the same answers in the field's terms, and fluent
wrong answers in everyday words, on fourteen breadth and domain questions
(tests/data/everyday3_answers.jsonl and everyday3_aside.jsonl, see tests/data/README.md),
each graded 0-100 before any scoring. The aside's four questions were kept aside while
the judge was changed. What the judge does with them now is held here."""

from pathlib import Path

import pytest

from tests.answer_sets import mean_of, percents_by_question

DATA = Path(__file__).parent / "data"
VARIANTS = {"everyday", "terms", "everyday_false"}


@pytest.fixture(scope="module")
def dev() -> dict[str, dict[str, float]]:
    return percents_by_question(DATA / "everyday3_answers.jsonl", "variant", VARIANTS)


@pytest.fixture(scope="module")
def aside() -> dict[str, dict[str, float]]:
    return percents_by_question(DATA / "everyday3_aside.jsonl", "variant", VARIANTS)


def test_each_question_has_three_answers(dev, aside):
    assert len(dev) == 10 and len(aside) == 4
    assert not set(dev) & set(aside)
    assert all(v.keys() == VARIANTS for v in (*dev.values(), *aside.values()))


def test_right_answers_in_the_fields_terms(dev, aside):
    # Before any change (main e6cf0b6): 84.1 developed, 89.6 aside.
    assert mean_of(dev, "terms") >= 83.5
    assert mean_of(aside, "terms") >= 89


def test_right_answers_in_everyday_words(dev, aside):
    # Before any change (main e6cf0b6): 62.2 developed, 68.7 aside.
    assert mean_of(dev, "everyday") >= 62
    assert mean_of(aside, "everyday") >= 68


def test_wrong_answers_in_everyday_words_do_not_rise(dev, aside):
    # Before any change: 41.2 developed, 36.9 aside (graded 4-6).
    assert mean_of(dev, "everyday_false") <= 42
    assert mean_of(aside, "everyday_false") <= 37.5


def test_every_right_answer_is_above_its_wrong_twin(dev, aside):
    for judged in (dev, aside):
        assert all(v["terms"] > v["everyday_false"] + 10 for v in judged.values())
        assert all(v["everyday"] > v["everyday_false"] for v in judged.values())


def test_everyday_words_reach_the_terms(dev):
    # A strict xfail until claims-v15 (everyday words read word by word: ~62 of the 88
    # graded when written; 75.9 against the terms' 90.1 at claims-v14): the spread
    # reading's lent points counting toward their coverage (spread.SPREAD_COVERS) take the
    # everyday answers to 80.7.
    assert mean_of(dev, "everyday") >= mean_of(dev, "terms") - 10
