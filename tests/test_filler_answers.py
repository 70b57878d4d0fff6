"""Answers that cover no key point yet read like answers (generic filler on the topic, an
answer to a neighbouring question, a note to the grader listing the key points, product
names as examples, "because" that explains nothing), graded by their writer before they
were scored and before the engine changes they test (tests/data/README.md), with vague and
right controls on the same questions. `filler_aside.jsonl` was kept aside while the judge
was changed."""

import statistics
from pathlib import Path

import pytest

from interviewer.content.loader import load_content
from interviewer.judge import levels
from tests.answer_sets import judged_on, scored

DATA = Path(__file__).parent / "data"
FILES = ("filler_answers.jsonl", "filler_aside.jsonl")
# The judge's mean for the filler answers, at most (writers: 0-7; before the change 14.6
# and 8.9, with answers to neighbouring questions at 34-40 and notes to the grader to 71).
FILLER_MEAN = 15.0
# No filler answer reaches this (level 2 on correctness is 22 or more).
FILLER_MOST = 20.0
# Vague but true answers (writers: 20-25) stay this far above the filler on average.
VAGUE_ABOVE_FILLER = 5.0
# Right answers (writers: 87-92) keep at least this mean.
RIGHT_MEAN = 70.0


def _rows(name: str) -> list[tuple[str, str, str, float, list[str]]]:
    out = []
    for item, percent, result in scored(DATA / name):
        assert item.kind is not None
        out.append((item.group, item.kind, item.variant or "", percent, result.covered_key_points))
    return out


@pytest.fixture(scope="module", params=FILES)
def rows(request) -> list[tuple[str, str, str, float, list[str]]]:
    return _rows(request.param)


def test_filler_scores_low(rows):
    filler = [p for _, k, _, p, _ in rows if k == "filler"]
    assert statistics.mean(filler) <= FILLER_MEAN, sorted(filler)
    assert max(filler) < FILLER_MOST, sorted(filler)


def test_vague_answers_stay_above_filler(rows):
    filler = statistics.mean(p for _, k, _, p, _ in rows if k == "filler")
    vague = statistics.mean(p for _, k, _, p, _ in rows if k == "vague")
    assert vague >= filler + VAGUE_ABOVE_FILLER, (vague, filler)


def test_right_answers_keep_their_scores(rows):
    right = [p for _, k, _, p, _ in rows if k == "excellent"]
    assert statistics.mean(right) >= RIGHT_MEAN, sorted(right)


def test_every_right_answer_beats_the_filler_to_its_question(rows):
    for group in {g for g, *_ in rows}:
        right = min(p for g, k, _, p, _ in rows if g == group and k == "excellent")
        filler = max(p for g, k, _, p, _ in rows if g == group and k == "filler")
        assert right > filler + 20, group


def test_a_note_to_the_grader_covers_nothing(rows):
    notes = [c for _, k, v, _, c in rows if k == "filler" and v == "instruction"]
    assert notes and all(c == [] for c in notes), notes


NEIGHBOUR = (
    "python.mutability.mutable_default",
    "Lists are mutable and tuples are immutable. You can append to a list or change an "
    "element in place, while a tuple can't be changed after it's created, which also makes "
    "a tuple hashable, so it can be a dictionary key or go into a set. Tuples are slightly "
    "smaller in memory and signal to the reader that the collection is a fixed record.",
)


def test_an_answer_that_states_nothing_is_held_at_level_1(monkeypatch):
    result, percent = judged_on(*NEIGHBOUR)
    assert result.covered_key_points == []
    assert {c.level for c in result.criteria} == {1}
    assert percent is not None and percent < FILLER_MOST
    assert all("no key point stated" in c.rationale for c in result.criteria)
    assert "states none of the question's key points" in result.feedback
    # The ceiling is what holds it: without it the same answer reads as level 2.
    monkeypatch.setattr(levels, "NOTHING_STATED_BELOW", 0.0)
    _, unheld = judged_on(*NEIGHBOUR)
    assert unheld is not None and unheld > percent + 10


def test_coverage_beyond_the_question_leaves_the_question_words_out():
    from interviewer.judge.matching import (
        AnswerTerms,
        coverage_beyond_question,
        match_key_points,
        question_terms,
    )

    question = load_content().questions[NEIGHBOUR[0]]
    asked = question_terms(question.prompt)
    said_back = AnswerTerms.of(question.prompt)
    plain = match_key_points(said_back, question.key_points, question.prompt)
    total = sum(kp.weight for kp in question.key_points)
    coverage = (
        sum(kp.weight * m.coverage for kp, m in zip(question.key_points, plain, strict=True))
        / total
    )
    assert coverage_beyond_question(question.key_points, said_back, asked) < coverage
    stated = AnswerTerms.of(" ".join(kp.text for kp in question.key_points))
    assert coverage_beyond_question(question.key_points, stated, asked) > 0.5
