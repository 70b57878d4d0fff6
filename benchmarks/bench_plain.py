"""Plain-mode latency, measured as a script sees it (not a test).

Reports (1) process start to the first question printed, median over --starts runs, and
(2) answer submitted to the next question printed, median over --answers answers.

    python benchmarks/bench_plain.py [--starts 10] [--answers 20]
"""

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.plain_driver import PlainSession

ANSWER = (
    "Precision is the share of predicted positives that are right and recall the share of "
    "actual positives we find; I would pick the threshold from the PR curve by the cost of "
    "each error, for example favouring recall in fraud detection."
)


def measure_start(transcripts: Path) -> float:
    started = time.perf_counter()
    live = PlainSession(["start", "--plain", "--scenario", "practice_breadth"], transcripts)
    live.next_prompt()
    elapsed = time.perf_counter() - started
    live.send("/quit\n")
    live.proc.wait(timeout=30)
    return elapsed


def measure_answers(transcripts: Path, count: int) -> list[float]:
    live = PlainSession(
        ["start", "--plain", "--scenario", "ml_engineer", "--seed", "11"], transcripts
    )
    live.next_prompt()
    times = []
    for _ in range(count):
        started = time.perf_counter()
        try:
            live.answer(ANSWER)
        except EOFError:
            break  # the interview ended: fewer answers than asked for
        times.append(time.perf_counter() - started)
    live.send("/quit\n")
    live.proc.wait(timeout=30)
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--starts", type=int, default=10)
    parser.add_argument("--answers", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        starts = [measure_start(Path(tmp) / "s") for _ in range(args.starts)]
        answers = measure_answers(Path(tmp) / "a", args.answers)
    print(
        f"start to first question: median {statistics.median(starts) * 1000:.0f} ms "
        f"(min {min(starts) * 1000:.0f}, max {max(starts) * 1000:.0f}, n={len(starts)})"
    )
    print(
        f"answer to next question: median {statistics.median(answers) * 1000:.1f} ms "
        f"(min {min(answers) * 1000:.1f}, max {max(answers) * 1000:.1f}, n={len(answers)})"
    )


if __name__ == "__main__":
    main()
