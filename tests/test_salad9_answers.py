"""Salad strung as sentences whose predicate is a pseudo-cleft that only places its terms ("A,
B and C are what the hierarchy of edges and objects is all about", "are where the story of
X and Y ends up", "are what the choice of k comes down to"), whose list the clause reader
cuts at its last "and" inside the predicate's link, or whose terms carry an adjective
shaped like a verb ("fully connected layers", "the whole business of oscillations") -
against right answers that use the same shapes for real claims ("weight sharing is what
makes the convolution translation equivariant", "the data are what the backbone is trained
on", "randomly initialised centroids can land in a poor local optimum"), graded by their
writer before they were scored (tests/data/README.md): `salad9_answers.jsonl` was read while
the judge was changed, `salad9_aside.jsonl` was scored once before and once at the end. The
salad of the former held-out sets in these shapes is held too."""

import statistics
from pathlib import Path

import pytest

from interviewer.judge.clauses import Status, read
from interviewer.judge.text import sentences
from tests.answer_sets import percents_of_variant, scored

DATA = Path(__file__).parent / "data"
# The judge's mean for the salad of each file, at most (writers: 2). Before the cleft was
# read: 48.5 and 44.8; after: 9.2 and 15.9 (what still counts: "the 2.5th percentile", a
# figure; "comes down to in the clustering story", a phrase after the stranded particle;
# "the whole business of mini-batch statistics", "the non-linear story of inner products",
# a term of five words, a hyphenated name counting two; in the aside "1 - p", "(20,)" and
# "(n, n)", figures).
SALAD_MEAN = {"salad9_answers.jsonl": 11.0, "salad9_aside.jsonl": 18.0}
# The right answers of the same shapes (writers: 87-88) keep at least this mean (84.7 and
# 94.5 before and after: the reading changes none of their clauses).
RIGHT_MEAN = {"salad9_answers.jsonl": 84.0, "salad9_aside.jsonl": 93.0}
# Salad strung as sentences in the former held-out sets (writers: 2.0): holdout16 12.5 ->
# 6.2 before and after this reading (its answer "translation equivariance and weight
# sharing are what the hierarchy of edges and objects is all about" 37.7 -> 0.0).
FORMER_SALAD_MEAN = {"holdout16_answers.jsonl": 8.0}


@pytest.fixture(scope="module", params=sorted(SALAD_MEAN))
def judged(request):
    return request.param, scored(DATA / request.param)


def _of(rows, kind: str) -> list[float]:
    return [p for item, p, _ in rows if item.kind == kind]


def test_salad_in_clefts_and_cut_lists_scores_low_on_average(judged):
    name, rows = judged
    salad = _of(rows, "salad")
    assert statistics.mean(salad) <= SALAD_MEAN[name], sorted(salad)


def test_right_answers_in_the_same_shapes_keep_their_scores(judged):
    name, rows = judged
    right = _of(rows, "excellent")
    assert statistics.mean(right) >= RIGHT_MEAN[name], sorted(right)


@pytest.mark.parametrize("name", sorted(FORMER_SALAD_MEAN))
def test_former_heldout_salad_in_sentences_stays_low(name, tmp_path):
    salad = percents_of_variant([DATA / name], "salad", "sentences", tmp_path)
    assert statistics.mean(salad) <= FORMER_SALAD_MEAN[name], sorted(salad)


def statuses(text: str) -> list[Status]:
    return [c.status for c in read(sentences(text)).clauses]


@pytest.mark.parametrize(
    "text",
    [
        # A pseudo-cleft whose free relative only places its subject, however long.
        "Momentum, the velocity and the moving average are what the whole business of "
        "oscillations in narrow valleys is all about.",
        "Eps, minPts and the radius are where the neighbourhood question of reachability ends up.",
        "The centroids, the nearest points and the squared distances are what k-means in the "
        "end comes down to.",
        # ... cut by the clause reader at the "and" inside the relative's subject.
        "Translation equivariance and weight sharing are what the hierarchy of edges and "
        "objects is all about.",
        "The RBF kernel, polynomial kernels and the kernel trick are where the story of inner "
        "products and Platt scaling ends up.",
        # A list cut before its predicate, a term with an adverb-led participle.
        "Max pooling, average pooling and fully connected layers each have their place in "
        "the architecture.",
        # ... "each" floating before the link; a noun in -s before "per".
        "The running mean, the running variance and the eval switch each have a place in "
        "inference.",
        "Maximum depth, minimum samples per leaf and cost-complexity pruning each have their "
        "place in the overfitting story.",
    ],
)
def test_terms_placed_by_a_cleft_state_nothing(text):
    assert set(statuses(text)) == {Status.vacuous}, statuses(text)


@pytest.mark.parametrize(
    "text",
    [
        # A free relative that does something, or whose verb is not idle.
        "Weight sharing is what makes the convolution translation equivariant.",
        "The mean and the variance of the mini-batch are what batch norm uses to standardise "
        "each channel.",
        "Labelled images, augmentations and the ImageNet weights are what the backbone is "
        "trained on.",
        "Inertia, the elbow and the silhouette are what the choice of k depends on.",
        "Keys, values and the cache are what the memory grows with.",
        "The variance of the average is what falls as the trees decorrelate.",
        # A person as the relative's subject.
        "Precision, recall and latency are what we care about.",
        # Two clauses that each hold their own link are not read together.
        "The first term is about bias and the second term is about variance.",
        # An adverb-led participle in a claim; each term doing something.
        "Randomly initialised centroids can land in a poor local optimum.",
        "Bagging, boosting and stacking each reduce the error of a single model.",
        "Pruning, depth limits and minimum samples per leaf each stop the tree from memorising "
        "the data.",
        # A verb's -s form between words stays a verb.
        "Bagging reduces variance and boosting reduces bias.",
    ],
)
def test_claims_in_the_same_shapes_keep_counting(text):
    assert Status.vacuous not in statuses(text), statuses(text)
