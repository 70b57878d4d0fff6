"""The offline judge's speed on the longest answers, against a fixed reference workload
timed in the same run (a benchmark, not a test).

    .venv/bin/python benchmarks/bench_long_answers.py [--longest 50]

Scores the `--longest` longest answers of tests/data (benchmarks/judge_fingerprint.py
picks them), each question warmed first by the bank's three answers to it (as
bench_judge_set.py does). Before each answer it runs the reference workload: 500 rounds
of the plain-Python text work of tests/test_offline_judge.py's yardstick. CPU seconds on
the shared machine swing with its load by a third between runs; the judge's cost counted
in reference rounds, both timed interleaved, swings far less, so two trees measured in
different runs can be compared by it. Prints answers/s of CPU, what one answer costs in
reference rounds, and the reference's own rounds/s in the run (so the issue's 100
answers/s reads as a cost in rounds: rounds/s over 100). One pass a process: a second
pass over the same answers would find their readings cached. The reference runs with the
garbage collector off, so that a collection of the judge's garbage is the judge's time.
"""

import argparse
import gc
import sys
import time
from pathlib import Path

from bench_offline_judge import bank_requests
from judge_fingerprint import longest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from interviewer.commands.calibrate import Requests, read_dataset
from interviewer.domain.judging import JudgeRequest
from interviewer.judge.offline import OfflineJudge
from tests.test_offline_judge import yardstick

ROUNDS_PER_ANSWER = 500


def reference(rounds: int) -> float:
    """CPU seconds for `rounds` rounds of the reference workload, the collector off."""
    gc.disable()
    try:
        return yardstick(rounds)
    finally:
        gc.enable()


def long_requests(count: int) -> list[JudgeRequest]:
    build, requests = Requests(), []
    lines = longest(count)
    path = Path("/tmp") / "bench_long_answers.jsonl"
    path.write_text("".join(line + "\n" for _, _, line in lines), encoding="utf-8")
    items, _ = read_dataset(path, sys.stderr, build.bank)
    requests = [build(item) for item in items]
    words = [n for n, _, _ in lines]
    print(f"{len(requests)} longest answers of tests/data, {min(words)}-{max(words)} words")
    return requests


def one_pass(judge: OfflineJudge, requests: list[JudgeRequest]) -> tuple[float, float, float]:
    """(answers/s of CPU, reference rounds an answer, reference rounds/s), the two timed
    interleaved."""
    judged = referenced = 0.0
    for request in requests:
        referenced += reference(ROUNDS_PER_ANSWER)
        started = time.process_time()
        judge.score_now(request)
        judged += time.process_time() - started
    rounds = judged / len(requests) / (referenced / (ROUNDS_PER_ANSWER * len(requests)))
    return len(requests) / judged, rounds, ROUNDS_PER_ANSWER * len(requests) / referenced


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--longest", type=int, default=50)
    args = parser.parse_args()
    requests = long_requests(args.longest)
    asked = {r.question for r in requests}
    judge = OfflineJudge()
    for request in bank_requests():
        if request.question in asked:
            judge.score_now(request)
    # Once-a-process costs are paid here too (the bank's index of terms, built on the
    # first answer that covers under half its points), as a fresh judge pays them.
    per_s, rounds, rate = one_pass(judge, requests)
    print(
        f"{per_s:.2f} answers/s CPU, {rounds:.0f} reference rounds an answer "
        f"(reference {rate:.0f} rounds/s: 100 answers/s is {rate / 100:.0f} rounds)"
    )


if __name__ == "__main__":
    main()
