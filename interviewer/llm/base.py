"""The provider interface: one async `generate` over chat messages, whatever the endpoint.

Retries, the per-attempt timeout, the total deadline and stream relaying live here, so
every provider (the OpenAI-compatible one, the scripted one) behaves the same on failure.
"""

import asyncio
import importlib
import random
import time
from abc import ABC, abstractmethod
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel

from interviewer.llm.errors import LLMError, LLMUnavailable
from interviewer.llm.redact import Redactor
from interviewer.llm.retry import RetryPolicy, backoff_delay, is_retryable

Role = Literal["system", "user", "assistant"]
StreamCallback = Callable[[str], None]


@dataclass(frozen=True)
class Message:
    role: Role
    content: str

    def as_dict(self) -> dict[str, str]:
        return {"role": self.role, "content": self.content}


@dataclass(frozen=True)
class TokenUsage:
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cached_tokens: int = 0


@dataclass(frozen=True)
class Completion:
    text: str
    usage: TokenUsage
    model: str
    finish_reason: str
    attempts: int = 1


@dataclass
class StreamRelay:
    """Passes streamed text on, across retries, so that the listener sees one coherent turn.

    A retried attempt usually repeats what the dropped one said; the repeated prefix is
    held back and only new text is passed on. When the retry says something different,
    the listener is told the line dropped and the new text follows: what was shown stays
    the record of what was said, and a partial attempt is never returned as a whole turn.
    """

    listener: StreamCallback
    emitted: str = ""
    _attempt_text: str = ""
    _diverged: bool = False

    def new_attempt(self) -> StreamCallback:
        self._attempt_text = ""
        self._diverged = not self.emitted  # nothing shown yet: pass everything straight on
        return self._on_delta

    def _on_delta(self, delta: str) -> None:
        if not delta:
            return
        self._attempt_text += delta
        if self._diverged:
            self._emit(delta)
            return
        if self.emitted.startswith(self._attempt_text):
            return  # still repeating what was already shown
        if self._attempt_text.startswith(self.emitted):
            self._diverged = True
            self._emit(self._attempt_text[len(self.emitted) :])
            return
        self._diverged = True
        self._emit(RESTART_MARKER + self._attempt_text)

    def _emit(self, text: str) -> None:
        self.emitted += text
        self.listener(text)


RESTART_MARKER = " [connection dropped; starting over] "


@dataclass
class AttemptRecord:
    """What one attempt did: kept on the provider for tests and diagnostics."""

    number: int
    outcome: str  # "ok" or a short, redacted error description
    waited_s: float = 0.0


class ModelAPI(ABC):
    """A chat model behind some API. Subclasses implement one attempt; this class retries."""

    name: str = "base"

    def __init__(
        self,
        model: str,
        *,
        policy: RetryPolicy | None = None,
        redactor: Redactor | None = None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        rng: random.Random | None = None,
    ) -> None:
        self.model = model
        self.policy = policy or RetryPolicy()
        self.redactor = redactor or Redactor()
        self._sleep = sleep
        self._rng = rng or random.Random()
        self.attempt_log: list[AttemptRecord] = []
        self.supports_structured_output: bool | None = None  # None: not yet known

    async def generate(
        self,
        messages: list[Message],
        *,
        response_schema: type[BaseModel] | None = None,
        stream_to: StreamCallback | None = None,
    ) -> Completion:
        """One completion, retried on transient failures within the policy's deadline.

        Raises LLMUnavailable (retries spent, deadline passed) or LLMError (a failure
        that retrying cannot fix). Messages of both are free of the API key.
        """
        relay = StreamRelay(stream_to) if stream_to is not None else None
        start = time.monotonic()
        deadline = start + self.policy.total_deadline_s
        attempt = 0
        while True:
            attempt += 1
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise LLMUnavailable(f"deadline of {self.policy.total_deadline_s:g}s passed")
            timeout = min(self.policy.attempt_timeout_s, remaining)
            on_delta = relay.new_attempt() if relay is not None else None
            try:
                async with asyncio.timeout(timeout):
                    completion = await self._attempt(messages, response_schema, on_delta)
            except Exception as exc:
                description = self.redactor.describe(exc)
                if isinstance(exc, TimeoutError):
                    description = f"attempt timed out after {timeout:g}s"
                retryable, retry_after = is_retryable(exc)
                if not retryable:
                    self.attempt_log.append(AttemptRecord(attempt, description))
                    if isinstance(exc, LLMError):
                        raise
                    raise LLMError(description) from None
                if attempt > self.policy.max_retries:
                    self.attempt_log.append(AttemptRecord(attempt, description))
                    raise LLMUnavailable(
                        f"gave up after {attempt} attempts; last error: {description}"
                    ) from None
                wait = backoff_delay(attempt, retry_after, self.policy, self._rng)
                if time.monotonic() + wait >= deadline:
                    self.attempt_log.append(AttemptRecord(attempt, description))
                    raise LLMUnavailable(
                        f"deadline of {self.policy.total_deadline_s:g}s would pass before the "
                        f"next attempt; last error: {description}"
                    ) from None
                self.attempt_log.append(AttemptRecord(attempt, description, wait))
                await self._sleep(wait)
                continue
            self.attempt_log.append(AttemptRecord(attempt, "ok"))
            return Completion(
                text=completion.text,
                usage=completion.usage,
                model=completion.model,
                finish_reason=completion.finish_reason,
                attempts=attempt,
            )

    @abstractmethod
    async def _attempt(
        self,
        messages: list[Message],
        response_schema: type[BaseModel] | None,
        on_delta: StreamCallback | None,
    ) -> Completion:
        """One request. Streams through on_delta when given; raises StreamInterrupted when
        a stream ends before the model said it was done."""

    async def check(self, timeout_s: float = 5.0) -> str | None:
        """None when the endpoint answers; otherwise what is wrong, fit to show a user."""
        return None

    async def aclose(self) -> None:  # noqa: B027 - optional hook, most providers hold nothing
        """Release connections."""


# Providers by name, imported only when asked for: the offline path never loads openai.
_PROVIDERS: dict[str, str] = {
    "openai": "interviewer.llm.openai_provider:OpenAICompatibleProvider",
    "mockllm": "interviewer.llm.mock:MockLLM",
}


def register_provider(name: str, target: str) -> None:
    """Register a provider class as "module:Class" under a name."""
    _PROVIDERS[name] = target


def provider_names() -> list[str]:
    return sorted(_PROVIDERS)


def make_provider(name: str, **kwargs: Any) -> ModelAPI:
    try:
        target = _PROVIDERS[name]
    except KeyError:
        raise LLMError(
            f"unknown provider '{name}' (known: {', '.join(provider_names())})"
        ) from None
    module_name, _, class_name = target.partition(":")
    cls = getattr(importlib.import_module(module_name), class_name)
    provider = cls(**kwargs)
    if not isinstance(provider, ModelAPI):
        raise LLMError(f"provider '{name}' is not a ModelAPI")
    return provider
