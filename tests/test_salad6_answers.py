"""Salad strung as sentences of mere association - a list of the key points' terms with a
predicate that only says they go together or have a place in some whole ("A, B and C hang
together around D", "E, F and G are all part of the H story", "I and J feed into the bigger
picture of K", "L revolves around M, N and O") - against right answers that use the same
shapes to state something ("A and B come together when ...", "X is key to Y because ..."),
graded by their writer before they were scored (tests/data/README.md): `salad6_answers.jsonl`
was read while the judge was changed, `salad6_aside.jsonl` was scored once before and once
at the end."""

import statistics
from pathlib import Path

import pytest

from interviewer.judge.clauses import Status
from tests.answer_sets import percents_of, scored
from tests.readings import statuses

DATA = Path(__file__).parent / "data"
# The judge's mean for the salad of each file, at most (writers: 2). Before association
# predicates were read: 28.2 and 39.4; after: 11.9 and 22.4 (the aside's salads that still
# count use "keeps company with", two terms, or "two sides of the fix").
SALAD_MEAN = {"salad6_answers.jsonl": 14.0, "salad6_aside.jsonl": 24.0}
# The right answers (writers: 87-88) keep at least this mean (87.9 and 88.2, before and
# after: the reading changes none of their clauses).
RIGHT_MEAN = {"salad6_answers.jsonl": 86.0, "salad6_aside.jsonl": 86.0}


@pytest.fixture(scope="module", params=sorted(SALAD_MEAN))
def judged(request):
    return request.param, scored(DATA / request.param)


def test_salad_in_association_sentences_scores_low_on_average(judged):
    name, rows = judged
    salad = percents_of(rows, "salad")
    assert statistics.mean(salad) <= SALAD_MEAN[name], sorted(salad)


def test_right_answers_in_the_same_shapes_keep_their_scores(judged):
    name, rows = judged
    right = percents_of(rows, "excellent")
    assert statistics.mean(right) >= RIGHT_MEAN[name], sorted(right)


@pytest.mark.parametrize(
    "text",
    [
        # A verb that associates on its own.
        "Caching revolves around keys, eviction and memory.",
        # A light verb with a mark or a whole after it.
        "Queues, retries and timeouts hang together around the idea of back-pressure.",
        "Tokens, heads and layers feed into the bigger picture of capacity.",
        "Sharding, replicas and quorums fill out the rest of the canvas.",
        "Labels, weights and thresholds share the spotlight with calibration.",
        # A verb of place with a whole after it.
        "Drift lives in the world of seasonality, sampling and feedback.",
        # A copula whose complement opens on a mark, a whole, or "part" before one.
        "Warmup, decay and restarts are constant companions in schedule tuning.",
        "Recall, coverage and freshness are all part of the retrieval story.",
        "Momentum, Nesterov and Adam are in the same orbit.",
        "At the end of the day it is a story of queues, workers and retries.",
        # A number glued to a formula and a hyphenated breaker are parts of names.
        "O(1) lookups, O(n) scans and collisions play into the load factor story.",
        "Click-through rates, dwell time and skips sit within the engagement picture.",
    ],
)
def test_terms_that_are_only_associated_state_nothing(text):
    assert set(statuses(text)) == {Status.vacuous}, statuses(text)


@pytest.mark.parametrize(
    "text",
    [
        # A purpose, a means, a figure, a comparison.
        "Dropout, weight decay and early stopping hang together to reduce variance.",
        "Precision, recall and the threshold are woven together through the cost of errors.",
        "Heads, layers and width share the same budget of 12 GB per device.",
        "Heads, layers and width are part of a bigger picture than attention alone.",
        # A verb of its own after "and".
        "Encoders, decoders and heads hang together and share one vocabulary.",
        # A copula whose complement names something: a predicate, not an association.
        "Sharp minima, flat minima and saddle points are regions of the loss landscape.",
        # A verb of place with only "together": a place ("in GPU memory").
        "Weights, gradients and optimizer state all sit together in GPU memory.",
        # Neither verb nor complement associates; nouns that name things in ML.
        "Item embeddings, user embeddings and queries all live in the same space.",
        "Gaussian, Poisson and Bernoulli are members of the exponential family.",
        "A set keeps its elements in insertion order.",
        "ROUGE-L and ROUGE-2 measure n-gram overlap.",
        # Two terms only: "A and B are kindred spirits" may still say they behave alike.
        "Platt scaling and isotonic regression are in the same orbit.",
        # A person as the subject narrates.
        "We sat together with the data, search and ads teams in the same story review.",
    ],
)
def test_claims_in_the_same_shapes_keep_counting(text):
    assert Status.vacuous not in statuses(text), statuses(text)


@pytest.mark.parametrize(
    "text",
    [
        # A condition or a contrast is a clause of its own, and it keeps its claim.
        "Dropout, weight decay and noise hang together when the network overfits.",
        "Bagging, boosting and stacking are all part of the ensemble story, but only "
        "boosting lowers bias.",
    ],
)
def test_a_condition_or_contrast_after_an_association_keeps_its_claim(text):
    assert Status.asserted in statuses(text), statuses(text)
