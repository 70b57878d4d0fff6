"""The history screen: every session newest first, filters, and scores over time."""

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from rich.markup import escape
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import DataTable, Footer, Header, Select, Static

from interviewer.domain.question import RoundKind
from interviewer.domain.session import Session
from interviewer.safe_text import for_terminal
from interviewer.store.transcripts import SessionSummary, TranscriptError
from interviewer.tui.base import AppScreen
from interviewer.tui.text import percent_text, sparkline

ALL = "all"


@dataclass
class Row:
    key: str
    session: SessionSummary | None
    broken: TranscriptError | None = None


def criterion_trends(
    sessions: list[SessionSummary], kind: str
) -> list[tuple[str, list[float | None]]]:
    """Per rubric criterion, its mean level in each session (oldest first)."""
    ordered = sorted(sessions, key=lambda s: s.created_at)
    series: dict[str, list[float | None]] = defaultdict(lambda: [None] * len(ordered))
    for i, session in enumerate(ordered):
        for rnd in session.rounds:
            if kind != ALL and rnd.kind != kind:
                continue
            for c in rnd.criteria:
                label = f"{rnd.rubric_title} · {c.name}"
                if c.mean_level is not None:
                    series[label][i] = c.mean_level
    return [(label, values) for label, values in sorted(series.items())]


def trend_text(
    trends: list[tuple[str, list[float | None]]], width: int = 40, label_width: int = 34
) -> str:
    if not trends:
        return "[$text-muted]No scored sessions match yet: scores per criterion appear here.[/]"
    lines = ["[b]Level per criterion over time[/b] (oldest → newest, 1-4)"]
    for label, values in trends:
        recent = values[-width:]
        latest = next((v for v in reversed(values) if v is not None), None)
        tail = f"{latest:.1f}" if latest is not None else "—"
        shown = escape(for_terminal(f"{label[:label_width]:<{label_width}}"))
        lines.append(f"{shown} {sparkline(recent)} {tail}")
    return "\n".join(lines)


class HistoryScreen(AppScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "Scorecard", show=True),
        Binding("r", "replay", "Replay"),
        Binding("escape", "app.go_back", "Back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.rows: dict[str, Row] = {}
        self.sessions: list[SessionSummary] = []
        self.broken: list[TranscriptError] = []

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="")
        with Horizontal(id="filters"):
            yield Select(
                [("all scenarios", ALL)],
                value=ALL,
                allow_blank=False,
                id="filter-scenario",
                compact=True,
            )
            kinds = [(k.value.replace("_", " "), k.value) for k in RoundKind]
            yield Select(
                [("all rounds", ALL), *kinds],
                value=ALL,
                allow_blank=False,
                id="filter-kind",
                compact=True,
            )
        table: DataTable[str] = DataTable(id="sessions", cursor_type="row", zebra_stripes=True)
        yield table
        with VerticalScroll(id="trends-box"):
            yield Static("", id="trends")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.title = "History"
        table = self.query_one("#sessions", DataTable)
        table.add_columns("date", "scenario", "overall", "status")
        table.focus()

    def on_screen_resume(self) -> None:
        # Also the first showing (it follows mount); coming back from a replay that
        # re-scored a session shows the new scores. Only changed transcripts are read.
        self.load()

    @work(exclusive=True, group="listing", exit_on_error=False)
    async def load(self) -> None:
        listing = self.iapp.store.summaries(with_scores=True)
        self.sessions = listing.sessions
        self.broken = listing.broken
        broken = f", {len(self.broken)} broken" if self.broken else ""
        self.sub_title = f"{len(self.sessions)} session(s){broken}"
        scenarios = sorted({(s.scenario_title, s.scenario_id) for s in self.sessions})
        select = self.query_one("#filter-scenario", Select)
        current = select.value
        select.set_options([("all scenarios", ALL), *scenarios])
        select.value = current if any(current == sid for _, sid in scenarios) else ALL
        self.fill()

    @on(Select.Changed)
    def filter_changed(self) -> None:
        self.fill()

    def matching(self) -> list[SessionSummary]:
        scenario = self.query_one("#filter-scenario", Select).value
        kind = self.query_one("#filter-kind", Select).value
        return [
            s
            for s in self.sessions
            if (scenario == ALL or s.scenario_id == scenario)
            and (kind == ALL or kind in s.round_kinds)
        ]

    def fill(self) -> None:
        table = self.query_one("#sessions", DataTable)
        table.clear()
        self.rows = {}
        matching = self.matching()
        for session in matching:
            table.add_row(
                f"{session.created_at:%Y-%m-%d %H:%M}",
                Text(for_terminal(session.scenario_title)),  # a Text: never read as markup
                percent_text(session.overall),
                session.status.replace("_", " "),
                key=session.id,
            )
            self.rows[session.id] = Row(session.id, session)
        for error in self.broken:
            key = f"broken:{error.path}"
            table.add_row("?", Text(for_terminal(Path(error.path).name)), "—", "broken", key=key)
            self.rows[key] = Row(key, None, error)
        kind = str(self.query_one("#filter-kind", Select).value)
        # The chart takes what the labels leave: a point a session, newest on the right.
        label_width = max(24, min(48, self.size.width // 2 - 6))
        points = max(10, self.size.width - label_width - 8)
        trends = criterion_trends(matching, kind)
        self.query_one("#trends", Static).update(trend_text(trends, points, label_width))

    def selected(self) -> Row | None:
        table = self.query_one("#sessions", DataTable)
        if table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        row = self.rows.get(key or "")
        if row is not None and row.broken is not None:
            self.notify(
                f"{row.broken.reason}. Move or delete {row.broken.path}, or restore it from a "
                "backup; the other sessions are unaffected.",
                title="Broken transcript",
                severity="warning",
                timeout=10,
                markup=False,
            )
            return None
        return row

    def selected_session(self) -> Session | None:
        """The selected session read in full (only now: the table comes from the index)."""
        row = self.selected()
        if row is None or row.session is None:
            return None
        try:
            return self.iapp.store.open_summary(row.session)
        except TranscriptError as exc:
            self.notify(exc.reason, title="Cannot open the session", severity="error", timeout=8)
            return None

    @on(DataTable.RowSelected, "#sessions")
    def action_open(self) -> None:
        session = self.selected_session()
        if session is not None:
            self.iapp.open_scorecard(session)

    def action_replay(self) -> None:
        session = self.selected_session()
        if session is not None:
            self.iapp.open_replay(session)
