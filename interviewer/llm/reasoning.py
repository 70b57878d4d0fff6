"""Keeping a model's reasoning out of what is shown, saved, parsed or sent back.

Reasoning models put their thinking in the reply's content between tags (`<think>`,
`<thinking>`, `<reasoning>`), sometimes with only the closing tag (the opening one was in
the chat template), or in a separate field (`reasoning_content`, which providers handle
before text reaches here). `ReasoningFilter` separates the two as a stream arrives, holding
back only what could still be the start of a tag; `strip_reasoning` does the same for a
whole reply, so a streamed turn and a parsed reply are cut the same way.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field

TAG_NAMES = ("think", "thinking", "reasoning")
_OPEN = re.compile(r"<(" + "|".join(TAG_NAMES) + r")>", re.IGNORECASE)
_CLOSE = re.compile(r"</(" + "|".join(TAG_NAMES) + r")>", re.IGNORECASE)
_LONGEST_TAG = max(len(f"</{name}>") for name in TAG_NAMES)


def _could_become_tag(text: str) -> bool:
    """Whether `text` (starting with "<") is a prefix of an opening or closing tag."""
    lowered = text.lower()
    for name in TAG_NAMES:
        for tag in (f"<{name}>", f"</{name}>"):
            if tag.startswith(lowered):
                return True
    return False


@dataclass
class ReasoningFilter:
    """Feed it text as it arrives; `emit` receives only the visible part.

    `withdraw` is called when text already emitted turns out to have been reasoning (a
    closing tag with no opening one): the listener should forget what it was shown.
    """

    emit: Callable[[str], None]
    withdraw: Callable[[], None] | None = None
    visible: list[str] = field(default_factory=list)
    reasoning: list[str] = field(default_factory=list)
    _pending: str = ""
    _inside: bool = False

    def feed(self, delta: str) -> None:
        self._pending += delta
        while self._pending:
            if self._inside:
                close = _CLOSE.search(self._pending)
                if close is None:
                    keep = min(len(self._pending), _LONGEST_TAG - 1)
                    self.reasoning.append(self._pending[: len(self._pending) - keep])
                    self._pending = self._pending[len(self._pending) - keep :]
                    return
                self.reasoning.append(self._pending[: close.start()])
                self._pending = self._pending[close.end() :].lstrip()
                self._inside = False
                continue
            start = self._pending.find("<")
            if start < 0:
                self._show(self._pending)
                self._pending = ""
                return
            if start:
                self._show(self._pending[:start])
                self._pending = self._pending[start:]
            opening = _OPEN.match(self._pending)
            if opening:
                self._inside = True
                self._pending = self._pending[opening.end() :]
                continue
            closing = _CLOSE.match(self._pending)
            if closing:  # everything so far was reasoning whose opening tag we never saw
                self.reasoning.extend(self.visible)
                self.visible.clear()
                if self.withdraw is not None:
                    self.withdraw()
                self._pending = self._pending[closing.end() :].lstrip()
                continue
            if _could_become_tag(self._pending):
                return  # wait for more text
            self._show("<")
            self._pending = self._pending[1:]

    def finish(self) -> None:
        """The stream ended: held-back text is shown, or is reasoning if a tag is open."""
        if self._inside:
            self.reasoning.append(self._pending)
        elif self._pending:
            self._show(self._pending)
        self._pending = ""

    def _show(self, text: str) -> None:
        if text:
            self.visible.append(text)
            self.emit(text)

    @property
    def text(self) -> str:
        return "".join(self.visible)


def strip_reasoning(text: str) -> tuple[str, str]:
    """(the visible reply, the reasoning taken out of it)."""
    cut = ReasoningFilter(emit=lambda _: None)
    cut.feed(text)
    cut.finish()
    return cut.text, "".join(cut.reasoning)
