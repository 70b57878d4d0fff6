"""Fluent wrong answers to questions no other answer set uses, graded by their writer
before they were scored and before the engine changes they test (tests/data/README.md):
`fresh_wrong_answers.jsonl` was read while the judge was changed, `fresh_wrong_aside.jsonl`
was kept aside and scored at the end. No misconception or cue was written from either."""

import statistics
from pathlib import Path

import pytest

from tests.answer_sets import scored

DATA = Path(__file__).parent / "data"
# The judge's mean score for the wrong answers of each file, at most (writers: 3-8).
# (The aside file was scored once, at the end: wrong 31.5 before the change, 26.9 after.)
WRONG_MEAN = {"fresh_wrong_answers.jsonl": 25.0, "fresh_wrong_aside.jsonl": 30.0}
# Right answers (writers: 84-92) keep at least this mean (75.5 and 65.3 when written).
RIGHT_MEAN = {"fresh_wrong_answers.jsonl": 70.0, "fresh_wrong_aside.jsonl": 60.0}
# Questions of the aside file whose wrong answer the judge still scores above its right
# one, with why.
STILL_ABOVE = {
    "deep_dive.maths.training_dynamics": "a fix named as the cause ('the cause was gradient "
    "clipping') is not read as wrong, and the right story is in words far from the points",
    "behavioral.explaining.single_prediction": "a story that refuses to explain is told with "
    "the situation and result the rubric looks for",
}


def _judged(name: str) -> list[tuple[str, str, float]]:
    out = []
    for item, percent, _ in scored(DATA / name):
        assert item.kind is not None
        out.append((item.group, item.kind, percent))
    return out


@pytest.fixture(scope="module", params=sorted(WRONG_MEAN))
def judged(request) -> tuple[str, list[tuple[str, str, float]]]:
    return request.param, _judged(request.param)


def test_each_question_has_wrong_answers_and_a_right_one(judged):
    _, rows = judged
    for group in {g for g, _, _ in rows}:
        kinds = {k for g, k, _ in rows if g == group}
        assert {"wrong", "excellent"} <= kinds, group


def test_fluent_wrong_answers_score_low_on_average(judged):
    name, rows = judged
    wrong = [p for _, k, p in rows if k == "wrong"]
    assert statistics.mean(wrong) <= WRONG_MEAN[name], sorted(wrong)


def test_right_answers_keep_their_scores(judged):
    name, rows = judged
    right = [p for _, k, p in rows if k == "excellent"]
    assert statistics.mean(right) >= RIGHT_MEAN[name], sorted(right)


def _margins(rows: list[tuple[str, str, float]]) -> dict[str, float]:
    """Per question, how far its best right answer is above its best wrong one."""
    return {
        group: max(p for g, k, p in rows if g == group and k == "excellent")
        - max(p for g, k, p in rows if g == group and k == "wrong")
        for group in {g for g, _, _ in rows}
    }


def test_every_right_answer_beats_the_wrong_ones(judged):
    _, rows = judged
    margins = {g: m for g, m in _margins(rows).items() if g not in STILL_ABOVE}
    assert all(m > 10 for m in margins.values()), margins


@pytest.mark.xfail(strict=True, reason="; ".join(STILL_ABOVE.values()))
def test_the_wrong_answers_still_read_as_right_fall_below_their_right_ones():
    margins = _margins(_judged("fresh_wrong_aside.jsonl"))
    assert all(margins[g] > 10 for g in STILL_ABOVE), margins
