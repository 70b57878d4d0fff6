"""The one place that turns settings into a conductor and a judge.

The CLI, the app and the tests all build through here, so swapping a scripted provider
in a test exercises the same wiring a user runs.
"""

from dataclasses import dataclass
from typing import Any, Literal, Protocol

from interviewer.conductor.base import Conductor
from interviewer.judge.base import Judge
from interviewer.settings import Settings


@dataclass(frozen=True)
class HealthEvent:
    """The model endpoint stopped working ("down", with why) or works again ("up")."""

    kind: Literal["down", "up"]
    reason: str = ""


class Health(Protocol):
    @property
    def is_down(self) -> bool: ...

    def drain_events(self) -> list[HealthEvent]: ...


class Readiness(Protocol):
    """A backend's preflight (LLM backends): `check` returns a report with `ok`,
    `lines(plain=...)` and `summary()`; a success is cached unless `fresh`."""

    async def check(self, *, fresh: bool = False) -> Any: ...


@dataclass
class Backend:
    name: str  # "offline" or "openai"
    conductor: Conductor
    judge: Judge
    description: str  # shown in the UI: which backend and models are in use
    readiness: Readiness | None = None  # None: nothing to check (the offline engine)
    health: Health | None = None  # None: nothing can go down (the offline engine)


def make_backend(settings: Settings) -> Backend:
    if settings.resolved_backend == "openai":
        # Imported lazily: the offline path never loads the openai SDK.
        from interviewer.llm.factory import make_llm_backend

        conductor, judge, description, readiness = make_llm_backend(settings)
        return Backend("openai", conductor, judge, description, readiness, conductor.health)
    return offline_backend()


def offline_backend(note: str = "") -> Backend:
    from interviewer.conductor.offline import OfflineConductor
    from interviewer.judge.worker import WorkerJudge

    description = "offline engine (no network)" + (f"; {note}" if note else "")
    return Backend("offline", OfflineConductor(), WorkerJudge(), description)


def make_judge(settings: Settings) -> Judge:
    return make_backend(settings).judge
