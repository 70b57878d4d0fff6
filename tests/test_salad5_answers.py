"""Salad strung as relational sentences - a list of the key points' terms as the subject of
a predicate that only gathers them ("A, B and C are woven into one another", "D and E
belong to one family", "F, G and H share common ground with I", "J lives at the crossroads
of K, L and M") - against right answers that use the same verbs to state something ("A
and B are related because ...", "dropout and weight decay both reduce variance", "the
teams came together and agreed on X"), graded by their writer before they were scored
(tests/data/README.md): `salad5_answers.jsonl` was read while the judge was changed,
`salad5_aside.jsonl` was scored once before and once at the end."""

import statistics
from pathlib import Path

import pytest

from interviewer.judge.clauses import Status, read
from interviewer.judge.text import sentences
from tests.answer_sets import scored

DATA = Path(__file__).parent / "data"
# The judge's mean for the salad of each file, at most (writers: 2-3). Before gathering
# predicates were read: 41.8 and 34.8; after, 7.7 and 6.4.
SALAD_MEAN = {"salad5_answers.jsonl": 14.0, "salad5_aside.jsonl": 10.0}
# The right answers (writers: 80-86) keep at least this mean (84.9 and 79.1 before; 84.6
# and 79.1 after).
RIGHT_MEAN = {"salad5_answers.jsonl": 82.0, "salad5_aside.jsonl": 76.0}


@pytest.fixture(scope="module", params=sorted(SALAD_MEAN))
def judged(request):
    return request.param, scored(DATA / request.param)


def _of(rows, kind: str) -> list[float]:
    return [p for item, p, _ in rows if item.kind == kind]


def test_salad_in_gathering_sentences_scores_low_on_average(judged):
    name, rows = judged
    salad = _of(rows, "salad")
    assert statistics.mean(salad) <= SALAD_MEAN[name], sorted(salad)


def test_right_answers_with_the_same_verbs_keep_their_scores(judged):
    name, rows = judged
    right = _of(rows, "excellent")
    assert statistics.mean(right) >= RIGHT_MEAN[name], sorted(right)


def test_each_right_answer_scores_above_every_salad_of_its_question():
    rows = scored(DATA / "salad5_answers.jsonl")
    for group in {item.group for item, _, _ in rows}:
        salads = [p for item, p, _ in rows if item.group == group and item.kind == "salad"]
        right = [p for item, p, _ in rows if item.group == group and item.kind == "excellent"]
        # 10, not more: the deep-dive right answer scores 48.8 with or without this reading
        # (its maths is read poorly), against salads at 36.4 and 22.8.
        assert min(right) > max(salads) + 10, (group, right, salads)


def statuses(text: str) -> list[Status]:
    return [c.status for c in read(sentences(text)).clauses]


@pytest.mark.parametrize(
    "text",
    [
        # A gathering word opens the predicate, past a copula, adverbs and modifiers.
        "Queues, retries and timeouts are tightly interwoven in the service.",
        "Tokens, embeddings and heads are close neighbours within the encoder.",
        "Recall, thresholds and costs belong under one roof.",
        "The scheduler, the optimiser and the loss scale are all companions here.",
        # A light verb gathers with such a word after it.
        "Caching, sharding and replication share common ground with latency.",
        "Labels, features and splits travel together.",
        # One term as the subject, a list in the predicate.
        "Drift lives at the crossroads of seasonality, sampling and feedback.",
        # A hyphen makes a breaker part of a name; a number glued to a sign is a formula.
        "Click-through rates, dwell time and skips sit in the same corner.",
        "O(n log n), merge sort and heaps are members of one family.",
    ],
)
def test_terms_that_are_only_gathered_state_nothing(text):
    assert set(statuses(text)) == {Status.vacuous}, statuses(text)


@pytest.mark.parametrize(
    "text",
    [
        # No gathering word opens the predicate: an act or a property.
        "Dropout and weight decay both reduce variance.",
        "Fancy indexing, boolean masks and take all return a copy.",
        "The training, validation and test sets come from the same distribution.",
        # A means, a reason, a figure.
        "Batches of 32, caching and prefetching belong to the same 2 GB budget.",
        # One subject gathered and going on to act.
        "The finance and product leads came together and agreed on the rollout plan.",
        "The team leads met and decided together to adopt the library.",
        "We met with the data, search and ads teams.",
        "Dropout, weight decay and early stopping come together to reduce variance.",
        # A light verb whose object is a term, not a whole.
        "Queries, keys and values share the same projection weights.",
    ],
)
def test_claims_with_the_same_verbs_keep_counting(text):
    assert Status.vacuous not in statuses(text), statuses(text)
