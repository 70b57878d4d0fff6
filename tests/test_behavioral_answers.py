"""Behavioral stories on seven questions no other set uses, each graded 0-100 by its writer
before it was scored (tests/data/behavioral_answers.jsonl, see tests/data/README.md): per
question a complete story in interview style, the same quality in plain words or all in
lower case, a good one missing a heavy key point, a vague one and a fluent one whose
behaviour is the red flag. The bars were measured when the judge learnt to read a story's
lesson, reach and key points in its own words; they hold what it does now."""

import statistics
from pathlib import Path

import pytest

from tests.answer_sets import scored

DATASET = Path(__file__).parent / "data" / "behavioral_answers.jsonl"


@pytest.fixture(scope="module")
def judged() -> dict[str, dict[str, list[float]]]:
    out: dict[str, dict[str, list[float]]] = {}
    for item, percent, _ in scored(DATASET):
        assert item.question_id is not None and item.kind is not None
        out.setdefault(item.question_id, {}).setdefault(item.kind, []).append(percent)
    return out


def _all(judged, kind: str) -> list[float]:
    return [p for kinds in judged.values() for p in kinds.get(kind, [])]


def test_the_set_has_every_kind_on_seven_questions(judged):
    assert len(judged) >= 7
    assert all({"excellent", "good", "vague", "wrong"} <= kinds.keys() for kinds in judged.values())
    assert all(len(kinds["excellent"]) == 2 for kinds in judged.values())


def test_complete_stories_score_as_they_were_graded_in_any_words_or_case(judged):
    # Graded 86-91; 72.8 before the judge read lessons, reach and story words (b254b55).
    excellent = _all(judged, "excellent")
    assert statistics.mean(excellent) >= 82
    assert min(excellent) >= 70, excellent


def test_kinds_are_ordered(judged):
    means = {k: statistics.mean(_all(judged, k)) for k in ("excellent", "good", "vague", "wrong")}
    assert means["excellent"] > means["good"] > means["vague"] > means["wrong"], means


def test_a_story_whose_behaviour_is_the_red_flag_stays_at_the_floor(judged):
    # Blame, a known bug hidden, credit taken, rank pulled, the experts overridden: graded 4-6.
    wrong = _all(judged, "wrong")
    assert statistics.mean(wrong) <= 10
    assert max(wrong) <= 15, wrong


def test_vague_stories_stay_well_below_complete_ones(judged):
    assert statistics.mean(_all(judged, "vague")) <= 35
    for question, kinds in judged.items():
        assert min(kinds["excellent"]) > max(kinds["vague"]) + 20, question


def test_each_complete_story_beats_the_wrong_one_on_its_question(judged):
    for question, kinds in judged.items():
        assert min(kinds["excellent"]) > max(kinds["wrong"]) + 50, question
