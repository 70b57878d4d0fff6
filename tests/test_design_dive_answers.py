"""Right system designs and deep dives (in technical and in plain words), fluent wrong ones
and off-topic ones, to questions outside every other test set, each graded 0-100 by its
writer before it was scored (tests/data/design_dive_answers.jsonl, see
tests/data/README.md). What the judge does with them now is held here; what it does not
do yet is a strict xfail with the reason."""

import statistics
from pathlib import Path

import pytest

from interviewer.domain.judging import JudgeResult
from tests.answer_sets import scored

DATASET = Path(__file__).parent / "data" / "design_dive_answers.jsonl"


def _judged() -> dict[str, tuple[float, JudgeResult]]:
    return {item.id: (percent, result) for item, percent, result in scored(DATASET)}


@pytest.fixture(scope="module")
def judged() -> dict[str, tuple[float, JudgeResult]]:
    return _judged()


def _percents(judged, round_kind: str, kind: str) -> dict[str, float]:
    return {
        i: p
        for i, (p, _) in judged.items()
        if (not round_kind or f".{round_kind}." in i) and f".{kind}" in i
    }


def _level(result: JudgeResult, criterion: str) -> int:
    return next(c.level for c in result.criteria if c.criterion_id == criterion)


def test_the_set_covers_both_rounds_with_every_kind(judged):
    for round_kind in ("system_design", "deep_dive"):
        for kind in ("excellent.technical", "excellent.plain", "wrong", "offtopic"):
            assert len(_percents(judged, round_kind, kind)) >= 3, (round_kind, kind)


def test_off_topic_answers_stay_at_the_floor(judged):
    for round_kind in ("system_design", "deep_dive"):
        low = _percents(judged, round_kind, "offtopic")
        # claims-v17: the data-platform story asked about exploratory analysis names two of
        # the question's terms in short asserted sentences and reads 10 (vague.py's credit
        # for a short on-topic answer), not 0.
        assert all(p <= 10 for p in low.values()), low


def test_fluent_wrong_designs_that_weigh_options_stay_low(judged):
    # Each says "start with X rather than Y, then Z if that wins" about wrong choices.
    low = _percents(judged, "system_design", "wrong")
    assert all(p <= 15 for p in low.values()), low
    assert all(_level(judged[i][1], "modelling") == 1 for i in low)


def test_right_designs_are_credited_for_the_model_stage_they_state(judged):
    for variant, at_least in (("technical", 4), ("plain", 3)):
        right = _percents(judged, "system_design", f"excellent.{variant}")
        levels = {i: _level(judged[i][1], "modelling") for i in right}
        assert all(level >= at_least for level in levels.values()), levels


def test_each_right_design_is_far_above_its_wrong_twin(judged):
    for i, p in _percents(judged, "system_design", "excellent").items():
        question = i.split(".excellent")[0]
        assert p >= judged[f"{question}.wrong.false"][0] + 40, i


def test_right_deep_dives_are_above_their_off_topic_twins(judged):
    for i, p in _percents(judged, "deep_dive", "excellent.technical").items():
        question = i.split(".excellent")[0]
        assert p >= judged[f"{question}.offtopic"][0] + 50, i


@pytest.mark.xfail(
    strict=True,
    reason="a deep-dive story with figures about the wrong thing (training cost, tuning "
    "budgets, rows loaded) is read as numbers given: what is wrong in it is not read",
)
def test_fluent_wrong_deep_dives_stay_low(judged):
    low = _percents(judged, "deep_dive", "wrong")
    assert all(p <= 20 for p in low.values()), low


def test_right_answers_mean_far_above_wrong(judged):
    right = list(_percents(judged, "", "excellent").values())
    wrong = list(_percents(judged, "", "wrong").values())
    assert statistics.mean(right) >= 2.5 * statistics.mean(wrong)


@pytest.mark.parametrize(
    ("rubric", "criterion", "said"),
    [
        ("system_design", "modelling", "Start with last week's counts, then a boosted model."),
        ("system_design", "modelling", "A sequence model only if it beats the trees."),
        ("deep_dive", "tradeoffs", "The price was an extra review step."),
        ("deep_dive", "tradeoffs", "What we gave up was a day of freshness."),
    ],
)
def test_the_rubric_names_how_its_round_weighs_options(rubric, criterion, said):
    from interviewer.content.loader import load_content
    from interviewer.judge import levels, signals

    rubrics = load_content().rubrics
    found = next(c for c in rubrics[rubric].criteria if c.id == criterion)
    assert not signals.TRADEOFF.search(said) and not signals.COUNTERFACTUAL.search(said)
    assert levels._weighing(tuple(found.markers)).search(said)
