"""Home, History and a new interview's question selection read the history index, never
a transcript they do not show (issue 14): every transcript parse is counted."""

from pathlib import Path

from textual.widgets import DataTable

from interviewer.tui.history import HistoryScreen
from tests.test_index import scored_session
from tests.test_tui_support import SIZE, Rig


async def test_home_history_and_a_new_interview_parse_no_transcript_they_do_not_show(
    tmp_path: Path, monkeypatch
) -> None:
    from textual.widgets import Select

    from interviewer.store import schema
    from interviewer.tui.home import HomeScreen
    from interviewer.tui.interview import InterviewScreen
    from interviewer.tui.scorecard import ScorecardScreen

    rig = Rig(tmp_path)
    for n in range(40):
        rig.store.save(scored_session(f"2026{n // 28 + 1:02d}{n % 28 + 1:02d}-s{n:03d}", days=n))
    parsed: list[str] = []
    real = schema.session_from_json

    def counting(data):
        parsed.append(data.get("id", "?"))
        return real(data)

    monkeypatch.setattr(schema, "session_from_json", counting)
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("ctrl+g")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        table = screen.query_one("#sessions", DataTable)
        assert table.row_count == 40
        assert "Correctness" in str(screen.query_one("#trends").render())
        assert parsed == []  # Home, the table and the chart: all from the index
        table.move_cursor(row=0)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ScorecardScreen)
        assert parsed == ["20260212-s039"]  # the one shown, and only it
        await pilot.press("escape", "escape")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        app.screen.query_one("#scenario", Select).value = "tiny_loop"
        await pilot.pause()
        await pilot.press("ctrl+s")  # question selection reads the candidate's past
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        assert parsed == ["20260212-s039"]
