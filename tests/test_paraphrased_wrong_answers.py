"""Fluent wrong answers that state their questions' common misconceptions in other words
than the bank's claims and cues, graded by their writer before they were scored
(tests/data/README.md): `paraphrased_wrong_answers.jsonl` was read while the judge was
changed; `paraphrased_wrong_aside.jsonl` was kept aside and scored once, at the end. No
misconception or cue was written from either.

The reading of misconceptions by their distinct words (claims.DIFFERS_SHARE) ships on, a
claim read so yielding to its key point stated elsewhere (offline.DIFFERENCE_YIELDS_AT). The
judge as shipped is held here, and with the reading off."""

import statistics
from pathlib import Path

import pytest

from interviewer.judge import claims
from tests.answer_sets import scored

DATA = Path(__file__).parent / "data"
FILES = ("paraphrased_wrong_answers.jsonl", "paraphrased_wrong_aside.jsonl")
# The judge's mean score for the wrong answers of each file, at most (writers: 6-12), with
# the reading off (35.3 and 40.7, above the bar of 35) and as shipped (31.1 and 40.7:
# the claims that yield to a point stated elsewhere cost the developed file 3 points of the
# 7 it took off without yielding).
WRONG_MEAN = {
    ("paraphrased_wrong_answers.jsonl", "off"): 36.0,
    ("paraphrased_wrong_aside.jsonl", "off"): 41.5,
    ("paraphrased_wrong_answers.jsonl", "on"): 31.5,
    ("paraphrased_wrong_aside.jsonl", "on"): 39.0,
}
# Right answers (writers: 88-90) keep at least this mean (88.6 and 92.9 when written).
RIGHT_MEAN = {"paraphrased_wrong_answers.jsonl": 85.0, "paraphrased_wrong_aside.jsonl": 88.0}


def test_the_reading_ships_on():
    assert claims.DIFFERS_SHARE <= 1.0


@pytest.fixture(scope="module", params=[(f, r) for f in FILES for r in ("off", "on")])
def judged(request) -> tuple[tuple[str, str], list[tuple[str, str, float, set[str]]]]:
    name, reading = request.param
    with pytest.MonkeyPatch.context() as patch:
        if reading == "off":
            patch.setattr(claims, "DIFFERS_SHARE", 1.01)
        rows = []
        for item, percent, result in scored(DATA / name):
            assert item.kind is not None
            named = {m.misconception_id for m in result.misconceptions}
            rows.append((item.group, item.kind, percent, named))
    return request.param, rows


def test_each_question_has_wrong_answers_and_a_right_one(judged):
    _, rows = judged
    for group in {g for g, _, _, _ in rows}:
        kinds = [k for g, k, _, _ in rows if g == group]
        assert kinds.count("excellent") == 1 and kinds.count("wrong") >= 2, group


def test_fluent_wrong_answers_score_low_on_average(judged):
    key, rows = judged
    wrong = [p for _, k, p, _ in rows if k == "wrong"]
    assert statistics.mean(wrong) <= WRONG_MEAN[key], sorted(wrong)


def test_the_reading_lowers_the_wrong_answers_of_the_developed_file():
    def mean_wrong() -> float:
        rows = scored(DATA / FILES[0])
        return statistics.mean(p for item, p, _ in rows if item.kind == "wrong")

    on = mean_wrong()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(claims, "DIFFERS_SHARE", 1.01)
        off = mean_wrong()
    assert on < off - 3, (off, on)


def test_right_answers_keep_their_scores_and_name_no_misconception(judged):
    (name, _), rows = judged
    right = [(g, p, named) for g, k, p, named in rows if k == "excellent"]
    assert statistics.mean(p for _, p, _ in right) >= RIGHT_MEAN[name], sorted(right)
    assert not [(g, named) for g, _, named in right if named]
