"""Salad in empty relational sentences - the key points' terms as the arguments of
predicates that assert nothing ("X brings together A, B and C", "A and B interact with C",
"the relationship between A and B") - against right answers that use relational verbs for
real claims, graded by their writer before they were scored (tests/data/README.md):
`salad2_answers.jsonl` was read while the judge was changed, `salad2_aside.jsonl` was
scored once before and once at the end."""

import statistics
from pathlib import Path

import pytest

from tests.answer_sets import percents_of, scored

DATA = Path(__file__).parent / "data"
# The judge's mean for the salad of each file, at most (writers: 3-4). Before the empty
# relational predicates were read: 39.0 and 35.4.
SALAD_MEAN = {"salad2_answers.jsonl": 20.0, "salad2_aside.jsonl": 20.0}
# The right answers (writers: 82-86) keep at least this mean (78.4 and 84.8 before).
RIGHT_MEAN = {"salad2_answers.jsonl": 75.0, "salad2_aside.jsonl": 75.0}


@pytest.fixture(scope="module", params=sorted(SALAD_MEAN))
def judged(request):
    return request.param, scored(DATA / request.param)


def test_salad_in_empty_relational_sentences_scores_low_on_average(judged):
    name, rows = judged
    salad = percents_of(rows, "salad")
    assert statistics.mean(salad) <= SALAD_MEAN[name], sorted(salad)


def test_right_answers_with_relational_verbs_keep_their_scores(judged):
    name, rows = judged
    right = percents_of(rows, "control")
    assert statistics.mean(right) >= RIGHT_MEAN[name], sorted(right)


def test_each_right_answer_scores_above_every_salad_of_its_question():
    rows = scored(DATA / "salad2_answers.jsonl")
    for group in {item.group for item, _, _ in rows}:
        right = min(percents_of(rows, "control", group))
        salad = max(percents_of(rows, "salad", group))
        assert right > salad, (group, right, salad)
