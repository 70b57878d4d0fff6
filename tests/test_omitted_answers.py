"""Good answers that leave out one named key point of weight 2 (below the question's
heaviest), right and solid on every other point (kind `good`, variant
`missing_<key point>`, graded 60-64), and excellent answers that state everything (graded
86-92), written and graded before any scoring (tests/data/omitted_answers.jsonl and its
aside; tests/data/holdout9_answers.jsonl's good answers are of the same kind, by an
interviewer who never saw the judge's code). The judge gave such answers nearly the top
score: a point of weight 2 left out cost one level of correctness at most, and every
other criterion stayed at the top (holdout9: good 77.0, excellent 77.9)."""

import statistics
from pathlib import Path

import pytest

from tests.answer_sets import scored

DATA = Path(__file__).parent / "data"
DEV = DATA / "omitted_answers.jsonl"
ASIDE = DATA / "omitted_aside.jsonl"
HOLDOUT9 = DATA / "holdout9_answers.jsonl"


@pytest.fixture(scope="module")
def dev():
    return scored(DEV)


@pytest.fixture(scope="module")
def holdout9():
    return scored(HOLDOUT9)


def _mean(rows, kind: str) -> float:
    return statistics.mean(percent for item, percent, _ in rows if item.kind == kind)


def test_each_good_answer_names_the_point_it_leaves_out(dev):
    for item, _, _ in dev + scored(ASIDE):
        if item.kind == "good":
            assert item.variant is not None and item.variant.startswith("missing_"), item.id


def test_a_candidate_source_of_fresh_items_does_not_state_re_ranking(dev):
    # "popular items and fresh items" (a retrieval source) was read as re-ranking's
    # "freshness" cue: the left-out point counted as covered.
    funnel = next(r for i, _, r in dev if i.id == "domain.recsys.multi_stage_funnel.good1")
    assert "rerank_rules" not in funnel.covered_key_points
    assert "multiple_sources" in funnel.covered_key_points
