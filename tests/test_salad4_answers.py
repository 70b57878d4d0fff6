"""Salad in empty sentences - the key points' terms in sentences whose predicates say only
that the terms belong, co-occur, relate or have roles or considerations ("A and B are all
part of the X landscape", "X involves A, B and C as part of the Y process", "there are
considerations of A, B and C", "D and E each play their role in relation to F") - and
denied designs and stories, against right answers that use the same frames before real
claims, graded by their writer before they were scored (tests/data/README.md):
`salad4_answers.jsonl` was read while the judge was changed, `salad4_aside.jsonl` was scored
once before and once at the end."""

import statistics
from pathlib import Path

import pytest

from interviewer.judge.clauses import Status
from tests.answer_sets import percents_of, scored
from tests.readings import statuses

DATA = Path(__file__).parent / "data"
# The judge's mean for the salad of each file, at most (writers: 3). Before these
# predicates were read: 41.8 and 37.8.
SALAD_MEAN = {"salad4_answers.jsonl": 10.0, "salad4_aside.jsonl": 15.0}
# The right answers (writers: 84-88) keep at least this mean (82.0 and 86.4 before).
RIGHT_MEAN = {"salad4_answers.jsonl": 78.0, "salad4_aside.jsonl": 80.0}


@pytest.fixture(scope="module", params=sorted(SALAD_MEAN))
def judged(request):
    return request.param, scored(DATA / request.param)


def test_salad_in_empty_sentences_scores_low_on_average(judged):
    name, rows = judged
    salad = percents_of(rows, "salad")
    assert statistics.mean(salad) <= SALAD_MEAN[name], sorted(salad)


def test_right_answers_with_the_same_frames_keep_their_scores(judged):
    name, rows = judged
    right = percents_of(rows, "excellent")
    assert statistics.mean(right) >= RIGHT_MEAN[name], sorted(right)


def test_each_right_answer_scores_above_every_salad_of_its_question():
    rows = scored(DATA / "salad4_answers.jsonl")
    for group in {item.group for item, _, _ in rows}:
        salads = percents_of(rows, "salad", group)
        if not salads:
            continue
        right = min(percents_of(rows, "excellent", group))
        assert right > max(salads) + 40, (group, right, salads)


@pytest.mark.parametrize(
    "text",
    [
        # "involve" links only beside another link.
        "Bagging involves bootstrap samples, deep trees and voting as part of the story.",
        "The test involves sample ratio, p-values and novelty all coming together in review.",
        "Overfitting, outliers and parallel training form part of the overall picture.",
        "Boosting, residuals and shallow stumps sit within the broader question of bias.",
        "Averaging, voting and reweighting each play their role in relation to the model.",
        "There are considerations of tree depth, stumps, parallelism and noisy labels.",
        "Feature scaling, cluster shapes and inertia are aspects that relate to the clustering.",
        "The folds and the test set were all present in how the gain related to noise.",
        "Shrinkage and subsampling have their place within the update.",
        # The last word of a hyphenated name is no verb of its own.
        "Centroids, assignments and inertia are all part of the k-means landscape.",
    ],
)
def test_terms_that_only_belong_or_relate_state_nothing(text):
    assert set(statuses(text)) == {Status.vacuous}, statuses(text)


@pytest.mark.parametrize(
    "text",
    [
        # What two methods share: "involve" alone is no link.
        "Both iteration and recursion involve repetition and a termination test.",
        "Training involves computing gradients as part of backpropagation.",
        # A role said with its mechanism.
        "Each tree plays its role by correcting the errors of the trees before it.",
        # A frame before a real claim.
        "When it comes to variance, averaging many decorrelated trees reduces it.",
        "Part of the cost is that boosting cannot be parallelised across models.",
        "As part of the pipeline we refit the scaler on each training fold only.",
        # A hyphenated verb phrase still acts when it has its own subject.
        "The cross-encoder re-ranks the top hundred passages.",
    ],
)
def test_claims_with_the_same_frames_keep_counting(text):
    assert Status.vacuous not in statuses(text), statuses(text)


def test_stories_told_only_in_denials_score_low():
    rows = scored(DATA / "salad4_answers.jsonl")
    stories = [p for item, p, _ in rows if item.kind == "negated" and "behavioral." in item.group]
    # Before denials in stories were read: 54.5 and 45.7.
    assert stories and max(stories) <= 10.0, stories
