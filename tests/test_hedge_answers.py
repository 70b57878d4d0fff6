"""Answers that say the key points' words without claiming them, graded by their writer
before they were scored and before the judge change they test (tests/data/README.md):
claims hedged both ways, put in others' mouths and rejected, relations denied with "has no
effect on" and kin, confident absolutes; and right answers that use the same markers
legitimately ("people think X, but actually Y", "either works, depending on ...", "as the
paper says"). `hedge_answers.jsonl` was read while the judge was changed;
`hedge_aside.jsonl` was kept aside."""

import statistics
from pathlib import Path

import pytest

from tests.answer_sets import scored

DATA = Path(__file__).parent / "data"
ADVERSARIAL = ("bothsides", "disowned", "denial")
# Each adversarial kind's mean, at most (writers: 4-7). Before the change, on the developed
# file: both sides 16.7, disowned 54.2, denial 22.6.
ADVERSARIAL_MEAN = 20.0
# Confident absolutes with wrong numbers (writers: 5-6; 26.3 before and after: the
# overstatement reading reads an absolute only against a key point that is qualified).
ABSOLUTE_MEAN = 30.0
# The right answers' mean, at least (writers: 86-90), per file: on the developed file
# 77.1 in the key points' words and 58.1 with the markers before the change (66.5 after;
# what holds them down is not the markers: a deep dive read as mostly off topic, domain
# rubrics' evaluation criteria); on the aside, the markers answer on long context scored
# 5.8 before the change as after.
RIGHT_MEAN = {"hedge_answers.jsonl": 70.0, "hedge_aside.jsonl": 80.0}
MARKERS_MEAN = {"hedge_answers.jsonl": 62.0, "hedge_aside.jsonl": 68.0}


def _rows(name: str) -> list[tuple[str, str, str, float]]:
    out = []
    for item, percent, _ in scored(DATA / name):
        assert item.kind is not None and item.variant is not None
        out.append((item.group, item.kind, item.variant, percent))
    return out


@pytest.fixture(scope="module", params=sorted(MARKERS_MEAN))
def judged(request) -> tuple[str, list[tuple[str, str, str, float]]]:
    return request.param, _rows(request.param)


def test_every_question_has_each_shape_and_a_right_control(judged):
    _, rows = judged
    for group in {g for g, _, _, _ in rows}:
        shapes = {(k if k != "excellent" else f"{k}/{v}") for g, k, v, _ in rows if g == group}
        assert {*ADVERSARIAL, "excellent/technical", "excellent/markers"} <= shapes, group


@pytest.mark.parametrize("kind", ADVERSARIAL)
def test_claims_not_claimed_score_low(judged, kind):
    _, rows = judged
    scores = [p for _, k, _, p in rows if k == kind]
    assert scores and statistics.mean(scores) <= ADVERSARIAL_MEAN, sorted(scores)


def test_confident_absolutes_score_low():
    scores = [p for _, k, _, p in _rows("hedge_answers.jsonl") if k == "absolute"]
    assert scores and statistics.mean(scores) <= ABSOLUTE_MEAN, sorted(scores)


def test_right_answers_keep_their_scores(judged):
    name, rows = judged
    right = [p for _, k, _, p in rows if k == "excellent"]
    assert statistics.mean(right) >= RIGHT_MEAN[name], sorted(right)


def test_right_answers_with_the_same_markers_keep_their_scores(judged):
    name, rows = judged
    markers = [p for _, k, v, p in rows if k == "excellent" and v == "markers"]
    assert statistics.mean(markers) >= MARKERS_MEAN[name], sorted(markers)


def _margins(rows: list[tuple[str, str, str, float]]) -> dict[str, float]:
    """Per question, how far its best right answer is above its best adversarial one."""
    return {
        group: max(p for g, k, _, p in rows if g == group and k == "excellent")
        - max(p for g, k, _, p in rows if g == group and k in ADVERSARIAL)
        for group in {g for g, _, _, _ in rows}
    }


def test_every_right_answer_beats_the_answers_that_claim_nothing(judged):
    _, rows = judged
    # Every question, the Bayesian-optimisation one included since the mostly-denied
    # reading (offline.MOSTLY_DENIED_SHARE): its "does not depend on" denial answer fell
    # from 57.3 to 14.2.
    margins = _margins(rows)
    assert all(m > 10 for m in margins.values()), margins
