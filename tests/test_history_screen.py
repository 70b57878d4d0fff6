"""History you can act on (issue 13 item 7): mode and rounds columns, filters by mode and
round (the round's own score), a chart of finished sessions only, delete with a
confirmation, and resume of a session still under way."""

from pathlib import Path

from textual.widgets import DataTable, Select

from interviewer.domain.session import Mode
from interviewer.tui import history as history_module
from interviewer.tui.confirm import ConfirmScreen
from interviewer.tui.history import HistoryScreen
from interviewer.tui.interview import InterviewScreen
from tests.test_index import scored_session
from tests.test_tui_support import SIZE, Rig

WIDE = (120, 40)


async def settle(pilot, app) -> None:
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def history(rig: Rig, pilot, app) -> HistoryScreen:
    await settle(pilot, app)
    await pilot.press("ctrl+g")
    await settle(pilot, app)
    screen = app.screen
    assert isinstance(screen, HistoryScreen)
    return screen


def rows(screen: HistoryScreen) -> list[list[str]]:
    table = screen.query_one("#sessions", DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


async def three_sessions(rig: Rig) -> None:
    await rig.finished_session("tiny_loop", session_id="20260314-093000-aaaa")
    await rig.finished_session("tiny_single", Mode.practice, "20260314-093000-bbbb")
    runner = rig.runner("tiny_single")
    runner.session.id = "20260314-093000-cccc"
    await runner.begin()
    # One answer of the session still under way, judged at the floor: it must not be the
    # chart's newest point.
    rig.backend.judge.default_level = 1  # type: ignore[attr-defined]
    await runner.answer("The team went to an offsite and we planned the roadmap.")
    await runner.quit()
    rig.backend.judge.default_level = 3  # type: ignore[attr-defined]


async def test_mode_and_rounds_columns_and_a_filter_by_mode(tmp_path: Path) -> None:
    rig = Rig(tmp_path)
    await three_sessions(rig)
    app = rig.app()
    async with app.run_test(size=WIDE) as pilot:
        screen = await history(rig, pilot, app)
        # Same date: by file name. A one-round practice reads as its round, not as a loop.
        assert [r[2:4] + r[5:] for r in rows(screen)] == [
            ["mock", "2 rounds", "3/3", "finished"],
            ["practice", "breadth", "1/1", "finished"],
            ["mock", "breadth", "1/1", "in progress"],
        ]
        assert screen.sub_title == "3 session(s)"
        screen.query_one("#filter-mode", Select).value = "practice"
        await pilot.pause()
        assert [r[2] for r in rows(screen)] == ["practice"]
        assert screen.sub_title == "1 of 3 session(s)"  # the title says a filter hides some
        screen.query_one("#filter-mode", Select).value = "mock"
        await pilot.pause()
        assert sorted(r[2] for r in rows(screen)) == ["mock", "mock"]


async def test_the_chart_plots_finished_sessions_with_answers_only(tmp_path: Path) -> None:
    rig = Rig(tmp_path)
    await three_sessions(rig)
    app = rig.app()
    async with app.run_test(size=WIDE) as pilot:
        screen = await history(rig, pilot, app)
        chart = str(screen.query_one("#trends").render())
        # Two finished sessions at level 3: two points, the newest 3.0 (the one in progress,
        # at level 1, is neither a point nor the newest level).
        line = next(line for line in chart.splitlines() if "Correctness" in line)
        assert line.rstrip().endswith("3.0")
        assert "▁" not in line  # no level-1 point anywhere


async def test_a_round_filter_shows_that_rounds_score(tmp_path: Path) -> None:
    rig = Rig(tmp_path)
    await rig.finished_session("tiny_loop", session_id="20260314-093000-aaaa")
    session = rig.store.open("20260314-093000-aaaa")
    python = next(q for q in session.questions if q.round_index == 1)
    python.scoring_runs.clear()  # the python round unscored: its score reads "—"
    rig.store.compact(session)
    app = rig.app()
    async with app.run_test(size=WIDE) as pilot:
        screen = await history(rig, pilot, app)
        table = screen.query_one("#sessions", DataTable)
        assert rows(screen)[0][4] == "67/100"
        screen.query_one("#filter-kind", Select).value = "python"
        await pilot.pause()
        assert rows(screen)[0][4] == "—"
        assert str(table.ordered_columns[4].label) == "python score"
        screen.query_one("#filter-kind", Select).value = "breadth"
        await pilot.pause()
        assert rows(screen)[0][4] == "67/100"


async def test_delete_asks_first_and_removes_the_session(tmp_path: Path) -> None:
    rig = Rig(tmp_path)
    await three_sessions(rig)
    app = rig.app()
    async with app.run_test(size=WIDE) as pilot:
        screen = await history(rig, pilot, app)
        table = screen.query_one("#sessions", DataTable)
        table.move_cursor(row=0)
        doomed = screen.selected()
        assert doomed is not None and doomed.session is not None
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "cannot be undone" in app.screen.question
        await pilot.press("n")  # changed my mind
        await settle(pilot, app)
        assert table.row_count == 3 and doomed.session.path.exists()
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot, app)
        assert table.row_count == 2
        assert not doomed.session.path.exists()
        assert doomed.session.id not in {s.id for s in rig.store.summaries().sessions}


async def test_enter_on_a_session_under_way_resumes_it(tmp_path: Path) -> None:
    rig = Rig(tmp_path)
    await three_sessions(rig)
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await history(rig, pilot, app)
        table = screen.query_one("#sessions", DataTable)
        row = next(i for i, r in enumerate(rows(screen)) if r[6] == "in progress")
        table.move_cursor(row=row)
        await pilot.press("enter")
        await settle(pilot, app)
        assert isinstance(app.screen, InterviewScreen)
        assert app.screen.session.id == "20260314-093000-cccc"
        assert app.screen.prompt is not None  # the open question is asked again


async def test_the_table_fills_a_page_at_a_time_and_broken_files_come_last(
    tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(history_module, "PAGE", 60)
    rig = Rig(tmp_path)
    for n in range(130):
        rig.store.save(scored_session(f"2026{n // 28 + 1:02d}{n % 28 + 1:02d}-s{n:03d}", days=n))
    (rig.store.root / "20250101-000000-dead.json").write_text('{"id": "trunc')
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+g")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        table = screen.query_one("#sessions", DataTable)
        assert table.row_count == 60  # the newest first
        assert table.get_row_at(0)[0].startswith("05-14")  # T0 + 129 days (80 columns: no year)
        assert "130 session(s), 1 broken" in screen.sub_title
        assert "Correctness" in str(screen.query_one("#trends").render())
        table.move_cursor(row=59)
        await pilot.pause()
        assert table.row_count == 120
        table.move_cursor(row=119)
        await pilot.pause()
        assert table.row_count == 131  # all of them, and the broken file after
        assert table.get_row_at(130)[6] == "broken"


def test_a_long_criterion_name_in_the_chart_ends_in_an_ellipsis() -> None:
    # Seen in tmux at 80x24: "Behavioral · Reflection and learni" cut mid-word.
    text = history_module.trend_text(
        [("Behavioral · Reflection and learning", [1.0, 2.0], 2.0)], 10, label_width=30
    )
    line = text.splitlines()[1]
    assert line.startswith("Behavioral · Reflection and l… "), line


async def test_a_finished_session_without_answers_takes_no_place_in_the_chart(
    tmp_path: Path,
) -> None:
    rig = Rig(tmp_path)
    await rig.finished_session("tiny_loop", session_id="20260314-093000-aaaa")
    runner = rig.runner("tiny_single")
    runner.session.id = "20260314-093000-zero"
    await runner.begin()
    await runner.finish()  # finished at once: nothing answered
    await rig.finished_session("tiny_single", Mode.practice, "20260314-093000-bbbb")
    app = rig.app()
    async with app.run_test(size=WIDE) as pilot:
        screen = await history(rig, pilot, app)
        assert "0/1" in {r[5] for r in rows(screen)}  # listed, with no answer
        chart = str(screen.query_one("#trends").render())
        line = next(line for line in chart.splitlines() if "Correctness" in line)
        points = line.split()[-2]
        assert points == "▆▆", line  # two sessions with answers, no gap for the empty one
