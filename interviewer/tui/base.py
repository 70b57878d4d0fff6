"""What every screen shares: typed access to the app's services."""

from typing import TYPE_CHECKING, Any, cast

from textual.screen import Screen

if TYPE_CHECKING:
    from interviewer.tui.app import InterviewerApp


class AppScreen(Screen[Any]):
    @property
    def iapp(self) -> "InterviewerApp":
        return cast("InterviewerApp", self.app)
