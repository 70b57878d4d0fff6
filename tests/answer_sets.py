"""Scoring a graded answer set with the offline judge, as `interviewer calibrate` does: the
sets' tests each hold thresholds on the same scores."""

import io
from pathlib import Path

from interviewer.commands.calibrate import CalibrationItem, Requests, read_dataset
from interviewer.content.loader import load_content
from interviewer.domain.judging import JudgeRequest, JudgeResult
from interviewer.judge.offline import OfflineJudge


def scored(path: Path) -> list[tuple[CalibrationItem, float, JudgeResult]]:
    """Each item of the set with its percent and the judge's result; every line is valid
    and every answer is scored."""
    items, broken = read_dataset(path, io.StringIO())
    assert broken == 0
    build, judge = Requests(), OfflineJudge()
    out = []
    for item in items:
        request = build(item)
        result = judge.score_now(request)
        percent = result.percent(request.rubric)
        assert percent is not None, result.reason
        out.append((item, percent, result))
    return out


def judged_on(question_id: str, answer: str) -> tuple[JudgeResult, float | None]:
    """One answer to a shipped bank question, scored with its key points and its round's
    rubric: the judge's result and its percent."""
    content = load_content()
    question = content.questions[question_id]
    request = JudgeRequest(
        round_kind=question.round,
        question=question.prompt,
        key_points=question.key_points,
        rubric=content.rubrics[question.round.value],
        answer=answer,
    )
    result = OfflineJudge().score_now(request)
    return result, result.percent(request.rubric)
