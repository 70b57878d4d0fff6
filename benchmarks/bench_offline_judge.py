"""Throughput and latency of the offline judge (a benchmark, not a test).

    .venv/bin/python benchmarks/bench_offline_judge.py [DATASET.jsonl]

Scores every question of the shipped bank with a strong, a partial and a poor answer,
and, when a calibration file is given, its answers too. Prints answers per second and
per-answer latency percentiles, with the one-off cost of the first call (vocabulary
load) reported apart.
"""

import statistics
import sys
import time
from pathlib import Path

from interviewer.content.loader import load_content
from interviewer.domain.judging import JudgeRequest
from interviewer.judge.offline import OfflineJudge
from tests.answer_sets import request_for

POOR = "We did some work on it and it was fine in the end, the team handled most of it."


def bank_requests() -> list[JudgeRequest]:
    content = load_content()
    requests = []
    for question in content.questions.values():
        rubric = content.rubrics[question.round.value]
        points = [kp.text for kp in question.key_points]
        for answer in (" ".join(points), " ".join(points[: len(points) // 2]), POOR):
            requests.append(request_for(question, rubric, answer))
    return requests


def dataset_requests(path: Path) -> list[JudgeRequest]:
    from interviewer.commands.calibrate import Requests, read_dataset

    items, _ = read_dataset(path, sys.stderr)
    build = Requests()
    return [build(item) for item in items]


def measure(name: str, judge: OfflineJudge, requests: list[JudgeRequest]) -> None:
    latencies = []
    started, cpu = time.perf_counter(), time.process_time()
    for request in requests:
        t0 = time.perf_counter()
        judge.score_now(request)
        latencies.append((time.perf_counter() - t0) * 1000)
    total, cpu = time.perf_counter() - started, time.process_time() - cpu
    latencies.sort()
    p95 = latencies[int(0.95 * (len(latencies) - 1))]
    words = statistics.median(len(r.answer.split()) for r in requests)
    # On a shared machine wall time swings with the load; CPU time is the judge's own.
    print(
        f"{name}: {len(requests)} answers (median {words:.0f} words), "
        f"{len(requests) / total:.0f} answers/s wall, {len(requests) / cpu:.0f} answers/s CPU; "
        f"latency ms median {statistics.median(latencies):.2f}, p95 {p95:.2f}, "
        f"max {latencies[-1]:.2f}"
    )


def main() -> None:
    judge = OfflineJudge()
    requests = bank_requests()
    t0 = time.perf_counter()
    judge.score_now(requests[0])
    print(f"first call (loads the vocabulary): {(time.perf_counter() - t0) * 1000:.0f} ms")
    print(f"method: {judge.method}")
    measure("bank", judge, requests)
    if len(sys.argv) > 1:
        measure(Path(sys.argv[1]).name, judge, dataset_requests(Path(sys.argv[1])))


if __name__ == "__main__":
    main()
