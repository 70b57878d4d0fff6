"""Whether the model endpoint works, shared by the interviewer and the judge.

A call that fails for want of the endpoint (retries spent, nothing answering, the key or
the model refused) marks it down, with why. While it is down no call waits through its
retries again: the interviewer speaks the bank's words at once and the judge leaves the
answer unscored. At most every `recheck_s` a quick check (listing the models) asks whether
it is back; any call that succeeds marks it up. Each change is an event the interview
announces once.
"""

import time
from collections.abc import Callable

from interviewer.backends import HealthEvent
from interviewer.llm.base import ModelAPI
from interviewer.llm.errors import LLMError, LLMUnavailable

RECHECK_S = 15.0
CHECK_TIMEOUT_S = 3.0
OUTAGE_STATUS = frozenset({401, 403, 404})


def is_outage(exc: LLMError) -> bool:
    """A failure of the endpoint rather than of one reply (cut off, unusable, empty)."""
    if isinstance(exc, LLMUnavailable):
        return True
    if exc.status_code in OUTAGE_STATUS:
        return True
    return exc.cause in ("APIConnectionError", "ConnectError", "ConnectionRefusedError")


class EndpointHealth:
    def __init__(
        self,
        provider: ModelAPI,
        *,
        recheck_s: float = RECHECK_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.provider = provider
        self.recheck_s = recheck_s
        self.clock = clock
        self.down_reason: str | None = None
        self.down_since: float | None = None
        self._last_check = float("-inf")
        self._events: list[HealthEvent] = []
        self.outages = 0

    @property
    def is_down(self) -> bool:
        return self.down_reason is not None

    def mark_failed(self, exc: LLMError) -> None:
        if not is_outage(exc):
            return
        if self.down_reason is None:
            self.down_reason = str(exc)
            self.down_since = self.clock()
            self.outages += 1
            self._events.append(HealthEvent("down", self.down_reason))
        self._last_check = self.clock()

    def mark_ok(self) -> None:
        if self.down_reason is not None:
            self.down_reason = None
            self.down_since = None
            self._events.append(HealthEvent("up"))

    async def usable(self) -> bool:
        """Whether to call the model now: yes when up; when down, only after a quick check
        (at most every `recheck_s`) finds the endpoint answering again."""
        if self.down_reason is None:
            return True
        if self.clock() - self._last_check < self.recheck_s:
            return False
        self._last_check = self.clock()
        return await self.provider.check(timeout_s=CHECK_TIMEOUT_S) is None

    def drain_events(self) -> list[HealthEvent]:
        events, self._events = self._events, []
        return events
