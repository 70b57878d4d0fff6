"""A 2 MB answer: how long the next question and the quit take, and how long the event
loop is blocked meanwhile (a benchmark, not a test).

    .venv/bin/python benchmarks/bench_big_answer.py [--size 2000000] [--runs 3]
        [--source DIR]      # measure another checkout's code (e.g. an older commit)

App (headless, shipped content, offline conductor and judge): the answer is put in the
editor (as a paste would), submitted with ctrl+s; measured are the time to the next
interviewer turn on screen, then ctrl+q to the app's exit, and the longest the event loop
went without running (sampled every 5 ms) over both. Plain mode: the answer piped in, the
time to the next question printed, then /quit to the process's exit. Medians and ranges.
"""

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def use_source(root: str) -> None:
    """Import `interviewer` from `root` instead of the installed (editable) package."""
    sys.meta_path[:] = [f for f in sys.meta_path if "editable" not in repr(f).lower()]
    sys.path.insert(0, root)


class LoopWatch:
    """The longest the event loop went without running a 5 ms ticker."""

    def __init__(self) -> None:
        self.worst = 0.0
        self._task: asyncio.Task[None] | None = None

    async def _tick(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            before = loop.time()
            await asyncio.sleep(0.005)
            self.worst = max(self.worst, loop.time() - before - 0.005)

    def start(self) -> None:
        self._task = asyncio.ensure_future(self._tick())

    def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()


def big_answer(size: int) -> str:
    sentence = (
        "Regularisation adds a penalty on the weights so the model prefers simpler "
        "functions, which lowers variance at the cost of a little bias. "
    )
    return (sentence * (size // len(sentence) + 1))[:size]


async def app_run(size: int) -> tuple[float, float, float]:
    from textual import events
    from textual.widgets import TextArea

    from interviewer.backends import Backend
    from interviewer.conductor.offline import OfflineConductor
    from interviewer.content.loader import load_content
    from interviewer.domain.session import Mode
    from interviewer.judge.offline import OfflineJudge
    from interviewer.session_factory import NewInterview, create_session, make_runner
    from interviewer.settings import Settings
    from interviewer.store.transcripts import TranscriptStore
    from interviewer.tui.app import build_app
    from interviewer.tui.conversation import Conversation, flat_turns

    content = load_content()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "transcripts"
        settings = Settings(transcripts_dir=root, backend="offline")
        store = TranscriptStore(root)
        backend = Backend("offline", OfflineConductor(), OfflineJudge(), "offline")
        request = NewInterview(scenario_id="practice_breadth", mode=Mode.mock, seed=1)
        runner = make_runner(create_session(content, request, backend), content, store, backend)
        app = build_app(settings, runner=runner, content=content, store=store, backend=backend)
        watch = LoopWatch()
        async with app.run_test(size=(100, 30)):
            while not app.screen.query(Conversation):
                await asyncio.sleep(0.005)
            conversation = app.screen.query_one(Conversation)
            while not flat_turns(conversation.session):
                await asyncio.sleep(0.005)
            await asyncio.sleep(0.3)  # the warm-up after the first question
            app.screen.query_one("#answer", TextArea).text = big_answer(size)
            watch.start()
            turns = len(flat_turns(conversation.session))
            started = time.perf_counter()
            app.post_message(events.Key("ctrl+s", None))
            while not (
                len(flat_turns(conversation.session)) >= turns + 2
                and flat_turns(conversation.session)[-1][1].role == "interviewer"
                and conversation.rendered >= turns + 2
            ):
                await asyncio.sleep(0.005)
            next_s = time.perf_counter() - started
            await asyncio.sleep(0.5)  # the answer and the question painted
            if os.environ.get("BENCH_DEBUG"):
                print(f"stall so far {watch.worst:.2f} s", file=sys.stderr)
            started = time.perf_counter()
            app.post_message(events.Key("ctrl+q", None))
            while app.is_running and app.return_code is None:
                await asyncio.sleep(0.005)
            quit_s = time.perf_counter() - started
            watch.stop()
    return next_s, quit_s, watch.worst


def plain_run(size: int, source: str | None) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, INTERVIEWER_TRANSCRIPTS_DIR=str(Path(tmp) / "t"))
        env["PYTHONPATH"] = source or ""
        code = (
            f"import sys; sys.argv[0] = 'interviewer'; "
            f"sys.path.insert(0, {source!r}) if {source!r} else None; "
            "from interviewer.cli import main; raise SystemExit(main(sys.argv[1:]))"
        )
        args = ["start", "--plain", "--scenario", "practice_breadth", "--seed", "1"]
        proc = subprocess.Popen(
            [sys.executable, "-c", code, *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        assert proc.stdin is not None and proc.stdout is not None
        while not proc.stdout.readline().startswith(b"Interviewer: "):
            pass
        started = time.perf_counter()
        proc.stdin.write(big_answer(size).encode() + b"\n.\n")
        proc.stdin.flush()
        while not proc.stdout.readline().startswith(b"Interviewer: "):
            pass
        next_s = time.perf_counter() - started
        started = time.perf_counter()
        proc.stdin.write(b"/quit\n")
        proc.stdin.close()
        proc.stdout.read()
        proc.wait(timeout=600)
        quit_s = time.perf_counter() - started
    return next_s, quit_s


def summary(name: str, values: list[float]) -> str:
    return (
        f"{name:<40} median {statistics.median(values):7.2f} s"
        f"   (min {min(values):.2f}, max {max(values):.2f}, n={len(values)})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=2_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--source", help="a checkout whose interviewer/ to measure")
    args = parser.parse_args()
    if args.source:
        use_source(args.source)
    nexts, quits, stalls = [], [], []
    for _ in range(args.runs):
        next_s, quit_s, stall = asyncio.run(app_run(args.size))
        nexts.append(next_s)
        quits.append(quit_s)
        stalls.append(stall)
    print(f"answer of {args.size:,} characters; code from {args.source or 'this checkout'}")
    print(summary("app: ctrl+s -> next question", nexts))
    print(summary("app: ctrl+q -> exit", quits))
    print(summary("app: longest event-loop stall", stalls))
    pnext, pquit = [], []
    for _ in range(args.runs):
        next_s, quit_s = plain_run(args.size, args.source)
        pnext.append(next_s)
        pquit.append(quit_s)
    print(summary("plain: answer -> next question", pnext))
    print(summary("plain: /quit -> exit", pquit))


if __name__ == "__main__":
    main()
