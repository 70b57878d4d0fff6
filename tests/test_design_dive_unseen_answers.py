"""Right system designs and deep dives in the key points' words and in plain words, vague
ones and fluent wrong ones, to four design and four deep-dive questions that no other set
uses, each graded 0-100 by its writer before it was scored
(tests/data/design_dive_unseen_answers.jsonl, see tests/data/README.md). What the judge
does with them now is held here; what it does not do yet is a strict xfail with the reason."""

import statistics
from pathlib import Path

import pytest

from interviewer.domain.judging import JudgeResult
from tests.answer_sets import scored

DATASET = Path(__file__).parent / "data" / "design_dive_unseen_answers.jsonl"
ROUNDS = ("system_design", "deep_dive")


@pytest.fixture(scope="module")
def judged() -> dict[str, tuple[float, JudgeResult]]:
    return {item.id: (percent, result) for item, percent, result in scored(DATASET)}


def _percents(judged, round_kind: str, kind: str) -> dict[str, float]:
    return {
        i: p
        for i, (p, _) in judged.items()
        if (not round_kind or f".{round_kind}." in i) and f".{kind}" in i
    }


def _question(answer_id: str) -> str:
    return answer_id.rsplit(".", 2)[0] if ".excellent." in answer_id else answer_id


def test_the_set_has_four_questions_per_round_with_every_kind(judged):
    for round_kind in ROUNDS:
        for kind in ("excellent.technical", "excellent.plain", "vague", "wrong"):
            assert len(_percents(judged, round_kind, kind)) >= 4, (round_kind, kind)


def test_right_answers_in_the_key_points_words_score_high(judged):
    for round_kind in ROUNDS:
        right = _percents(judged, round_kind, "excellent.technical")
        assert all(p >= 70 for p in right.values()), right


def test_vague_answers_stay_low(judged):
    low = _percents(judged, "", "vague")
    assert all(p <= 35 for p in low.values()), low


def test_fluent_wrong_deep_dives_stay_low(judged):
    low = _percents(judged, "deep_dive", "wrong")
    assert all(p <= 15 for p in low.values()), low


def test_right_answers_in_technical_words_are_far_above_the_wrong_ones(judged):
    for i, p in _percents(judged, "", "excellent.technical").items():
        assert p >= judged[f"{_question(i)}.wrong.false"][0] + 30, i


def test_right_answers_mean_far_above_wrong_and_vague(judged):
    right = statistics.mean(_percents(judged, "", "excellent").values())
    wrong = statistics.mean(_percents(judged, "", "wrong").values())
    vague = statistics.mean(_percents(judged, "", "vague").values())
    assert right >= 4 * max(wrong, vague)


def test_plain_deep_dives_are_not_read_as_off_topic(judged):
    # What I built, the numbers, why, what broke: each states no key point in the key
    # points' words (0-8 before the story's kinds were read, asks.py).
    plain = _percents(judged, "deep_dive", "excellent.plain")
    assert all(p >= 40 for p in plain.values()), plain
    assert statistics.mean(plain.values()) >= 50


@pytest.mark.xfail(
    strict=True,
    reason="deep dives and designs in plain words still score 20-40 below their grades "
    "(86-87): the key points' facts (input, output and label; independence; transfer "
    "learning; noisy labels) are not read in everyday words",
)
def test_plain_answers_score_near_their_grades(judged):
    plain = _percents(judged, "", "excellent.plain")
    assert all(p >= 70 for p in plain.values()), plain


@pytest.mark.xfail(
    strict=True,
    reason="a fluent wrong visual-search design (pixel distance as the goal, exact search "
    "over every image, old and new embeddings mixed) is read as a design walked through",
)
def test_fluent_wrong_designs_stay_low(judged):
    low = _percents(judged, "system_design", "wrong")
    assert all(p <= 15 for p in low.values()), low
