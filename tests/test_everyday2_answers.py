"""Right answers in everyday words and fluent wrong answers in the same words, on nine
breadth and domain questions no other set used (tests/data/everyday2_answers.jsonl and
everyday2_aside.jsonl, see tests/data/README.md), each graded 0-100 before any scoring.
The aside's three questions were kept aside while the lexicon was changed. What the judge
does with them now is held here; the issue's bar is a strict xfail."""

from pathlib import Path

import pytest

from tests.answer_sets import mean_of, percents_by_question

DATA = Path(__file__).parent / "data"
KINDS = {"excellent", "wrong"}


@pytest.fixture(scope="module")
def dev() -> dict[str, dict[str, float]]:
    return percents_by_question(DATA / "everyday2_answers.jsonl", "kind", KINDS)


@pytest.fixture(scope="module")
def aside() -> dict[str, dict[str, float]]:
    return percents_by_question(DATA / "everyday2_aside.jsonl", "kind", KINDS)


def test_each_question_has_a_right_and_a_wrong_answer(dev, aside):
    assert len(dev) == 6 and len(aside) == 3
    assert not set(dev) & set(aside)
    assert all(v.keys() == KINDS for v in (*dev.values(), *aside.values()))


def test_right_answers_in_everyday_words(dev, aside):
    # Before the everyday concepts (main edf2ca6): 67.6 developed, 63.0 aside; after 68.8.
    assert mean_of(dev, "excellent") >= 68.5
    assert mean_of(aside, "excellent") >= 62


def test_wrong_answers_in_everyday_words_do_not_rise(dev, aside):
    # Before: 18.2 developed, 30.2 aside (graded 5).
    assert mean_of(dev, "wrong") <= 19
    assert mean_of(aside, "wrong") <= 31


def test_every_right_answer_is_above_its_wrong_twin(dev, aside):
    for judged in (dev, aside):
        assert all(v["excellent"] > v["wrong"] + 5 for v in judged.values())


def test_everyday_words_reach_the_issue_bar(dev):
    # Read word by word: ~71 of the 87 graded; 84.2 with everyday10's spread reading (v13).
    assert mean_of(dev, "excellent") >= 80
