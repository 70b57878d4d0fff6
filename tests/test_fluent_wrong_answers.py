"""Fluent wrong answers across the bank (tests/data/fluent_wrong_answers.jsonl, see
tests/data/README.md), each graded 0-100 by its writer before it was scored: false or
reversed claims in the key points' words for deep-dive, design, breadth and python
questions, and behavioral stories that show the opposite of the competency (blame, a
hidden mistake, rank instead of evidence, going along with something unsafe); with right
answers to the same questions as controls that must not lose."""

import io
from pathlib import Path

import pytest

from interviewer.commands.calibrate import Requests, read_dataset
from interviewer.judge.offline import OfflineJudge

DATASET = Path(__file__).parent / "data" / "fluent_wrong_answers.jsonl"
# The bar for fluent wrong answers, on average.
WRONG_MEAN = 35.0
# A wrong answer the judge reads right is near the floor; a right control well above it.
FLOOR, CONTROL = 15.0, 50.0


@pytest.fixture(scope="module")
def judged() -> dict[str, tuple[str, str, float, float]]:
    items, broken = read_dataset(DATASET, io.StringIO())
    assert broken == 0
    build, judge = Requests(), OfflineJudge()
    out = {}
    for item in items:
        request = build(item)
        percent = judge.score_now(request).percent(request.rubric)
        assert percent is not None
        out[item.id] = (item.kind, item.group, item.score, percent)
    return out


def _wrong(judged, prefix: str = "") -> dict[str, float]:
    return {
        i: p
        for i, (kind, group, _, p) in judged.items()
        if kind == "wrong" and group.startswith(prefix)
    }


def test_the_set_spans_the_rounds_and_was_graded_low(judged):
    wrong = _wrong(judged)
    assert len(wrong) >= 40
    for prefix in ("deep_dive", "system_design", "behavioral"):
        assert len(_wrong(judged, prefix)) >= 10, prefix
    assert all(judged[i][2] <= 10 for i in wrong)


def test_fluent_wrong_answers_average_under_the_bar(judged):
    wrong = _wrong(judged)
    assert sum(wrong.values()) / len(wrong) <= WRONG_MEAN


def test_most_wrong_answers_are_at_the_floor_in_every_round(judged):
    # Held as measured: deep dive 12 of 18, design 13 of 14, behavioral 18 of 21 (on main
    # before this work: 1, 10 and 5).
    for prefix, at_least in (("deep_dive", 12), ("system_design", 13), ("behavioral", 18)):
        wrong = _wrong(judged, prefix)
        low = [i for i, p in wrong.items() if p <= FLOOR]
        assert len(low) >= at_least, (prefix, wrong)


def test_right_answers_stay_well_above_the_wrong_ones_written_before_the_fix(judged):
    for i, (kind, group, _, percent) in judged.items():
        if kind != "excellent":
            continue
        assert percent >= CONTROL, (i, percent)
        rivals = [
            p
            for j, (k, g, _, p) in judged.items()
            if k == "wrong" and g == group and "wrong_later" not in j and "wrong_final" not in j
        ]
        assert all(percent > p + 10 for p in rivals), (i, percent, rivals)


@pytest.mark.xfail(
    strict=True,
    reason="a wrong claim in words no misconception or red flag lists, or a denial after the "
    "phrase it denies ('an A/B test ... so we skipped it'), still earns the point's cue: "
    "the answers written after the fix (wrong_later1) show it (known limit, tests/data/README.md)",
)
def test_every_fluent_wrong_answer_is_near_the_floor(judged):
    wrong = _wrong(judged)
    assert all(p <= FLOOR for p in wrong.values()), {i: p for i, p in wrong.items() if p > FLOOR}
