"""Salad strung as sentences that grade terms or only place them - an evaluative complement
("A, B and C are all relevant dimensions of X", "Z is a big theme", "Y is an important part
of that relationship"), a focus under a condition ("when you think about A and B, C comes
into focus"), a purpose that only shapes a whole ("come together with D to shape the
optimisation landscape"), a list the reader cut before its link ("A, B, C, D, E | and F all
come together") - against right answers in the same vocabulary, graded by their writer
before they were scored (tests/data/README.md): `salad10_answers.jsonl` was read while the
judge was changed, `salad10_aside.jsonl` was scored before and at the end. The salad in
sentences of the former held-out sets is held too."""

import statistics
from pathlib import Path

import pytest

from interviewer.judge.clauses import Status, read
from interviewer.judge.text import sentences
from tests.answer_sets import percents_of, percents_of_variant, scored

DATA = Path(__file__).parent / "data"
# The judge's mean for the salad of each file, at most (writers: 2-3). Before these
# readings: 40.8 and 26.0; after: 14.6 and 10.8 (what still counts: "connects to
# the expected value through rescaling", a means; "is another idea that lives alongside
# it"; "brings both power and complexity").
SALAD_MEAN = {"salad10_answers.jsonl": 16.0, "salad10_aside.jsonl": 12.0}
# The right answers in the same vocabulary (writers: 86-88) keep at least this mean (79.0
# and 91.6 before and after: the readings change none of their clauses).
RIGHT_MEAN = {"salad10_answers.jsonl": 78.5, "salad10_aside.jsonl": 91.0}
# The former held-out sets this lane was measured on (holdout20, committed after it, holds its
# own salad in tests/test_former_heldout_answers.py).
HOLDOUTS = [DATA / f"holdout{n}_answers.jsonl" for n in (9, 10, 12, 13, 14, 15, 16, 18, 19)]
# Salad in sentences across the former held-out sets (57 answers, writers 2-5): mean 6.2
# -> 3.8 (holdout12's multilingual intents 37.2 ->
# 0.0, holdout13's RLHF against DPO 31.6 -> 0.0, holdout19's MRO 33.9 -> 14.1).
FORMER_SALAD_MEAN = 4.0


@pytest.fixture(scope="module", params=sorted(SALAD_MEAN))
def judged(request):
    return request.param, scored(DATA / request.param)


def test_salad_that_grades_or_places_terms_scores_low_on_average(judged):
    name, rows = judged
    salad = percents_of(rows, "salad")
    assert statistics.mean(salad) <= SALAD_MEAN[name], sorted(salad)


def test_right_answers_in_the_same_vocabulary_keep_their_scores(judged):
    name, rows = judged
    right = percents_of(rows, "excellent")
    assert statistics.mean(right) >= RIGHT_MEAN[name], sorted(right)


def test_former_heldout_salad_in_sentences_stays_low(tmp_path):
    salad = percents_of_variant(HOLDOUTS, "salad", "sentences", tmp_path)
    assert statistics.mean(salad) <= FORMER_SALAD_MEAN, sorted(salad)


def statuses(text: str) -> list[Status]:
    return [c.status for c in read(sentences(text)).clauses]


@pytest.mark.parametrize(
    "text",
    [
        # An evaluative complement over a list, ending or naming what the terms belong to.
        "Per-language evaluation, temperature sampling and low-resource languages are all "
        "relevant dimensions.",
        "The true positive rate, the false positive rate and the threshold are all key "
        "considerations for the ROC curve.",
        # ... over one term when nothing follows the noun, or only a pointer back.
        "Convergence is a big theme.",
        "The method resolution order is an important part of that relationship.",
        # A focus named under a condition.
        "When you think about precision and recall, the whole token classification paradigm "
        "comes into focus.",
        # A purpose that only shapes a whole.
        "The reward model, the reference policy and beta come together with log-ratios to "
        "shape the optimisation landscape.",
        # A list cut before its link.
        "Objectives, loss functions, gradients, likelihoods, priors, regularisation, "
        "expectations and convexity all come together.",
    ],
)
def test_terms_graded_or_placed_state_nothing(text):
    assert set(statuses(text)) == {Status.vacuous}, statuses(text)


@pytest.mark.parametrize(
    "text",
    [
        # A complement with a word of its own, or a reason.
        "Recall is the key metric here.",
        "Leakage is a big risk.",
        "Precision, recall and F1 are all important metrics for imbalanced data.",
        "Dropout is an important part of training because it prevents co-adaptation.",
        # A purpose that acts on a thing.
        "Bagging and boosting come together with stacking to reduce the variance.",
        "Dropout and weight decay work together to reduce the variance.",
        # A list that its own clause makes a claim of.
        "Centroids, assignments, inertia, restarts and the elbow all change when the "
        "features are scaled.",
    ],
)
def test_claims_in_the_same_shapes_keep_counting(text):
    assert Status.vacuous not in statuses(text), statuses(text)
