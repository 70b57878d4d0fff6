"""Deep dives told in everyday words and in the team's voice on five deep-dive questions
that do not ask for the candidate's own part (tests/data/dive3_answers.jsonl, see
tests/data/README.md), with controls that must stay low: two stories about something
else, two vague answers and a vague all-"we" answer to the question that does ask for
their own part. Graded before any scoring. The bars hold what the judge does since the
ownership criterion reads "I" against "we" only where the question asks for it
(interviewer/judge/own_part.py)."""

import statistics
from pathlib import Path

import pytest

from interviewer.content.loader import load_content
from interviewer.judge import levels
from interviewer.judge.own_part import asks_own_part
from tests.answer_sets import bank_request, judged_on, percents_by_kind, scored

DATASET = Path(__file__).parent / "data" / "dive3_answers.jsonl"


@pytest.fixture(scope="module")
def by_variant() -> dict[str, list[float]]:
    out: dict[str, list[float]] = {}
    for item, percent, _ in scored(DATASET):
        out.setdefault(f"{item.kind}/{item.variant}", []).append(percent)
    return out


def test_the_set_has_its_kinds():
    kinds = percents_by_kind(DATASET)
    assert {k: len(v) for k, v in kinds.items()} == {"excellent": 10, "offtopic": 2, "vague": 3}


def test_complete_deep_dives_in_the_teams_voice_are_not_capped(by_variant):
    # Graded 90. Before: 66.9 (the ownership criterion at level 1 on every one); 72.4 after.
    assert statistics.mean(by_variant["excellent/we"]) >= 71


def test_deep_dives_in_everyday_words_do_not_fall(by_variant):
    # Graded 85. Before: 37.8; the on-topic share of a story in everyday words is still
    # read sentence by sentence (not fixed here: see tests/data/README.md).
    assert statistics.mean(by_variant["excellent/everyday"]) >= 37


def test_the_controls_stay_low(by_variant):
    # Graded 5 and 20-25.
    assert max(by_variant["offtopic/story"]) <= 5
    assert statistics.mean(by_variant["vague/we"]) <= 25


@pytest.mark.parametrize(
    ("question_id", "asks"),
    [
        ("deep_dive.contribution.own_part", True),
        ("deep_dive.maths.assumptions", False),
        ("deep_dive.data.leakage_and_splits", False),
        ("deep_dive.retrospective.do_differently", False),  # "i would start": a lesson
    ],
)
def test_whether_a_question_asks_for_the_candidates_own_part(question_id, asks):
    content = load_content()
    request = bank_request(content, content.questions[question_id], "x")
    assert asks_own_part(request) is asks


def _ownership(question_id: str, answer: str) -> int:
    result, _ = judged_on(question_id, answer)
    return next(c.level for c in result.criteria if c.criterion_id == "ownership")


_OWN_PART_IN_WE = (
    "We built the whole pipeline together. We collected the data, we cleaned it, we trained "
    "the model and we deployed it. We made the decisions as a team and everyone contributed "
    "to every part."
)


def test_an_all_we_answer_to_the_own_part_question_stays_at_level_one():
    assert _ownership("deep_dive.contribution.own_part", _OWN_PART_IN_WE) == 1


def test_a_complete_we_answer_elsewhere_reads_below_its_substance(monkeypatch):
    answer = next(
        item.answer
        for item, _, _ in scored(DATASET)
        if item.id == "dive3.deep_dive.data.leakage_and_splits.excellent.we"
    )
    assert _ownership("deep_dive.data.leakage_and_splits", answer) >= 3
    monkeypatch.setattr(levels, "OWN_PART_WHERE_ASKED", False)
    assert _ownership("deep_dive.data.leakage_and_splits", answer) == 1


def test_a_story_about_something_else_is_not_lifted():
    story = (
        "We migrated the reporting stack to the cloud. We moved the dashboards first, then "
        "the nightly jobs, and the team grew from four to seven people."
    )
    assert _ownership("deep_dive.data.leakage_and_splits", story) == 1
