"""History with a long past: a page of rows at a time, the chart from the index."""

from pathlib import Path

from textual.widgets import DataTable

from interviewer.tui import history
from interviewer.tui.history import HistoryScreen
from tests.test_index import scored_session
from tests.test_tui_support import SIZE, Rig


async def test_the_table_fills_a_page_at_a_time_and_broken_files_come_last(
    tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(history, "PAGE", 60)
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
        assert table.get_row_at(0)[0].startswith("2026-05-14")  # T0 + 129 days
        assert "130 session(s), 1 broken" in screen.sub_title
        assert "Correctness" in str(screen.query_one("#trends").render())
        table.move_cursor(row=59)
        await pilot.pause()
        assert table.row_count == 120
        table.move_cursor(row=119)
        await pilot.pause()
        assert table.row_count == 131  # all of them, and the broken file after
        assert table.get_row_at(130)[3] == "broken"
