"""The interview screen as it first looks, drawn from the start's plain plan
(quickstart.py) while the interview is built behind it; the interview screen, which looks
the same, takes its place a moment later (InterviewerApp.hand_over).

Light to import: Textual and the app's light modules only. What is typed here is carried
over; a key that needs the interview (submit, hint, quit...) waits for it."""

import asyncio
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Footer, Static, TextArea

from interviewer.clock import utc_now
from interviewer.safe_text import for_terminal
from interviewer.tui.base import AppScreen
from interviewer.tui.conversation import Conversation
from interviewer.tui.text import progress_text, round_clock

if TYPE_CHECKING:
    from textual.document._document import Location

    from interviewer.quickstart import FirstQuestion

INTERVIEW_BINDINGS: list[BindingType] = [
    Binding("ctrl+s", "submit", "Submit", priority=True),
    Binding("ctrl+t", "hint", "Hint", priority=True),
    Binding("ctrl+n", "skip", "Skip", priority=True),
    Binding("ctrl+r", "end_round", "End round", priority=True),
    Binding("ctrl+f", "finish", "Finish", priority=True),
    Binding("f5", "run_tests", "Run tests", priority=True),
    Binding("ctrl+o", "switch_box", "Code/explain", priority=True),
    # The app quits on ctrl+q from anywhere; here quitting also saves the interview.
    Binding("ctrl+q", "app.quit", "Save & quit", priority=True),
]
FEEDBACK_PLACEHOLDER = "[b]Feedback[/b] appears here after each answer."
CODING_ACTIONS = ("run_tests", "switch_box")


def answer_title(round_kind: str | None, practice: bool) -> str:
    """What the answer box is for and the keys that matter there."""
    parts = ["Your answer · ctrl+s submits"]
    if round_kind == "system_design":
        parts.append("end a short question with ? to ask")
    if practice:
        parts.append("tab: feedback")
    return " · ".join(parts)


class FirstQuestionScreen(AppScreen):
    BINDINGS: ClassVar[list[BindingType]] = INTERVIEW_BINDINGS

    def __init__(self, first: "FirstQuestion") -> None:
        super().__init__()
        self.first = first

    def compose(self) -> ComposeResult:
        first = self.first
        with Horizontal(id="status-bar"):
            yield Static("", id="progress", markup=False)
            yield Static("", id="judging", markup=False)
            yield Static("offline engine", id="backend", markup=False)
        with Horizontal(id="interview-body"):
            opening = (first.round_index, first.round_title, first.text)
            yield Conversation(None, opening=opening, id="conversation")
            with VerticalScroll(id="feedback"):
                yield Static(FEEDBACK_PLACEHOLDER, id="feedback-empty")
        yield TextArea(id="answer", soft_wrap=True, show_line_numbers=False, tab_behavior="focus")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#feedback").display = self.first.practice
        editor = self.query_one("#answer", TextArea)
        editor.border_title = answer_title(self.first.round_kind, self.first.practice)
        editor.focus()
        self.set_interval(1.0, self.tick)
        self.tick()

    def tick(self) -> None:
        progress = self.query_one("#progress", Static)
        progress.update(first_progress(self.first, progress.content_size.width))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return action not in CODING_ACTIONS  # as on the interview screen: no coding here

    async def typed(self) -> tuple[str, "Location"]:
        """The editor's text and cursor, once it has handled every key sent to it."""
        editor = self.query_one("#answer", TextArea)
        done = asyncio.Event()
        editor.call_later(done.set)
        await done.wait()
        return editor.text, editor.cursor_location

    # Keys that need the interview: done by the interview screen once it has taken over.
    def _later(self, action: str) -> None:
        self.app.after_hand_over.append(action)  # type: ignore[attr-defined]

    def action_submit(self) -> None:
        self._later("submit")

    def action_hint(self) -> None:
        self._later("hint")

    def action_skip(self) -> None:
        self._later("skip")

    def action_end_round(self) -> None:
        self._later("end_round")

    def action_finish(self) -> None:
        self._later("finish")

    async def save_for_quit(self, grace_seconds: float = 2.0) -> None:
        """ctrl+q or a signal before the interview took over: it takes over first, then
        saves as ever (or, when it could not be built, there is nothing to save)."""
        hand_over = getattr(self.app, "hand_over", None)
        if hand_over is not None:
            await hand_over()
        screen = self.app.screen
        if screen is not self:
            save = getattr(screen, "save_for_quit", None)
            if save is not None:
                await save(grace_seconds=grace_seconds)


def first_progress(first: "FirstQuestion", width: int) -> str:
    """The status line of the interview screen over its first question."""
    clock = round_clock(first.now, utc_now(), first.minutes)
    return for_terminal(
        progress_text(
            round_number=first.round_index + 1,
            rounds=first.round_count,
            title=first.round_title,
            question=1,
            questions=first.round_questions,
            clock=clock,
            hints_left=first.hints,
            width=width,
        )
    )
