"""Answers with the shapes behind the probes that raised scores on the interview set:
key claims denied in other words ("gets no benefit from", "gains nothing", "is of no
use", "there is no point in"), right answers that use those words legitimately, roles
exchanged in real sentences, and lists of terms behind a denial or report frame, graded
by their writer before they were scored (tests/data/README.md)."""

import statistics
from pathlib import Path

import pytest

from tests.answer_sets import scored

DATA = Path(__file__).parent / "data"
SET = DATA / "probes2_answers.jsonl"
# Three questions kept aside while the judge was changed: denied in other words 40.2 ->
# 18.4, right and legitimate denials 74.1 -> 80.2, lists behind a frame 0.0 (before ->
# after).
ASIDE = DATA / "probes2_aside.jsonl"
ASIDE_DENIED_MEAN = 30.0
ASIDE_RIGHT_MEAN = 70.0
ASIDE_FRAMED_LIST_MEAN = 10.0
# Right answers (writers: 88-90) and right answers that deny in those words legitimately
# (86-88) keep at least these means (97.6 and 92.2; the legitimate ones were 73.8 before
# "gains nothing", "is of no use"... were read as denials).
RIGHT_MEAN = 85.0
LEGIT_MEAN = 80.0
# Key claims denied in other words (writers: 5-8): 43.1 before, 12.6 after.
DENIED_MEAN = 25.0
# A list of terms behind a frame (writers: 3): 17.9 (a list whose items run past four
# words is still read as sentences: 71.5 for one of the four).
FRAMED_LIST_MEAN = 25.0
# One claim denied in other words (writers: 45-55) stays this far below the right answers.
ONE_DENIED_BELOW_RIGHT = 15.0


@pytest.fixture(scope="module")
def by_variant() -> dict[str, list[float]]:
    out: dict[str, list[float]] = {}
    for item, percent, _ in scored(SET):
        assert item.variant is not None
        out.setdefault(item.variant, []).append(percent)
    return out


def test_every_variant_is_there(by_variant):
    assert {
        "right",
        "legit_denial",
        "denied_other_forms",
        "swapped_roles",
        "framed_list",
        "one_denied",
    } <= set(by_variant)


def test_right_answers_and_legitimate_denials_keep_their_scores(by_variant):
    assert statistics.mean(by_variant["right"]) >= RIGHT_MEAN, by_variant["right"]
    assert statistics.mean(by_variant["legit_denial"]) >= LEGIT_MEAN, by_variant["legit_denial"]


def test_claims_denied_in_other_words_score_low(by_variant):
    denied = by_variant["denied_other_forms"]
    assert statistics.mean(denied) <= DENIED_MEAN, sorted(denied)


def test_a_list_behind_a_frame_scores_low(by_variant):
    listed = by_variant["framed_list"]
    assert statistics.mean(listed) <= FRAMED_LIST_MEAN, sorted(listed)


def test_one_claim_denied_in_other_words_costs_the_answer(by_variant):
    right = statistics.mean(by_variant["right"])
    partial = statistics.mean(by_variant["one_denied"])
    assert partial <= right - ONE_DENIED_BELOW_RIGHT, (partial, right)


def test_the_set_kept_aside_reads_denials_in_other_words_too():
    aside: dict[str, list[float]] = {}
    for item, percent, _ in scored(ASIDE):
        assert item.variant is not None
        aside.setdefault(item.variant, []).append(percent)
    assert statistics.mean(aside["denied_other_forms"]) <= ASIDE_DENIED_MEAN, aside
    right = aside["right"] + aside["legit_denial"]
    assert statistics.mean(right) >= ASIDE_RIGHT_MEAN, aside
    assert statistics.mean(aside["framed_list"]) <= ASIDE_FRAMED_LIST_MEAN, aside
