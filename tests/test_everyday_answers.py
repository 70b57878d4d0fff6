"""Right answers in everyday words, as a strong candidate says them out loud, beside the
same content in the key points' words and a fluent wrong answer in everyday words, to 16
breadth and domain questions no other set used (tests/data/everyday_answers.jsonl and
everyday_aside.jsonl, see tests/data/README.md), each graded 0-100 before any scoring.
The aside's six questions were kept aside while the judge was changed. What the judge
does with them now is held here; what it does not do yet is a strict xfail."""

from pathlib import Path

import pytest

from tests.answer_sets import mean_of, percents_by_question

DATA = Path(__file__).parent / "data"
VARIANTS = {"everyday", "keypoints", "everyday_false"}


@pytest.fixture(scope="module")
def dev() -> dict[str, dict[str, float]]:
    return percents_by_question(DATA / "everyday_answers.jsonl", "variant", VARIANTS)


@pytest.fixture(scope="module")
def aside() -> dict[str, dict[str, float]]:
    return percents_by_question(DATA / "everyday_aside.jsonl", "variant", VARIANTS)


def test_each_question_has_every_variant(dev, aside):
    assert len(dev) == 10 and len(aside) == 6
    assert not set(dev) & set(aside)
    assert all(v.keys() == VARIANTS for v in (*dev.values(), *aside.values()))


def test_right_answers_in_everyday_words_score_well_on_average(dev):
    # Before this set's changes (main 8750c32): everyday 76.1, key points' words 82.5;
    # after 76.9 and 82.5.
    assert mean_of(dev, "everyday") >= 76.5
    assert mean_of(dev, "keypoints") >= 80


def test_wrong_answers_in_everyday_words_stay_where_they_were(dev, aside):
    # Broader reading must not credit wrong claims said in the same everyday words
    # (before: developed 35.8, aside 36.3).
    assert mean_of(dev, "everyday_false") <= 37
    # The aside's wrong answers rose from 36.3 to 44.0 with the first change: a wrong
    # answer held at the off-topic floor before is read as on topic now (everyday words
    # for validation data), as its right twin is (see tests/data/README.md). claims-v13:
    # 46.2; everyday10's spread reading lifts the semi-supervised twin 38.7 -> 50.7, whose
    # wrong claims no listed misconception names.
    assert mean_of(aside, "everyday_false") <= 47


def test_the_aside_right_answers(aside):
    assert mean_of(aside, "keypoints") >= 80
    # Scored once before the changes and once after: everyday 62.5 -> 71.0, key points'
    # words 82.0 -> 82.0.
    assert mean_of(aside, "everyday") >= 70


def test_everyday_words_reach_the_issue_bar(dev):
    # Read word by word: ~77 of the 85-95 graded; 81.6 with everyday10's spread reading (v13).
    assert mean_of(dev, "everyday") >= 80


@pytest.mark.xfail(
    strict=True,
    reason="a wrong claim in everyday words that shares the point's words (reversed roles, "
    "directions) is read as the point: several score 50-80",
)
def test_every_right_answer_beats_its_wrong_twin(dev):
    for question, v in dev.items():
        assert min(v["everyday"], v["keypoints"]) > v["everyday_false"] + 20, (question, v)
