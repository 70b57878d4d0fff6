"""A fair overall (issue 9 item 4) and scores that a failed re-score never hides (issue 13
item 3): skipped questions count 0, unreached ones are listed, and the last scoring run
that worked is the one shown."""

import asyncio
import json
from datetime import timedelta
from pathlib import Path

from interviewer.cli import main
from interviewer.domain.judging import CriterionScore, JudgeResult, ScoreStatus
from interviewer.domain.scorecard import build_scorecard
from interviewer.domain.session import ScoringRun, Session
from interviewer.judge.scripted import ScriptedJudge
from interviewer.report import render_json, render_markdown
from interviewer.store.transcripts import TranscriptStore
from tests.test_tui_support import Rig


def scored(session: Session, level: int) -> JudgeResult:
    rubric = next(iter(session.rubrics.values()))
    return JudgeResult(
        status=ScoreStatus.scored,
        criteria=[CriterionScore(criterion_id=c.id, level=level) for c in rubric.criteria],
    )


async def loop(tmp_path: Path, moves: list[str], judge: ScriptedJudge | None = None) -> Session:
    """tiny_loop (two breadth questions, one python) played by `moves`: an answer's text,
    "/skip", or "/end" (finish now)."""
    rig = Rig(tmp_path)
    if judge is not None:
        rig.backend.judge = judge
    runner = rig.runner("tiny_loop")
    prompt = await runner.begin()
    for move in moves:
        assert prompt is not None
        if move == "/end":
            break
        if move == "/skip":
            prompt = await runner.skip()
            continue
        prompt = await runner.answer(move)
        if prompt is not None and prompt.kind.value == "follow_up":
            prompt = await runner.skip()  # the follow-up passed: the question stays answered
    await runner.finish()
    return runner.session


async def test_a_skipped_question_counts_as_zero(tmp_path):
    judge = ScriptedJudge(level=4)
    session = await loop(tmp_path, ["a full answer", "/skip", "another full answer"], judge)
    card = build_scorecard(session)
    warm_up, python = card.rounds
    assert [q.status for q in warm_up.questions] == ["scored", "skipped"]
    assert [q.counted for q in warm_up.questions] == [100.0, 0.0]
    assert warm_up.percent == 50.0  # was 100: the skip was left out of the mean
    assert python.percent == 100.0
    assert card.overall == 75.0
    assert card.coverage_text == "2 of 3 questions answered; 1 skipped or left unanswered (0 each)"


async def test_i_dont_know_never_scores_below_a_skip(tmp_path):
    judge = ScriptedJudge(level=1)  # the floor: what an honest "I don't know" earns
    honest = build_scorecard(await loop(tmp_path / "a", ["I don't know."] * 3, judge))
    skipper = build_scorecard(await loop(tmp_path / "b", ["/skip"] * 3))
    assert honest.overall is not None and skipper.overall is not None
    assert honest.overall >= skipper.overall == 0.0


async def test_questions_never_reached_are_listed_and_the_overall_says_how_many(tmp_path):
    session = await loop(tmp_path, ["a good answer", "/end"], ScriptedJudge(level=4))
    card = build_scorecard(session)
    assert card.answered == 1 and card.planned == 3
    assert card.not_reached == 1  # the python round never began
    # The question on screen when the interview ended was asked and left: it counts 0.
    assert card.rounds[0].questions[1].status == "not answered"
    assert card.rounds[0].questions[1].counted == 0.0
    assert not card.rounds[1].reached and card.rounds[1].not_reached == 1
    assert card.overall == 50.0  # the unreached round is not averaged in as anything
    text = render_markdown(session)
    assert "**Overall: 50/100 — 1 of 3 questions answered" in text
    assert "1 not reached" in text
    assert "## Round 2: Python — not reached" in text
    data = json.loads(render_json(session))
    assert (data["answered"], data["planned"], data["not_reached"]) == (1, 3, 1)
    assert data["rounds"][1]["reached"] is False


async def test_practice_scenarios_say_the_same(tmp_path):
    rig = Rig(tmp_path)
    runner = rig.runner("tiny_single")
    await runner.begin()
    await runner.finish()  # nothing answered
    card = build_scorecard(runner.session)
    assert card.coverage_text == "0 of 1 questions answered; 1 skipped or left unanswered (0 each)"
    assert card.overall == 0.0


def run_at(session: Session, result: JudgeResult, minutes: int, answers: int = 1) -> ScoringRun:
    first = session.questions[0].scoring_runs[0]
    return ScoringRun(
        judge=first.judge,
        result=result,
        at=first.at + timedelta(minutes=minutes),
        answers_judged=answers,
    )


async def test_a_failed_rescore_never_hides_the_last_run_that_worked(tmp_path):
    session = await loop(tmp_path, ["an answer", "another", "a third"], ScriptedJudge(level=4))
    before = build_scorecard(session).overall
    for asked in session.questions:
        asked.scoring_runs.append(run_at(session, JudgeResult.unscored("no API key"), 5))
    card = build_scorecard(session)
    assert card.overall == before == 100.0
    assert card.failed_reruns == 3 and card.unscored == 0
    shown = card.rounds[0].questions[0]
    assert shown.run is not None and shown.run.result.is_scored
    assert shown.failed_run is not None and shown.failed_run.result.reason == "no API key"
    text = render_markdown(session)
    assert "**Overall: 100/100" in text
    assert "The newest scoring run of 3 answer(s) failed" in text
    assert "failed: no API key. The score shown is from the last run that worked." in text
    # A run that worked after the failure is the one shown again, with no note.
    for asked in session.questions:
        asked.scoring_runs.append(run_at(session, scored(session, 2), 9))
    card = build_scorecard(session)
    assert card.failed_reruns == 0 and round(card.overall or 0) == 33


def test_list_and_report_keep_the_earlier_score_after_a_failed_rescore(tmp_path, capsys):
    moves = ["an answer", "another", "a third"]
    session = asyncio.run(loop(tmp_path, moves, ScriptedJudge(level=4)))
    store = TranscriptStore(tmp_path / "transcripts")
    failing = ["--backend", "openai", "--base-url", "http://127.0.0.1:9/v1"]  # nothing there
    code = main(["rescore", session.id, *failing])
    err = capsys.readouterr().err
    assert code != 0
    assert "cannot be used" in err and "Nothing was re-scored" in err
    assert len(store.open(session.id).questions[0].scoring_runs) == 1  # no failed run added
    # A failure that left runs (the judge failed answer by answer) is said in list and report.
    saved = store.open(session.id)
    for asked in saved.questions:
        asked.scoring_runs.append(run_at(saved, JudgeResult.unscored("model unavailable"), 5))
    store.compact(saved)
    assert main(["list"]) == 0
    line = capsys.readouterr().out
    assert "100/100" in line and "3 of 3 answered" in line
    assert "newest re-score failed on 3" in line
    assert main(["report", session.id]) == 0
    report = capsys.readouterr().out
    assert "**Overall: 100/100" in report and "failed: model unavailable" in report


def test_rescore_says_which_answers_failed_and_exits_non_zero(tmp_path, capsys, server):
    moves = [
        "The model fits noise in the training data, so validation error rises while "
        "training error keeps falling; regularisation or more data reduces it."
    ] * 3
    session = asyncio.run(loop(tmp_path, moves, ScriptedJudge(level=4)))
    server.enqueue(*[{"for": "judge", "content": "not json at all"}] * 40)
    code = main(
        ["rescore", session.id, "--backend", "openai", "--base-url", server.url, "--model", "m"]
    )
    out = capsys.readouterr()
    assert code == 1, out
    assert "failed for 3 of 3 answer(s)" in out.err
    assert "the scores shown stay those of the last run that worked" in out.err
    assert (
        build_scorecard(TranscriptStore(tmp_path / "transcripts").open(session.id)).overall == 100
    )
