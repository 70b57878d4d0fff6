"""The one place that turns settings into a conductor and a judge.

The CLI, the app and the tests all build through here, so swapping a scripted provider
in a test exercises the same wiring a user runs.
"""

from dataclasses import dataclass

from interviewer.conductor.base import Conductor
from interviewer.judge.base import Judge
from interviewer.settings import Settings


@dataclass
class Backend:
    name: str  # "offline" or "openai"
    conductor: Conductor
    judge: Judge
    description: str  # shown in the UI: which backend and models are in use


def make_backend(settings: Settings) -> Backend:
    if settings.resolved_backend == "openai":
        # Imported lazily: the offline path never loads the openai SDK.
        from interviewer.llm.factory import make_llm_backend

        conductor, judge, description = make_llm_backend(settings)
        return Backend("openai", conductor, judge, description)
    from interviewer.conductor.offline import OfflineConductor
    from interviewer.judge.worker import WorkerJudge

    return Backend("offline", OfflineConductor(), WorkerJudge(), "offline engine (no network)")


def make_judge(settings: Settings) -> Judge:
    return make_backend(settings).judge
