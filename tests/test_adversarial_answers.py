"""Answers written to fool the offline judge, each graded 0-100 by its writer before it
was scored (tests/data/adversarial_answers.jsonl, see tests/data/README.md): formulas
and roles swapped, high and low swapped, "it is not the case that X", a right answer
taken back, "I don't know X... I've heard of Y", a misconception stated and one denied,
a story in lower case, and right answers in plain words."""

from pathlib import Path

import pytest

from tests.answer_sets import scored

DATASET = Path(__file__).parent / "data" / "adversarial_answers.jsonl"
# Answers the writer graded 10 or below: the judge keeps them near the floor.
LOW_GRADE, LOW_SCORE = 10.0, 15.0
# Low-graded answers the judge still reads too kindly (strict xfail below), with why.
KNOWN_LIMITS = {
    "right_way_reversal": "a denial after the phrase it denies ('whether values are missing "
    "at random or not never matters' still says 'missing at random'), and a misconception in "
    "other words ('test rows included' for 'test set included')",
}


def _judged() -> dict[str, tuple[float, float, list[str]]]:
    out = {}
    for item, percent, result in scored(DATASET):
        named = [m.misconception_id or m.key_point_id for m in result.misconceptions]
        out[item.id.rsplit(".", 1)[1]] = (item.score, percent, named)
    return out


@pytest.fixture(scope="module")
def judged() -> dict[str, tuple[float, float, list[str]]]:
    return _judged()


def test_answers_graded_near_zero_score_near_the_floor(judged):
    low = {
        name: p
        for name, (grade, p, _) in judged.items()
        if grade <= LOW_GRADE and name not in KNOWN_LIMITS
    }
    assert len(low) >= 10
    assert all(p <= LOW_SCORE for p in low.values()), low


@pytest.mark.xfail(strict=True, reason="; ".join(KNOWN_LIMITS.values()))
def test_answers_the_judge_still_reads_too_kindly_score_near_the_floor(judged):
    assert all(judged[name][1] <= LOW_SCORE for name in KNOWN_LIMITS)


def test_a_confident_answer_about_something_else_gets_the_floor(judged):
    assert judged["offtopic_confident"][1] == 0.0


def test_swapped_claims_are_named_with_what_is_true(judged):
    assert judged["swapped_formulas"][2]  # precision and recall formulas exchanged
    assert judged["swapped_roles"][2]  # bias and variance exchanged
    assert judged["high_low_swapped"][2]  # too high and too low exchanged
    assert judged["misconception"][2]  # the p-value as the probability the null is true


def test_a_false_claim_beside_right_ones_costs_the_answer(judged):
    _, percent, named = judged["right_plus_false_claim"]
    assert named and percent < 50


def test_denying_a_misconception_is_not_stating_it(judged):
    _, percent, named = judged["denies_misconception"]
    assert not named and percent >= 35


def test_a_story_in_lower_case_is_read_as_a_story(judged):
    assert judged["lowercase"][1] >= 70
    assert judged["lowercase_retracted"][1] == 0.0


@pytest.mark.xfail(
    strict=True,
    reason="plain-words paraphrase: 'the steps are too big, the loss jumps around or blows up' "
    "reads as little of the key points' words (known limit, README)",
)
def test_a_right_answer_in_plain_words_scores_near_its_grade(judged):
    plain = [name for name in judged if name.startswith("plain_")]
    assert len(plain) >= 8
    for name in plain:
        grade, percent, _ = judged[name]
        assert percent >= grade - 20, (name, percent)
