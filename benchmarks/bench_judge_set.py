"""CPU answers/s of the offline judge on one answer set (a benchmark, not a test).

    .venv/bin/python benchmarks/bench_judge_set.py DATASET.jsonl

The set's questions are warmed first by the bank's three answers to each (as
bench_offline_judge.py warms every question with its bank pass), so a run takes a
minute, not five, on a loaded machine: short enough to alternate with main several
times. Prints answers per second of CPU (the judge's own, steadier than wall time on a
shared machine) and of wall time.
"""

import sys
import time
from pathlib import Path

from bench_offline_judge import bank_requests, dataset_requests

from interviewer.judge.offline import OfflineJudge


def main() -> None:
    requests = dataset_requests(Path(sys.argv[1]))
    asked = {r.question for r in requests}
    judge = OfflineJudge()
    for request in bank_requests():
        if request.question in asked:
            judge.score_now(request)
    started, cpu = time.perf_counter(), time.process_time()
    for request in requests:
        judge.score_now(request)
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(
        f"{Path(sys.argv[1]).name}: {len(requests)} answers, "
        f"{len(requests) / cpu:.2f} answers/s CPU, {len(requests) / wall:.2f} answers/s wall"
    )


if __name__ == "__main__":
    main()
