"""The conversation pane: the session's turns, with the interviewer's streamed in live."""

from rich.markdown import Markdown as RichMarkdown
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Static

from interviewer.conductor.base import TurnRestart
from interviewer.domain.session import Session, Turn, TurnKind
from interviewer.safe_text import for_markdown, for_terminal

# What the candidate submits is shown at once (echo_answer), before the runner has saved
# it; the saved turn then adopts that widget instead of showing the words a second time.
ECHOED = {TurnKind.answer, TurnKind.clarification, TurnKind.project_description}
CANDIDATE_LABELS = {
    TurnKind.skip: "(skipped)",
}


# A pasted document would take seconds to lay out in the conversation; what is shown of an
# answer stops here (the transcript keeps all of it).
SHOWN_CHARS = 20_000


def candidate_text(text: str) -> str:
    """A candidate's words as shown: terminal-safe, never read as markup (markup=False),
    and at most SHOWN_CHARS of them."""
    if len(text) > SHOWN_CHARS:
        more = len(text) - SHOWN_CHARS
        text = f"{text[:SHOWN_CHARS]}\n… and {more:,} more characters (all saved)"
    return for_terminal(text)


def flat_turns(session: Session) -> list[tuple[int, Turn]]:
    """Every turn of the session in order, each with its question's round index."""
    return [(asked.round_index, turn) for asked in session.questions for turn in asked.turns]


class InterviewerTurn(Static):
    """An interviewer turn as Markdown. Rich's renderer, one widget a turn: a long
    conversation stays cheap to lay out, and a streamed turn is re-rendered whole."""

    def __init__(self, text: str = "", classes: str = "") -> None:
        super().__init__(
            RichMarkdown(for_markdown(text)), classes=f"turn interviewer {classes}".strip()
        )
        self.text = text

    def add(self, chunk: str) -> None:
        self.set_text(self.text + chunk)

    def set_text(self, text: str) -> None:
        if text != self.text:
            self.text = text
            self.update(RichMarkdown(for_markdown(text)))


class Conversation(VerticalScroll):
    """Renders a session's turns; keeps provisional widgets for what is still in flight."""

    def __init__(self, session: Session, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.session = session
        self.rendered = 0  # turns of flat_turns(session) already on screen
        self.last_round = -1
        self.live: InterviewerTurn | None = None
        self.echo: Static | None = None

    def on_mount(self) -> None:
        self.sync()

    def chunk(self, text: str) -> None:
        if isinstance(text, TurnRestart):  # what was streamed is withdrawn
            if self.live is not None:
                self.live.set_text("")
            return
        if self.live is None:
            self.live = InterviewerTurn()
            self.mount(self.live)
        self.live.add(text)
        self.scroll_end(animate=False)

    def echo_answer(self, text: str) -> None:
        """Show the candidate's answer at once, before the runner has saved it."""
        self.echo = Static(candidate_text(text), classes="turn candidate", markup=False)
        self.mount(self.echo)
        self.scroll_end(animate=False)

    def drop_echo(self) -> None:
        if self.echo is not None:
            self.echo.remove()
            self.echo = None

    def sync(self) -> None:
        """Bring the pane up to the saved session, adopting provisional widgets."""
        turns = flat_turns(self.session)
        new: list[Widget] = []
        for round_index, turn in turns[self.rendered :]:
            if round_index != self.last_round:
                title = self.session.scenario.rounds[round_index].display_title
                heading = for_terminal(f"Round {round_index + 1} · {title}")
                new.append(Static(heading, classes="round-heading", markup=False))
                self.last_round = round_index
            if turn.role == "candidate":
                if self.echo is not None and turn.kind in ECHOED:
                    self.echo = None  # already on screen
                    continue
                text = CANDIDATE_LABELS.get(turn.kind) or candidate_text(turn.text)
                new.append(Static(text, classes=f"turn candidate {turn.kind.value}", markup=False))
            else:
                if self.live is not None:
                    if new:  # what came before the streamed turn goes before it
                        self.mount_all(new, before=self.live)
                        new = []
                    self.live.set_text(turn.text)
                    self.live.add_class(turn.kind.value)
                    self.live = None
                    continue
                new.append(InterviewerTurn(turn.text, classes=turn.kind.value))
        self.rendered = len(turns)
        if self.live is not None:  # streamed text that never became a turn (a failed call)
            self.live.remove()
            self.live = None
        if new:
            self.mount_all(new)
        self.scroll_end(animate=False)
