"""What every screen shares: typed access to the app's services.

The screens name the services they use here, as a Protocol, instead of importing the app
class: the app imports the screens (lazily, to open them) and the screens never import
the app, so the two modules do not depend on each other. The app module checks (with
mypy) that the app provides everything listed here.
"""

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol, cast

from textual.screen import Screen

if TYPE_CHECKING:
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
    ) -> None: ...

    def open_history(self) -> None: ...

    def open_replay(self, session: "Session") -> None: ...


class AppScreen(Screen[Any]):
    @property
    def iapp(self) -> AppServices:
        return cast(AppServices, self.app)
