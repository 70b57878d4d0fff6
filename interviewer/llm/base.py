"""The provider interface: one async `generate` over chat messages, whatever the endpoint.

Retries, the progress timeouts, the total deadline, reasoning removal and stream relaying
live here, so every provider (the OpenAI-compatible one, the scripted one) behaves the
same on failure, and no provider's reasoning text reaches a listener or a caller.
"""

import asyncio
import contextlib
import importlib
import random
import time
from abc import ABC, abstractmethod
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from typing import Any, Literal

from pydantic import BaseModel

from interviewer.llm.errors import LLMError, LLMUnavailable, StreamStalled
from interviewer.llm.reasoning import ReasoningFilter
from interviewer.llm.redact import Redactor
from interviewer.llm.retry import RetryPolicy, backoff_delay, is_retryable
from interviewer.llm.tokens import count_message_tokens, count_tokens

Role = Literal["system", "user", "assistant"]
StreamCallback = Callable[[str], None]
RestartCallback = Callable[[], None]


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
    estimated: bool = False  # the server reported none: these are our own counts


@dataclass(frozen=True)
class Completion:
    text: str  # the visible reply: reasoning already taken out
    usage: TokenUsage
    model: str
    finish_reason: str
    attempts: int = 1
    reasoning: str = ""  # kept aside, never shown, saved or sent back
    max_tokens: int | None = None  # the limit the reply was generated under

    @property
    def cut_off(self) -> str | None:
        """Why the reply is incomplete when the token limit stopped it, else None."""
        if self.finish_reason != "length":
            return None
        limit = self.max_tokens or self.usage.completion_tokens
        if self.text.strip() == "" and self.reasoning:
            return f"the reply was cut off at {limit} tokens while the model was still reasoning"
        return f"the reply was cut off at {limit} tokens (finish_reason=length)"


@dataclass(frozen=True)
class CallRequest:
    """One call as a provider sees it."""

    messages: list[Message]
    response_schema: type[BaseModel] | None = None
    max_tokens: int | None = None


class AttemptSink:
    """What an attempt reports as its stream arrives; every delta counts as progress."""

    def __init__(self, on_text: StreamCallback) -> None:
        self._on_text = on_text
        self.started = time.monotonic()
        self.first_progress: float | None = None
        self.last_progress: float | None = None
        self.tokens_seen = 0
        self.reasoning: list[str] = []

    def text(self, delta: str) -> None:
        if delta:
            self._progress()
            self._on_text(delta)

    def thought(self, delta: str) -> None:
        if delta:
            self._progress()
            self.reasoning.append(delta)

    def _progress(self) -> None:
        self.last_progress = time.monotonic()
        if self.first_progress is None:
            self.first_progress = self.last_progress
        self.tokens_seen += 1


@dataclass
class StreamRelay:
    """Passes streamed text on, across retries, so that the listener sees one coherent turn.

    A retried attempt usually repeats what the dropped one said; the repeated prefix is
    held back and only new text is passed on. When the retry says something different,
    the listener is told to forget what it was shown (`on_restart`) and gets the new text:
    no marker is invented, and a partial attempt is never returned as a whole turn.
    Without `on_restart`, a diverging attempt is not streamed at all.
    """

    listener: StreamCallback
    on_restart: RestartCallback | None = None
    emitted: str = ""
    _attempt_text: str = ""
    _diverged: bool = False
    _silent: bool = False

    def new_attempt(self) -> StreamCallback:
        self._attempt_text = ""
        self._diverged = not self.emitted  # nothing shown yet: pass everything straight on
        self._silent = False
        return self._on_delta

    def withdraw(self) -> None:
        """This attempt's text so far was not the reply (e.g. it was reasoning)."""
        self._attempt_text = ""
        self._restart()

    def finish_attempt(self) -> None:
        """The attempt succeeded: make sure the listener holds exactly its text."""
        if self.emitted != self._attempt_text and not self._silent:
            self._restart()
            self._emit(self._attempt_text)

    def _on_delta(self, delta: str) -> None:
        if not delta:
            return
        self._attempt_text += delta
        if self._silent:
            return
        if self._diverged:
            self._emit(delta)
            return
        if self.emitted.startswith(self._attempt_text):
            return  # still repeating what was already shown
        if self._attempt_text.startswith(self.emitted):
            self._diverged = True
            self._emit(self._attempt_text[len(self.emitted) :])
            return
        self._restart()
        self._emit(self._attempt_text)

    def _restart(self) -> None:
        if not self.emitted:
            self._diverged = True
            return
        if self.on_restart is None:
            self._silent = True
            return
        self.on_restart()
        self.emitted = ""
        self._diverged = True

    def _emit(self, text: str) -> None:
        if text and not self._silent:
            self.emitted += text
            self.listener(text)


@dataclass
class AttemptRecord:
    """What one attempt did: kept on the provider for tests and diagnostics."""

    number: int
    outcome: str  # "ok" or a short, redacted error description
    waited_s: float = 0.0
    first_token_s: float | None = None
    duration_s: float = 0.0


@dataclass
class CallTiming:
    """Latency of one successful call: for benchmarks and the doctor."""

    first_token_s: float | None
    total_s: float
    attempts: int


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
        self.timings: list[CallTiming] = []
        # How structured output is asked for: "json_schema", "json_object" or "none";
        # None until a call that asked for it has succeeded.
        self.structured_mode: str | None = None

    @property
    def supports_structured_output(self) -> bool | None:
        if self.structured_mode is None:
            return None
        return self.structured_mode == "json_schema"

    async def generate(
        self,
        messages: list[Message],
        *,
        response_schema: type[BaseModel] | None = None,
        stream_to: StreamCallback | None = None,
        on_restart: RestartCallback | None = None,
        max_tokens: int | None = None,
        policy: RetryPolicy | None = None,
    ) -> Completion:
        """One completion, retried on transient failures within the policy's deadline.

        The text streamed to `stream_to` and the returned text hold no reasoning. When a
        retry replaces text already streamed, `on_restart` is called first.
        Raises LLMUnavailable (retries spent, deadline passed) or LLMError (a failure
        that retrying cannot fix). Messages of both are free of the API key.
        `policy` replaces the provider's own for this call (the preflight's single try).
        """
        policy = policy or self.policy
        request = CallRequest(list(messages), response_schema, max_tokens)
        relay = StreamRelay(stream_to, on_restart) if stream_to is not None else None
        start = time.monotonic()
        deadline = start + policy.total_deadline_s
        attempt = 0
        while True:
            attempt += 1
            if deadline - time.monotonic() <= 0:
                raise LLMUnavailable(f"deadline of {policy.total_deadline_s:g}s passed")
            relay_delta = relay.new_attempt() if relay is not None else None
            visible = ReasoningFilter(
                emit=relay_delta or _ignore, withdraw=relay.withdraw if relay else None
            )
            sink = AttemptSink(visible.feed)
            try:
                raw = await self._watched(self._attempt(request, sink), sink, deadline, policy)
            except Exception as exc:
                description = self.redactor.describe(exc)
                if isinstance(exc, StreamStalled):
                    description = str(exc)
                retryable, retry_after = is_retryable(exc)
                record = AttemptRecord(attempt, description, 0.0, None, time.monotonic() - start)
                if not retryable:
                    self.attempt_log.append(record)
                    if isinstance(exc, LLMError):
                        raise
                    raise LLMError(
                        description,
                        status_code=getattr(exc, "status_code", None),
                        cause=type(exc).__name__,
                    ) from None
                if attempt > policy.max_retries:
                    self.attempt_log.append(record)
                    raise LLMUnavailable(
                        f"gave up after {attempt} attempts; last error: {description}",
                        status_code=getattr(exc, "status_code", None),
                        cause=type(exc).__name__,
                    ) from None
                wait = backoff_delay(attempt, retry_after, policy, self._rng)
                if time.monotonic() + wait >= deadline:
                    self.attempt_log.append(record)
                    raise LLMUnavailable(
                        f"deadline of {policy.total_deadline_s:g}s would pass before the "
                        f"next attempt; last error: {description}",
                        status_code=getattr(exc, "status_code", None),
                        cause=type(exc).__name__,
                    ) from None
                record.waited_s = wait
                self.attempt_log.append(record)
                await self._sleep(wait)
                continue
            visible.finish()
            if relay is not None:
                relay.finish_attempt()
            first = None if sink.first_progress is None else sink.first_progress - sink.started
            total = time.monotonic() - start
            self.attempt_log.append(AttemptRecord(attempt, "ok", 0.0, first, total))
            self.timings.append(CallTiming(first, total, attempt))
            reasoning = "".join(sink.reasoning + visible.reasoning)
            usage = raw.usage
            if usage.estimated or (usage.prompt_tokens == 0 and usage.completion_tokens == 0):
                usage = TokenUsage(
                    prompt_tokens=count_message_tokens(messages),
                    completion_tokens=count_tokens(raw.text + reasoning),
                    estimated=True,
                )
            return replace(
                raw,
                text=visible.text,
                usage=usage,
                attempts=attempt,
                reasoning=reasoning,
                max_tokens=max_tokens,
            )

    async def _watched(
        self,
        work: Awaitable[Completion],
        sink: AttemptSink,
        deadline: float,
        policy: RetryPolicy,
    ) -> Completion:
        """The attempt's result, or StreamStalled when it stops making progress."""
        task: asyncio.Future[Completion] = asyncio.ensure_future(work)
        try:
            while True:
                now = time.monotonic()
                if sink.last_progress is None:
                    limit = min(sink.started + policy.first_token_timeout_s, deadline)
                    if now >= limit:
                        waited = now - sink.started
                        raise StreamStalled(f"no first token within {waited:.0f}s")
                else:
                    limit = sink.last_progress + policy.token_gap_timeout_s
                    if now >= limit:
                        raise StreamStalled(
                            f"no new token for {policy.token_gap_timeout_s:g}s after "
                            f"{sink.tokens_seen} streamed pieces"
                        )
                # Wake at least every half gap: a first token may arrive and the stream
                # stall well before the first-token limit, and progress sets no alarm.
                wake = min(limit - now, policy.token_gap_timeout_s / 2)
                done, _ = await asyncio.wait({task}, timeout=wake)
                if done:
                    return task.result()
        finally:
            if not task.done():
                task.cancel()
                with contextlib.suppress(BaseException):
                    await task

    @abstractmethod
    async def _attempt(self, request: CallRequest, sink: AttemptSink) -> Completion:
        """One request. Reports streamed text and reasoning through `sink` as it arrives and
        returns the raw reply (reasoning tags may still be in it); raises StreamInterrupted
        when a stream ends before the model said it was done."""

    async def check(self, timeout_s: float = 5.0) -> str | None:
        """None when the endpoint answers; otherwise what is wrong, fit to show a user."""
        return None

    async def aclose(self) -> None:  # noqa: B027 - optional hook, most providers hold nothing
        """Release connections."""


def _ignore(_: str) -> None:
    pass


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
