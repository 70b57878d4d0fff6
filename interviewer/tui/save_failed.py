"""Said when a save failed: what was not saved, where a copy went, and what to do.

The candidate retries (the folder may be back), types another folder to save in (and
keep saving there), or closes this to keep reading; the interview does not move on while
the session is unsaved, so the next question is never shown over an answer that only
lives in memory.
"""

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from interviewer.runner import SaveFailed
from interviewer.safe_text import for_terminal

RETRY = "retry"
LATER = "later"


class SaveFailedScreen(ModalScreen[str]):
    """Dismissed with RETRY, LATER, or the folder typed (a path)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "later", "Later"),
        Binding("ctrl+r", "retry", "Retry", priority=True),
    ]

    def __init__(self, failure: SaveFailed) -> None:
        super().__init__()
        self.failure = failure

    def compose(self) -> ComposeResult:
        suggestion = self.failure.rescued.parent if self.failure.rescued else Path.home()
        with Vertical(id="save-failed"):
            yield Static(for_terminal(self.failure.describe()), markup=False, id="save-failed-text")
            yield Static(
                "Retry when the folder is back, or save into another folder "
                "(the interview is saved there from now on).",
                markup=False,
            )
            yield Input(str(suggestion), id="save-failed-folder", compact=True)
            with Horizontal(id="save-failed-buttons"):
                yield Button("Retry (ctrl+r)", id="retry", variant="primary", compact=True)
                yield Button("Save in this folder (enter)", id="folder", compact=True)
                yield Button("Later (esc)", id="later", compact=True)

    def on_mount(self) -> None:
        self.query_one("#retry", Button).focus()

    def action_retry(self) -> None:
        self.dismiss(RETRY)

    def action_later(self) -> None:
        self.dismiss(LATER)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self._folder()

    def _folder(self) -> None:
        folder = self.query_one("#save-failed-folder", Input).value.strip()
        if folder:
            self.dismiss(folder)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "folder":
            self._folder()
        else:
            self.dismiss(RETRY if event.button.id == "retry" else LATER)
