"""Grammatical salad - sentences that name the key points' terms and link them by no
relation - against right answers that use the same links beside real claims, on questions
no other set uses, graded by their writer before they were scored (tests/data/README.md):
`vacuous_answers.jsonl` was read while the judge was changed, `vacuous_aside.jsonl` was
kept aside and scored at the end."""

import statistics
from pathlib import Path

import pytest

from interviewer.judge.clauses import Status
from interviewer.judge.offline import DISOWNED
from tests.answer_sets import percents_of, scored

DATA = Path(__file__).parent / "data"
# The judge's mean for the salad of each file, at most (writers: 3-6). Before the empty
# links were read: 52.6 and 54.2.
SALAD_MEAN = {"vacuous_answers.jsonl": 20.0, "vacuous_aside.jsonl": 35.0}
# The right answers (writers: 85-90) keep at least this mean (86.1 and 82.6 before).
RIGHT_MEAN = {"vacuous_answers.jsonl": 75.0, "vacuous_aside.jsonl": 75.0}


@pytest.fixture(scope="module", params=sorted(SALAD_MEAN))
def judged(request):
    return request.param, scored(DATA / request.param)


def test_each_question_has_salad_a_right_answer_and_a_vague_one(judged):
    _, rows = judged
    for group in {item.group for item, _, _ in rows}:
        kinds = {item.kind for item, _, _ in rows if item.group == group}
        assert {"salad", "excellent", "vague"} <= kinds, group


def test_salad_scores_low_on_average(judged):
    name, rows = judged
    salad = percents_of(rows, "salad")
    assert statistics.mean(salad) <= SALAD_MEAN[name], sorted(salad)


def test_right_answers_that_use_the_same_links_keep_their_scores(judged):
    name, rows = judged
    right = percents_of(rows, "excellent")
    assert statistics.mean(right) >= RIGHT_MEAN[name], sorted(right)


def test_each_right_answer_scores_above_the_salad_of_its_question():
    rows = scored(DATA / "vacuous_answers.jsonl")
    for group in {item.group for item, _, _ in rows}:
        right = min(percents_of(rows, "excellent", group))
        salad = max(percents_of(rows, "salad", group))
        assert right > salad + 20, (group, right, salad)


def test_right_answers_score_above_vague_ones_and_salad_on_average(judged):
    _, rows = judged
    right = statistics.mean(percents_of(rows, "excellent"))
    assert right > statistics.mean(percents_of(rows, "vague")) + 40
    assert right > statistics.mean(percents_of(rows, "salad")) + 40


def test_salad_covers_few_key_points_and_all_salad_is_named_as_such():
    rows = scored(DATA / "vacuous_answers.jsonl")
    salad = [(item, result) for item, _, result in rows if item.kind == "salad"]
    covered = [len(result.covered_key_points) for _, result in salad]
    assert statistics.mean(covered) <= 1.0, covered
    floored = [
        result
        for _, result in salad
        if result.criteria and result.criteria[0].rationale == DISOWNED[Status.vacuous]
    ]
    assert len(floored) >= len(salad) // 3
