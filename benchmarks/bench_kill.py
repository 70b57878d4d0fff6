"""kill -9 at random moments, in plain mode and in the app: is every confirmed answer
kept? (a stress benchmark, not a test).

    .venv/bin/python benchmarks/bench_kill.py [--runs 50] [--mode both|plain|app]
        [--answers 8] [--seed 1]

Each run starts an interview in a fresh transcripts folder and answers up to --answers
questions, then kills the process with SIGKILL at a random moment: while it saves an
answer, while it asks the next question, while judging runs, or while the next answer is
being typed. An answer is *confirmed* when the next question was shown after it (the user
saw the interview move on). Afterwards the transcript (with its journal) is read back and
must hold every confirmed answer, in order, and load without error; the run is then
resumed (`resume --plain`, `/quit`) to check that the session carries on.

Plain mode is driven through its stdin and stdout. The app runs as a person runs it: in
a real terminal (a tmux pane, 100 x 150 so that no answer of a run scrolls away), typed
into with `tmux send-keys` (the answer, then ctrl+s); an answer is confirmed when the
pane shows the interviewer speaking after it. The kill comes a random instant after a
random answer's ctrl+s (sometimes with half of the next answer typed), and the pane as
it was left at the kill (remain-on-exit) decides whether that last answer was
confirmed. Needs tmux.

Prints, per mode: runs, answers sent, confirmed, kept, confirmed-but-lost (must be 0),
kept-but-unconfirmed (saved before the screen caught up: fine), unreadable transcripts
and failed resumes (must be 0).
"""

import argparse
import json
import os
import random
import select
import shlex
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

SCENARIO = "practice_breadth"
ANSWER = (
    "Answer {n}: I would start from the goal and the metric, then the data and a simple "
    "baseline such as logistic regression, evaluated on a held-out set with precision and "
    "recall because the classes are imbalanced; regularisation keeps the variance down."
)


@dataclass
class Tally:
    runs: int = 0
    sent: int = 0
    confirmed: int = 0
    kept: int = 0
    lost: int = 0
    unconfirmed_kept: int = 0
    unreadable: int = 0
    resume_failed: int = 0
    notes: list[str] = field(default_factory=list)

    def add(self, sent: int, confirmed: int, kept: list[str], problem: str = "") -> None:
        self.runs += 1
        self.sent += sent
        self.confirmed += confirmed
        self.kept += len(kept)
        expected = [ANSWER.format(n=n) for n in range(1, confirmed + 1)]
        if kept[:confirmed] != expected:
            self.lost += sum(1 for a in expected if a not in kept)
            self.notes.append(f"run {self.runs}: confirmed {confirmed}, kept {len(kept)}")
        self.unconfirmed_kept += max(0, len(kept) - confirmed)
        if problem:
            self.notes.append(f"run {self.runs}: {problem}")

    def line(self, mode: str) -> str:
        return (
            f"{mode:<6} runs {self.runs:3}  answers sent {self.sent:4}  confirmed "
            f"{self.confirmed:4}  kept {self.kept:4}  confirmed-but-lost {self.lost}  "
            f"kept-unconfirmed {self.unconfirmed_kept}  unreadable {self.unreadable}  "
            f"resume-failed {self.resume_failed}"
        )


def env_for(folder: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("OPENAI_")}
    env["INTERVIEWER_TRANSCRIPTS_DIR"] = str(folder)
    env["PYTHONUNBUFFERED"] = "1"
    return env


_partial: dict[int, bytes] = {}


def read_lines(proc: subprocess.Popen[bytes], until: float, *, first: bool = True) -> list[str]:
    """Lines the process prints until `until` (monotonic) or its end; with `first`, only
    until the first lines arrive."""
    assert proc.stdout is not None
    out = []
    buffer = _partial.pop(proc.pid, b"")  # a line cut by the previous read
    fd = proc.stdout.fileno()
    while time.monotonic() < until:
        ready, _, _ = select.select([fd], [], [], max(0.0, until - time.monotonic()))
        if not ready:
            break
        chunk = os.read(fd, 65536)
        if not chunk:
            break
        buffer += chunk
        *lines, buffer = buffer.split(b"\n")
        out += [line.decode("utf-8", "replace") for line in lines]
        if first and out:
            break
    _partial[proc.pid] = buffer
    return out


def read_rest(proc: subprocess.Popen[bytes]) -> list[str]:
    """What a finished process printed that was not read yet."""
    assert proc.stdout is not None
    rest = _partial.pop(proc.pid, b"") + proc.stdout.read()
    return rest.decode("utf-8", "replace").splitlines()


def kept_answers(folder: Path, tally: Tally) -> tuple[list[str], str]:
    from interviewer.store.transcripts import TranscriptError, TranscriptStore

    store = TranscriptStore(folder)
    paths = sorted(folder.glob("*.json"))
    if not paths:
        return [], ""  # killed before the first save: nothing was confirmed either
    try:
        session = store.load(paths[0])
    except TranscriptError as exc:
        tally.unreadable += 1
        return [], f"unreadable: {exc.reason}"
    candidate = ("answer", "project_description")
    return [t.text for q in session.questions for t in q.turns if t.kind.value in candidate], ""


def resume_works(folder: Path, tally: Tally) -> str:
    paths = sorted(folder.glob("*.json"))
    if not paths:
        return ""
    done = subprocess.run(
        [sys.executable, "-m", "interviewer", "resume", paths[0].stem, "--plain"],
        input=b"/quit\n",
        capture_output=True,
        env=env_for(folder),
        timeout=120,
    )
    if done.returncode not in (0, 1) or b"Traceback" in done.stderr:
        tally.resume_failed += 1
        return f"resume exited {done.returncode}: {done.stderr[-300:]!r}"
    if done.returncode == 1 and b"is finished" not in done.stderr:
        tally.resume_failed += 1
        return f"resume exited 1: {done.stderr[-300:]!r}"
    return ""


def plain_run(rng: random.Random, answers: int, tally: Tally) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "t"
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "interviewer",
                "start",
                "--plain",
                "--scenario",
                SCENARIO,
                "--seed",
                str(rng.randrange(1000)),
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env_for(folder),
        )
        assert proc.stdin is not None
        target = rng.randint(1, answers)  # the answer during or after which the kill comes
        delay = rng.choice([0.0, rng.uniform(0, 0.02), rng.uniform(0, 0.3), rng.uniform(0, 1)])
        prompts = 0
        confirmed = sent = 0
        deadline = time.monotonic() + 120
        while prompts == 0:
            prompts += sum(
                1 for line in read_lines(proc, deadline) if line.startswith("Interviewer: ")
            )
        for n in range(1, target + 1):
            proc.stdin.write(ANSWER.format(n=n).encode() + b"\n.\n")
            proc.stdin.flush()
            sent = n
            if n < target:
                while prompts < n + 1:  # the next question: this answer is confirmed
                    got = read_lines(proc, time.monotonic() + 60)
                    prompts += sum(1 for line in got if line.startswith("Interviewer: "))
        if rng.random() < 0.3:  # sometimes mid-way through typing the next answer
            proc.stdin.write(b"half of the next answer\n")
            proc.stdin.flush()
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        rest = read_rest(proc)
        prompts += sum(1 for line in rest if line.startswith("Interviewer: "))
        confirmed = min(sent, prompts - 1)
        kept, problem = kept_answers(folder, tally)
        problem = problem or resume_works(folder, tally)
        tally.add(sent, confirmed, kept, problem)


TMUX = ["tmux", "-L", f"bench-kill-{os.getpid()}"]
ROWS, COLS = 150, 100  # tall enough that no answer of a run scrolls out of sight


def tmux(*args: str) -> str:
    return subprocess.run(TMUX + list(args), capture_output=True, text=True, check=False).stdout


def pane(name: str) -> list[str]:
    """The pane's lines, as a person sees them."""
    return tmux("capture-pane", "-p", "-t", name).splitlines()


def answered(lines: list[str], n: int) -> bool:
    """Answer n is on screen and the interviewer spoke after it (a question or a
    follow-up): what a person reads as 'the interview moved on'."""
    marker = ANSWER.format(n=n)[:24]
    shown = [i for i, line in enumerate(lines) if "▌" in line and marker in line]
    if not shown:
        return False
    for line in lines[shown[-1] + 1 :]:
        if line.startswith("╭─ Your answer"):
            return False
        if line.strip() and "▌" not in line:
            return True
    return False


def confirmed_on(lines: list[str], sent: int) -> int:
    return max((n for n in range(1, sent + 1) if answered(lines, n)), default=0)


def settled(name: str, timeout: float = 60) -> None:
    """Until the interviewer has finished speaking: the top line no longer says
    'thinking…' and the pane below it stopped changing (the top line has a clock)."""
    deadline = time.monotonic() + timeout
    before = pane(name)
    while time.monotonic() < deadline:
        time.sleep(0.2)
        now = pane(name)
        if now[1:] == before[1:] and now and "thinking…" not in now[0]:
            return
        before = now


def app_run(rng: random.Random, answers: int, tally: Tally) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "t"
        name = f"run{tally.runs}"
        env = env_for(folder)
        command = " ".join(
            ["exec", "env", "-i"]
            + [
                shlex.quote(f"{k}={env[k]}")
                for k in ("HOME", "PATH", "INTERVIEWER_TRANSCRIPTS_DIR", "XDG_CACHE_HOME")
                if k in env
            ]
            + ["TERM=tmux-256color", "LANG=C.UTF-8", shlex.quote(sys.executable)]
            + ["-m", "interviewer", "start", "--scenario", SCENARIO]
            + ["--seed", str(rng.randrange(1000))]
        )
        tmux(
            "new-session", "-d", "-s", name, "-x", str(COLS), "-y", str(ROWS), command,
            ";", "set-option", "-t", name, "remain-on-exit", "on",
        )  # fmt: skip
        try:
            pid = int(tmux("display-message", "-p", "-t", name, "#{pane_pid}").strip())
            target = rng.randint(1, answers)  # the answer during or after which the kill comes
            # from within the save to after the next question is drawn
            delays = [0.0, rng.uniform(0, 0.02), rng.uniform(0, 0.15), rng.uniform(0, 0.5)]
            delay = rng.choice([*delays, rng.uniform(0, 2)])
            deadline = time.monotonic() + 120
            while not any("Q 1/" in line for line in pane(name)):
                if time.monotonic() > deadline:
                    raise SystemExit("the app never showed its first question")
                time.sleep(0.1)
            settled(name)
            for n in range(1, target + 1):
                tmux("send-keys", "-t", name, "-l", ANSWER.format(n=n))
                tmux("send-keys", "-t", name, "C-s")
                if n == target:
                    break
                deadline = time.monotonic() + 60
                while not answered(pane(name), n):
                    if time.monotonic() > deadline:
                        raise SystemExit(f"answer {n} was never followed by the interviewer")
                    time.sleep(0.05)
                settled(name)
            if rng.random() < 0.3:  # sometimes mid-way through typing the next answer
                tmux("send-keys", "-t", name, "-l", "half of the next answer")
            time.sleep(delay)
            os.kill(pid, signal.SIGKILL)
            while tmux("display-message", "-p", "-t", name, "#{pane_dead}").strip() != "1":
                time.sleep(0.02)
            confirmed = confirmed_on(pane(name), target)
        finally:
            tmux("kill-session", "-t", name)
        kept, problem = kept_answers(folder, tally)
        problem = problem or resume_works(folder, tally)
        tally.add(target, confirmed, kept, problem)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50, help="runs per mode")
    parser.add_argument("--mode", choices=["both", "plain", "app"], default="both")
    parser.add_argument("--answers", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    modes = ["plain", "app"] if args.mode == "both" else [args.mode]
    results = {}
    started = time.monotonic()
    for mode in modes:
        tally = Tally()
        for _ in range(args.runs):
            (plain_run if mode == "plain" else app_run)(rng, args.answers, tally)
        results[mode] = tally
    print(
        f"kill -9 stress: {args.runs} runs per mode, up to {args.answers} answers a run, "
        f"seed {args.seed}, {time.monotonic() - started:.0f} s"
    )
    for mode, tally in results.items():
        print(tally.line(mode))
        for note in tally.notes:
            print(f"  {note}")
    figures = {m: {k: v for k, v in vars(t).items() if k != "notes"} for m, t in results.items()}
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
