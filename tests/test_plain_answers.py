"""Right answers in plain words, and wrong answers in the same everyday words, each graded
0-100 by its writer before it was scored (tests/data/plain_answers.jsonl, see
tests/data/README.md). What the judge does with them now is held here; what it does not
do yet is a strict xfail with the reason."""

import statistics
from pathlib import Path

import pytest

from tests.answer_sets import percents_by_question

DATASET = Path(__file__).parent / "data" / "plain_answers.jsonl"
# Wrong answers the judge still reads too kindly (strict xfail below), with why.
KIND_TO_WRONG = {
    "python.mutability.mutable_default": "'Python makes a fresh empty list every time' "
    "reverses 'evaluated once' in other words",
    "breadth.data_splits.time_based_validation": "'a random shuffle is the fairest split' "
    "is a misconception said in other words",
}


@pytest.fixture(scope="module")
def judged() -> dict[str, dict[str, float]]:
    return percents_by_question(DATASET, "kind", {"excellent", "wrong"})


def test_the_set_has_right_and_wrong_answers_in_plain_words(judged):
    right = [q for q, kinds in judged.items() if "excellent" in kinds]
    wrong = [q for q, kinds in judged.items() if "wrong" in kinds]
    assert len(right) >= 16 and len(wrong) >= 9


def test_wrong_answers_in_plain_words_stay_near_the_floor(judged):
    low = {q: k["wrong"] for q, k in judged.items() if "wrong" in k and q not in KIND_TO_WRONG}
    assert len(low) >= 5
    assert all(p <= 15 for p in low.values()), low


@pytest.mark.xfail(strict=True, reason="; ".join(KIND_TO_WRONG.values()))
def test_wrong_answers_the_judge_still_reads_too_kindly_stay_near_the_floor(judged):
    assert all(judged[q]["wrong"] <= 15 for q in KIND_TO_WRONG)


def test_a_right_answer_in_plain_words_beats_a_wrong_one_in_the_same_words(judged):
    pairs = {q: k for q, k in judged.items() if {"excellent", "wrong"} <= k.keys()}
    assert all(k["excellent"] > k["wrong"] + 5 for k in pairs.values()), pairs


def test_right_answers_in_plain_words_score_well_above_wrong_ones_on_average(judged):
    right = [k["excellent"] for k in judged.values() if "excellent" in k]
    wrong = [k["wrong"] for k in judged.values() if "wrong" in k]
    # 70.9 once a heaviest point stated in part stopped capping the explaining criteria and
    # limits said in everyday words were read as trade-offs (67.2 before).
    assert statistics.mean(right) >= 66
    assert statistics.mean(right) >= 2.5 * statistics.mean(wrong)


def test_no_right_answer_in_plain_words_is_floored_as_about_something_else(judged):
    # "We split users at random into two groups" states a little of many key points of
    # the A/B-test question without their words; it was floored before the coverage bar.
    assert all(k["excellent"] > 20 for k in judged.values() if "excellent" in k)


@pytest.mark.xfail(
    strict=True,
    reason="plain words are matched word by word against detailed key points: a right answer "
    "in everyday words states 20-45% of a key point's words (known limit, README)",
)
def test_a_right_answer_in_plain_words_scores_near_its_grade(judged):
    right = [k["excellent"] for k in judged.values() if "excellent" in k]
    assert statistics.mean(right) >= 80
