"""Right answers to breadth and python questions in plain words, each with a wrong twin in
the same everyday words, written and graded 0-100 before any scoring, on bank questions no
other answer set uses (tests/data/plain_breadth_answers.jsonl, see tests/data/README.md).
What the judge does with them now is held here; what it does not do yet is a strict xfail
with the reason."""

import json
import statistics
from pathlib import Path

import pytest

from tests.answer_sets import judged_on, percents_by_question

DATA = Path(__file__).parent / "data"
DATASET = DATA / "plain_breadth_answers.jsonl"
# Wrong twins the judge still reads too kindly (strict xfail below), with why: a cue or the
# key point's words credit a claim that names the wrong thing as the subject.
TOO_KIND = {
    "breadth.gradient_descent.batch_vs_stochastic": "'the full-batch version looks at one "
    "example per step' says the stochastic point's cue about the wrong method",
    "breadth.hyperparameters.cross_validation": "'train on one chunk and score on the "
    "others' is the procedure reversed in other words",
    "python.strings.immutability_and_building": "'strings can be changed in place' and "
    "'+= ... without copying' reverse the points in other words",
    "breadth.regularization.overview": "'switching off neurons at prediction time' and "
    "'stopping once the training loss stops going down' are said in the points' own words",
    "python.iterators_generators.lazy_batches": "'runs the whole function straight away' "
    "reverses 'suspends at each yield' in other words",
    # Written after every change of the session (plainb_later1): wrong claims in other
    # words that no misconception or contrast names.
    "breadth.clustering.dbscan": "'you tell it how many clusters you want up front' and "
    "'outliers always end up inside some cluster' reverse the points in other words",
    "breadth.dim_reduction.curse_of_dimensionality": "'the data actually gets denser' and "
    "'nearest neighbours stand out even more clearly' reverse the points in other words",
    "breadth.ensembles.gradient_boosting": "'all the trees at the same time on random "
    "samples' describes bagging in other words",
    "python.iterators_generators.protocol_and_comprehensions": "'square brackets make a "
    "generator' swaps the two comprehensions in other words",
}


@pytest.fixture(scope="module")
def judged() -> dict[str, dict[str, float]]:
    return percents_by_question(DATASET, "kind", {"excellent", "wrong"})


def test_each_question_has_a_right_answer_and_its_wrong_twin(judged):
    assert len(judged) >= 16
    assert all(kinds.keys() == {"excellent", "wrong"} for kinds in judged.values())


def test_the_questions_are_not_those_of_the_other_answer_sets(judged):
    others = set()
    for name in ("interview_answers", "plain_answers", "adversarial_answers"):
        for line in (DATA / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
            others.add(json.loads(line).get("question_id"))
    assert not set(judged) & others


def test_a_right_answer_beats_its_wrong_twin_in_the_same_words(judged):
    assert all(k["excellent"] > k["wrong"] + 5 for k in judged.values()), judged


def test_right_answers_in_plain_words_score_well_on_average(judged):
    right = [k["excellent"] for k in judged.values()]
    # 80.2 once a heaviest point stated in part stopped capping the explaining criteria
    # (levels.HEAVY_POINT_STATED_AT); 79.3 before.
    assert statistics.mean(right) >= 78
    assert min(right) >= 55


def test_wrong_twins_the_judge_reads_as_wrong_stay_low(judged):
    low = {q: k["wrong"] for q, k in judged.items() if q not in TOO_KIND}
    assert len(low) >= 7
    assert statistics.mean(low.values()) <= 25, low


@pytest.mark.xfail(strict=True, reason="; ".join(TOO_KIND.values()))
def test_every_wrong_twin_stays_near_the_floor(judged):
    assert all(k["wrong"] <= 15 for k in judged.values())


def _covered(question_id: str, answer: str) -> list[str]:
    return judged_on(question_id, answer)[0].covered_key_points


@pytest.mark.parametrize(
    ("question_id", "answer", "point"),
    [
        # A cue of the point said of the other alternative does not state the point.
        (
            "breadth.gradient_descent.batch_vs_stochastic",
            "The full-batch version looks at just one example per step, so it is noisy.",
            "stochastic",
        ),
        (
            "breadth.regularization.overview",
            "Dropout means switching off neurons at prediction time rather than while training.",
            "dropout",
        ),
    ],
)
def test_a_clause_about_the_other_alternative_does_not_cover_the_point(question_id, answer, point):
    assert point not in _covered(question_id, answer)


@pytest.mark.parametrize(
    ("question_id", "answer", "point"),
    [
        (
            "breadth.gradient_descent.batch_vs_stochastic",
            "The stochastic version looks at just one example per step, so it is noisy.",
            "stochastic",
        ),
        (
            "breadth.regularization.overview",
            "Dropout means switching off neurons at random while training, not at prediction time.",
            "dropout",
        ),
    ],
)
def test_the_same_clause_about_the_right_alternative_covers_it(question_id, answer, point):
    assert point in _covered(question_id, answer)


PRECISION_RECALL = "breadth.precision_recall.definitions"


@pytest.mark.parametrize(
    ("answer", "point"),
    [
        (
            "Precision: out of everything the model said was positive, what fraction really was.",
            "precision_formula",
        ),
        (
            "Recall: out of all the things that really were positive, what fraction the "
            "model found.",
            "recall_formula",
        ),
    ],
)
def test_precision_and_recall_in_plain_words_cover_their_points(answer, point):
    assert point in _covered(PRECISION_RECALL, answer)


@pytest.mark.parametrize(
    ("answer", "point"),
    [
        # The same words with the denominators swapped: each states the other metric.
        (
            "Precision: out of all the things that really were positive, what fraction "
            "the model said was positive.",
            "precision_formula",
        ),
        (
            "Recall: out of everything the model said was positive, what fraction really was.",
            "recall_formula",
        ),
    ],
)
def test_precision_and_recall_with_their_denominators_swapped_cover_nothing(answer, point):
    assert not _covered(PRECISION_RECALL, answer)
