"""Replay (issue 13 items 8 and 10): jump to a question, re-score results in place, line
breaks kept; plain replay in words (no internal labels), paged on a terminal and dumped
when piped; plain resume says where the interview stands; plain mode prompts for input."""

import io
import os
import pty
import subprocess
import sys
from pathlib import Path

from textual.widgets import Markdown, OptionList, Static

from interviewer.commands.sessions import render_replay
from interviewer.domain.session import TurnKind
from interviewer.plain import INPUT_PROMPT, PlainInterview
from interviewer.tui.replay import QuestionList, ReplayScreen
from tests.plain_driver import cli_env
from tests.test_tui_support import SIZE, Rig

TWO_LINES = "First, the training loss keeps falling.\nThen the validation loss turns up."


async def settle(pilot, app) -> None:
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def two_round_session(rig: Rig) -> str:
    runner = rig.runner("tiny_loop")
    runner.session.id = "20260314-093000-aaaa"
    prompt = await runner.begin()
    prompt = await runner.answer(TWO_LINES)
    while prompt is not None:
        prompt = await runner.answer("Another answer about regularisation and more data.")
    await runner.finish()
    runner.close()
    return runner.session.id


async def open_replay(rig: Rig, pilot, app, session_id: str) -> ReplayScreen:
    await settle(pilot, app)
    app.open_replay(rig.store.open(session_id))
    await settle(pilot, app)
    screen = app.screen
    assert isinstance(screen, ReplayScreen)
    return screen


async def test_a_question_list_to_jump_to_and_a_question_at_a_time(tmp_path: Path) -> None:
    rig = Rig(tmp_path)
    session_id = await two_round_session(rig)
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_replay(rig, pilot, app, session_id)
        last = len(screen.session.questions) - 1
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, QuestionList)
        options = app.screen.query_one(OptionList)
        assert options.option_count == len(screen.session.questions)
        assert "Round 2 · Q1:" in str(options.get_option_at_index(last).prompt)
        options.highlighted = last
        await pilot.press("enter")
        await settle(pilot, app)
        assert app.screen is screen
        asked, turn = screen.steps[screen.position]
        assert asked is screen.session.questions[last] and turn == 0
        assert "Round 2 · Q1 (Python)" in str(screen.query_one("#replay-position").render())
        await pilot.press("pageup")
        await settle(pilot, app)
        asked, turn = screen.steps[screen.position]
        assert asked is screen.session.questions[last - 1] and turn == 0


async def test_single_line_breaks_are_kept(tmp_path: Path) -> None:
    rig = Rig(tmp_path)
    session_id = await two_round_session(rig)
    app = rig.app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_replay(rig, pilot, app, session_id)
        await pilot.press("right")
        await settle(pilot, app)
        shown = [str(w.render()) for w in screen.query("#replay-turns .candidate")]
        assert TWO_LINES in shown  # the two lines, not joined into one paragraph


async def test_the_newest_turn_stays_in_view_when_layout_comes_late(tmp_path: Path) -> None:
    # The interviewer's Markdown is laid out after the step's refresh; on a loaded machine
    # a one-off scroll to the end could land first and leave the newest turn below the fold
    # (a flaky replay snapshot). Content that grows after the step must keep the end shown.
    rig = Rig(tmp_path)
    session_id = await two_round_session(rig)
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_replay(rig, pilot, app, session_id)
        await pilot.press("right", "right")
        await settle(pilot, app)
        box = screen.query_one("#replay-turns")
        await box.mount(Static("\n".join(f"late line {n}" for n in range(40))))
        await settle(pilot, app)
        assert box.max_scroll_y > 0
        assert box.scroll_y == box.max_scroll_y


async def test_a_rescore_shows_its_result_in_place(tmp_path: Path) -> None:
    rig = Rig(tmp_path)
    session_id = await two_round_session(rig)
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_replay(rig, pilot, app, session_id)
        await pilot.press("r")
        await settle(pilot, app)
        banner = str(screen.query_one("#replay-rescored", Static).render())
        assert banner.startswith("Re-scored 3 answer(s): overall 67/100 → 67/100")
        newest = len(screen.steps[screen.position][0].scoring_runs)
        runs = screen.query_one("#replay-runs", Markdown).source
        first_run = runs.splitlines()[0]
        assert first_run.startswith(f"**Run {newest}** · **new**")  # the newest first, marked
        assert runs.index(f"**Run {newest}**") < runs.index("**Run 1**")
        assert runs.count("**new**") == 1
        assert screen.query_one("#replay-scores").scroll_y == 0


async def test_plain_replay_speaks_in_words(tmp_path: Path) -> None:
    rig = Rig(tmp_path)
    session = rig.store.open(await two_round_session(rig))
    text = render_replay(session)
    assert "follow_up" not in text and "(question)" not in text
    assert "Interviewer (follow-up) [" in text
    assert "Correctness 3/4, Clarity 3/4" in text
    assert "correctness=" not in text


def test_plain_replay_pages_on_a_terminal_and_dumps_when_piped(tmp_path: Path) -> None:
    import asyncio

    rig = Rig(tmp_path)
    session_id = asyncio.run(two_round_session(rig))
    env = cli_env(tmp_path / "transcripts")
    marker = tmp_path / "paged.txt"
    env["PAGER"] = f"cat > {marker}"
    env["MANPAGER"] = env["PAGER"]
    args = [sys.executable, "-m", "interviewer", "replay", session_id, "--plain"]
    piped = subprocess.run(args, capture_output=True, text=True, env=env, timeout=60)
    assert piped.returncode == 0 and "Replay of" in piped.stdout
    assert not marker.exists()  # piped: written as it is, no pager
    main, child = pty.openpty()
    try:
        done = subprocess.run(args, stdin=child, stdout=child, stderr=child, env=env, timeout=60)
    finally:
        os.close(child)
        os.close(main)
    assert done.returncode == 0
    assert "Replay of" in marker.read_text()  # on a terminal: through the pager


async def test_plain_resume_shows_the_question_the_answers_and_the_follow_up(
    tmp_path: Path,
) -> None:
    rig = Rig(tmp_path)
    runner = rig.runner("tiny_single")
    await runner.begin()
    prompt = await runner.answer(TWO_LINES)
    assert prompt is not None and prompt.kind is TurnKind.follow_up
    await runner.quit()
    runner.close()
    resumed = rig.runner("tiny_single")
    resumed.session = rig.store.open(runner.session.id)
    out = io.StringIO()
    code = await PlainInterview(resumed, io.StringIO(""), out).run()
    assert code == 0
    text = out.getvalue()
    asked = resumed.session.questions[0]
    recap = text[text.index("Resuming session") :]
    question = asked.turns[0].text.replace("\n", "\n  ")
    answer = TWO_LINES.replace("\n", "\n  ")
    assert recap.index(f"  Interviewer: {question}") < recap.index(f"  You: {answer}")
    assert recap.index(f"  You: {answer}") < recap.index(f"\nInterviewer: {prompt.text}")


async def test_plain_mode_prompts_for_each_line_at_a_terminal(tmp_path: Path) -> None:
    typed = "An answer\non two lines\n.\n/quit\n"
    outputs = []
    for n, interactive in enumerate((True, False)):
        rig = Rig(tmp_path / str(n))
        out = io.StringIO()
        runner = rig.runner("tiny_single")
        await PlainInterview(runner, io.StringIO(typed), out, interactive=interactive).run()
        outputs.append(out.getvalue())
    at_terminal, piped = outputs
    # One prompt before each of the three lines read for the answer, one for the next.
    assert at_terminal.count(INPUT_PROMPT) - piped.count(INPUT_PROMPT) == 4
