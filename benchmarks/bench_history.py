"""What history, start-up and saving cost, as a user sees it (a benchmark, not a test).

    .venv/bin/python benchmarks/bench_history.py [--sizes 10,100,1000,5000] [--runs 5]
        [--only history,startup,answers,writes,scorecard]

history   For each N, a transcripts folder holding N sessions of one candidate (copies of
          three real offline interviews with new ids and dates) and the figures of issue
          14's table: `list --json` (its default page, the newest 50; `--all` is shown
          apart, not judged), plain start -> first question, the History chart on
          screen (from ctrl+g on Home), and the app's memory then (peak RSS). N = 0 is the
          baseline. The first `list` after copying builds the index: reported apart.
          Flatness: at the largest N each run is followed by one at N = 100, and the
          ratios are taken pair by pair (a load that changes between rows cancels out).
startup   Alternated in one run: a bare Textual app showing a line vs `interviewer start`
          (the app) showing the first question; `interviewer --help` vs `list` on an
          empty folder.
answers   Plain mode, each answer different: answer 1 -> next question vs later answers;
          a 4,000-word answer -> next question.
writes    A 100-answer offline session: bytes written by the process (/proc wchar:
          transcripts, journal, index, everything) against the final transcript's size.
scorecard The scorecard screen of a four-round session: first content and all of it.

Apps run in a pseudo-terminal (100x30) and are timed from launch (or key press) to the
text appearing in their output. Medians over --runs, with min-max.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import fcntl
import json
import os
import pty
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CANDIDATE = "bench"
ANSWERS = [
    "Bias is the error from a model too simple for the signal, variance the error from "
    "fitting noise in one training set. More capacity lowers bias and raises variance, so "
    "validation error is U-shaped and I pick the complexity at its minimum.",
    "Precision is the share of predicted positives that are right, recall the share of "
    "actual positives found. For fraud I would favour recall and choose the threshold from "
    "the precision-recall curve by the cost of each kind of error.",
    "L2 regularisation adds the squared weights to the loss and shrinks them smoothly; L1 "
    "adds their absolute values and drives some exactly to zero, which selects features. "
    "The strength is tuned on a validation set.",
    "Gradient descent steps against the gradient of the loss. With a learning rate too "
    "high it overshoots and diverges, too low it crawls; I use a schedule with warm-up and "
    "watch the training curve.",
    "Cross-validation splits the data into k folds, trains on k-1 and validates on the "
    "held-out fold, then averages. For time series the folds must respect time order or "
    "the model sees the future.",
    "Dropout zeroes a random subset of activations during training so units cannot "
    "co-adapt; at test time all units are used with scaled weights. It acts like an "
    "ensemble of thinned networks.",
    "Batch normalisation standardises a layer's inputs over the mini-batch and learns a "
    "scale and shift. It allows higher learning rates; at inference it uses running "
    "averages, so small batches hurt it.",
    "A random forest averages many deep trees grown on bootstrap samples with random "
    "feature subsets, which cuts variance; gradient boosting adds shallow trees that fit "
    "the residual errors, which cuts bias.",
    "For class imbalance I would first pick a metric that reflects it, like PR-AUC, then "
    "try class weights or resampling, and calibrate the scores before choosing a "
    "threshold on the business cost.",
    "Data leakage is information in training features that would not be available at "
    "prediction time, such as a label-derived column or future data; it inflates offline "
    "metrics and collapses in production.",
    "I led the churn model project: I built the feature pipeline from event logs, trained "
    "a gradient boosted model, and ran an A/B test where targeted offers cut churn by four "
    "percent over a quarter.",
    "When a teammate disagreed with my design, I set up a short spike to compare both "
    "approaches on real data, we reviewed the numbers together and adopted theirs, and I "
    "documented the trade-off for the team.",
    "Embeddings map items to dense vectors where similar items are close; I would train "
    "them with a two-tower model on click pairs and serve nearest neighbours from an "
    "approximate index like HNSW.",
    "To monitor a model in production I track input drift with population stability, "
    "prediction distributions, latency and the delayed labels' accuracy, with alerts and "
    "a shadow model before any rollout.",
    "The attention layer scores each query against all keys with a scaled dot product, "
    "turns the scores into weights with a softmax and mixes the values; several heads "
    "attend to different relations at once.",
    "A feature store keeps one definition of each feature for training and serving, so "
    "they cannot drift apart, and gives point-in-time correct joins so training rows only "
    "see values known at that moment.",
]
POLL_S = 0.5
VERDICTS: list[tuple[str, str, bool]] = []  # (bar, figure, met), printed at the end


def verdict(bar: str, figure: str, met: bool) -> None:
    VERDICTS.append((bar, figure, met))


# --- processes -----------------------------------------------------------------------------


def env_for(transcripts: Path, cache: Path) -> dict[str, str]:
    # As installed for a user: no LLM endpoint, and compiled modules kept (.pyc), which a
    # PYTHONDONTWRITEBYTECODE in the calling shell would otherwise make every run redo.
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("OPENAI_") and k != "PYTHONDONTWRITEBYTECODE"
    }
    env.update(
        INTERVIEWER_TRANSCRIPTS_DIR=str(transcripts),
        INTERVIEWER_CANDIDATE=CANDIDATE,
        INTERVIEWER_CACHE_DIR=str(cache),
        PYTHONUNBUFFERED="1",
        TERM="xterm-256color",
    )
    return env


class Terminal:
    """A program in a 100x30 pseudo-terminal, read until a text appears."""

    def __init__(self, argv: list[str], env: dict[str, str]):
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(
            argv, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True
        )
        os.close(slave)
        self.seen = b""

    def wait_for(self, text: str, timeout: float = 120.0) -> float:
        """Seconds from launch until `text` is in the output."""
        marker = text.encode()
        deadline = time.perf_counter() + timeout
        while marker not in self.seen:
            if time.perf_counter() > deadline:
                raise TimeoutError(f"{text!r} never appeared")
            ready, _, _ = select.select([self.master], [], [], POLL_S)
            if ready:
                try:
                    chunk = os.read(self.master, 1 << 16)
                except OSError:
                    raise EOFError(f"the program ended before {text!r}") from None
                self.seen += chunk
        return time.perf_counter() - self.started

    def press(self, keys: str) -> None:
        self.seen = b""
        self.started = time.perf_counter()
        os.write(self.master, keys.encode())

    def memory_mb(self) -> tuple[float, float]:
        """(resident now, peak resident) of the program, in MB."""
        status = Path(f"/proc/{self.proc.pid}/status").read_text()
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        return (int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024)

    def close(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait()
        os.close(self.master)


def interviewer(*args: str) -> list[str]:
    return [sys.executable, "-m", "interviewer", *args]


def timed(argv: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - started


def spread(ratios: list[float]) -> str:
    return f"(pairs: median {statistics.median(ratios):.2f}, {min(ratios):.2f}-{max(ratios):.2f})"


def fmt(values: list[float], unit: str = "ms") -> str:
    scale = 1000 if unit == "ms" else 1
    v = [x * scale for x in values]
    return f"{statistics.median(v):8.1f} {unit} ({min(v):.0f}-{max(v):.0f})"


# --- sessions ------------------------------------------------------------------------------


async def real_session(root: Path, seed: int) -> Path:
    """A whole offline interview of the shipped ml_engineer loop, every answer different."""
    from interviewer.session_factory import (
        NewInterview,
        backend_for,
        content_for,
        create_session,
        make_runner,
        store_for,
    )
    from interviewer.settings import Settings

    settings = Settings(transcripts_dir=root, backend="offline", candidate=CANDIDATE)
    content = content_for(settings)
    backend = backend_for(settings)
    request = NewInterview(seed=seed, candidate=CANDIDATE)
    session = create_session(content, request, backend)
    runner = make_runner(session, content, store_for(settings), backend)
    prompt = await runner.begin()
    n = seed
    while prompt is not None:
        n += 1
        prompt = await runner.answer(ANSWERS[n % len(ANSWERS)])
    await runner.finish()
    return runner.store.path_for(session.id)


def templates(work: Path) -> list[dict]:
    folder = work / "templates"
    paths = [asyncio.run(real_session(folder, seed)) for seed in (1, 2, 3)]
    return [json.loads(p.read_text()) for p in paths]


def populate(folder: Path, sources: list[dict], n: int) -> None:
    """n copies of the real sessions, each with a new id and its own date."""
    folder.mkdir(parents=True, exist_ok=True)
    start = datetime(2024, 1, 1, 9, 0, tzinfo=UTC)
    for i in range(n):
        data = dict(sources[i % len(sources)])
        when = start + timedelta(hours=7 * i)
        shift = when - datetime.fromisoformat(data["created_at"])
        data["id"] = f"{when:%Y%m%d-%H%M%S}-{i:04x}"
        for key in ("created_at", "updated_at", "finished_at"):
            if data.get(key):
                data[key] = (datetime.fromisoformat(data[key]) + shift).isoformat()
        (folder / f"{data['id']}.json").write_text(json.dumps(data, indent=1))


def clear_new_sessions(folder: Path, before: set[str]) -> None:
    for path in folder.iterdir():
        if path.name not in before and not path.name.startswith("."):
            path.unlink()


# --- the sections --------------------------------------------------------------------------


def plain_start(folder: Path, env: dict[str, str], seed: int) -> float:
    before = {p.name for p in folder.iterdir()} if folder.is_dir() else set()
    term = Terminal(interviewer("start", "--plain", "--seed", str(seed)), env)
    try:
        return term.wait_for("Interviewer: ")
    finally:
        term.close()
        if folder.is_dir():
            clear_new_sessions(folder, before)


def one_run(folder: Path, baseline: Path, cache: Path, run: int, scored: bool) -> dict[str, float]:
    """Each figure of the table once, at one folder."""
    env = env_for(folder, cache)
    figures = {"list": timed(interviewer("list", "--json"), env)}
    figures["list_all"] = timed(interviewer("list", "--json", "--all"), env)
    # Alternated with an empty folder, so that the machine's mood cancels out.
    zero = plain_start(baseline, env_for(baseline, cache), run)
    figures["start"] = plain_start(folder, env, run)
    figures["against_zero"] = figures["start"] / zero
    term = Terminal(interviewer(), env)
    try:
        figures["home"] = term.wait_for("New interview")
        term.press("\x07")  # ctrl+g: History
        figures["chart"] = term.wait_for("Level per criterion" if scored else "No scored sessions")
        time.sleep(0.3)  # let the last frame settle before reading memory
        figures["memory"] = term.memory_mb()[1]
    finally:
        term.close()
    return figures


def history(work: Path, sizes: list[int], runs: int, sources: list[dict]) -> None:
    cache = work / "cache"
    baseline = work / "n0"
    baseline.mkdir(exist_ok=True)
    top = max(sizes) if sizes else 0
    print("\n## History as it grows (one candidate, N sessions)\n")
    print(
        f"{'N':>6} | {'list --json':>24} | {'plain start -> question':>24} | "
        f"{'History chart shown':>24} | {'app memory':>10} | {'start vs N=0':>12} | "
        "first list (index build) | app launch -> Home | list --json --all"
    )
    print("-" * 175)
    flat: dict[str, list[float]] = {}  # N=top over N=100, each pair measured back to back
    for n in [0, *sizes]:
        folder = work / f"n{n}"
        populate(folder, sources, n)
        build = timed(interviewer("list", "--json"), env_for(folder, cache))
        got: dict[str, list[float]] = {}
        for run in range(runs):
            figures = one_run(folder, baseline, cache, run, n > 0)
            for key, value in figures.items():
                got.setdefault(key, []).append(value)
            if n == top and 100 in sizes and top > 100:
                # Alternated with N=100, as the start with N=0: the machine's mood cancels.
                hundred = one_run(work / "n100", baseline, cache, run, True)
                for key in ("list", "list_all", "start", "chart", "memory", "home"):
                    flat.setdefault(key, []).append(figures[key] / hundred[key])
        median = {key: statistics.median(values) for key, values in got.items()}
        if n == top:
            list_s, chart_s = median["list"], median["chart"]
            start_ratio, rss = median["against_zero"], median["memory"]
            verdict(f"N={n}: list --json < 1 s", f"{list_s:.2f} s", list_s < 1)
            verdict(f"N={n}: plain start <= 1.2x N=0", f"{start_ratio:.2f}x", start_ratio <= 1.2)
            verdict(f"N={n}: History chart < 1 s", f"{chart_s:.2f} s", chart_s < 1)
            verdict(f"N={n}: app memory < 250 MB", f"{rss:.0f} MB", rss < 250)
        print(
            f"{n:>6} | {fmt(got['list']):>24} | {fmt(got['start']):>24} | "
            f"{fmt(got['chart']):>24} | {median['memory']:>7.0f} MB | "
            f"{median['against_zero']:>12.2f} | {build * 1000:.0f} ms | {fmt(got['home'])} | "
            f"{fmt(got['list_all'])}",
            flush=True,
        )
        if n and n != 100:
            shutil.rmtree(folder)
    print("\nHistory chart shown: from ctrl+g on Home to the chart on screen")
    print("app memory: peak resident size of the app process with History on screen")
    print("start vs N=0: plain start at N over an empty folder, median of alternated pairs")
    if flat:
        print(f"flatness, N={top} against N=100, median of alternated pairs (done when <= 1.5):")
        for key, ratios in flat.items():
            ratio = statistics.median(ratios)
            print(f"  {key:<8} {ratio:.2f} ({min(ratios):.2f}-{max(ratios):.2f})")
            if key not in ("home", "list_all"):  # not the bars: shown, not judged
                verdict(f"N=100 -> {top}: {key} flat within 1.5x", f"{ratio:.2f}x", ratio <= 1.5)


BARE_APP = (
    "from textual.app import App\n"
    "from textual.widgets import Static\n"
    "class Bare(App):\n"
    "    def compose(self):\n"
    "        yield Static('BARE APP READY')\n"
    "Bare().run()\n"
)


def startup(work: Path, runs: int) -> None:
    print("\n## Start-up, alternated in one run\n")
    cache = work / "cache"
    empty = work / "empty"
    empty.mkdir(exist_ok=True)
    bare, app, helps, lists = [], [], [], []
    for run in range(runs + 1):
        folder = work / f"startup{run}"
        env = env_for(folder, cache)
        term = Terminal([sys.executable, "-c", BARE_APP], env)
        try:
            b = term.wait_for("BARE APP READY")
        finally:
            term.close()
        term = Terminal(interviewer("start", "--scenario", "ml_engineer", "--seed", "3"), env)
        try:
            a = term.wait_for("Round 1 of")
        finally:
            term.close()
        shutil.rmtree(folder, ignore_errors=True)
        h = timed(interviewer("--help"), env)
        e = timed(interviewer("list", "--transcripts-dir", str(empty)), env)
        if run:  # the first run warms the disk cache and compiles the content cache
            bare.append(b)
            app.append(a)
            helps.append(h)
            lists.append(e)
    print(f"bare Textual app -> line          {fmt(bare)}")
    print(f"interviewer start -> 1st question {fmt(app)}")
    pairs = [a / b for a, b in zip(app, bare, strict=True)]
    ratio = statistics.median(pairs)
    print(f"  ratio (median of pairs; done when <= 1.5): {ratio:.2f} {spread(pairs)}")
    verdict("app launch -> 1st question <= 1.5x bare Textual app", f"{ratio:.2f}x", ratio <= 1.5)
    print(f"interviewer --help                {fmt(helps)}")
    print(f"interviewer list (empty folder)   {fmt(lists)}")
    pairs = [a / b for a, b in zip(lists, helps, strict=True)]
    ratio = statistics.median(pairs)
    print(f"  ratio (median of pairs; done when <= 2): {ratio:.2f} {spread(pairs)}")
    verdict("list on an empty folder <= 2x --help", f"{ratio:.2f}x", ratio <= 2)


def answers(work: Path, runs: int) -> None:
    from tests.plain_driver import PlainSession

    print("\n## Answers, plain mode (each answer different)\n")
    cache = work / "cache"
    firsts, laters, longs = [], [], []
    per_run: list[float] = []  # answer 1 over the same run's later answers (median)
    parts: list[str] = []
    while len(" ".join(parts).split()) < 4000:
        parts.append(ANSWERS[len(parts) % len(ANSWERS)])
    long_answer = " ".join(parts)
    for run in range(runs):
        folder = work / f"answers{run}"
        os.environ.update(env_for(folder, cache))
        live = PlainSession(
            ["start", "--plain", "--scenario", "ml_engineer", "--seed", str(20 + run)], folder
        )
        live.next_prompt()
        times = []
        for i in range(6):
            started = time.perf_counter()
            live.answer(ANSWERS[(run * 5 + i) % len(ANSWERS)])
            times.append(time.perf_counter() - started)
        started = time.perf_counter()
        live.answer(long_answer)
        longs.append(time.perf_counter() - started)
        live.send("/quit\n")
        live.proc.communicate(timeout=60)
        firsts.append(times[0])
        laters += times[1:]
        per_run.append(times[0] / statistics.median(times[1:]))
        shutil.rmtree(folder, ignore_errors=True)
    print(f"answer 1 -> next question         {fmt(firsts)}")
    print(f"answers 2-6 -> next question      {fmt(laters)}")
    ratio = statistics.median(firsts) / statistics.median(laters)
    print(f"  ratio (done when <= 2): {ratio:.2f}; run by run {spread(per_run)}")
    verdict("answer 1 -> next question <= 2x later answers", f"{ratio:.2f}x", ratio <= 2)
    words = len(long_answer.split())
    print(f"{words}-word answer -> next question {fmt(longs)} (done when < 100 ms)")
    long_ms = statistics.median(longs) * 1000
    verdict(f"{words}-word answer -> next question < 100 ms", f"{long_ms:.0f} ms", long_ms < 100)


def _io(field: str) -> int:
    for line in Path("/proc/self/io").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1])
    raise RuntimeError(f"no {field} in /proc/self/io")


async def _hundred_answers(folder: Path) -> tuple[int, int, int, int, int]:
    from interviewer.backends import Backend
    from interviewer.conductor.offline import OfflineConductor
    from interviewer.domain.scenario import Scenario
    from interviewer.judge.offline import OfflineJudge
    from interviewer.judge.ranks import load_ranks
    from interviewer.session_factory import (
        NewInterview,
        content_for,
        create_session,
        make_runner,
        store_for,
    )
    from interviewer.settings import Settings

    settings = Settings(transcripts_dir=folder, backend="offline", candidate=CANDIDATE)
    content = content_for(settings)
    base = content.scenario("ml_engineer").model_dump()
    for spec in base["rounds"]:
        spec["questions"] = 30 if spec["kind"] == "breadth" else spec["questions"] * 2
    content.scenarios["long_loop"] = Scenario.model_validate({**base, "id": "long_loop"})
    # The judge in this process: its requests to a worker would count as pipe writes.
    backend = Backend("offline", OfflineConductor(), OfflineJudge(), "offline")
    load_ranks()  # once per install (a cached table), not per session: built before measuring
    session = create_session(content, NewInterview("long_loop", seed=4), backend)
    runner = make_runner(session, content, store_for(settings), backend)
    before, disk_before = _io("wchar"), _io("write_bytes")
    prompt = await runner.begin()
    answered = 0
    while prompt is not None and answered < 100:
        answered += 1
        prompt = await runner.answer(ANSWERS[answered % len(ANSWERS)] + f" (answer {answered})")
    await runner.finish()
    written, disk = _io("wchar") - before, _io("write_bytes") - disk_before
    final = runner.store.path_for(session.id).stat().st_size
    return answered, written, disk, runner.store.bytes_written, final


def writes(work: Path) -> None:
    print("\n## Saving a 100-answer session\n")
    answered, written, disk, store_bytes, final = asyncio.run(_hundred_answers(work / "writes"))
    print(f"answers: {answered}; final transcript {final / 1024:.0f} KB")
    ratio = written / final
    print(f"bytes the process wrote (wchar)        {written / 1024:7.0f} KB = {ratio:.2f}x")
    print(f"  of which transcripts and journal     {store_bytes / 1024:7.0f} KB")
    print(f"pages sent to disk (write_bytes)       {disk / 1024:7.0f} KB = {disk / final:.2f}x")
    print("  (done when the total < 5x the final transcript)")
    verdict("100-answer session writes < 5x its transcript", f"{ratio:.2f}x", ratio < 5)


async def _scorecard_times(session_path: Path, runs: int) -> tuple[list[float], list[float]]:
    from interviewer.settings import Settings
    from interviewer.store.transcripts import TranscriptStore
    from interviewer.tui.app import build_app

    store = TranscriptStore(session_path.parent)
    firsts, fulls = [], []
    for _ in range(runs):
        session = store.load(session_path)
        app = build_app(Settings(transcripts_dir=store.root, backend="offline"), store=store)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            started = time.perf_counter()
            app.open_scorecard(session)
            first = full = None
            while full is None:
                await asyncio.sleep(0.002)
                screen = app.screen
                if screen.__class__.__name__ != "ScorecardScreen":
                    continue
                if first is None and screen.query(".scorecard-heading"):
                    first = time.perf_counter() - started  # the overall score
                if getattr(screen, "loaded", False):
                    full = time.perf_counter() - started
            firsts.append(first or full)
            fulls.append(full)
    return firsts, fulls


def scorecard(work: Path, runs: int, sources: list[dict]) -> None:
    print("\n## Scorecard of a four-round session\n")
    folder = work / "scorecard"
    populate(folder, sources, 1)
    [path] = folder.glob("*.json")
    firsts, fulls = asyncio.run(_scorecard_times(path, runs))
    print(f"first content on screen           {fmt(firsts)}")
    print(f"whole scorecard on screen         {fmt(fulls)} (done when < 300 ms)")
    first_ms, full_ms = statistics.median(firsts) * 1000, statistics.median(fulls) * 1000
    verdict("four-round scorecard: first content < 300 ms", f"{first_ms:.0f} ms", first_ms < 300)
    verdict("four-round scorecard: all of it < 300 ms", f"{full_ms:.0f} ms", full_ms < 300)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,100,1000,5000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", default="startup,answers,writes,scorecard,history")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    only = set(args.only.split(","))
    with tempfile.TemporaryDirectory(prefix="bench-history-") as tmp:
        work = Path(tmp)
        os.environ["INTERVIEWER_CACHE_DIR"] = str(work / "cache")
        print(
            f"bench_history: {datetime.now():%Y-%m-%d %H:%M}, {os.cpu_count()} cores, "
            f"load average {os.getloadavg()[0]:.1f}"
        )
        sources = templates(work) if only & {"history", "scorecard"} else []
        if "startup" in only:
            startup(work, args.runs)
        if "answers" in only:
            answers(work, args.runs)
        if "writes" in only:
            writes(work)
        if "scorecard" in only:
            scorecard(work, args.runs, sources)
        if "history" in only:
            history(work, sizes, args.runs, sources)
        print(f"\n## Bars (load average now {os.getloadavg()[0]:.1f})\n")
        for bar, figure, met in VERDICTS:
            print(f"{'met    ' if met else 'NOT MET'}  {bar:<58} {figure}")


if __name__ == "__main__":
    main()
