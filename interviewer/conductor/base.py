"""The conductor interface: the interviewer's voice.

The engine decides *what* happens next (which question, whether to follow up); the
conductor decides *how it is said*, streaming the words as they are produced.
"""

from abc import ABC, abstractmethod
from collections.abc import AsyncIterator
from dataclasses import dataclass

from interviewer.domain.engine import AnswerSignal
from interviewer.domain.question import Question
from interviewer.domain.session import AskedQuestion, LlmUsage, Session, TurnKind


class TurnRestart(str):
    """Yielded by `Conductor.speak` when what it streamed so far is withdrawn (a retry said
    something else, or it was the model's reasoning): listeners forget the text they were
    shown, and what follows is the whole turn. It is empty, so joining chunks ignores it."""


RESTART = TurnRestart("")


@dataclass(frozen=True)
class SpeakRequest:
    """One interviewer turn to produce.

    kind: question, follow_up, clarification, hint or project_request.
    starts_round: the turn opens a new round (the conductor introduces it).
    probe: for follow-ups, the scripted probe text tied to the missed key point.
    candidate_message: for clarifications, what the candidate asked.
    hint: for hints, the bank's hint text (None when none are left).
    """

    kind: TurnKind
    session: Session
    round_index: int
    question: Question | None = None
    asked: AskedQuestion | None = None
    starts_round: bool = False
    probe: str | None = None
    key_point_id: str | None = None
    candidate_message: str | None = None
    hint: str | None = None


class Conductor(ABC):
    name: str = "offline"

    @abstractmethod
    def speak(self, request: SpeakRequest) -> AsyncIterator[str]:
        """Stream the turn's text in chunks; the concatenation of the chunks after the last
        RESTART is the whole turn."""

    @abstractmethod
    async def assess(self, question: Question, asked: AskedQuestion) -> AnswerSignal:
        """What the answers so far missed, most important key point first."""

    def asked_prompt(self, session: Session, question: Question) -> str:
        """The question as this interviewer puts it (without a round's introduction): what
        the scorecard shows and a redirect repeats. The bank's wording unless overridden."""
        return question.prompt

    def warm_up(self, question: Question | None = None) -> None:
        """Load, ahead of the first answer, what assessing one (to `question`) needs;
        called off the event loop."""
        return None

    def drain_usage(self) -> list[LlmUsage]:
        """Token usage recorded since the last call (LLM conductors); the runner saves it."""
        return []

    def is_clarifying_question(self, text: str, question: Question) -> bool:
        """Whether the candidate's message asks the interviewer something rather than answers.

        Only system-design questions carry facts to reveal; elsewhere every message is an
        answer. A short message ending in a question mark counts as a question.
        """
        if not question.clarifications:
            return False
        stripped = text.strip()
        return stripped.endswith("?") and len(stripped.split()) <= 40
