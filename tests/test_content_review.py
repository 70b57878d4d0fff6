"""What an expert review of the bank found wrong, each pinned by a test that would have
caught it (issue 11, item 5; issue 9, cues that credited a misconception)."""

import re

import pytest

from interviewer.content.loader import Content, load_content
from interviewer.domain.question import Difficulty, KeyPoint, Question, RoundKind
from interviewer.judge.matching import key_point_coverage
from interviewer.judge.offline import OfflineJudge
from tests.answer_sets import request_for


@pytest.fixture(scope="module")
def shipped() -> Content:
    content = load_content()
    assert content.ok, content.errors
    return content


def point(shipped: Content, question_id: str, key_point_id: str) -> KeyPoint:
    return shipped.questions[question_id].key_point(key_point_id)


def cue_credit(kp: KeyPoint, text: str) -> float:
    """What the key point's cues alone give the text."""
    probe = KeyPoint(id="probe", text="zzqx vvqj", cues=kp.cues)
    return key_point_coverage(text, [probe])["probe"]


def covers(shipped: Content, question: Question, key_point_id: str, answer: str) -> bool:
    result = OfflineJudge().score_now(
        request_for(question, shipped.rubrics[question.round.value], answer)
    )
    return key_point_id in result.covered_key_points


def claims(kp: KeyPoint) -> str:
    return " | ".join(m.claim.lower() for m in kp.misconceptions)


def test_squashing_scores_changes_log_loss_but_not_always_for_the_worse(shipped):
    kp = point(shipped, "breadth.metrics.log_loss_vs_auc", "disagreement_example")
    text = kp.text.lower()
    assert "overconfident" in text and "temperature scaling" in text
    assert not re.search(r"\b(always|only)\b[^.]*\bworse", text)
    assert "always makes log loss worse" in claims(kp)


def test_class_weights_and_focal_loss_distort_calibration_differently(shipped):
    kp = point(shipped, "breadth.imbalance.weighted_losses", "calibration_effect")
    text = kp.text.lower()
    assert re.search(r"class weights push[^.]*toward the rare class", text)
    assert re.search(r"focal loss makes predictions less confident", text)
    assert "focal loss, like class weights, pushes" in claims(kp)


def test_test_and_interval_agree_only_when_they_come_from_the_same_method(shipped):
    kp = point(shipped, "breadth.statistics.pvalues_and_intervals", "duality")
    assert "same method" in kp.text.lower()


def test_pump_precision_at_capacity_is_capped_by_the_failure_rate(shipped):
    question = shipped.questions["system_design.predictive_maintenance.industrial_pumps"]
    facts = " ".join(c.fact for c in question.clarifications)
    failures = int(re.search(r"(\d+) failures were recorded over the last three years", facts)[1])
    visits = int(re.search(r"about (\d+) planned visits a week", facts)[1])
    per_week = failures / (3 * 52)
    cap = round(100 * round(per_week) / visits)
    kp = question.key_point("capacity_metrics")
    text = kp.text.lower()
    assert f"{cap} percent" in text, f"precision at {visits} is capped near {cap} percent"
    assert "lead time" in text and "downtime" in text
    assert "high precision at 40" in claims(kp)


def test_every_design_question_has_a_goal_and_an_evaluation_point(shipped):
    for q in shipped.questions.values():
        if q.round is RoundKind.system_design:
            stages = {kp.stage for kp in q.key_points}
            assert {"goal", "evaluation"} <= stages, f"{q.id} has stages {sorted(map(str, stages))}"


@pytest.mark.parametrize(
    "question_id",
    [
        "coding.dp.edit_distance",  # the prose ml_coding question, now run against tests
        "breadth.classification.decision_trees",
        "breadth.statistics.central_limit_theorem",
        "python.pandas.setting_with_copy",
        "python.functional.lambdas_and_closures",
    ],
)
def test_standard_interview_questions_are_labelled_medium(shipped, question_id):
    assert shipped.questions[question_id].difficulty is Difficulty.medium


@pytest.mark.parametrize(
    "answer",
    [
        "CPython's cycle collector is generational, with three generations; generation 0 "
        "holds young objects and is collected most often.",
        "Since Python 3.14 the cycle collector is incremental with only two generations, "
        "a young and an old one, still triggered by allocation thresholds.",
    ],
)
def test_both_the_three_and_the_two_generation_collector_are_accepted(shipped, answer):
    question = shipped.questions["python.memory.refcount_and_gc"]
    assert covers(shipped, question, "generational", answer)
    text = question.key_point("generational").text.lower()
    assert "three generations" in text and "3.14" in text and "young and an old" in text


@pytest.mark.parametrize(
    ("question_id", "key_point_id", "wrong"),
    [
        (
            "breadth.statistics.pvalues_and_intervals",
            "pvalue_not_h0_prob",
            "The p-value is the probability that the null is true.",
        ),
        (
            "breadth.precision_recall.definitions",
            "ignores_true_negatives",
            "Precision and recall both use true negatives.",
        ),
    ],
)
def test_cues_do_not_credit_the_misconception_they_guard_against(
    shipped, question_id, key_point_id, wrong
):
    kp = point(shipped, question_id, key_point_id)
    assert cue_credit(kp, wrong) == 0.0
    assert kp.misconceptions, f"{question_id}:{key_point_id} names no misconception"
