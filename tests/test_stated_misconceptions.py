"""A judge result lists the wrong claims an answer stated; transcripts and reports keep them."""

import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from interviewer.domain.judging import JudgeResult, ScoreStatus, StatedMisconception
from interviewer.report import render_json
from interviewer.store.transcripts import TranscriptStore

FIXTURE = Path(__file__).parent / "fixtures" / "transcripts" / "v4.json"


def test_a_stated_misconception_needs_a_quote_and_a_correction():
    found = StatedMisconception(
        key_point_id="too_high",
        misconception_id="high_rate_slow",
        quote="a high learning rate converges slowly",
        correction="Too high a rate overshoots or diverges.",
    )
    result = JudgeResult(status=ScoreStatus.scored, misconceptions=[found])
    assert JudgeResult.model_validate_json(result.model_dump_json()) == result
    with pytest.raises(ValidationError):
        StatedMisconception(quote="", correction="Too high a rate overshoots or diverges.")
    with pytest.raises(ValidationError):
        StatedMisconception(quote="a high rate is slow", correction="")
    assert JudgeResult(status=ScoreStatus.scored).misconceptions == []


def test_the_json_report_lists_the_misconceptions_a_transcript_kept(tmp_path):
    session = TranscriptStore(tmp_path).load(FIXTURE)
    report = json.loads(render_json(session))
    listed = [m for r in report["rounds"] for q in r["questions"] for m in q["misconceptions"]]
    assert [m["misconception_id"] for m in listed] == ["fixture_batch_smaller_rate"]
    answer = session.questions[0].answers[0].text
    assert listed[0]["quote"] in answer
