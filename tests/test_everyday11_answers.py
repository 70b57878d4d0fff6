"""Right, complete answers in everyday words, shorter right answers in everyday words, wrong
twins in the same everyday words (the claims reversed), vague answers, salad in sentences
and controls in the field's terms, on 5 breadth and Python questions
(tests/data/everyday11_answers.jsonl), and 3 more questions kept aside (everyday11_aside.jsonl:
right, vague and wrong only; scored once before the judge change and once at the end),
each graded 0-100 before any scoring (tests/data/README.md, everyday11). What the judge
does with them once the spread reading credits a point said a third of its words in full
(spread.SPREAD_LEND) is held here, with unit tests of that reading and of the one not
shipped (levels.SPREAD_POINTS_EXPLAIN)."""

import statistics
from pathlib import Path
from types import SimpleNamespace

import pytest

from interviewer.domain.question import KeyPoint
from interviewer.judge import spread
from interviewer.judge.matching import KeyPointMatch
from tests.answer_sets import percents_by_kind, percents_by_kind_and_variant

DATA = Path(__file__).parent / "data"

EVERYDAY, SHORT, TERMS = "excellent/everyday", "good/everyday", "excellent/terms"
VAGUE, WRONG, SALAD = "vague/plain", "wrong/reversed", "salad/sentences"


@pytest.fixture(scope="module")
def dev() -> dict[str, list[float]]:
    return percents_by_kind_and_variant(DATA / "everyday11_answers.jsonl")


@pytest.fixture(scope="module")
def aside() -> dict[str, list[float]]:
    return percents_by_kind_and_variant(DATA / "everyday11_aside.jsonl")


def test_each_question_has_its_answers(dev, aside):
    assert {k: len(v) for k, v in dev.items()} == {
        EVERYDAY: 5,
        SHORT: 2,
        TERMS: 2,
        VAGUE: 5,
        WRONG: 5,
        SALAD: 1,
    }
    assert {k: len(v) for k, v in aside.items()} == {EVERYDAY: 3, VAGUE: 3, WRONG: 3}


def test_right_answers_in_everyday_words(dev):
    # main (claims-v13): 63.4 (graded 85.0); SPREAD_LEND 1.5: 64.9 (with the credited points
    # counted for depth and examples, levels.SPREAD_POINTS_EXPLAIN, not shipped: 66.4).
    assert statistics.mean(dev[EVERYDAY]) >= 64.5


def test_controls_in_the_fields_terms_stay_high(dev):
    # main: 96.3 (graded 90).
    assert statistics.mean(dev[TERMS]) >= 95


def test_wrong_vague_and_salad_do_not_move(dev):
    # main: wrong twins 28.1 (graded 5), vague 10.3 (15), salad in sentences 39.1 (2).
    assert statistics.mean(dev[WRONG]) <= 28.5
    assert statistics.mean(dev[VAGUE]) <= 10.5
    assert max(dev[SALAD]) <= 39.5


def test_aside(aside):
    # Scored before the change, with SPREAD_POINTS_EXPLAIN on and with it off (shipped):
    # everyday 76.8 each time (graded 85: none of its three answers is lent to), vague 12.4,
    # wrong 31.2 (vague 15.7 at claims-v17: one vague answer, graded 15, reads 10 by vague.py's
    # credit, not 0).
    assert statistics.mean(aside[EVERYDAY]) >= 76.5
    assert statistics.mean(aside[VAGUE]) <= 16
    assert statistics.mean(aside[WRONG]) <= 31.5


def _everyday(name: str) -> float:
    # Only the excellent answers of these sets have the variant `everyday`.
    return statistics.mean(percents_by_kind(DATA / name, "variant")["everyday"])


def test_former_heldout_everyday_answers():
    # holdout13, 14, 15, 16 at main (claims-v13): 76.5, 70.0, 72.9, 56.6 (graded 82.8-85.2);
    # SPREAD_LEND 1.5: 77.4, 71.4, 73.6, 56.6 (holdout16's lent answers already reach their
    # level's top; its two answers floored as about a neighbouring question are the lead's).
    assert _everyday("holdout13_answers.jsonl") >= 77
    assert _everyday("holdout14_answers.jsonl") >= 71
    assert _everyday("holdout15_answers.jsonl") >= 73.3
    assert _everyday("holdout16_answers.jsonl") >= 56.5


def _points(n: int) -> list[KeyPoint]:
    return [
        KeyPoint(id=f"p{i}", text="the point's words said in the field's terms", weight=1)
        for i in range(n)
    ]


def test_a_point_said_a_third_of_its_words_is_credited_in_full():
    points = _points(4)
    matches = [
        KeyPointMatch(kp.id, c, None) for kp, c in zip(points, (0.34, 0.3, 0.26, 0.5), strict=True)
    ]
    lent = spread.lent(points, matches, wrong=False, technical=0.2, words=200)
    assert lent["p0"] == 1.0 and lent["p3"] == 1.0
    # ... and one said a quarter of them is credited in proportion, not in full.
    assert 0.75 < lent["p2"] < 0.8


def test_nothing_is_lent_to_an_answer_stated_wrong_or_not_spread():
    points = _points(4)
    spread_out = [KeyPointMatch(kp.id, 0.34, None) for kp in points]
    assert spread.lent(points, spread_out, wrong=True, technical=0.2, words=200) == {}
    one_sided = [
        KeyPointMatch(kp.id, c, None) for kp, c in zip(points, (0.9, 0.9, 0.1, 0.1), strict=True)
    ]
    assert spread.lent(points, one_sided, wrong=False, technical=0.2, words=200) == {}


def test_a_credited_point_that_illustrates_counts_as_an_example(monkeypatch):
    """With levels.SPREAD_POINTS_EXPLAIN on (not shipped: cross-validation chose it off),
    the examples criterion counts the clause that states a credited key point whose own
    text gives an example, as it does for a covered one; off, the covered points only."""
    from interviewer.judge import levels

    monkeypatch.setattr(levels, "SPREAD_POINTS_EXPLAIN", True)

    point = KeyPoint(id="p0", text="The threshold follows from costs, for example a fraud cost.")
    reading = levels.Reading(
        request=SimpleNamespace(key_points=[point]),  # type: ignore[arg-type]
        kept=[],
        on_topic=[],
        focused=[],
        matches=[KeyPointMatch("p0", 0.3, "say a missed fraud costs five hundred dollars")],
        coverage=0.3,
        relevance=0.5,
        quality=0.7,
        technical_recall=0.3,
        word_count=200,
        topical_words=200,
        spread=frozenset({"p0"}),
    )
    assert levels._stating(reading, levels._ILLUSTRATES, []) == [
        "say a missed fraud costs five hundred dollars"
    ]
    monkeypatch.setattr(levels, "SPREAD_POINTS_EXPLAIN", False)
    assert levels._stating(reading, levels._ILLUSTRATES, []) == []
