"""Recording token usage and estimated cost of each call, for the session's usage list."""

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Literal

from interviewer.domain.session import LlmUsage
from interviewer.llm.base import Completion

# USD per million tokens: (input, cached input, output). Public list prices as of 2025;
# an estimate for reports, not a bill. Unknown models get no cost.
PRICES_PER_MTOK: dict[str, tuple[float, float, float]] = {
    "gpt-4o-mini": (0.15, 0.075, 0.60),
    "gpt-4o": (2.50, 1.25, 10.00),
    "gpt-4.1-nano": (0.10, 0.025, 0.40),
    "gpt-4.1-mini": (0.40, 0.10, 1.60),
    "gpt-4.1": (2.00, 0.50, 8.00),
    "o4-mini": (1.10, 0.275, 4.40),
    "o3-mini": (1.10, 0.55, 4.40),
}


def price_for(model: str) -> tuple[float, float, float] | None:
    """The price of a model, matching dated snapshots to their family (longest name wins)."""
    name = model.lower().split("/")[-1]
    for known in sorted(PRICES_PER_MTOK, key=len, reverse=True):
        if name == known or name.startswith(known + "-"):
            return PRICES_PER_MTOK[known]
    return None


def estimate_cost(
    model: str, prompt_tokens: int, completion_tokens: int, cached_tokens: int
) -> float | None:
    price = price_for(model)
    if price is None:
        return None
    fresh = max(0, prompt_tokens - cached_tokens)
    cost = fresh * price[0] + cached_tokens * price[1] + completion_tokens * price[2]
    return round(cost / 1_000_000, 8)


UsageRole = Literal["interviewer", "judge"]


class UsageLog:
    """Usage entries waiting to be appended to the session; the runner drains them.

    `listener`, when set, is also told of each entry as it is recorded.
    """

    def __init__(self, listener: Callable[[LlmUsage], None] | None = None) -> None:
        self.entries: list[LlmUsage] = []
        self.listener = listener

    def record(
        self, role: UsageRole, completion: Completion, estimated_prompt_tokens: int, model: str
    ) -> LlmUsage:
        usage = completion.usage
        model_name = completion.model or model
        entry = LlmUsage(
            role=role,
            model=model_name,
            prompt_tokens=usage.prompt_tokens,
            completion_tokens=usage.completion_tokens,
            cached_tokens=min(usage.cached_tokens, usage.prompt_tokens),
            estimated_prompt_tokens=estimated_prompt_tokens,
            estimated=usage.estimated,
            cost_usd=estimate_cost(
                model_name, usage.prompt_tokens, usage.completion_tokens, usage.cached_tokens
            ),
            at=datetime.now(UTC),
        )
        self.entries.append(entry)
        if self.listener is not None:
            self.listener(entry)
        return entry

    def drain(self) -> list[LlmUsage]:
        entries, self.entries = self.entries, []
        return entries
