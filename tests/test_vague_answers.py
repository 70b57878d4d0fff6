"""Short, honest, on-topic answers that say nothing specific (general, hedged, process and
story shapes) across the rounds, with right answers and every kind of answer that only
looks like one at the same length (fluent wrong, salad, denied, said both ways, taken
back, another question's answer, filler, "I don't know"), graded by their writer before
they were scored and before the reading they test (general.py; tests/data/README.md).
`vague_aside.jsonl` was kept aside while the judge was changed."""

import statistics
from pathlib import Path

import pytest

from interviewer.judge import general
from tests.answer_sets import judged_on, scored

DATA = Path(__file__).parent / "data"
FILES = ("vague_answers.jsonl", "vague_aside.jsonl")
# Vague answers (writers: 15-22) score at least this on average (before: 12.4 and 31.4)...
VAGUE_MEAN = 15.0
# What each kind that only looks like an answer (writers: 2-6) may reach on average: its
# mean before the credit on either file, plus a point. The credit must lift none of them
# (denials that the judge reads as a partial answer were at 17 before, and are another
# reading's work).
FOOLING_MOST = {
    "wrong": 11.6,
    "negated": 18.2,
    "twoway": 9.0,
    "salad": 5.5,
    "offtopic": 6.4,
    # claims-v17: 6.7 and 6.4 (graded 4-6): five fillers of stock phrases that name the
    # question's terms read 10 (vague.py's credit), level with the vague answers it lifts.
    "filler": 6.8,
    "retracted": 1.0,
    "idk": 2.5,
}
# Right answers (writers: 62-64) keep at least this mean.
RIGHT_MEAN = 55.0


def _rows(name: str) -> list[tuple[str, str, float]]:
    out = []
    for item, percent, _ in scored(DATA / name):
        assert item.kind is not None
        out.append((item.group, item.kind, percent))
    return out


@pytest.fixture(scope="module", params=FILES)
def rows(request) -> list[tuple[str, str, float]]:
    return _rows(request.param)


def test_vague_answers_earn_a_modest_score(rows):
    vague = [p for _, k, p in rows if k == "vague"]
    assert statistics.mean(vague) >= VAGUE_MEAN, sorted(vague)


def test_what_only_looks_like_a_vague_answer_does_not_rise(rows):
    for kind, most in FOOLING_MOST.items():
        scores = [p for _, k, p in rows if k == kind]
        if scores:
            assert statistics.mean(scores) <= most, (kind, sorted(scores))


def test_vague_answers_stay_above_salad_filler_and_other_questions(rows):
    vague = statistics.mean(p for _, k, p in rows if k == "vague")
    for kind in ("salad", "offtopic", "filler", "retracted", "idk", "twoway"):
        scores = [p for _, k, p in rows if k == kind]
        if scores:
            assert statistics.mean(scores) < vague, (kind, vague)


def test_right_answers_keep_their_scores(rows):
    right = [p for _, k, p in rows if k == "good"]
    assert statistics.mean(right) >= RIGHT_MEAN, sorted(right)


QUESTION = "breadth.regularization.dropout_mechanics"
VAGUE = (
    "Dropout is a regularization technique for neural networks. It behaves differently in "
    "training and at inference, and it can help the network generalise and not overfit."
)


def test_a_general_answer_earns_the_credit_and_no_more():
    result, percent = judged_on(QUESTION, VAGUE)
    assert percent is not None
    assert all(c.level == 1 for c in result.criteria)
    assert all((c.progress or 0.0) >= general.GENERAL_CREDIT for c in result.criteria)
    assert percent < 100.0 / 3.0


def test_a_sweeping_claim_earns_no_credit():
    swept = VAGUE.replace("it can help", "it always helps")
    result, _ = judged_on(QUESTION, swept)
    assert not all((c.progress or 0.0) >= general.GENERAL_CREDIT for c in result.criteria)


@pytest.mark.parametrize(
    ("text", "sweeps"),
    [
        ("Bagging is only used with neural networks.", True),
        ("For this loop it doesn't matter at all.", True),
        ("Every object can be hashed.", True),
        ("It is not always needed.", False),
        ("Not every feature needs scaling, and it can help.", False),
        ("It usually helps, depending on the data.", False),
    ],
)
def test_sweeping_claims(text, sweeps):
    assert general.says_sweeping(text) is sweeps
