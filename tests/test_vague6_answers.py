"""Vague answers on the question (graded 10-14) that the off-topic floor read at 0, beside
what must stay at the floor on the same questions: salad, short off-topic and neighbour
answers, "I don't know", denied, wrong and blaming answers, graded by their writer before
they were scored (vague.py; tests/data/README.md, vague6)."""

import statistics
from pathlib import Path

from interviewer.judge import vague
from tests.answer_sets import scored

DATA = Path(__file__).parent / "data"
CONTROLS = ("salad", "offtopic", "idk", "negated", "wrong")


def _rows():
    return [
        (item.kind, item.id, percent) for item, percent, _ in scored(DATA / "vague6_answers.jsonl")
    ]


def test_no_vague_answer_reads_zero():
    # Before the reading five of the sixteen read 0 (off topic); mean 10.7 -> 13.8.
    found = [p for k, _, p in _rows() if k == "vague"]
    assert min(found) > 0, sorted(found)
    assert statistics.mean(found) >= 13.5


def test_controls_do_not_rise():
    # Means before and after: salad 4.4, off-topic 8.4, idk 2.1, negated 2.6, wrong 0.0.
    means = {"salad": 4.4, "offtopic": 8.4, "idk": 2.1, "negated": 2.6, "wrong": 0.0}
    rows = _rows()
    for kind in CONTROLS:
        found = [p for k, _, p in rows if k == kind]
        assert statistics.mean(found) <= means[kind] + 0.1, (kind, sorted(found))


def test_the_credit_is_small():
    # A vague answer lifted off the floor reads about a tenth, never more than the fooling
    # answers may rise (10).
    assert 0 < vague.VAGUE_CREDIT * 100 / 3 <= 10.0 + 1e-9
