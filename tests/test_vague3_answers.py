"""Short answers that name the question's topics and say nothing specific of them, beside
terse right answers that say each point in a sentence and good ones, on 12 questions
across the rounds, graded by their writer before they were scored and before the reading
they test (matching._named_only; tests/data/README.md). `vague3_aside.jsonl` was kept
aside while the judge was changed."""

import statistics
from pathlib import Path

import pytest

from tests.answer_sets import scored

DATA = Path(__file__).parent / "data"
FILES = ("vague3_answers.jsonl", "vague3_aside.jsonl")
# Right answers keep their scores: before the reading, terse 67.0 and good 81.8 on the
# dev file (writer: 55 and 70), 76.2 and 85.9 on the aside; these bars are a point under.
RIGHT_AT_LEAST = {
    "vague3_answers.jsonl": {"terse": 66.0, "good": 80.8},
    "vague3_aside.jsonl": {"terse": 75.2, "good": 84.9},
}
# Vague answers (writer: 12-14) stay below this mean (before: 18.3 and 16.0).
VAGUE_AT_MOST = {"vague3_answers.jsonl": 18.0, "vague3_aside.jsonl": 16.5}


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


def test_each_questions_right_answers_outscore_its_vague_ones(rows):
    # The terse answer on multi-head attention was floored as "not readable text" (its
    # "size", "MQA" and "GQA") until the gibberish floor asked for a share of the answer.
    _, found = rows
    for group in {g for g, _, _, _ in found}:
        right = [p for g, k, p, _ in found if g == group and k in ("terse", "good")]
        vague = [p for g, k, p, _ in found if g == group and k == "vague"]
        assert min(right) > max(vague), group


def test_no_vague_answer_covers_a_point_by_naming_its_topic(rows):
    name, found = rows
    if name != "vague3_answers.jsonl":
        return
    # Before the reading: "some human oversight and some documentation" covered the
    # oversight point, "grouped-query attention are variants that make it more efficient"
    # the MQA/GQA point.
    covered = {
        (g, kp) for g, k, _, result in found if k == "vague" for kp in result.covered_key_points
    }
    assert ("breadth.fairness.responsible_deployment", "human_oversight") not in covered
    assert ("breadth.transformers.multi_head_attention", "mqa_gqa") not in covered
