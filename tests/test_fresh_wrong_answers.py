"""Fluent wrong answers to questions no other answer set uses, graded by their writer
before they were scored and before the engine changes they test (tests/data/README.md):
`fresh_wrong_answers.jsonl` was read while the judge was changed, `fresh_wrong_aside.jsonl`
was kept aside and scored at the end. No misconception or cue was written from either."""

import io
import statistics
from pathlib import Path

import pytest

from interviewer.commands.calibrate import Requests, read_dataset
from interviewer.judge.offline import OfflineJudge

DATA = Path(__file__).parent / "data"
# The judge's mean score for the wrong answers of each file, at most (writers: 3-8).
WRONG_MEAN = {"fresh_wrong_answers.jsonl": 25.0}
# Right answers (writers: 84-92) keep at least this mean.
RIGHT_MEAN = 70.0


def _judged(name: str) -> list[tuple[str, str, float]]:
    items, broken = read_dataset(DATA / name, io.StringIO())
    assert broken == 0
    build, judge = Requests(), OfflineJudge()
    out = []
    for item in items:
        request = build(item)
        result = judge.score_now(request)
        percent = result.percent(request.rubric)
        assert percent is not None, result.reason
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
    _, rows = judged
    right = [p for _, k, p in rows if k == "excellent"]
    assert statistics.mean(right) >= RIGHT_MEAN, sorted(right)


def test_every_right_answer_in_the_key_points_words_beats_the_wrong_ones(judged):
    _, rows = judged
    for group in {g for g, _, _ in rows}:
        right = max(p for g, k, p in rows if g == group and k == "excellent")
        wrong = max(p for g, k, p in rows if g == group and k == "wrong")
        assert right > wrong + 10, group
