"""Vague stories that name a story's stages ("I talked to a lot of stakeholders, got
buy-in over time, and eventually most teams came on board") without one concrete - no
which, no how, no how much - and vague breadth answers, beside strong and good stories in
plain words and terse right breadth answers, on 10 questions, graded by their writer
before they were scored and before the reading they test (general_story.py;
tests/data/README.md). `vague5_aside.jsonl` (4 other questions) was kept aside while the
judge was changed."""

import statistics
from pathlib import Path

import pytest

from tests.answer_sets import scored

DATA = Path(__file__).parent / "data"
FILES = ("vague5_answers.jsonl", "vague5_aside.jsonl")
# Right answers keep their scores: before and after the reading, strong 58.1, good 21.5 and
# terse 53.8 on the dev file (writer: 83, 61 and 72), 65.7, 47.8 and 41.7 on the aside
# (81, 59 and 74); a point under.
RIGHT_AT_LEAST = {
    "vague5_answers.jsonl": {"strong": 57.1, "good": 20.5, "terse": 52.8},
    "vague5_aside.jsonl": {"strong": 64.7, "good": 46.8, "terse": 40.7},
}
# Vague stories (writer: 12-18) stay at or below these means (before: 28.4 and 50.3;
# after: 17.2 and 21.7).
STAGES_AT_MOST = {"vague5_answers.jsonl": 18.0, "vague5_aside.jsonl": 21.7}


@pytest.fixture(scope="module", params=FILES)
def rows(request):
    out = []
    for item, percent, result in scored(DATA / request.param):
        assert item.kind is not None
        out.append((item.kind, item.variant, percent, result))
    return request.param, out


def test_right_answers_keep_their_scores(rows):
    name, found = rows
    for kind, least in RIGHT_AT_LEAST[name].items():
        scores = [p for k, _, p, _ in found if k == kind]
        assert statistics.mean(scores) >= least, (name, kind, sorted(scores))


def test_stories_told_in_stages_stay_modest(rows):
    name, found = rows
    stages = [p for k, v, p, _ in found if k == "vague" and v == "stages"]
    assert statistics.mean(stages) <= STAGES_AT_MOST[name], sorted(stages)


def test_no_story_told_in_stages_reads_above_the_general_credit(rows):
    _, found = rows
    # Vague stories read at 54.5 and 63.6 before (graded 15 and 13); level 1 and a general
    # answer's credit is 21.7.
    assert max(p for k, v, p, _ in found if k == "vague" and v == "stages") <= 21.7
