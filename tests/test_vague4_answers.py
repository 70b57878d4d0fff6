"""Short vague answers that name each point's topic in general statements ("I'd be careful
about overfitting", "it's good practice to keep a checkpoint around"), beside terse right
answers that say each point in a sentence and right answers in everyday words, on 9
questions across the rounds, graded by their writer before they were scored and before the
reading they test (matching._said_in_passing; tests/data/README.md). `vague4_aside.jsonl`
(4 other questions) was kept aside while the judge was changed."""

import statistics
from pathlib import Path

import pytest

from tests.answer_sets import scored

DATA = Path(__file__).parent / "data"
FILES = ("vague4_answers.jsonl", "vague4_aside.jsonl")
# Right answers keep their scores: before the reading, terse 83.1 and everyday 52.9 on the
# dev file (writer: 71 and 71), 75.0 and 38.7 on the aside (72 and 68); a point under.
RIGHT_AT_LEAST = {
    "vague4_answers.jsonl": {"terse": 82.1, "excellent": 51.9},
    "vague4_aside.jsonl": {"terse": 74.0, "excellent": 37.7},
}
# Vague answers (writer: 11-16) stay at or below these means (before: 19.7 and 28.6).
VAGUE_AT_MOST = {"vague4_answers.jsonl": 19.5, "vague4_aside.jsonl": 28.6}


@pytest.fixture(scope="module", params=FILES)
def rows(request):
    out = []
    for item, percent, result in scored(DATA / request.param):
        assert item.kind is not None
        out.append((item.group, item.kind, percent, result))
    return request.param, out


def test_right_answers_keep_their_scores(rows):
    name, found = rows
    for kind, least in RIGHT_AT_LEAST[name].items():
        scores = [p for _, k, p, _ in found if k == kind]
        assert statistics.mean(scores) >= least, (name, kind, sorted(scores))


def test_vague_answers_stay_modest(rows):
    name, found = rows
    vague = [p for _, k, p, _ in found if k == "vague"]
    assert statistics.mean(vague) <= VAGUE_AT_MOST[name], sorted(vague)


def test_a_checkpoint_named_as_good_practice_does_not_restore_the_best_model(rows):
    name, found = rows
    if name != "vague4_answers.jsonl":
        return
    # Before the reading "it's good practice to keep a checkpoint around" covered the point
    # "keep a checkpoint of the best model and restore it" (44.7; graded 14).
    covered = {
        (g, kp) for g, k, _, result in found if k == "vague" for kp in result.covered_key_points
    }
    assert ("breadth.regularization.early_stopping", "restore_best") not in covered
    terse = {
        kp
        for g, k, _, result in found
        if k == "terse" and g == "breadth.regularization.early_stopping"
        for kp in result.covered_key_points
    }
    assert "restore_best" in terse
