"""The interview screen as a candidate meets it (issue 13 items 2, 4, 5, 6, 11, 12): typed
text stays with its question, practice feedback keeps the follow-up's point to itself,
the round clock stops while the app is closed, a clarifying question shows once, and the
screen says which backend is in use, lets Tab move on and warns when it is too small."""

from datetime import timedelta
from pathlib import Path

import pytest
from textual.geometry import Region
from textual.widgets import Markdown, Static, TextArea

from interviewer.domain.question import Clarification
from interviewer.domain.session import Mode, SessionStatus, TurnKind
from interviewer.tui.base import TooSmall
from interviewer.tui.confirm import ConfirmScreen
from interviewer.tui.interview import InterviewScreen
from interviewer.tui.scorecard import ScorecardScreen
from interviewer.tui.text import progress_text
from tests.test_tui_support import FIXED_NOW, SIZE, Rig

HALF = "Too high a rate makes the loss"


async def settle(pilot, app) -> None:
    await pilot.pause()
    await app.workers.wait_for_complete()
    runner = getattr(app.screen, "runner", None)
    if runner is not None:
        await runner.wait_for_judging()
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


def type_in(app, text: str) -> None:
    app.screen.query_one("#answer", TextArea).insert(text)


async def test_end_round_submits_what_was_typed_to_its_own_question(tmp_path: Path) -> None:
    rig = Rig(tmp_path)
    runner = rig.runner("tiny_loop")
    app = rig.app(runner)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        first = runner.session.questions[0]
        type_in(app, HALF)
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "What you typed is submitted as your answer" in app.screen.question
        await pilot.press("y")
        await settle(pilot, app)
        prompt = runner.prompt()
        assert prompt is not None and prompt.round_index == 1  # the python round
        assert app.screen.query_one("#answer", TextArea).text == ""  # not carried over
        assert [t.text for t in first.answers] == [HALF]
        assert first.turns[-1].kind is TurnKind.answer  # no follow-up made after it
        assert first.scoring_runs  # judged


async def test_end_round_in_the_last_round_keeps_the_text(tmp_path: Path) -> None:
    rig = Rig(tmp_path)
    runner = rig.runner("tiny_single")
    app = rig.app(runner)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        type_in(app, HALF)
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert "the interview ends" in app.screen.question  # type: ignore[attr-defined]
        await pilot.press("y")
        await settle(pilot, app)
        assert isinstance(app.screen, ScorecardScreen)
    saved = rig.store.open(runner.session.id)
    assert saved.status is SessionStatus.finished
    assert [t.text for t in saved.questions[0].answers] == [HALF]
    assert saved.questions[0].follow_ups_asked == 0


async def test_finish_with_typed_text_saves_no_follow_up_nobody_saw(tmp_path: Path) -> None:
    rig = Rig(tmp_path)
    runner = rig.runner("tiny_single")
    app = rig.app(runner)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        type_in(app, HALF)  # misses key points: an ordinary answer would get a follow-up
        await pilot.press("ctrl+f", "y")
        await settle(pilot, app)
    saved = rig.store.open(runner.session.id)
    assert [t.kind for t in saved.questions[0].turns] == [TurnKind.question, TurnKind.answer]


async def test_practice_feedback_keeps_the_pending_follow_ups_point(tmp_path: Path) -> None:
    rig = Rig(tmp_path)
    runner = rig.runner("tiny_loop", Mode.practice)
    app = rig.app(runner)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        type_in(app, HALF)
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        asked = runner.session.questions[0]
        assert asked.turns[-1].kind is TurnKind.follow_up
        probed = next(kp for kp in asked.key_points if kp.id == asked.turns[-1].probes)
        feedback = app.screen.query_one("#feedback-0", Markdown).source
        assert "Score:" in feedback
        assert probed.text not in feedback and "Model-answer outline" not in feedback
        assert "Answer the follow-up first" in feedback
        type_in(app, "A schedule warms up then decays the rate.")
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        feedback = app.screen.query_one("#feedback-0", Markdown).source
        assert "Model-answer outline" in feedback and probed.text in feedback


async def test_the_round_clock_stops_while_the_app_is_closed(tmp_path: Path) -> None:
    rig = Rig(tmp_path)
    runner = rig.runner("tiny_loop")
    now = [FIXED_NOW]
    runner.clock = lambda: now[0]
    prompt = await runner.begin()
    assert prompt is not None
    now[0] += timedelta(minutes=2)
    await runner.quit()
    runner.close()
    now[0] += timedelta(days=1)  # closed overnight
    resumed = rig.runner("tiny_loop")
    resumed.session = rig.store.open(runner.session.id)
    resumed.clock = lambda: now[0]
    app = rig.app(resumed)
    app.clock = lambda: now[0]
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        progress = str(app.screen.query_one("#progress", Static).render())
        assert "02:00 of 10:00" in progress, progress
        assert "over time" not in progress
    record = rig.store.open(runner.session.id).rounds[0]
    assert record.paused_seconds == timedelta(days=1).total_seconds()


async def test_a_clarifying_question_is_shown_once_and_the_feature_is_explained(
    tmp_path: Path,
) -> None:
    rig = Rig(tmp_path)
    runner = rig.runner("tiny_single")
    app = rig.app(runner)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        question = runner.bank[runner.session.questions[0].question_id]
        question.clarifications.append(
            Clarification(triggers=["batch"], fact="Batches of 256 examples.")
        )
        type_in(app, "What batch size do we use?")
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        shown = [str(w.render()) for w in app.screen.query(".candidate")]
        assert shown.count("What batch size do we use?") == 1
        assert runner.session.questions[0].turns[-1].text == "Batches of 256 examples."


async def test_system_design_says_how_to_ask_a_clarifying_question(tmp_path: Path) -> None:
    rig = Rig(tmp_path)
    runner = rig.runner("tiny_single")
    app = rig.app(runner)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        assert "?" not in str(screen.query_one("#answer", TextArea).border_title)
        runner.session.scenario.rounds[0].kind = runner.session.scenario.rounds[0].kind.__class__(
            "system_design"
        )
        screen.show_coding(runner.prompt())
        title = str(screen.query_one("#answer", TextArea).border_title)
        assert "end a short question with ? to ask" in title


async def test_the_backend_is_on_the_interview_screen(tmp_path: Path) -> None:
    rig = Rig(tmp_path)
    app = rig.app(rig.runner("tiny_single"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        assert str(app.screen.query_one("#backend", Static).render()) == "offline engine"


async def test_tab_leaves_the_answer_box(tmp_path: Path) -> None:
    rig = Rig(tmp_path)
    app = rig.app(rig.runner("tiny_single", Mode.practice))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        answer = app.screen.query_one("#answer", TextArea)
        assert answer.has_focus and "tab: feedback" in str(answer.border_title)
        await pilot.press("tab")
        await pilot.pause()
        assert not answer.has_focus and answer.text == ""


async def test_save_and_quit_only_where_there_is_something_to_save(tmp_path: Path) -> None:
    rig = Rig(tmp_path)
    app = rig.app(rig.runner("tiny_single"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        labels = {b.binding.description for b in app.screen.active_bindings.values()}
        assert "Save & quit" in labels
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        bindings = app.screen.active_bindings
        assert bindings["ctrl+q"].binding.description == "Quit"


async def test_a_terminal_too_small_says_so_and_recovers(tmp_path: Path) -> None:
    rig = Rig(tmp_path)
    app = rig.app(rig.runner("tiny_single"))
    async with app.run_test(size=(40, 10)) as pilot:
        await settle(pilot, app)
        warning = app.screen.query_one(TooSmall)
        assert "This terminal is 40x10" in str(warning.render())
        await pilot.resize_terminal(80, 24)
        await settle(pilot, app)
        assert not app.screen.query(TooSmall)
        assert runner_prompt_shown(app)


def runner_prompt_shown(app) -> bool:
    return bool(app.screen.query("InterviewerTurn"))


async def test_confirm_dialogs_show_their_whole_text(tmp_path: Path) -> None:
    rig = Rig(tmp_path)
    app = rig.app(rig.runner("tiny_single"))
    async with app.run_test(size=(70, 20)) as pilot:
        await settle(pilot, app)
        await pilot.press("ctrl+r")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ConfirmScreen)
        label = dialog.query_one("#confirm Label")
        whole = Region(0, 0, label.size.width, label.size.height)
        shown = " ".join(strip.text.strip() for strip in label.render_lines(whole))
        assert " ".join(dialog.question.split()) in " ".join(shown.split())


def test_the_status_line_keeps_the_question_clock_and_hints_at_80_columns() -> None:
    # Seen in tmux at 80x24: "... · 00:03 of 20:00 · hints" with the number of hints
    # wrapped off the one-line status bar.
    whole = progress_text(
        round_number=1,
        rounds=1,
        title="Project deep dive",
        question=1,
        questions=3,
        clock="00:03 of 20:00",
        hints_left=1,
    )
    assert whole == "Round 1/1 Project deep dive · Q 1/3 · 00:03 of 20:00 · hints 1"
    narrow = {"round_number": 3, "rounds": 5, "question": 1, "questions": 1, "hints_left": 2}
    short = progress_text(
        **narrow, title="ML system design", clock="41:07 of 35:00 (over time)", width=60
    )
    assert short == "R3/5 ML system design · Q1/1 · 41:07/35:00 over · hints 2"
    cut = progress_text(
        **narrow, title="A very long round title indeed", clock="00:03 of 20:00", width=44
    )
    assert cut.startswith("R3/5 A very") and cut.endswith("… · Q1/1 · 00:03/20:00 · hints 2")
    assert len(cut) <= 44
    assert len(progress_text(**narrow, title="x" * 50, clock="00:03", width=20)) <= 20


async def test_the_status_line_fits_the_status_bar(tmp_path: Path) -> None:
    rig = Rig(tmp_path)
    runner = rig.runner("tiny_single")
    runner.session.scenario.rounds[0].title = "Warm-up on the fundamentals of machine learning"
    app = rig.app(runner)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        progress = app.screen.query_one("#progress", Static)
        shown = str(progress.render())
        assert len(shown) <= progress.content_size.width, shown
        assert shown.startswith("R1/1 Warm-up on the") and shown.endswith("· Q1/1 · 00:00/05:00")


@pytest.mark.parametrize("screen", ["home", "history", "scorecard", "replay"])
async def test_every_screen_says_when_the_terminal_is_too_small(tmp_path: Path, screen) -> None:
    rig = Rig(tmp_path)
    session_id = await rig.finished_session("tiny_single")
    app = rig.app()
    async with app.run_test(size=(40, 10)) as pilot:
        await settle(pilot, app)
        if screen == "history":
            await pilot.press("ctrl+g")
        elif screen == "scorecard":
            app.open_scorecard(rig.store.open(session_id))
        elif screen == "replay":
            app.open_replay(rig.store.open(session_id))
        await settle(pilot, app)
        assert "This terminal is 40x10" in str(app.screen.query_one(TooSmall).render())
        await pilot.resize_terminal(80, 24)
        await settle(pilot, app)
        assert not app.screen.query(TooSmall)
