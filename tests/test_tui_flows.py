"""The app driven with the keyboard through Pilot: every flow a candidate uses."""

import asyncio
import json
from pathlib import Path

from textual import events
from textual.widgets import DataTable, Input, OptionList, Select, TextArea

from interviewer.conductor.offline import OfflineConductor
from interviewer.content.loader import load_content
from interviewer.domain.session import Mode, SessionStatus
from interviewer.session_factory import (
    NewInterview,
    backend_for,
    create_session,
    make_runner,
    store_for,
)
from interviewer.settings import Settings
from interviewer.tui.app import build_app
from interviewer.tui.conversation import InterviewerTurn, flat_turns
from interviewer.tui.history import HistoryScreen
from interviewer.tui.home import HomeScreen
from interviewer.tui.interview import InterviewScreen
from interviewer.tui.replay import ReplayScreen
from interviewer.tui.scorecard import ScorecardScreen
from tests.test_tui_support import SIZE, Rig

WEAK = "I am not sure, something about the model."
STRONG = (
    "The model fits noise and generalises poorly; training error keeps falling while the "
    "validation error rises, and regularisation or more data helps."
)


async def settle(pilot, app) -> None:
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def type_answer(pilot, app, text: str) -> None:
    app.screen.query_one("#answer", TextArea).insert(text)
    await pilot.press("ctrl+s")
    await settle(pilot, app)


async def test_start_answer_follow_up_and_end_on_the_scorecard(tmp_path: Path) -> None:
    rig = Rig(tmp_path)
    runner = rig.runner("tiny_single")
    app = rig.app(runner)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        assert isinstance(app.screen, InterviewScreen)
        first = runner.prompt()
        assert first is not None and first.question_number == 1
        assert "Round 1/1 Warm-up · Q 1/1 · 00:00 of 05:00" in str(
            app.screen.query_one("#progress").render()
        )
        await type_answer(pilot, app, WEAK)
        follow_up = runner.prompt()
        assert follow_up is not None and follow_up.kind.value == "follow_up"
        shown = len(app.screen.query(".turn"))
        assert shown >= 3  # question, answer, follow-up
        await type_answer(pilot, app, STRONG)
        await runner.wait_for_judging()
        await settle(pilot, app)
        assert isinstance(app.screen, ScorecardScreen)
        await pilot.press("escape")  # Home, built only now, lists the finished session
        await settle(pilot, app)
        assert isinstance(app.screen, HomeScreen)
        recent = app.screen.query_one("#recent", OptionList)
        assert recent.get_option_at_index(0).id == runner.session.id
    saved = rig.store.open(runner.session.id)
    assert saved.status is SessionStatus.finished
    assert [t.text for t in saved.questions[0].answers] == [WEAK, STRONG]
    assert saved.questions[0].scoring_runs


async def test_new_interview_from_home_in_practice_mode_shows_feedback(tmp_path: Path) -> None:
    rig = Rig(tmp_path)
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        assert isinstance(app.screen, HomeScreen)
        app.screen.query_one("#scenario", Select).value = "tiny_loop"  # three questions
        await pilot.pause()
        await pilot.click("#mode-practice")
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        assert screen.session.mode is Mode.practice
        assert screen.query_one("#feedback").display
        await type_answer(pilot, app, STRONG)
        await screen.runner.wait_for_judging()
        await pilot.pause()
        blocks = screen.query(".feedback")
        assert len(blocks) == 1
        source = blocks.first().source  # type: ignore[attr-defined]
        assert "Score:" in source
        if screen.session.questions[0].follow_ups_asked:  # the outline waits for it
            assert "Model-answer outline" not in source
            await pilot.press("ctrl+n")  # pass on the follow-up
            await settle(pilot, app)
        assert "Model-answer outline" in blocks.first().source  # type: ignore[attr-defined]


async def test_a_bad_project_file_is_a_notification_not_a_crash(tmp_path: Path) -> None:
    rig = Rig(tmp_path)
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        app.screen.query_one("#project-file", Input).value = str(tmp_path / "missing.md")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        messages = [n.message for n in app._notifications]
        assert any("project file not found" in m for m in messages)


async def test_quit_keeps_the_draft_and_resume_restores_it(tmp_path: Path) -> None:
    rig = Rig(tmp_path)
    runner = rig.runner("tiny_loop")
    session_id = runner.session.id
    app = rig.app(runner)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await type_answer(pilot, app, STRONG)
        app.screen.query_one("#answer", TextArea).insert("half an answer")
        await pilot.press("ctrl+q")
        await pilot.pause()
    draft = tmp_path / "transcripts" / ".drafts" / f"{session_id}.txt"
    assert draft.read_text() == "half an answer"
    saved = rig.store.open(session_id)
    assert saved.status is SessionStatus.in_progress

    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        resume = app.screen.query_one("#resume", OptionList)
        assert resume.get_option_at_index(0).id == session_id
        resume.focus()
        resume.highlighted = 0
        await pilot.press("enter")
        await settle(pilot, app)
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        assert screen.query_one("#answer", TextArea).text == "half an answer"
        assert STRONG in {t.text for t in screen.session.questions[0].answers}
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        assert not draft.exists()


async def test_hint_skip_and_end_round(tmp_path: Path) -> None:
    rig = Rig(tmp_path)
    runner = rig.runner("tiny_loop", seed=3)
    app = rig.app(runner)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        before = runner.prompt()
        assert before is not None
        await pilot.press("ctrl+n")  # skip
        await settle(pilot, app)
        after = runner.prompt()
        assert after is not None and after.question_number == 2
        await pilot.press("ctrl+r", "y")  # end round, confirmed
        await settle(pilot, app)
        now = runner.prompt()
        assert now is not None and now.round_index == 1
        assert "Round 2 · Python" in [str(w.render()) for w in app.screen.query(".round-heading")]


async def test_finish_early_scores_what_was_typed(tmp_path: Path) -> None:
    rig = Rig(tmp_path)
    runner = rig.runner("tiny_loop")
    app = rig.app(runner)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        app.screen.query_one("#answer", TextArea).insert(STRONG)
        await pilot.press("ctrl+f", "y")
        await settle(pilot, app)
        await runner.wait_for_judging()
        await settle(pilot, app)
        assert isinstance(app.screen, ScorecardScreen)
        await pilot.press("ctrl+e")
        await pilot.pause()
    saved = rig.store.open(runner.session.id)
    assert saved.status is SessionStatus.finished
    assert saved.questions[0].answers[0].text == STRONG
    export = tmp_path / "transcripts" / f"{runner.session.id}.md"
    assert export.read_text().startswith("# Scorecard — Tiny loop")


async def test_a_failed_runner_call_is_a_notification_and_the_interview_goes_on(
    tmp_path: Path,
) -> None:
    rig = Rig(tmp_path)
    runner = rig.runner("tiny_single")
    app = rig.app(runner)

    async def broken_skip(on_chunk=None):
        raise ConnectionError("endpoint unreachable")

    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        runner.skip = broken_skip  # type: ignore[method-assign]
        await pilot.press("ctrl+n")
        await settle(pilot, app)
        assert isinstance(app.screen, InterviewScreen)
        assert any("endpoint unreachable" in n.message for n in app._notifications)
        await type_answer(pilot, app, STRONG)
        assert runner.session.questions[0].answers


async def test_history_lists_every_session_and_broken_ones(tmp_path: Path) -> None:
    rig = Rig(tmp_path)
    await rig.finished_session("tiny_loop", session_id="20260314-093000-aaaa")
    await rig.finished_session("tiny_single", session_id="20260314-093000-bbbb")
    (tmp_path / "transcripts" / "20260101-000000-dead.json").write_text('{"id": "trunc')
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await pilot.press("ctrl+g")
        await settle(pilot, app)
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        table = screen.query_one("#sessions", DataTable)
        assert table.row_count == 3
        statuses = [table.get_row_at(i)[6] for i in range(3)]
        assert statuses == ["finished", "finished", "broken"]
        assert "Correctness" in str(screen.query_one("#trends").render())
        table.move_cursor(row=2)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        assert any("not valid JSON" in n.message for n in app._notifications)
        screen.query_one("#filter-scenario", Select).value = "tiny_single"
        await pilot.pause()
        assert table.row_count == 2  # the matching session and the broken file
        table.move_cursor(row=0)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ScorecardScreen)
        assert app.screen.session.id == "20260314-093000-bbbb"


async def test_replay_steps_through_turns_and_rescore_appends_a_run(tmp_path: Path) -> None:
    rig = Rig(tmp_path)
    session_id = await rig.finished_session("tiny_single")
    runs_before = len(rig.store.open(session_id).questions[0].scoring_runs)
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await pilot.press("ctrl+g")
        await settle(pilot, app)
        await pilot.press("r")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReplayScreen)
        assert "Turn 1/" in str(screen.query_one("#replay-position").render())
        await pilot.press("right")
        await pilot.pause()
        assert screen.position == 1
        await pilot.press("left", "left")
        assert screen.position == 0
        await pilot.press("r")
        await settle(pilot, app)
        runs = screen.query_one("#replay-runs").source  # type: ignore[attr-defined]
        assert f"Run {runs_before + 1}" in runs
    saved = rig.store.open(session_id)
    assert len(saved.questions[0].scoring_runs) == runs_before + 1


async def test_bindings_are_in_the_command_palette(tmp_path: Path) -> None:
    rig = Rig(tmp_path)
    app = rig.app(rig.runner("tiny_single"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        titles = {c.title for c in app.get_system_commands(app.screen)}
        assert {"Submit", "Hint", "Skip", "End round", "Finish", "History"} <= titles


def test_transcript_on_disk_is_json(tmp_path: Path) -> None:
    rig = Rig(tmp_path)
    runner = rig.runner()
    rig.store.save(runner.session)
    data = json.loads(rig.store.path_for(runner.session.id).read_text())
    assert data["id"] == runner.session.id


async def test_the_shipped_content_and_offline_backend_through_the_cli_factory(
    tmp_path: Path,
) -> None:
    settings = Settings(transcripts_dir=tmp_path / "transcripts", backend="offline")
    store = store_for(settings)
    backend = backend_for(settings)
    content = load_content()
    request = NewInterview(scenario_id="practice_breadth", mode=Mode.practice, seed=11)
    runner = make_runner(create_session(content, request, backend), content, store, backend)
    app = build_app(settings, runner=runner)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        assert "offline" in app.get_backend().description  # type: ignore[union-attr]
        first = runner.prompt()
        assert first is not None
        await type_answer(pilot, app, STRONG)
        await runner.wait_for_judging()
        await pilot.pause()
        assert runner.session.questions[0].scoring_runs[0].judge.kind == "offline"
        assert isinstance(app.screen, InterviewScreen)


async def test_submit_takes_every_key_typed_before_it(tmp_path: Path) -> None:
    rig = Rig(tmp_path)
    runner = rig.runner("tiny_single")
    app = rig.app(runner)
    typed = "regularisation and more data both help"
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        for char in typed:  # a burst, as from a fast typist or a paste without brackets
            app.post_message(events.Key("space" if char == " " else char, char))
        app.post_message(events.Key("ctrl+s", None))
        await settle(pilot, app)
    assert runner.session.questions[0].answers[0].text == typed


class ChunkingConductor(OfflineConductor):
    """Speaks word by word, as a streaming LLM would; fails the first time if asked."""

    def __init__(self, fail_first: bool = False) -> None:
        super().__init__()
        self.fail_next = fail_first

    async def speak(self, request):
        if self.fail_next:
            self.fail_next = False
            raise ConnectionError("endpoint unreachable")
        async for text in super().speak(request):
            for word in text.split(" "):
                await asyncio.sleep(0)
                yield word + " "


async def test_streamed_turns_become_one_widget_each_with_the_whole_text(tmp_path: Path) -> None:
    rig = Rig(tmp_path)
    rig.backend.conductor = ChunkingConductor()
    runner = rig.runner("tiny_loop")
    app = rig.app(runner)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await type_answer(pilot, app, WEAK)
        widgets = list(app.screen.query(InterviewerTurn))
        said = [t for _, t in flat_turns(runner.session) if t.role == "interviewer"]
        assert [w.text.strip() for w in widgets] == [t.text for t in said]


async def test_a_failed_first_question_can_be_asked_again(tmp_path: Path) -> None:
    rig = Rig(tmp_path)
    rig.backend.conductor = ChunkingConductor(fail_first=True)
    runner = rig.runner("tiny_single")
    app = rig.app(runner)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        assert runner.prompt() is None
        assert any("endpoint unreachable" in n.message for n in app._notifications)
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        assert runner.prompt() is not None
        assert len(app.screen.query(InterviewerTurn)) == 1
