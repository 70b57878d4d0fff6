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


def test_wrong_design_answers_that_state_listed_misconceptions_are_at_the_floor(judged):
    design = _wrong(judged, "system_design")
    low = [i for i, p in design.items() if p <= FLOOR]
    assert len(low) >= 9, design


def test_behavioral_stories_that_show_the_opposite_of_the_competency_are_at_the_floor(judged):
    stories = _wrong(judged, "behavioral")
    low = [i for i, p in stories.items() if p <= FLOOR]
    assert len(low) >= 13, stories


def test_right_answers_stay_well_above_the_wrong_ones_to_their_question(judged):
    for i, (kind, group, _, percent) in judged.items():
        if kind != "excellent":
            continue
        assert percent >= CONTROL, (i, percent)
        if group.startswith("deep_dive"):
            continue  # below: not yet
        rivals = [p for j, (k, g, _, p) in judged.items() if k == "wrong" and g == group]
        assert all(percent > p + 10 for p in rivals), (i, percent, rivals)


@pytest.mark.xfail(strict=True, reason="deep-dive points name no misconceptions yet")
def test_right_deep_dive_answers_stay_well_above_the_wrong_ones(judged):
    for i, (kind, group, _, percent) in judged.items():
        if kind == "excellent" and group.startswith("deep_dive"):
            rivals = [p for k, g, _, p in judged.values() if k == "wrong" and g == group]
            assert all(percent > p + 10 for p in rivals), (i, percent, rivals)


@pytest.mark.xfail(
    strict=True,
    reason="a wrong claim in words no misconception or red flag lists, or a denial after the "
    "phrase it denies, still earns the point's cue (known limit, tests/data/README.md)",
)
def test_every_fluent_wrong_answer_is_near_the_floor(judged):
    wrong = _wrong(judged)
    assert all(p <= FLOOR for p in wrong.values()), {i: p for i, p in wrong.items() if p > FLOOR}
