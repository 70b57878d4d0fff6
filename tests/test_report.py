"""The Markdown report reads as the interview went (issue 13 item 9): the follow-up
questions beside the answers they got, each key point once, never cut mid-word."""

import io

from interviewer.domain.judging import CriterionScore, JudgeResult, ScoreStatus
from interviewer.domain.session import Session, TurnKind
from interviewer.judge.scripted import ScriptedJudge
from interviewer.report import render_markdown
from tests.test_tui_support import Rig

FIRST = "Overfitting is when the model fits noise in the training data."


async def interview(tmp_path) -> Session:
    rig = Rig(tmp_path)
    judge = ScriptedJudge()
    rig.backend.judge = judge
    runner = rig.runner("tiny_single")
    await runner.begin()
    prompt = await runner.answer(FIRST)
    assert prompt is not None and prompt.kind is TurnKind.follow_up
    await runner.wait_for_judging()
    asked = runner.session.questions[0]
    kps = [kp.id for kp in asked.key_points]
    judge.enqueue(
        JudgeResult(
            status=ScoreStatus.scored,
            criteria=[
                CriterionScore(criterion_id="correctness", level=2),
                CriterionScore(criterion_id="clarity", level=3),
            ],
            covered_key_points=kps[:1],
            missed_key_points=kps[1:],
            feedback=(
                "Strong: The model fits noise in the training data and generalises poo….\n"
                "Missing: Training error keeps falling while validation error rises.\n"
                "Correctness: aim for — every point, in order.\n"
                "Clarity: aim for — ordered and clear."
            ),
        )
    )
    await runner.answer("I don't know.")
    await runner.finish()
    return runner.session


async def test_follow_up_prompts_stand_before_the_answers_they_got(tmp_path):
    session = await interview(tmp_path)
    follow_up = session.questions[0].turns[2].text
    text = render_markdown(session)
    assert f"> {FIRST}\n\n**Follow-up:** {follow_up}\n\n> I don't know." in text


async def test_each_key_point_is_listed_once_and_whole(tmp_path):
    session = await interview(tmp_path)
    text = render_markdown(session)
    for kp in session.questions[0].key_points:
        assert text.count(kp.text) == 1, kp.text
    assert "poo…" not in text  # the judge's shortened "Strong:" line is not shown
    assert "Missing:" not in text and "Key points missed" not in text
    assert "Clarity: aim for — ordered and clear." in text  # the rest of the feedback stays
    first, *rest = session.questions[0].key_points  # the heaviest first, as the outline
    assert f"1. ✓ {first.text}" in text
    assert all(f"✗ {kp.text}" in text for kp in rest)


async def test_the_report_says_level_and_track(tmp_path):
    session = await interview(tmp_path)
    assert "· mode mock · level mid · backend offline ·" in render_markdown(session)


async def test_each_line_of_feedback_reads_as_its_own_line(tmp_path):
    # Seen in tmux: two "aim for" lines ran together into one paragraph ("...in order.
    # Clarity: aim for") in the scorecard and in the rendered export.
    from rich.console import Console
    from rich.markdown import Markdown

    session = await interview(tmp_path)
    console = Console(width=200, record=True, file=io.StringIO())
    console.print(Markdown(render_markdown(session)))
    shown = [line.strip() for line in console.export_text().splitlines()]
    assert "Correctness: aim for — every point, in order." in shown
    assert "Clarity: aim for — ordered and clear." in shown
