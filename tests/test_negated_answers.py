"""Right answers with their key claims denied in natural ways ("is not", "does not",
"never", "isn't") while their elaborations stay, the same answers with one claim denied
inside a sentence that restates it, and right answers that use negation legitimately
(contrasts with the right alternative, negative key points, "not only ... but also"),
graded by their writer before they were scored (tests/data/README.md)."""

import statistics
from pathlib import Path

import pytest

from tests.answer_sets import scored

DATA = Path(__file__).parent / "data"
SET = DATA / "negated_answers.jsonl"
# Three questions kept aside while the judge was changed, scored once at the end: negated
# 14.9 -> 5.2, partial 57.8 and 57.8, right 74.5 and 74.5, legitimate negations 78.9 and
# 78.9 (before -> after).
ASIDE = DATA / "negated_aside.jsonl"
ASIDE_NEGATED_MEAN = 15.0
ASIDE_RIGHT_MEAN = 65.0
# The judge's mean for the negated answers, at most (writers: 3-6; 41.0 before the
# judge read a denied claim as keeping its point uncovered, 11.6 after).
NEGATED_MEAN = 20.0
# Right answers, and right answers that use negation legitimately (writers: 88-92), keep
# at least this mean (81.7 and 86.3 when written).
RIGHT_MEAN = 75.0
LEGIT_MEAN = 75.0
# Answers with one claim denied (writers: 40-55) stay this far below the right ones on
# average (58.5 against 81.7 when written).
PARTIAL_BELOW_RIGHT = 15.0


def _by_variant(path: Path) -> dict[str, list[float]]:
    out: dict[str, list[float]] = {}
    for item, percent, _ in scored(path):
        assert item.kind is not None and item.variant is not None
        key = "legit" if item.variant == "legit_negation" else item.kind
        out.setdefault(key, []).append(percent)
    return out


@pytest.fixture(scope="module")
def by_variant() -> dict[str, list[float]]:
    return _by_variant(SET)


def test_every_kind_is_there(by_variant):
    assert {"excellent", "legit", "negated", "partial"} <= set(by_variant)


def test_negated_answers_score_low(by_variant):
    assert statistics.mean(by_variant["negated"]) <= NEGATED_MEAN, sorted(by_variant["negated"])


def test_right_answers_and_legitimate_negations_keep_their_scores(by_variant):
    assert statistics.mean(by_variant["excellent"]) >= RIGHT_MEAN, by_variant["excellent"]
    assert statistics.mean(by_variant["legit"]) >= LEGIT_MEAN, by_variant["legit"]


def test_one_denied_claim_costs_the_answer(by_variant):
    right = statistics.mean(by_variant["excellent"])
    partial = statistics.mean(by_variant["partial"])
    assert partial <= right - PARTIAL_BELOW_RIGHT, (partial, right)


def test_the_set_kept_aside_reads_its_denials_too():
    aside = _by_variant(ASIDE)
    assert statistics.mean(aside["negated"]) <= ASIDE_NEGATED_MEAN, aside["negated"]
    right = statistics.mean(aside["excellent"] + aside["legit"])
    assert right >= ASIDE_RIGHT_MEAN, aside
    assert statistics.mean(aside["partial"]) <= right - PARTIAL_BELOW_RIGHT, aside
