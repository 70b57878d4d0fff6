"""The history screen: every session newest first, filters, and scores over time."""

from dataclasses import dataclass, replace
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
from interviewer.store.locks import SessionLocked
from interviewer.store.transcripts import SessionFilter, SessionSummary, TranscriptError
from interviewer.tui.base import AppScreen
from interviewer.tui.confirm import ConfirmScreen
from interviewer.tui.text import fit, percent_text, sparkline

ALL = "all"
PAGE = 100  # sessions added to the table at a time, more as the cursor nears the end


@dataclass
class Row:
    key: str
    session: SessionSummary | None
    broken: TranscriptError | None = None


# A criterion's label, its level in each session of the chart (oldest first), its newest.
Trend = tuple[str, list[float | None], float]


def criterion_trends(
    window: list[SessionSummary],
    levels: dict[str, list[tuple[str, float | None]]],
    latest: dict[str, float],
) -> list[Trend]:
    """Per criterion that any matching session scored (`latest`, from the index): its mean
    level in each session of the window (`levels`, by transcript file), oldest first."""
    ordered = sorted(window, key=lambda s: s.created_at)
    series: dict[str, list[float | None]] = {label: [None] * len(ordered) for label in latest}
    for i, session in enumerate(ordered):
        for label, level in levels.get(session.path.name, ()):
            if level is not None and label in series:
                series[label][i] = level
    return [(label, series[label], latest[label]) for label in sorted(latest)]


def trend_text(trends: list[Trend], width: int = 40, label_width: int = 34) -> str:
    if not trends:
        return "[$text-muted]No scored sessions match yet: scores per criterion appear here.[/]"
    lines = ["[b]Level per criterion over time[/b] (oldest → newest, 1-4)"]
    for label, values, latest in trends:
        recent = values[-width:]
        shown = escape(for_terminal(f"{fit(label, label_width):<{label_width}}"))
        lines.append(f"{shown} {sparkline(recent)} {latest:.1f}")
    return "\n".join(lines)


ROUND_LABELS = {
    "breadth": "breadth",
    "system_design": "design",
    "deep_dive": "deep dive",
    "behavioral": "behavioral",
    "python": "python",
    "coding": "coding",
    "ml_coding": "ML coding",
    "domain": "domain",
}
MODES = [("all modes", ALL), ("mock", "mock"), ("practice", "practice")]
# Every column but the date's and the scenario's, with cell padding and the scrollbar:
# the scenario column takes what is left (at 80 columns, about 14 characters).
FIXED_COLUMNS = 8 + 10 + 6 + 5 + 11 + 7 * 2 + 2
WIDE = 100  # from this width the date has its year


def rounds_text(kinds: tuple[str, ...]) -> str:
    """A one-round session by its round (a practice reads as what it practised), a loop
    by how many rounds it has."""
    if len(kinds) == 1:
        return ROUND_LABELS.get(kinds[0], kinds[0].replace("_", " "))
    return f"{len(kinds)} rounds"


class HistoryScreen(AppScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "Open", show=True),
        Binding("r", "replay", "Replay"),
        Binding("c", "resume", "Resume"),
        Binding("d,delete", "delete", "Delete"),
        Binding("escape", "app.go_back", "Back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.rows: dict[str, Row] = {}
        self.loaded = 0  # how many times the list was read (a new reading refills)
        self._filled: tuple[object, ...] | None = None  # what the table and chart show
        self._shown = 0  # matching sessions in the table
        self._complete = False  # every matching session is in the table
        self.broken: list[TranscriptError] = []
        self._total = 0  # readable sessions, filter or no filter
        self._matching = 0  # those the filters admit
        self._round_scores: dict[str, float | None] | None = None  # by file, when filtered

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
            yield Select(MODES, value=ALL, allow_blank=False, id="filter-mode", compact=True)
        table: DataTable[str] = DataTable(id="sessions", cursor_type="row", zebra_stripes=True)
        yield table
        with VerticalScroll(id="trends-box"):
            yield Static("", id="trends")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.title = "History"
        table = self.query_one("#sessions", DataTable)
        table.add_columns("date", "scenario", "mode", "rounds", "score", "ans.", "status")
        table.focus()

    def on_screen_resume(self) -> None:
        # Also the first showing (it follows mount); coming back from a replay that
        # re-scored a session shows the new scores. Only changed transcripts are read.
        self.load()

    @work(exclusive=True, group="listing", exit_on_error=False)
    async def load(self) -> None:
        listing = self.iapp.store.summaries(limit=0)  # the counts, the scenarios, no rows
        self.loaded += 1
        self.broken = listing.broken
        self._total = listing.total
        self.say_counts()
        scenarios = listing.scenarios
        select = self.query_one("#filter-scenario", Select)
        current = select.value
        select.set_options([("all scenarios", ALL), *scenarios])
        select.value = current if any(current == sid for _, sid in scenarios) else ALL
        self.fill()

    def say_counts(self) -> None:
        """'6 session(s)', or with a filter '1 of 6 session(s)'; the broken files too."""
        broken = f", {len(self.broken)} broken" if self.broken else ""
        shown = f"{self._matching} of " if self.where() != SessionFilter() else ""
        self.sub_title = f"{shown}{self._total} session(s){broken}"

    @on(Select.Changed)
    def filter_changed(self) -> None:
        self.fill()

    def where(self) -> SessionFilter:
        scenario = self.query_one("#filter-scenario", Select).value
        kind = self.query_one("#filter-kind", Select).value
        mode = self.query_one("#filter-mode", Select).value
        return SessionFilter(
            scenario_id=None if scenario == ALL else str(scenario),
            round_kind=None if kind == ALL else str(kind),
            mode=None if mode == ALL else str(mode),
        )

    def fill(self) -> None:
        where = self.where()
        state = (self.loaded, where, self.size.width)
        if state == self._filled:
            return  # the filters' own change events after load() set them
        self._filled = state
        self.query_one("#sessions", DataTable).clear()
        self.rows = {}
        self._shown = 0
        self._complete = False
        # Filtered by a round kind, the score is that round's (a design filter shows the
        # design score), not the whole loop's.
        kind = where.round_kind
        self._round_scores = None if kind is None else self.iapp.store.index.round_percents(kind)
        table = self.query_one("#sessions", DataTable)
        score_label = "score" if kind is None else f"{ROUND_LABELS.get(kind, kind)} score"
        table.columns[table.ordered_columns[4].key].label = Text(score_label)
        self.add_page(PAGE)  # load() has just refreshed the index
        self.say_counts()
        # The chart takes what the labels leave: a point a session, newest on the right.
        # Only finished sessions with an answer are plotted: a session still under way, or
        # one never answered, would plant a point that no interview earned.
        label_width = max(24, min(48, self.size.width // 2 - 6))
        points = max(10, self.size.width - label_width - 8)
        charted = self.iapp.store.summaries(
            where=replace(where, charted=True), limit=points, refresh=False
        ).sessions
        trends = self.trends(charted, where)
        self.query_one("#trends", Static).update(trend_text(trends, points, label_width))

    def add_page(self, size: int | None = None, *, refresh: bool = False) -> list[SessionSummary]:
        """The next sessions into the table (the broken files after the last), read from
        the index a page at a time: a table measures every row it is given, so thousands
        at once would take seconds."""
        table = self.query_one("#sessions", DataTable)
        if self._complete:
            return []
        page = self.iapp.store.summaries(
            where=self.where(), limit=size or PAGE, offset=self._shown, refresh=refresh
        )
        wide = self.size.width >= WIDE
        date_format = "%Y-%m-%d %H:%M" if wide else "%m-%d %H:%M"
        width = max(12, self.size.width - FIXED_COLUMNS - (16 if wide else 11))
        for session in page.sessions:
            score = session.overall
            if self._round_scores is not None:
                score = self._round_scores.get(session.path.name)
            table.add_row(
                f"{session.created_at:{date_format}}",
                Text(fit(for_terminal(session.scenario_title), width)),  # never read as markup
                session.mode,
                rounds_text(session.round_kinds),
                percent_text(score),
                f"{session.answered_questions}/{session.planned}",
                session.status.replace("_", " "),
                key=session.id,
            )
            self.rows[session.id] = Row(session.id, session)
        self._shown += len(page.sessions)
        self._matching = page.total
        self._complete = self._shown >= page.total
        if self._complete:
            for error in self.broken:
                key = f"broken:{error.path}"
                name = Text(fit(for_terminal(Path(error.path).name), width))
                table.add_row("?", name, "", "", "—", "", "broken", key=key)
                self.rows[key] = Row(key, None, error)
        return page.sessions

    @on(DataTable.RowHighlighted, "#sessions")
    def near_the_end(self, event: DataTable.RowHighlighted) -> None:
        if event.cursor_row >= event.data_table.row_count - 3:
            self.add_page()

    def trends(self, window: list[SessionSummary], where: SessionFilter) -> list[Trend]:
        """From the index: the levels of the sessions in view, and each criterion's newest
        level over all the matching ones (however many there are)."""
        if not window:
            return []
        index = self.iapp.store.index
        levels = index.criterion_levels([s.path.name for s in window], where.round_kind)
        latest = index.latest_levels(where.scenario_id, where.round_kind)
        return criterion_trends(window, levels, latest)

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
        """A finished session opens on its scorecard; one still under way is resumed."""
        row = self.selected()
        if row is not None and row.session is not None and not row.session.finished:
            self.action_resume()
            return
        session = self.selected_session()
        if session is not None:
            self.iapp.open_scorecard(session)

    def action_replay(self) -> None:
        session = self.selected_session()
        if session is not None:
            self.iapp.open_replay(session)

    def action_resume(self) -> None:
        row = self.selected()
        if row is None or row.session is None:
            return
        if row.session.finished:
            self.notify("That session is finished: enter opens its scorecard.", timeout=4)
            return
        session = self.selected_session()
        if session is None:
            return
        self.resume_session(session)

    def action_delete(self) -> None:
        row = self.selected()
        if row is None or row.session is None:
            return
        summary = row.session
        what = (
            f"Delete the {summary.status.replace('_', ' ')} session of "
            f"{summary.created_at:%Y-%m-%d %H:%M} ({summary.scenario_title}) for good? Its "
            "transcript, its answers and its scores are removed; this cannot be undone."
        )

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.delete(summary)

        self.app.push_screen(ConfirmScreen(for_terminal(what)), confirmed)

    def delete(self, summary: SessionSummary) -> None:
        try:
            self.iapp.store.delete(summary)
        except SessionLocked as exc:
            self.notify(str(exc), title="Cannot delete", severity="error", timeout=8, markup=False)
            return
        except OSError as exc:
            self.notify(
                f"{summary.path}: {exc.strerror or exc}",
                title="Cannot delete",
                severity="error",
                timeout=8,
                markup=False,
            )
            return
        self.notify(f"Deleted session {summary.id}.", timeout=4, markup=False)
        self.load()
