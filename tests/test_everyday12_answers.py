"""Right, complete answers in everyday words, wrong twins in the same everyday words (the
claims reversed), vague answers, shorter right everyday answers, salad in sentences and
controls in the field's terms, on 9 breadth and domain questions no held-out set uses
(tests/data/everyday12_answers.jsonl), and 3 more kept aside (everyday12_aside.jsonl: right,
vague and wrong; scored once before the judge change and once at the end), each graded
0-100 before any scoring (tests/data/README.md, everyday12). The change they check: the
spread reading's length gate counts the sentences between an answer's first and last
sentence on topic (spread.SPREAD_SPAN), so a right everyday answer that says its points in
sentences carrying no key-point word is read as long enough to have paraphrased them. This
set's answers pass the gate either way and must not move; the holdout answers it was
written for are held here, with unit tests of the reading."""

import statistics
from pathlib import Path

import pytest

from interviewer.domain.question import KeyPoint
from interviewer.judge import spread
from interviewer.judge.matching import KeyPointMatch
from interviewer.judge.text import Sentence, sentences
from tests.answer_sets import percents_by_kind_and_variant, scored

DATA = Path(__file__).parent / "data"

EVERYDAY, SHORT, TERMS = "excellent/everyday", "good/everyday", "excellent/terms"
VAGUE, WRONG, SALAD = "vague/plain", "wrong/reversed", "salad/sentences"


@pytest.fixture(scope="module")
def dev() -> dict[str, list[float]]:
    return percents_by_kind_and_variant(DATA / "everyday12_answers.jsonl")


@pytest.fixture(scope="module")
def aside() -> dict[str, list[float]]:
    return percents_by_kind_and_variant(DATA / "everyday12_aside.jsonl")


def test_each_question_has_its_answers(dev, aside):
    assert {k: len(v) for k, v in dev.items()} == {
        EVERYDAY: 9,
        SHORT: 2,
        TERMS: 3,
        VAGUE: 9,
        WRONG: 9,
        SALAD: 2,
    }
    assert {k: len(v) for k, v in aside.items()} == {EVERYDAY: 3, VAGUE: 3, WRONG: 3}


def test_right_answers_in_everyday_words(dev):
    # main (c2e809c) and with SPREAD_SPAN: 78.9 (graded 85): every one passes the length
    # gate on its sentences on topic alone.
    assert statistics.mean(dev[EVERYDAY]) >= 78.5


def test_controls_in_the_fields_terms_stay_high(dev):
    # main: 88.2 (graded 90).
    assert statistics.mean(dev[TERMS]) >= 87.5


def test_wrong_vague_short_and_salad_do_not_move(dev):
    # main: wrong twins 25.6 (graded 5; the MLE/MAP twin, whose reversed claims no listed
    # misconception names in these words, reads 70.0), vague 3.4 (15), shorter right
    # answers 32.0 (55), salad in sentences 43.0 (2). Unchanged by SPREAD_SPAN; vague 4.5 at
    # claims-v17 (one vague answer, graded 15, reads 10 by vague.py's credit, not 0).
    assert statistics.mean(dev[WRONG]) <= 26
    assert statistics.mean(dev[VAGUE]) <= 4.5
    assert statistics.mean(dev[SHORT]) <= 32.5
    assert statistics.mean(dev[SALAD]) <= 43.5


def test_aside(aside):
    # Before the change and after it: everyday 90.2 (graded 85), vague 12.8, wrong 3.3.
    assert statistics.mean(aside[EVERYDAY]) >= 89.5
    assert statistics.mean(aside[VAGUE]) <= 13.5
    assert statistics.mean(aside[WRONG]) <= 4


def _percent(name: str, answer_id: str) -> float:
    return next(p for item, p, _ in scored(DATA / name) if item.id == answer_id)


@pytest.mark.parametrize(
    ("name", "answer_id", "at_least"),
    [
        # main 37.9 (graded 84): 133 words on topic of 270, under the gate's 155.
        ("holdout16_answers.jsonl", "breadth.dim_reduction.curse_of_dimensionality.excellent2", 55),
        # main 60.2 (graded 88): 219 words on topic against 224.
        ("holdout10_answers.jsonl", "breadth.genai_evaluation.llm_judge_biases.excellent2", 80),
        # main 68.7 (graded 87): 250 words on topic against 260.
        ("holdout9_answers.jsonl", "breadth.llms.quantisation.excellent2", 90),
    ],
)
def test_everyday_answers_told_between_their_points_are_read_at_length(name, answer_id, at_least):
    assert _percent(name, answer_id) >= at_least


def _units(text: str) -> list[Sentence]:
    return sentences(text)


ANSWER = (
    "Filler before the answer, said to pass the time. "
    "The first point is said in the field's terms. "
    "A sentence in plain words that carries none of them. "
    "The second point is said in the field's terms. "
    "Filler after the answer, said to pass the time."
)


def test_the_span_counts_the_sentences_between_the_first_and_last_on_topic(monkeypatch):
    units = _units(ANSWER)
    on_topic = [units[1], units[3]]
    monkeypatch.setattr(spread, "SPREAD_SPAN", True)
    inner = sum(len(u.text.split()) for u in units[1:4])
    assert spread.span_words(units, on_topic) == inner
    # ... not the filler before the first or after the last of them.
    assert inner < sum(len(u.text.split()) for u in units)
    monkeypatch.setattr(spread, "SPREAD_SPAN", False)
    assert spread.span_words(units, on_topic) == sum(len(u.text.split()) for u in on_topic)


def test_nothing_on_topic_counts_nothing():
    assert spread.span_words(_units(ANSWER), []) == 0


def test_the_span_decides_the_length_gate(monkeypatch):
    points = [
        KeyPoint(id=f"p{i}", text="the point's words said in the field's terms", weight=1)
        for i in range(4)
    ]
    matches = [KeyPointMatch(kp.id, 0.34, None) for kp in points]
    need = spread.SPREAD_LENGTH * sum(len(kp.text.split()) for kp in points)
    # An answer whose sentences on topic fall under the gate but whose explanation, the
    # plain sentences between them included, does not: lent to only as the span reads it.
    assert spread.lent(points, matches, wrong=False, technical=0.2, words=int(need) - 5) == {}
    assert spread.lent(points, matches, wrong=False, technical=0.2, words=int(need) + 5)
