"""How long a candidate waits for the visible tests (a benchmark, not a test).

    .venv/bin/python benchmarks/bench_coding_run.py [--runs 10]

Measures, with the shipped content:
  sandbox: from starting the child process to its results parsed, for the visible
           examples of a few coding and ML coding questions (reference solutions);
  app:     from F5 in the interview screen (headless, 120x36) to the results on screen,
           for two_sum with a buggy solution (so the first failing case is shown).
Prints medians (and min/max). The first run of each is a warm-up and is not counted.
"""

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from textual import events
from textual.widgets import Static, TextArea

from interviewer.backends import Backend
from interviewer.conductor.offline import OfflineConductor
from interviewer.content.loader import Content, load_content
from interviewer.domain.coding import RunKind
from interviewer.domain.question import RoundKind
from interviewer.domain.scenario import Scenario
from interviewer.domain.session import Mode
from interviewer.judge.offline import OfflineJudge
from interviewer.runner import utc_now
from interviewer.sandbox.run import run_code, uses_numpy
from interviewer.session_factory import make_runner
from interviewer.settings import Settings
from interviewer.store.transcripts import TranscriptStore, new_session_id
from interviewer.tui.app import build_app

QUESTIONS = (
    "coding.hashing.two_sum",
    "coding.graphs.course_order",
    "ml_coding.kmeans.lloyd",
    "ml_coding.attention.scaled_dot_product",
)
BUGGY_TWO_SUM = "def two_sum(nums, target):\n    return [0, 1]\n"
POLL_S = 0.001


def summary(name: str, values: list[float]) -> str:
    ms = [v * 1000 for v in values]
    return (
        f"{name:<48} median {statistics.median(ms):7.1f} ms"
        f"   (min {min(ms):6.1f}, max {max(ms):6.1f}, n={len(ms)})"
    )


async def sandbox_times(content: Content, runs: int) -> None:
    for qid in QUESTIONS:
        question = content.questions[qid]
        assert question.coding is not None
        numpy = uses_numpy(question.coding, question.round is RoundKind.ml_coding)
        times = []
        for i in range(runs + 1):
            started = time.perf_counter()
            await run_code(question.coding, question.coding.reference, RunKind.visible, numpy=numpy)
            if i:
                times.append(time.perf_counter() - started)
        print(summary(f"sandbox: visible tests of {qid}", times))


async def app_times(content: Content, runs: int) -> None:
    base = content.scenario("practice_coding")
    only_two_sum = base.model_copy(
        update={
            "rounds": [
                base.rounds[0].model_copy(
                    update={"pool": base.rounds[0].pool.model_copy(update={"ids": [QUESTIONS[0]]})}
                )
            ]
        }
    )
    assert isinstance(only_two_sum, Scenario)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "transcripts"
        store = TranscriptStore(root)
        backend = Backend("offline", OfflineConductor(), OfflineJudge(), "offline")
        from interviewer.domain.session import Session

        now = utc_now()
        session = Session(
            id=new_session_id(now),
            scenario=only_two_sum,
            rubrics={"coding": content.rubrics["coding"]},
            mode=Mode.practice,
            seed=1,
            created_at=now,
            updated_at=now,
        )
        runner = make_runner(session, content, store, backend)
        settings = Settings(transcripts_dir=root, backend="offline")
        app = build_app(settings, runner=runner, content=content, store=store, backend=backend)
        async with app.run_test(size=(120, 36)) as pilot:
            while runner.prompt() is None:
                await asyncio.sleep(0.01)
            await pilot.pause()
            app.screen.query_one("#code", TextArea).text = BUGGY_TWO_SUM
            output = app.screen.query_one("#run-output", Static)
            times = []
            for i in range(runs + 1):
                output.update("")
                started = time.perf_counter()
                app.post_message(events.Key("f5", None))
                while "visible tests passed" not in str(output.render()):
                    await asyncio.sleep(POLL_S)
                if i:
                    times.append(time.perf_counter() - started)
            await runner.quit(grace_seconds=0)
    print(summary("app: F5 -> results on screen (two_sum, buggy)", times))


async def main(runs: int) -> None:
    content = load_content()
    await sandbox_times(content, runs)
    await app_times(content, runs)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    asyncio.run(main(parser.parse_args().runs))
