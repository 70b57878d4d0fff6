"""The app and the one factory that builds it, for the command line and the tests alike.

Light to import (Textual and the app's own light modules): `interviewer start` shows its
first question before the models are loaded (quickstart.py), so what the app needs of
them is imported where it is used."""

from __future__ import annotations

import asyncio
import contextlib
import signal
import threading
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.theme import Theme

from interviewer.clock import utc_now
from interviewer.safe_text import for_terminal
from interviewer.startup import release_gc
from interviewer.store.drafts import DraftStore
from interviewer.tui.base import AppServices

if TYPE_CHECKING:
    from textual.widget import AwaitMount

    from interviewer.backends import Backend
    from interviewer.content.loader import Content
    from interviewer.domain.session import Session
    from interviewer.quickstart import FirstQuestion
    from interviewer.runner import InterviewRunner
    from interviewer.session_factory import NewInterview
    from interviewer.settings import Settings
    from interviewer.store.transcripts import TranscriptStore

# Builds the interview behind a first question shown ahead (in a thread): the settings, the
# content and the runner, or raises with what to say.
BuildInterview = Callable[[], "tuple[Settings, Content, InterviewRunner]"]

TERMINATING = (signal.SIGTERM, signal.SIGHUP)
THEME = Theme(
    name="interviewer",
    primary="#5FAFD7",
    secondary="#87AF87",
    accent="#D7AF5F",
    warning="#D7875F",
    error="#D75F5F",
    success="#87AF5F",
    foreground="#E4E4E4",
    background="#1C1F24",
    surface="#24282F",
    panel="#2C313A",
    dark=True,
)


class InterviewerApp(App[int]):
    """Holds the services the screens share; screens drive the runner and render state."""

    TITLE = "interviewer"
    settings: Settings
    store: TranscriptStore
    CSS_PATH = "app.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        # "Save & quit" where there is something to save (the interview screen says so).
        Binding("ctrl+q", "quit", "Quit", priority=True),
    ]

    def __init__(
        self,
        settings: Settings | None,
        *,
        runner: InterviewRunner | None = None,
        first: FirstQuestion | None = None,
        build: BuildInterview | None = None,
        content: Content | None = None,
        store: TranscriptStore | None = None,
        backend: Backend | None = None,
        clock: Callable[[], datetime] | None = None,
        replay: Session | None = None,
        cursor_blink: bool = True,
        toast_seconds: float | None = None,
    ):
        super().__init__()
        self._use_theme_from_the_start()
        self.cursor_blink = cursor_blink
        # Tests hold every notification on screen this long, so a slow machine never
        # takes a snapshot after a toast has gone (None: each its own timeout).
        self.toast_seconds = toast_seconds
        self.initial_replay = replay
        if settings is not None:  # else (a first question shown ahead) once it is built
            self.settings = settings
        self.initial_runner = runner
        self._content = content
        if store is None and runner is not None:
            store = runner.store
        elif store is None and first is None:
            from interviewer.session_factory import store_for

            assert settings is not None
            store = store_for(settings)
        if store is not None:  # else (a first question shown ahead) once it is built
            self.store = store
        self._backend = backend or (runner.backend if runner else None)
        self.backend_error = ""
        self.exit_message = ""  # printed once the terminal is back, e.g. how to resume
        self.quit_code = 0  # 1 when a session could not be saved
        self.hung_up = False  # SIGHUP: the terminal is gone
        self._terminating = False
        self.clock = clock or (runner.clock if runner else utc_now)
        self.drafts = DraftStore(store.root if store is not None else first.transcripts)  # type: ignore[union-attr]
        # An interview waiting for the model's preflight (Home shows the check's outcome).
        self.pending_runner: InterviewRunner | None = None
        # `interviewer start` with its first question shown ahead, the interview built
        # behind it (quickstart.py): see show_first_question.
        self.first = first
        self._build = build
        self.built_runner: InterviewRunner | None = None  # once built; the CLI closes it
        self.start_error = ""  # why it could not be built: said on stderr, exit 2
        self._built: asyncio.Event | None = None
        self._build_outcome: tuple[Settings, Content, InterviewRunner] | BaseException | None = None
        self._build_thread: threading.Thread | None = None
        self._handing_over: asyncio.Lock | None = None
        self.handed_over = False  # the interview screen has taken over (or the build failed)
        self.after_hand_over: list[str] = []  # actions asked for before the interview was

    def _use_theme_from_the_start(self) -> None:
        """The theme, in place before any CSS is parsed. Setting it on mount (the usual way)
        made Textual parse every stylesheet three times on the way to the first screen: with
        the default theme's variables, again with ours, and again when the first widgets
        brought their own CSS (a re-parse starts from an empty cache)."""
        self.register_theme(THEME)
        self.set_reactive(InterviewerApp.theme, THEME.name)
        self.stylesheet.set_variables(self.get_css_variables())
        self.set_class(THEME.dark, "-dark-mode", update=False)
        self.set_class(not THEME.dark, "-light-mode", update=False)
        self.set_class(True, f"-theme-{THEME.name}", update=False)

    # --- shared services ---------------------------------------------------------------

    @property
    def content(self) -> Content:
        if self._content is None:
            from interviewer.session_factory import content_for

            self._content = content_for(self.settings)
        return self._content

    def get_backend(self) -> Backend | None:
        """The backend in use, built on first need; None (with backend_error) if it cannot be."""
        if self._backend is None and not self.backend_error:
            from interviewer.session_factory import backend_for

            try:
                self._backend = backend_for(self.settings)
            except Exception as exc:  # a bad configuration is shown, never a traceback
                self.backend_error = f"{type(exc).__name__}: {exc}"
        return self._backend

    def new_runner(self, request: NewInterview) -> InterviewRunner:
        """A runner for a new interview. Raises SetupError (or RuntimeError) with what to do."""
        backend = self.get_backend()
        if backend is None:
            raise RuntimeError(
                f"the backend cannot start ({self.backend_error}); check --backend and the "
                "OPENAI_* settings, or use --backend offline"
            )
        from interviewer.session_factory import create_session

        session = create_session(self.content, request, backend, now=self.clock())
        return self.runner_for(session)

    def ready_for(self, runner: InterviewRunner) -> bool:
        """Whether the runner's model has passed its preflight (or needs none)."""
        readiness: Any = runner.backend.readiness
        return readiness is None or getattr(readiness, "passed", None) is not None

    def take_pending(self) -> InterviewRunner | None:
        runner, self.pending_runner = self.pending_runner, None
        return runner

    def use_offline(self, note: str) -> None:
        """The candidate chose the offline engine after the model failed its check."""
        from interviewer.backends import offline_backend

        self._backend = offline_backend(note)
        self.backend_error = ""
        if self.pending_runner is not None:
            self.pending_runner.use_offline(note)

    def runner_for(self, session: Session) -> InterviewRunner:
        backend = self.get_backend()
        if backend is None:
            raise RuntimeError(f"the backend cannot start ({self.backend_error})")
        from interviewer.session_factory import make_runner

        runner = make_runner(session, self.content, self.store, backend)
        runner.clock = self.clock
        return runner

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notification carries someone else's words sooner or later (an error from a
        server, a path, a reason): shown through the sanitiser and never read as markup."""
        super().notify(
            for_terminal(message),
            title=for_terminal(title),
            severity=severity,
            timeout=self.toast_seconds if self.toast_seconds is not None else timeout,
            markup=False,
        )

    # --- navigation ----------------------------------------------------------------------

    def on_mount(self) -> None:
        loop = asyncio.get_running_loop()
        for signum in TERMINATING:
            # Not the main thread (a test's app) or no such signal: the default applies.
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(signum, self.terminate, signum)
        if self.first is not None:
            self.show_first_question(self.first)
            return  # the interview screen says when its first question is up
        # `interviewer start` goes straight to the question; Home is built only when the
        # candidate leaves the interview, so it costs nothing on the way in.
        if self.initial_runner is not None and not self.ready_for(self.initial_runner):
            # The model is checked first; Home shows the check, and the choice if it fails.
            self.pending_runner = self.initial_runner
            self.push_screen(self.home_screen())
        elif self.initial_runner is not None:
            self.open_interview(self.initial_runner)
            return  # the interview screen says when its first question is up
        elif self.initial_replay is not None:
            self.open_replay(self.initial_replay)
        else:
            self.push_screen(self.home_screen())
        self.call_after_refresh(release_gc)

    # --- a first question shown ahead (quickstart.py) ------------------------------------

    def show_first_question(self, first: FirstQuestion) -> None:
        """Show the first question now, and build the interview in a thread once it is on
        screen; the interview screen, which looks the same, then takes over (hand_over)."""
        from interviewer.tui.first_question import FirstQuestionScreen

        self._built = asyncio.Event()
        self._handing_over = asyncio.Lock()
        self.push_screen(FirstQuestionScreen(first))
        self.call_after_refresh(self._start_build)

    def _start_build(self) -> None:
        build = self._build
        assert build is not None

        def run() -> None:
            outcome: tuple[Settings, Content, InterviewRunner] | BaseException
            try:
                outcome = build()
                # What the interview screen needs, loaded here, not on the event loop.
                import interviewer.tui.interview  # noqa: F401
            except Exception as exc:
                outcome = exc
            self._build_outcome = outcome
            with contextlib.suppress(RuntimeError):  # the app has already ended
                self.call_from_thread(self._build_done)

        self._build_thread = threading.Thread(target=run, name="start", daemon=True)
        self._build_thread.start()

    def _build_done(self) -> None:
        outcome = self._build_outcome
        if outcome is not None and not isinstance(outcome, BaseException):
            self.built_runner = outcome[2]
        assert self._built is not None
        self._built.set()
        # As a message of the app's: keys that arrive meanwhile wait in its queue, and
        # reach the interview screen's editor once it has focus.
        self.call_later(self.hand_over)

    def join_build(self) -> None:
        """After the app has ended: wait for the build (the CLI releases what it holds)."""
        if self._build_thread is not None:
            self._build_thread.join()
            outcome = self._build_outcome
            if outcome is not None and not isinstance(outcome, BaseException):
                self.built_runner = outcome[2]

    async def hand_over(self) -> None:
        """Replace the first question's screen with the interview's (once; callers that
        need the interview await this)."""
        assert self._built is not None and self._handing_over is not None
        await self._built.wait()
        async with self._handing_over:
            if self.handed_over:
                return
            outcome = self._build_outcome
            if isinstance(outcome, BaseException):
                self.start_error = f"error: {outcome}"
                self.exit(return_code=2)
            else:
                assert outcome is not None
                await self._show_built(*outcome)
            self.handed_over = True

    async def _show_built(
        self, settings: Settings, content: Content, runner: InterviewRunner
    ) -> None:
        from interviewer.tui.first_question import FirstQuestionScreen
        from interviewer.tui.interview import InterviewScreen

        self.settings = settings
        self._content = content
        self.store = runner.store
        self._backend = runner.backend
        runner.clock = self.clock
        ahead = self.screen
        typed, cursor = "", None
        if isinstance(ahead, FirstQuestionScreen):
            typed, cursor = await ahead.typed()
        screen = InterviewScreen(runner, first=self.first, typed=(typed, cursor))
        # Keys pressed ahead that need the interview: once its first question is said.
        screen.waiting_actions, self.after_hand_over = self.after_hand_over, []
        await self.switch_screen(screen)
        await screen.ready.wait()  # composed and mounted: its answer box is there
        screen.take_focus()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        # Snapshot tests ask for a steady cursor: a blinking one is captured at random.
        if not self.cursor_blink and hasattr(event.widget, "cursor_blink"):
            event.widget.cursor_blink = False

    def home_screen(self) -> Screen[Any]:
        from interviewer.tui.home import HomeScreen

        return HomeScreen()

    def open_interview(self, runner: InterviewRunner) -> None:
        from interviewer.tui.interview import InterviewScreen

        self.push_screen(InterviewScreen(runner))

    def open_scorecard(self, session: Session, runner: InterviewRunner | None = None) -> AwaitMount:
        """Awaiting the result waits until the screen is mounted and its layout has begun."""
        from interviewer.tui.scorecard import ScorecardScreen

        return self.push_screen(ScorecardScreen(session, runner=runner))

    def open_history(self) -> None:
        from interviewer.tui.history import HistoryScreen

        self.push_screen(HistoryScreen())

    def open_replay(self, session: Session) -> None:
        from interviewer.tui.replay import ReplayScreen

        self.push_screen(ReplayScreen(session))

    def action_home(self) -> None:
        while len(self.screen_stack) > 2:
            self.pop_screen()
        if not getattr(self.screen, "is_home", False):
            self.switch_screen(self.home_screen())

    def action_go_back(self) -> None:
        if len(self.screen_stack) > 2:
            self.pop_screen()
        elif not getattr(self.screen, "is_home", False):
            self.switch_screen(self.home_screen())

    def action_history(self) -> None:
        self.open_history()

    async def action_quit(self) -> None:
        """Save and stop: an interview in progress stays resumable, its draft kept."""
        save = getattr(self.screen, "save_for_quit", None)
        if save is not None:
            await save()
        if self.start_error:
            return  # exiting already, with the reason (a first question's build failed)
        self.exit(self.quit_code)

    def terminate(self, signum: int) -> None:
        """SIGTERM or SIGHUP: what ctrl+q does, at once (the draft's debounce flushed, no
        grace for pending scores), then exit with 128 + the signal's number."""
        if self._terminating:
            return
        self._terminating = True
        self.hung_up = signum == signal.SIGHUP
        self.run_worker(self._terminate(signum), group="terminate", exit_on_error=False)

    async def _terminate(self, signum: int) -> None:
        try:
            for screen in reversed(self.screen_stack):
                save = getattr(screen, "save_for_quit", None)
                if save is not None:
                    await save(grace_seconds=0)
                    break
        finally:
            name = signal.Signals(signum).name
            self.exit_message = f"Stopped by {name}. {self.exit_message}".strip()
            self.exit(return_code=128 + signum)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if not self.first or self.handed_over:  # not while the interview is being built
            yield SystemCommand("Home", "New interview, resume, recent sessions", self.action_home)
            yield SystemCommand("History", "Every session and scores over time", self.open_history)
        for binding in screen.BINDINGS:
            if isinstance(binding, Binding) and binding.show and binding.description:
                action = getattr(screen, f"action_{binding.action}", None)
                if action is not None:
                    key = binding.key.split(",")[0]
                    yield SystemCommand(
                        binding.description, f"{binding.description} ({key})", action
                    )


def build_app(
    settings: Settings | None,
    *,
    runner: InterviewRunner | None = None,
    first: FirstQuestion | None = None,
    build: BuildInterview | None = None,
    content: Content | None = None,
    store: TranscriptStore | None = None,
    backend: Backend | None = None,
    clock: Callable[[], datetime] | None = None,
    replay: Session | None = None,
    cursor_blink: bool = True,
    toast_seconds: float | None = None,
) -> InterviewerApp:
    """The app, with every service injectable: the CLI passes settings (and a runner for
    `interviewer start`, a saved session for `interviewer replay`), tests pass content, a
    store on tmp_path, a backend, a clock, a steady cursor and toasts that stay."""
    return InterviewerApp(
        settings,
        runner=runner,
        first=first,
        build=build,
        content=content,
        store=store,
        backend=backend,
        clock=clock,
        replay=replay,
        cursor_blink=cursor_blink,
        toast_seconds=toast_seconds,
    )


def _provides_the_services(app: InterviewerApp) -> AppServices:
    # mypy checks here that the app gives its screens every service they use.
    return app
