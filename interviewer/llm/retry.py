"""Which failures are worth another attempt, and how long to wait before it.

`is_retryable` is the one place that classifies failures; the provider base consults it
for every exception an attempt raises.
"""

import email.utils
import json
import random
import time
from dataclasses import dataclass
from typing import Any

from interviewer.llm.errors import LLMError, MalformedResponse, StreamInterrupted

RETRYABLE_STATUS = frozenset({408, 409, 425, 429})


@dataclass(frozen=True)
class RetryPolicy:
    """How long to wait and how often to try again.

    The timeouts watch progress, not duration: an attempt fails when its first token takes
    longer than `first_token_timeout_s`, or the next one longer than `token_gap_timeout_s`;
    a stream that keeps producing tokens runs to its end (max_tokens bounds it). No new
    attempt starts, and no first token is waited for, past `total_deadline_s`.
    """

    max_retries: int = 4
    first_token_timeout_s: float = 60.0
    token_gap_timeout_s: float = 30.0
    total_deadline_s: float = 180.0
    base_delay_s: float = 0.5
    max_delay_s: float = 20.0


def is_retryable(exc: BaseException) -> tuple[bool, float | None]:
    """(worth retrying, seconds the server asked us to wait or None)."""
    if isinstance(exc, StreamInterrupted | MalformedResponse):
        return True, None
    if isinstance(exc, LLMError):
        return False, None
    if isinstance(exc, TimeoutError):
        return True, None
    if isinstance(exc, json.JSONDecodeError):
        return True, None  # a garbled body or stream event: the next attempt may be fine
    status = getattr(exc, "status_code", None)
    if isinstance(status, int):
        if status in RETRYABLE_STATUS or status >= 500:
            return True, retry_after_seconds(getattr(exc, "response", None))
        return False, None
    name = type(exc).__name__
    # The SDK's connection and timeout errors, and the HTTP library's transport errors
    # (a dropped stream surfaces as one of these), are matched by name so this module
    # does not depend on the SDK.
    transient = ("APIConnectionError", "APITimeoutError", "APIResponseValidationError")
    if name in transient or _is_transport_error(exc):
        return True, None
    return False, None


def _is_transport_error(exc: BaseException) -> bool:
    return any(
        cls.__name__ in ("TransportError", "StreamError", "RemoteProtocolError")
        for cls in type(exc).__mro__
    ) or isinstance(exc, ConnectionError)


def retry_after_seconds(response: Any) -> float | None:
    headers = getattr(response, "headers", None)
    if headers is None:
        return None
    millis = headers.get("retry-after-ms")
    if millis:
        try:
            return max(0.0, float(millis) / 1000.0)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, parsed.timestamp() - time.time())


def backoff_delay(
    attempt: int, retry_after: float | None, policy: RetryPolicy, rng: random.Random
) -> float:
    """Full-jitter exponential backoff; a server's Retry-After is a floor, not a suggestion."""
    ceiling = min(policy.max_delay_s, policy.base_delay_s * (2 ** (attempt - 1)))
    delay = rng.uniform(0, ceiling)
    if retry_after is not None:
        delay = max(delay, retry_after)
    return delay
