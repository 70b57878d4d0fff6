"""Case changes nothing the judge reads: an answer typed all in lower case is split into
the same sentences and gets the same score as the answer as written."""

import io
from pathlib import Path

import pytest

from interviewer.commands.calibrate import Requests, read_dataset
from interviewer.judge.offline import OfflineJudge
from interviewer.judge.text import sentences

DATA = Path(__file__).parent / "data"


def test_a_colon_before_a_new_clause_ends_a_sentence_in_lower_case_too():
    cased = "I trusted it because I did error analysis: I read a hundred false positives."
    assert [s.text.lower() for s in sentences(cased)] == [s.text for s in sentences(cased.lower())]


def test_a_colon_before_a_list_does_not_end_a_sentence_in_lower_case():
    assert len(sentences("two things matter: speed and cost.")) == 1


@pytest.mark.parametrize("name", ["interview_answers", "plain_answers"])
def test_right_answers_score_the_same_in_lower_case(name):
    items, broken = read_dataset(DATA / f"{name}.jsonl", io.StringIO())
    assert broken == 0
    build, judge = Requests(), OfflineJudge()
    moved = {}
    for item in items:
        if item.kind not in ("excellent", "good"):
            continue
        as_written = build(item)
        lower = build(item.model_copy(update={"answer": item.answer.lower()}))
        a = judge.score_now(as_written).percent(as_written.rubric)
        b = judge.score_now(lower).percent(lower.rubric)
        assert a is not None and b is not None
        if abs(a - b) > 0.5:
            moved[item.id] = (a, b)
    assert not moved
