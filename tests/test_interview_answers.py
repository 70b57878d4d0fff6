"""The offline judge on interview answers graded by an interviewer before any scoring.

tests/data/interview_answers.jsonl (see tests/data/README.md): 150 answers to 15 bank
questions, of every kind an interview hears, including answers written to fool a judge.
The judge must order the kinds as the interviewer did: excellent above good, good above
vague and fluent-but-wrong, and keyword salad, off-topic, retracted and hedged answers at
the bottom. The thresholds hold the judge's current figures with a margin, so a change
that undoes the claims reading fails here.
"""

import io
from pathlib import Path
from statistics import mean

import pytest

from interviewer.commands.calibrate import Requests, read_dataset
from interviewer.judge.calibration import spearman
from interviewer.judge.offline import OfflineJudge

DATASET = Path(__file__).parent / "data" / "interview_answers.jsonl"


@pytest.fixture(scope="module")
def judged() -> dict[str, list[tuple[float, float]]]:
    """Per kind: (interviewer's grade, judge's percent) for each answer."""
    errors = io.StringIO()
    items, broken = read_dataset(DATASET, errors)
    assert broken == 0, errors.getvalue()
    build = Requests()
    judge = OfflineJudge()
    out: dict[str, list[tuple[float, float]]] = {}
    for item in items:
        request = build(item)
        percent = judge.score_now(request).percent(request.rubric)
        assert percent is not None
        assert item.kind is not None
        out.setdefault(item.kind, []).append((item.score, percent))
    return out


def judge_mean(judged, kind: str) -> float:
    return mean(p for _, p in judged[kind])


def test_the_set_has_every_kind_for_every_question():
    items, _ = read_dataset(DATASET, io.StringIO())
    kinds = {"excellent", "good", "vague", "wrong", "salad", "offtopic"}
    by_question: dict[str, set[str]] = {}
    for item in items:
        by_question.setdefault(item.group, set()).add(item.kind or "")
    assert len(by_question) >= 10
    assert all(kinds <= found for found in by_question.values()), by_question


def test_kinds_are_ordered_as_the_interviewer_ordered_them(judged):
    means = {kind: judge_mean(judged, kind) for kind in judged}
    assert means["excellent"] > means["good"] > means["vague"] + 20
    assert means["good"] > means["wrong"] + 20
    bottom = max(means[k] for k in ("salad", "offtopic", "retracted", "hedged"))
    assert bottom < means["vague"] and bottom < means["wrong"]


def test_answers_built_to_fool_a_judge_score_low(judged):
    assert judge_mean(judged, "wrong") <= 30
    assert judge_mean(judged, "salad") <= 10
    assert judge_mean(judged, "retracted") <= 10
    assert judge_mean(judged, "hedged") <= 10
    assert judge_mean(judged, "offtopic") <= 15


def test_the_judge_ranks_answers_as_the_interviewer_did(judged):
    pairs = [pair for kind in judged.values() for pair in kind]
    rho = spearman([p for _, p in pairs], [g for g, _ in pairs])
    assert rho >= 0.55
