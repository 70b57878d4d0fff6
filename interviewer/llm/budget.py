"""Keeping every prompt under the per-call token budget with a stable prefix.

A prompt is: the fixed prefix (system prompt with the rubric: byte-identical call after
call, so providers' prompt caching applies), then a running summary of older turns,
then the most recent turns verbatim, then this call's instruction. When the history
does not fit, the oldest turns are condensed into the summary, in steps, so that the
summary changes only now and then rather than on every call.
"""

from dataclasses import dataclass

from interviewer.llm.base import Message
from interviewer.llm.tokens import count_message_tokens, count_tokens, truncate_to_tokens

SUMMARY_HEADER = "Summary of the interview so far (older turns, condensed):"
CONDENSE_STEP = 6  # turns condensed at a time
SUMMARY_WORDS = 24  # words of each condensed turn kept
SUMMARY_SHARE = 0.25  # at most this share of the budget goes to the summary


@dataclass(frozen=True)
class BudgetedPrompt:
    messages: list[Message]
    prefix_messages: int  # how many leading messages are the stable prefix
    estimated_tokens: int
    condensed_turns: int  # older turns folded into the summary

    @property
    def prefix_tokens(self) -> int:
        return count_message_tokens(self.messages[: self.prefix_messages])


def condense(message: Message, words: int = SUMMARY_WORDS) -> str:
    who = "Candidate" if message.role == "user" else "Interviewer"
    parts = message.content.split()
    text = " ".join(parts[:words]) + (" …" if len(parts) > words else "")
    return f"- {who}: {text}"


class PromptBudget:
    def __init__(self, budget_tokens: int) -> None:
        self.budget_tokens = budget_tokens

    def build(
        self, prefix: list[Message], history: list[Message], instruction: list[Message]
    ) -> BudgetedPrompt:
        fixed = count_message_tokens(prefix) + count_message_tokens(instruction)
        room = self.budget_tokens - fixed
        if room < 0:
            instruction = self._shrink(instruction, count_message_tokens(prefix))
            room = 0
        condensed = self._condensed_count(history, room)
        summary = self._summary(history[:condensed], room)
        recent = history[condensed:]
        body = ([summary] if summary else []) + recent
        messages = prefix + body + instruction
        return BudgetedPrompt(
            messages=messages,
            prefix_messages=len(prefix),
            estimated_tokens=count_message_tokens(messages),
            condensed_turns=condensed,
        )

    def _condensed_count(self, history: list[Message], room: int) -> int:
        """How many of the oldest turns to condense so that the rest fits verbatim."""
        if count_message_tokens(history) <= room:
            return 0
        summary_room = int(self.budget_tokens * SUMMARY_SHARE)
        verbatim_room = max(0, room - summary_room)
        kept, used = 0, 0
        for message in reversed(history):
            cost = count_message_tokens([message])
            if used + cost > verbatim_room:
                break
            kept, used = kept + 1, used + cost
        condensed = len(history) - kept
        # Round up to a whole step so the summary (and what follows it) changes rarely.
        condensed = min(len(history), -(-condensed // CONDENSE_STEP) * CONDENSE_STEP)
        return condensed

    def _summary(self, older: list[Message], room: int) -> Message | None:
        if not older:
            return None
        limit = max(0, min(int(self.budget_tokens * SUMMARY_SHARE), room))
        lines = [condense(m) for m in older]
        text = "\n".join([SUMMARY_HEADER, *lines])
        dropped = 0
        while lines and count_message_tokens([Message("user", text)]) > limit:
            lines.pop(0)  # the oldest go first: the recent past matters most
            dropped += 1
            note = [f"({dropped} earliest turns omitted)"] if dropped else []
            text = "\n".join([SUMMARY_HEADER, *note, *lines])
        if not lines:
            return None
        return Message("user", text)

    def _shrink(self, instruction: list[Message], prefix_tokens: int) -> list[Message]:
        """Cut the instruction's longest parts when even it does not fit with the prefix."""
        room = max(64, self.budget_tokens - prefix_tokens - 4 * len(instruction) - 8)
        total = sum(count_tokens(m.content) for m in instruction) or 1
        return [
            Message(m.role, truncate_to_tokens(m.content, room * count_tokens(m.content) // total))
            for m in instruction
        ]
