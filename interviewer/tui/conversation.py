"""The conversation pane: the session's turns, with the interviewer's streamed in live.

Light to import (no models, no Markdown parser): the start shows its first question with
it before they are loaded."""

import re
from typing import TYPE_CHECKING

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Static

from interviewer.safe_text import for_markdown, for_terminal

if TYPE_CHECKING:
    from rich.console import RenderableType

    from interviewer.domain.session import Session, Turn

# What the candidate submits is shown at once (echo_answer), before the runner has saved
# it; the saved turn then adopts that widget instead of showing the words a second time.
# (Turn kinds by value: TurnKind is a StrEnum.)
ECHOED = {"answer", "clarification", "project_description"}
CANDIDATE_LABELS = {
    "skip": "(skipped)",
}


# A pasted document would take seconds to lay out in the conversation; what is shown of an
# answer stops here (the transcript keeps all of it).
SHOWN_CHARS = 20_000

# Text that Markdown would show exactly as written: paragraphs of one line each, with no
# character that means anything inline (code, emphasis, links, HTML, entities, escapes,
# tables, strikethrough) and no line opening a block (heading, list, quote, rule).
_INLINE_MARKUP = re.compile(r"[`*_\[\]<>&\\|~]|  |\t")
_BLOCK_START = re.compile(r"[-+#>=]|\d+[.)]")


def plain_paragraphs(text: str) -> bool:
    """Whether Markdown would render `text` as its own words, paragraph by paragraph (so
    it can be drawn as plain text, without loading the Markdown parser)."""
    if not text or _INLINE_MARKUP.search(text):
        return False
    for paragraph in text.split("\n\n"):
        if (
            not paragraph
            or "\n" in paragraph
            or paragraph != paragraph.strip()
            or _BLOCK_START.match(paragraph)
        ):
            return False
    return True


def turn_renderable(text: str) -> "RenderableType":
    """An interviewer turn as shown: Markdown, drawn as plain text where Markdown would
    show the words as they are (the same cells on screen, without the parser)."""
    if plain_paragraphs(text):
        return Text(for_terminal(text))
    from rich.markdown import Markdown as RichMarkdown

    return RichMarkdown(for_markdown(text))


def candidate_text(text: str) -> str:
    """A candidate's words as shown: terminal-safe, never read as markup (markup=False),
    and at most SHOWN_CHARS of them."""
    if len(text) > SHOWN_CHARS:
        more = len(text) - SHOWN_CHARS
        text = f"{text[:SHOWN_CHARS]}\n… and {more:,} more characters (all saved)"
    return for_terminal(text)


def flat_turns(session: "Session") -> list[tuple[int, "Turn"]]:
    """Every turn of the session in order, each with its question's round index."""
    return [(asked.round_index, turn) for asked in session.questions for turn in asked.turns]


class InterviewerTurn(Static):
    """An interviewer turn as Markdown. Rich's renderer, one widget a turn: a long
    conversation stays cheap to lay out, and a streamed turn is re-rendered whole."""

    def __init__(self, text: str = "", classes: str = "") -> None:
        super().__init__(turn_renderable(text), classes=f"turn interviewer {classes}".strip())
        self.text = text

    def add(self, chunk: str) -> None:
        self.set_text(self.text + chunk)

    def set_text(self, text: str) -> None:
        if text != self.text:
            self.text = text
            self.update(turn_renderable(text))


class Conversation(VerticalScroll):
    """Renders a session's turns; keeps provisional widgets for what is still in flight.

    `opening` (round index, round title, text): the first question as the start worked it
    out before the session existed, drawn at once as a provisional turn; what the
    interviewer then says replaces it (the same words, unless the history changed)."""

    def __init__(
        self,
        session: "Session | None",
        *,
        opening: tuple[int, str, str] | None = None,
        **kwargs: object,
    ) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.session = session
        self.rendered = 0  # turns of flat_turns(session) already on screen
        self.last_round = -1
        self.live: InterviewerTurn | None = None
        self.echo: Static | None = None
        self.opening = opening
        self._opening_heading: Static | None = None
        self._provisional = False  # `live` is the opening, not yet said by the interviewer

    def on_mount(self) -> None:
        if self.opening is not None:
            round_index, title, text = self.opening
            heading = for_terminal(f"Round {round_index + 1} · {title}")
            self._opening_heading = Static(heading, classes="round-heading", markup=False)
            self.live = InterviewerTurn(text, classes="question")
            self._provisional = True
            self.last_round = round_index
            self.mount_all([self._opening_heading, self.live])
        if self.session is not None:
            self.sync(keep_opening=True)

    def chunk(self, text: str) -> None:
        from interviewer.conductor.base import TurnRestart

        if self._provisional and self.live is not None:
            self._provisional = False  # what the interviewer says replaces the opening
            self.live.text = ""
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

    def sync(self, *, keep_opening: bool = False) -> None:
        """Bring the pane up to the saved session, adopting provisional widgets (the
        opening is kept while the session has no turn, when `keep_opening`)."""
        assert self.session is not None
        turns = flat_turns(self.session)
        new: list[Widget] = []
        if self._opening_heading is not None and turns[self.rendered :]:
            if turns[0][0] != self.last_round:  # asked in another round than foreseen
                self._opening_heading.remove()
                self.last_round = -1
            self._opening_heading = None
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
                    self._provisional = False
                    continue
                new.append(InterviewerTurn(turn.text, classes=turn.kind.value))
        self.rendered = len(turns)
        if self.live is not None and not (keep_opening and self._provisional):
            # Streamed text that never became a turn (a failed call), or an opening that
            # the interviewer did not say.
            self.live.remove()
            self.live = None
            self._provisional = False
        if new:
            self.mount_all(new)
        self.scroll_end(animate=False)
