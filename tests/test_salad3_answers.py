"""Salad in sentences that sound like claims - the key points' terms put into sentences
whose verb says nothing of them ("X plays a key role in A, B and C", "at the heart of X
are A, B and C", "Y underpins D, E and F", a term per sentence: "Inertia is another
thing.") - against right answers that use the same verbs for real claims, graded by their
writer before they were scored (tests/data/README.md): `salad3_answers.jsonl` was read
while the judge was changed, `salad3_aside.jsonl` was scored once before and once at the
end."""

import statistics
from pathlib import Path

import pytest

from tests.answer_sets import percents_of, scored

DATA = Path(__file__).parent / "data"
# The judge's mean for the salad of each file, at most (writers: 3-5). Before the topic
# predicates were read: SALAD_BEFORE.
SALAD_BEFORE = {"salad3_answers.jsonl": 31.8, "salad3_aside.jsonl": 24.6}
SALAD_MEAN = {"salad3_answers.jsonl": 26.0, "salad3_aside.jsonl": 18.0}
# The right answers (writers: 84-87) keep at least this mean (87.8 and 87.9 before).
RIGHT_MEAN = {"salad3_answers.jsonl": 80.0, "salad3_aside.jsonl": 80.0}


@pytest.fixture(scope="module", params=sorted(SALAD_MEAN))
def judged(request):
    return request.param, scored(DATA / request.param)


def test_salad_in_sentences_that_sound_like_claims_scores_low_on_average(judged):
    name, rows = judged
    salad = percents_of(rows, "salad")
    assert statistics.mean(salad) <= SALAD_MEAN[name], sorted(salad)


def test_right_answers_with_the_same_verbs_keep_their_scores(judged):
    name, rows = judged
    right = percents_of(rows, "control")
    assert statistics.mean(right) >= RIGHT_MEAN[name], sorted(right)


def test_each_right_answer_scores_above_every_salad_of_its_question():
    rows = scored(DATA / "salad3_answers.jsonl")
    for group in {item.group for item, _, _ in rows}:
        right = min(percents_of(rows, "control", group))
        salad = max(percents_of(rows, "salad", group))
        assert right > salad, (group, right, salad)
