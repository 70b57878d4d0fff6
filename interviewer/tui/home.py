"""The home screen: start a new interview, resume one, or look at recent sessions."""

import textwrap
from pathlib import Path
from typing import Any, ClassVar

from rich.markup import escape
from rich.segment import Segment
from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.strip import Strip
from textual.widgets import (
    Button,
    Footer,
    Header,
    Input,
    Label,
    OptionList,
    RadioButton,
    RadioSet,
    Select,
    SelectionList,
    Static,
)
from textual.widgets._toggle_button import ToggleButton
from textual.widgets.option_list import Option, OptionDoesNotExist

from interviewer.backends import Backend
from interviewer.domain.levels import DEFAULT_LEVEL, CareerLevel
from interviewer.domain.question import RoundKind
from interviewer.domain.scenario import Scenario, track_label
from interviewer.domain.session import Mode, Session
from interviewer.safe_text import for_terminal
from interviewer.session_factory import NewInterview, SetupError, domain_tracks
from interviewer.store.transcripts import SessionFilter, SessionSummary, TranscriptError
from interviewer.tui.base import AppScreen
from interviewer.tui.text import fit, percent_text

RECENT = 8


def shown(text: str) -> str:
    """Text from a server or a setting, fit for markup: sanitised, then escaped."""
    return escape(for_terminal(text))


def session_line(summary: SessionSummary) -> Text:
    """A Text, so that a title from a transcript file is shown, never read as markup."""
    when = f"{summary.created_at:%m-%d %H:%M}"
    return Text(for_terminal(f"{percent_text(summary.overall):>7} {when} {summary.scenario_title}"))


def clip_lines(text: str, width: int, lines: int) -> str:
    """`text` wrapped at `width`, at most `lines` lines, ending in an ellipsis if cut."""
    wrapped = textwrap.wrap(" ".join(text.split()), max(8, width))
    if len(wrapped) <= lines:
        return "\n".join(wrapped)
    kept = wrapped[:lines]
    last = kept[-1]
    kept[-1] = (last if len(last) < width else last[: width - 1].rstrip()) + "…"
    return "\n".join(kept)


def round_label(title: str, questions: int, minutes: int | None, width: int = 0) -> str:
    """'Project deep dive (3 q, 20 min)' in `width` cells (0: any): a title too long is cut
    with an ellipsis, never the number of questions and minutes after it."""
    budget = f", {minutes} min" if minutes else ""
    size = f"({questions} q{budget})"
    whole = f"{title} {size}"
    if width <= 0 or len(whole) <= width:
        return whole
    return f"{fit(title, max(6, width - len(size) - 1))} {size}"


class RoundsList(SelectionList[int]):
    """Rounds to sit: a chosen round's box holds an X, an unchosen one is empty (not told
    apart by colour alone)."""

    def render_line(self, y: int) -> Strip:
        line = super().render_line(y)
        _, scroll_y = self.scroll_offset
        try:
            selection = self.get_option_at_index(scroll_y + y)
        except OptionDoesNotExist:
            return line
        if selection.value in self._selected:
            return line
        segments = list(line)
        if len(segments) > 1 and segments[1].text == ToggleButton.BUTTON_INNER:
            segments[1] = Segment(" ", segments[1].style)
        return Strip(segments, line.cell_length)


class MarkedRadio(RadioButton):
    """A radio button whose dot is shown only when chosen (not told apart by colour alone)."""

    def render(self) -> Content:
        self.BUTTON_INNER = "●" if self.value else " "
        return super().render()


class HomeScreen(AppScreen):
    is_home = True
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "start", "Start", priority=True),
        Binding("ctrl+r", "focus_resume", "Resume", priority=True),
        Binding("ctrl+g", "app.history", "History", priority=True),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.sessions: dict[str, SessionSummary] = {}
        self.tracks = domain_tracks(self.iapp.content)
        self._description = ""
        self._rounds: list[tuple[str, int, int | None]] = []  # title, questions, minutes

    def compose(self) -> ComposeResult:
        scenarios = self.iapp.content.scenarios
        options = [(s.title, s.id) for s in sorted(scenarios.values(), key=lambda s: s.title)]
        default = (
            "ml_engineer" if "ml_engineer" in scenarios else (options[0][1] if options else None)
        )
        yield Header(show_clock=False, icon="")
        with Horizontal(id="home"):
            with VerticalScroll(id="new-interview"):
                yield Label("[b]New interview[/b]")
                yield Select(
                    options,
                    value=default or Select.NULL,
                    allow_blank=False,
                    id="scenario",
                    compact=True,
                )
                yield Static("", id="scenario-description", markup=False)
                with Horizontal(id="level-track"):
                    yield Select(
                        [(f"level: {level.value}", level.value) for level in CareerLevel],
                        value=DEFAULT_LEVEL.value,
                        allow_blank=False,
                        id="level",
                        compact=True,
                    )
                    yield Select(
                        [(f"track: {track_label(t)}", t) for t in self.tracks],
                        allow_blank=True,
                        prompt="track: choose",
                        id="track",
                        compact=True,
                    )
                yield Label("Rounds", id="rounds-label")
                yield RoundsList(id="rounds", compact=True)
                with RadioSet(id="mode", compact=True):
                    yield MarkedRadio("mock: feedback at the end", value=True, id="mode-mock")
                    yield MarkedRadio("practice: feedback per answer", id="mode-practice")
                yield Label("Project file (deep dive, optional)")
                yield Input(placeholder="path/to/project.md", id="project-file", compact=True)
                yield Button("Start interview  ctrl+s", id="start", variant="primary", compact=True)
            with Vertical(id="side"):
                yield Static("", id="backend-status")
                with Horizontal(id="model-choice"):
                    yield Button("Retry", id="model-retry", variant="primary", compact=True)
                    yield Button("Use offline", id="model-offline", compact=True)
                    yield Button("Quit", id="model-quit", variant="error", compact=True)
                yield Label("[b]Resume[/b] (enter)")
                yield OptionList(id="resume", compact=True)
                yield Label("[b]Recent[/b] (enter: scorecard)")
                yield OptionList(id="recent", compact=True)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.title = "interviewer"
        self.sub_title = "mock interviews for ML engineers"
        self.query_one("#model-choice").display = False
        self.failed_check: Any = None  # the last failed preflight report, if any
        select = self.query_one("#scenario", Select)
        if select.value is not Select.NULL:
            self.show_scenario(str(select.value))
        self.show_backend()  # the sessions load on ScreenResume, which follows mount

    def on_screen_resume(self) -> None:
        self.refresh_sessions()

    # --- the form ------------------------------------------------------------------------

    @on(Select.Changed, "#scenario")
    def scenario_changed(self, event: Select.Changed) -> None:
        if event.value is not Select.NULL:
            scenario = self.iapp.content.scenarios[str(event.value)]
            self.query_one("#level", Select).value = scenario.level.value
            track = self.query_one("#track", Select)
            tracks = [t for t in scenario.tracks if t in self.tracks]
            track.value = tracks[0] if tracks else Select.NULL
            self.show_scenario(str(event.value))

    @on(Select.Changed, "#level")
    @on(Select.Changed, "#track")
    def level_or_track_changed(self) -> None:
        select = self.query_one("#scenario", Select)
        if select.value is not Select.NULL:
            self.show_scenario(str(select.value))

    def chosen_level(self) -> CareerLevel:
        value = self.query_one("#level", Select).value
        return CareerLevel(str(value)) if value is not Select.NULL else DEFAULT_LEVEL

    def chosen_track(self) -> str | None:
        value = self.query_one("#track", Select).value
        return None if value is Select.NULL else str(value)

    def sitting(self, scenario: Scenario) -> Scenario:
        """The loop as it will be sat: at the chosen level, on the chosen track."""
        track = self.chosen_track()
        if track and any(r.kind is RoundKind.domain for r in scenario.rounds):
            scenario = scenario.with_track(track)
        return scenario.at_level(self.chosen_level())

    def show_scenario(self, scenario_id: str) -> None:
        scenario = self.iapp.content.scenarios[scenario_id]
        self._description = scenario.description
        self.show_description()
        # The track matters only where the loop has a domain round.
        has_domain = any(r.kind is RoundKind.domain for r in scenario.rounds)
        self.query_one("#track", Select).display = has_domain
        rounds = self.query_one("#rounds", SelectionList)
        rounds.clear_options()
        try:
            sat = self.sitting(scenario)
        except ValueError as exc:
            self.query_one("#rounds-label", Label).update(f"Rounds: {exc}")
            return
        self.query_one("#rounds-label", Label).update("Rounds")
        self._rounds = [
            (spec.display_title, spec.questions, spec.time_budget_minutes) for spec in sat.rounds
        ]
        width = self.rounds_width()
        for i, (title, questions, minutes) in enumerate(self._rounds):
            rounds.add_option((round_label(title, questions, minutes, width), i, True))
        self.call_after_refresh(self.relabel_rounds)

    def rounds_width(self) -> int:
        """The cells a round's label has beside its box (0 before the first layout)."""
        rounds = self.query_one("#rounds", SelectionList)
        return max(0, rounds.scrollable_content_region.width - len("▐X▌ "))

    def relabel_rounds(self) -> None:
        """The labels fitted to the list's width, the choices kept."""
        rounds = self.query_one("#rounds", SelectionList)
        width = self.rounds_width()
        for i, (title, questions, minutes) in enumerate(self._rounds[: rounds.option_count]):
            label = round_label(title, questions, minutes, width)
            if str(rounds.get_option_at_index(i).prompt) != label:
                rounds.replace_option_prompt_at_index(i, label)

    def show_description(self) -> None:
        """The scenario's description in at most three lines, an ellipsis where it is cut."""
        box = self.query_one("#scenario-description", Static)
        width = box.content_size.width or max(20, self.size.width // 2 - 4)
        box.update(clip_lines(self._description, width, 3))

    def on_resize(self, event: events.Resize) -> None:
        super().on_resize(event)
        if self._description:
            self.call_after_refresh(self.show_description)
        self.call_after_refresh(self.relabel_rounds)

    def show_backend(self) -> None:
        backend = self.iapp.get_backend()
        status = self.query_one("#backend-status", Static)
        if backend is None:
            error = self.iapp.backend_error
            status.update(f"[b]Backend[/b]\n[$error]unavailable:[/] {escape(for_terminal(error))}")
            return
        if backend.readiness is None:
            status.update(f"[b]Backend[/b]\n{shown(backend.description)}\n[$success]ready[/]")
            self.start_pending()
            return
        status.update(
            f"[b]Backend[/b]\n{shown(backend.description)}\n[$text-muted]checking the model…[/]"
        )
        self.check_backend(backend)

    @work(exclusive=True, group="backend-check", exit_on_error=False)
    async def check_backend(self, backend: Backend, fresh: bool = False) -> None:
        """The preflight (cached after a success): list models, one tiny completion each."""
        assert backend.readiness is not None
        report = await backend.readiness.check(fresh=fresh)
        if backend is not self.iapp.get_backend():
            return  # the candidate chose another backend meanwhile
        self.show_report(backend, report)

    def show_report(self, backend: Backend, report: Any) -> None:
        status = self.query_one("#backend-status", Static)
        choice = self.query_one("#model-choice")
        if report.ok:
            self.failed_check = None
            choice.display = False
            lines = [f"[b]Backend[/b]\n{shown(backend.description)}\n[$success]ready[/]"]
            if report.context is not None:
                lines.append(f"context {shown(report.context.describe())}")
            lines += [f"[$warning]{shown(w)}[/]" for w in report.warnings]
            status.update("\n".join(lines))
            self.start_pending()
            return
        self.failed_check = report
        cause, fix = shown(report.cause), shown(report.fix)
        status.update(
            f"[b]Backend[/b]\n{shown(backend.description)}\n"
            f"[$error]The model cannot be used ({shown(str(report.problem))}).[/]\n"
            f"{cause}\n[b]Fix:[/] {fix}; or choose Use offline to interview with the "
            "offline engine."
        )
        choice.display = True
        self.query_one("#model-retry", Button).focus()
        self.notify(
            for_terminal(report.summary()),
            title="The model cannot be used",
            severity="error",
            markup=False,
        )

    @on(Button.Pressed, "#model-retry")
    def retry_check(self) -> None:
        backend = self.iapp.get_backend()
        if backend is None or backend.readiness is None:
            return
        self.query_one("#model-choice").display = False
        self.query_one("#backend-status", Static).update(
            f"[b]Backend[/b]\n{shown(backend.description)}\n[$text-muted]checking again…[/]"
        )
        self.check_backend(backend, fresh=True)

    @on(Button.Pressed, "#model-offline")
    def choose_offline(self) -> None:
        report = self.failed_check
        problem = f"the model failed its check ({report.problem})" if report else "chosen"
        self.iapp.use_offline(problem)
        self.failed_check = None
        self.query_one("#model-choice").display = False
        self.show_backend()

    @on(Button.Pressed, "#model-quit")
    def quit_for_model(self) -> None:
        report = self.failed_check
        if report is not None:
            self.iapp.exit_message = "\n".join(report.lines(plain=True))
        self.app.exit(2)

    def start_pending(self) -> None:
        """An interview asked for before the model was checked starts now it is ready."""
        runner = self.iapp.take_pending()
        if runner is not None:
            self.iapp.open_interview(runner)

    def request(self) -> NewInterview:
        select = self.query_one("#scenario", Select)
        if select.value is Select.NULL:
            raise SetupError("choose a scenario first")
        scenario = self.iapp.content.scenarios[str(select.value)]
        try:
            sat = self.sitting(scenario)
        except ValueError as exc:
            raise SetupError(str(exc)) from None
        chosen = set(self.query_one("#rounds", SelectionList).selected)
        if not chosen:
            raise SetupError("choose at least one round")
        kinds = [spec.kind for i, spec in enumerate(sat.rounds) if i in chosen]
        practice = self.query_one("#mode-practice", RadioButton).value
        project = self.query_one("#project-file", Input).value.strip()
        return NewInterview(
            scenario_id=scenario.id,
            rounds=kinds if len(chosen) < len(sat.rounds) else None,
            mode=Mode.practice if practice else Mode.mock,
            seed=None,
            candidate=self.iapp.settings.resolved_candidate,
            project_file=Path(project).expanduser() if project else None,
            level=self.chosen_level(),
            track=self.chosen_track() if self.query_one("#track", Select).display else None,
        )

    @on(Button.Pressed, "#start")
    def action_start(self) -> None:
        if self.failed_check is not None:
            self.notify(
                "Choose Retry once the server is fixed, or Use offline.",
                title="The model cannot be used",
                severity="error",
            )
            return
        try:
            runner = self.iapp.new_runner(self.request())
        except (SetupError, RuntimeError) as exc:
            self.notify(f"{exc}", title="Cannot start", severity="error", timeout=8, markup=False)
            return
        if not self.iapp.ready_for(runner):
            self.iapp.pending_runner = runner
            self.notify("The interview starts once the model has answered its check.")
            return
        self.iapp.open_interview(runner)

    # --- sessions ------------------------------------------------------------------------

    @work(exclusive=True, group="listing", exit_on_error=False)
    async def refresh_sessions(self) -> None:
        store = self.iapp.store
        listing = store.summaries(where=SessionFilter(finished=False))  # to resume: all
        finished = store.summaries(where=SessionFilter(finished=True), limit=RECENT, refresh=False)
        self.sessions = {s.id: s for s in (*listing.sessions, *finished.sessions)}
        resume = self.query_one("#resume", OptionList)
        recent = self.query_one("#recent", OptionList)
        resume.clear_options()
        recent.clear_options()
        for session in listing.sessions:
            line = f"{session.created_at:%Y-%m-%d %H:%M} {session.scenario_title}"
            resume.add_option(Option(Text(for_terminal(line)), id=session.id))
        if resume.option_count == 0:
            resume.add_option(Option("nothing to resume", disabled=True))
        for session in finished.sessions:
            recent.add_option(Option(session_line(session), id=session.id))
        if recent.option_count == 0:
            recent.add_option(Option("no finished sessions yet", disabled=True))
        if listing.broken:
            self.notify(
                f"{len(listing.broken)} transcript(s) cannot be read; see History for which",
                severity="warning",
            )

    def action_focus_resume(self) -> None:
        resume = self.query_one("#resume", OptionList)
        resume.focus()
        if resume.highlighted is None and resume.option_count:
            resume.highlighted = 0

    def load_selected(self, option_id: str | None) -> Session | None:
        """The chosen session read in full (only now: the lists come from the index)."""
        summary = self.sessions.get(option_id or "")
        if summary is None:
            return None
        try:
            return self.iapp.store.open_summary(summary)
        except TranscriptError as exc:
            self.notify(exc.reason, title="Cannot open the session", severity="error", timeout=8)
            return None

    @on(OptionList.OptionSelected, "#resume")
    def resume_selected(self, event: OptionList.OptionSelected) -> None:
        session = self.load_selected(event.option.id)
        if session is None:
            return
        self.resume_session(session)

    @on(OptionList.OptionSelected, "#recent")
    def recent_selected(self, event: OptionList.OptionSelected) -> None:
        session = self.load_selected(event.option.id)
        if session is not None:
            self.iapp.open_scorecard(session)
