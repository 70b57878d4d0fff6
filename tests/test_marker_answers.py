"""Answers that carry the markers the judge's depth, examples and story criteria read
("because", "so", "which means", "for example", "the trade-off", figures with units, a
well-told story) without the substance, and right answers on the same questions, each
graded 0-100 by its writer before it was scored (tests/data/marker_answers.jsonl, see
tests/data/README.md). Crediting how an answer explains or illustrates must not lift
these: the bars below hold them where they were before that credit was widened."""

import io
import statistics
from pathlib import Path

import pytest

from interviewer.commands.calibrate import Requests, read_dataset
from interviewer.judge.offline import OfflineJudge
from tests.answer_sets import result_and_percent

DATASET = Path(__file__).parent / "data" / "marker_answers.jsonl"


@pytest.fixture(scope="module")
def judged() -> dict[str, tuple[str, str, float]]:
    items, broken = read_dataset(DATASET, io.StringIO())
    assert broken == 0
    build, judge = Requests(), OfflineJudge()
    out: dict[str, tuple[str, str, float]] = {}
    for item in items:
        _, percent = result_and_percent(build(item), judge)
        assert item.question_id is not None and item.kind is not None
        out[item.id] = (item.question_id, item.kind, percent)
    return out


def _of(judged, kind: str) -> dict[str, float]:
    return {i: p for i, (_, k, p) in judged.items() if k == kind}


def test_wrong_answers_full_of_markers_stay_at_the_floor(judged):
    wrong = _of(judged, "wrong")
    assert len(wrong) >= 4
    assert all(p <= 10 for p in wrong.values()), wrong


def test_a_salad_of_markers_stays_at_the_floor(judged):
    assert all(p <= 5 for p in _of(judged, "salad").values())


def test_a_well_told_story_about_another_competency_stays_at_the_floor(judged):
    stories = {i: p for i, p in _of(judged, "offtopic").items() if ".behavioral." in i}
    assert len(stories) >= 2
    assert all(p <= 10 for p in stories.values()), stories


def test_a_deep_dive_about_another_part_of_the_project_stays_low(judged):
    # Serving and latency told well, to a question about the offline evaluation protocol:
    # 29 before the story floor read the quality figure (levels.STORY_FLOOR_BY_QUALITY).
    other = {i: p for i, p in _of(judged, "offtopic").items() if ".deep_dive." in i}
    assert other and all(p <= 15 for p in other.values()), other


def test_vague_answers_with_markers_stay_low(judged):
    vague = _of(judged, "vague")
    assert len(vague) >= 3
    assert all(p <= 42 for p in vague.values()), vague
    assert statistics.mean(vague.values()) <= 30


def test_right_answers_beat_every_marker_answer_to_the_same_question(judged):
    controls = {q: p for q, k, p in judged.values() if k == "excellent"}
    assert len(controls) >= 4
    for question, kind, percent in judged.values():
        if kind != "excellent" and question in controls:
            assert controls[question] >= percent + 30, (question, kind, percent)
