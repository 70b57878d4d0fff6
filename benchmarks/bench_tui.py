"""How long the app makes a candidate wait, offline (a benchmark, not a test).

    .venv/bin/python benchmarks/bench_tui.py [--runs 10]

Measures, headless at 80x24 with the shipped content and the offline conductor:
  start:  from building the session and the app to the first question on screen;
  answer: from ctrl+s on an answer to the next interviewer turn on screen;
once with the offline judge and once with a judge slowed to 5 s a verdict, which shows
that the next question does not wait for scoring. Prints medians (and min/max).
"""

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

from textual import events
from textual.app import App
from textual.widgets import TextArea

from interviewer.backends import Backend
from interviewer.conductor.offline import OfflineConductor
from interviewer.content.loader import Content, load_content
from interviewer.domain.session import Mode
from interviewer.judge.base import Judge
from interviewer.judge.offline import OfflineJudge
from interviewer.judge.scripted import ScriptedJudge
from interviewer.session_factory import NewInterview, create_session, make_runner
from interviewer.settings import Settings
from interviewer.store.transcripts import TranscriptStore
from interviewer.tui.app import build_app
from interviewer.tui.conversation import Conversation, flat_turns

ANSWER = (
    "Bias is systematic error from a model that is too simple; variance is how much the "
    "model changes with a different training set. More complexity lowers bias but raises "
    "variance, so validation error is U-shaped."
)
POLL_S = 0.001


async def wait_for_turns(conversation: Conversation, count: int, timeout: float = 30.0) -> None:
    """Until `count` turns are on screen (mounted; the next frame paints them) and the
    last one is the interviewer's."""
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        turns = flat_turns(conversation.session)
        if conversation.rendered >= count and turns and turns[-1][1].role == "interviewer":
            return
        await asyncio.sleep(POLL_S)
    raise TimeoutError("the next interviewer turn never appeared")


async def wait_for_first_question(app: App[int]) -> Conversation:
    while True:
        conversation = app.screen.query(Conversation).first(None) if app.is_running else None
        if isinstance(conversation, Conversation):
            await wait_for_turns(conversation, 1)
            return conversation
        await asyncio.sleep(POLL_S)


async def one_run(content: Content, judge: Judge, seed: int) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "transcripts"
        settings = Settings(transcripts_dir=root, backend="offline")
        store = TranscriptStore(root)
        backend = Backend("offline", OfflineConductor(), judge, "offline engine (no network)")
        started = time.perf_counter()
        request = NewInterview(scenario_id="ml_engineer", mode=Mode.mock, seed=seed)
        session = create_session(content, request, backend)
        runner = make_runner(session, content, store, backend)
        app = build_app(settings, runner=runner, content=content, store=store, backend=backend)
        first_question = asyncio.ensure_future(wait_for_first_question(app))
        async with app.run_test(size=(80, 24)):
            conversation = await first_question
            start_s = time.perf_counter() - started

            app.screen.query_one("#answer", TextArea).insert(ANSWER)
            before = conversation.rendered
            submitted = time.perf_counter()
            # The key goes in as a terminal would send it; Pilot.press would also wait for
            # the app to go idle, which the judge's work in the background would count in.
            app.post_message(events.Key("ctrl+s", None))
            await wait_for_turns(conversation, before + 2)
            answer_s = time.perf_counter() - submitted
            await runner.quit(grace_seconds=0)
    return start_s, answer_s


def summary(name: str, values: list[float]) -> str:
    ms = [v * 1000 for v in values]
    return (
        f"{name:<44} median {statistics.median(ms):7.1f} ms"
        f"   (min {min(ms):6.1f}, max {max(ms):6.1f}, n={len(ms)})"
    )


async def main(runs: int) -> None:
    content = load_content()
    for label, make_judge in (
        ("offline judge", OfflineJudge),
        ("judge slowed to 5 s", lambda: ScriptedJudge(delay=5.0)),
    ):
        starts, answers = [], []
        for i in range(runs + 1):
            start_s, answer_s = await one_run(content, make_judge(), seed=100 + i)
            if i:  # the first run warms imports and caches
                starts.append(start_s)
                answers.append(answer_s)
        print(summary(f"start -> first question ({label})", starts))
        print(summary(f"answer -> next question ({label})", answers))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    asyncio.run(main(parser.parse_args().runs))
    sys.exit(0)
