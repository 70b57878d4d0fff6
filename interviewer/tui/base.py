"""What every screen shares: typed access to the app's services.

The screens name the services they use here, as a Protocol, instead of importing the app
class: the app imports the screens (lazily, to open them) and the screens never import
the app, so the two modules do not depend on each other. The app module checks (with
mypy) that the app provides everything listed here.
"""

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol, cast

from textual import events
from textual.screen import Screen
from textual.widgets import Static

if TYPE_CHECKING:
    from textual.widget import AwaitMount

    from interviewer.backends import Backend
    from interviewer.content.loader import Content
    from interviewer.domain.session import Session
    from interviewer.runner import InterviewRunner
    from interviewer.session_factory import NewInterview
    from interviewer.settings import Settings
    from interviewer.store.drafts import DraftStore
    from interviewer.store.transcripts import TranscriptStore


class AppServices(Protocol):
    """The app as its screens see it (InterviewerApp provides all of it)."""

    settings: "Settings"
    store: "TranscriptStore"
    drafts: "DraftStore"
    clock: Callable[[], datetime]
    backend_error: str
    exit_message: str
    quit_code: int
    pending_runner: "InterviewRunner | None"  # waits on Home for its model's preflight

    @property
    def content(self) -> "Content": ...

    def get_backend(self) -> "Backend | None": ...

    def new_runner(self, request: "NewInterview") -> "InterviewRunner": ...

    def runner_for(self, session: "Session") -> "InterviewRunner": ...

    def ready_for(self, runner: "InterviewRunner") -> bool: ...

    def take_pending(self) -> "InterviewRunner | None": ...

    def use_offline(self, note: str) -> None: ...

    def open_interview(self, runner: "InterviewRunner") -> None: ...

    def open_scorecard(
        self, session: "Session", runner: "InterviewRunner | None" = None
    ) -> "AwaitMount": ...

    def open_history(self) -> None: ...

    def open_replay(self, session: "Session") -> None: ...


# Below this the interview does not fit: the answer box covers the question and the
# footer loses its keys. Every screen then says so instead of drawing a broken layout.
MIN_WIDTH = 70
MIN_HEIGHT = 20


class TooSmall(Static):
    """Covers a screen that the terminal is too small to draw."""

    DEFAULT_CSS = """
    TooSmall {
        dock: top;
        width: 100%;
        height: 100%;
        padding: 1 2;
        background: $background;
        color: $warning;
        text-style: bold;
    }
    """


def too_small_text(width: int, height: int) -> str:
    return (
        f"This terminal is {width}x{height}; the app needs at least {MIN_WIDTH}x{MIN_HEIGHT}. "
        "Make the window larger: nothing is lost, and everything comes back as it was. "
        "(On a small screen, `interviewer start --plain` works at any size.)"
    )


class AppScreen(Screen[Any]):
    @property
    def iapp(self) -> AppServices:
        return cast(AppServices, self.app)

    def resume_session(self, session: "Session") -> None:
        """Open the interview of a session under way, or say why it cannot be."""
        from interviewer.store.locks import SessionLocked

        try:
            runner = self.iapp.runner_for(session)
        except (RuntimeError, SessionLocked) as exc:
            self.notify(str(exc), title="Cannot resume", severity="error", timeout=8, markup=False)
            return
        self.iapp.open_interview(runner)

    def on_resize(self, event: events.Resize) -> None:
        width, height = event.size
        small = width < MIN_WIDTH or height < MIN_HEIGHT
        shown = self.query(TooSmall)
        if small and shown:
            shown.first().update(too_small_text(width, height))
        elif small:
            self.mount(TooSmall(too_small_text(width, height), markup=False))
        elif shown:
            shown.remove()
