"""Answers stored the way a web form stores them, with "<", ">", "&" and '"' as HTML
character references ("ptr-&gt;left", "P &lt;&lt; R"), read as the same answers typed;
and answers with an ampersand typed as itself ("R&D", "trial & error"), read as before.
Graded by their writer before any judge change (tests/data/README.md)."""

import statistics
from pathlib import Path

import pytest

from tests.answer_sets import scored

DATA = Path(__file__).parent / "data"
SET = DATA / "unt3_answers.jsonl"
# Two questions kept aside while the judge was changed, scored once before and once at
# the end (pairs up to 0.8 apart before, 0.0 after; figures in tests/data/README.md).
ASIDE = DATA / "unt3_aside.jsonl"
ESCAPED = "_escaped"
# An escaped answer scores what its twin typed with the characters scores, to this many
# points (before the reading: up to 7.7 apart, "cfg2[&quot;optimizer&quot;]" 92.3
# against 100.0; after: 0.0 on every pair).
SAME = 0.05
# The right answers (writers: 88-92) keep at least this mean, escaped or not (98.2).
RIGHT_MEAN = 90.0
# The wrong ones (writers: 5-8) at most this mean (19.9; one plain wrong answer on bias
# and variance reads 45.1, as it did before: a weakness of the judge this set leaves be).
WRONG_MEAN = 25.0
# Literal ampersands (writers: 55 and 62) score what they did at main (58.0 and 75.3).
LITERAL = {"precision_recall": 58.0, "learning_rate": 75.3}


def _percents(path: Path) -> dict[str, tuple[str, float]]:
    return {item.id: (item.kind or "", percent) for item, percent, _ in scored(path)}


@pytest.fixture(scope="module")
def percents() -> dict[str, tuple[str, float]]:
    return _percents(SET)


def _pairs(percents: dict[str, tuple[str, float]]) -> list[tuple[str, float, float]]:
    return [
        (name, percents[name][1], percents[name + ESCAPED][1])
        for name in percents
        if not name.endswith(ESCAPED) and name + ESCAPED in percents
    ]


def test_every_escaped_answer_has_its_typed_twin(percents):
    pairs = _pairs(percents)
    assert len(pairs) == 8
    assert sum(name.endswith(ESCAPED) for name in percents) == len(pairs)


def test_an_escaped_answer_scores_as_its_typed_twin(percents):
    apart = [(name, typed, escaped) for name, typed, escaped in _pairs(percents)]
    assert all(abs(typed - escaped) <= SAME for _, typed, escaped in apart), apart


def test_right_answers_stay_high_and_wrong_ones_low(percents):
    right = [p for kind, p in percents.values() if kind == "excellent"]
    wrong = [p for kind, p in percents.values() if kind == "wrong"]
    assert statistics.mean(right) >= RIGHT_MEAN, sorted(right)
    assert statistics.mean(wrong) <= WRONG_MEAN, sorted(wrong)


def test_an_ampersand_typed_as_itself_scores_as_before(percents):
    literal = {name: p for name, (kind, p) in percents.items() if "literal" in name}
    assert len(literal) == len(LITERAL)
    for name, percent in literal.items():
        expected = next(v for k, v in LITERAL.items() if k in name)
        assert percent == pytest.approx(expected, abs=0.5), name


def test_the_set_kept_aside_reads_escaped_answers_as_typed():
    pairs = _pairs(_percents(ASIDE))
    assert len(pairs) == 3
    assert all(abs(typed - escaped) <= SAME for _, typed, escaped in pairs), pairs
