"""The offline judge's full verdicts on every answer set, as JSON (a check, not a test).

    .venv/bin/python benchmarks/judge_fingerprint.py OUT.jsonl [SET.jsonl ...]
    .venv/bin/python benchmarks/judge_fingerprint.py --longest 150 OUT.jsonl

Scores every answer of every `tests/data/*.jsonl` set and the Mohler dev set (or the sets
named) and writes one line per answer: the set, the answer's id, its percent and the whole
JudgeResult (levels, progress, evidence quotes, rationales, misconceptions, feedback).
A speed-up must leave this file byte for byte the same: `cmp before.jsonl after.jsonl`.
`--longest N` writes instead the N longest answers of `tests/data` (by words) as a set
for `benchmarks/bench_offline_judge.py`.
"""

import json
import sys
from pathlib import Path

from interviewer.commands.calibrate import Requests, read_dataset

ROOT = Path(__file__).resolve().parent.parent
MOHLER_DEV = Path("/work/shared/data/mohler-dev.jsonl")


def default_sets() -> list[Path]:
    sets = sorted((ROOT / "tests" / "data").glob("*.jsonl"))
    return sets + ([MOHLER_DEV] if MOHLER_DEV.exists() else [])


def longest(count: int) -> list[tuple[int, str, str]]:
    """The `count` longest answers of tests/data as (words, set's file name, its line)."""
    lines = []
    for path in sorted((ROOT / "tests" / "data").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                lines.append((len(json.loads(line)["answer"].split()), path.name, line))
    lines.sort(key=lambda row: (-row[0], row[1]))
    return lines[:count]


def write_longest(count: int, out: Path) -> None:
    lines = longest(count)
    out.write_text("".join(line + "\n" for _, _, line in lines), encoding="utf-8")
    print(f"{out}: {count} answers, {lines[-1][0]}-{lines[0][0]} words")


def main(argv: list[str]) -> None:
    if argv[:1] == ["--longest"]:
        write_longest(int(argv[1]), Path(argv[2]))
        return
    from interviewer.judge.offline import OfflineJudge

    out, sets = Path(argv[0]), [Path(p) for p in argv[1:]] or default_sets()
    judge, build = OfflineJudge(), Requests()
    with out.open("w", encoding="utf-8") as f:
        for path in sets:
            items, _ = read_dataset(path, sys.stderr, build.bank)
            for number, item in enumerate(items):
                request = build(item)
                result = judge.score_now(request)
                row = {
                    "set": path.name,
                    "id": getattr(item, "id", None) or number,
                    "percent": result.percent(request.rubric),
                    "result": result.model_dump(mode="json"),
                }
                f.write(json.dumps(row, sort_keys=True) + "\n")
    print(f"{out}: {sum(1 for _ in out.open())} verdicts")


if __name__ == "__main__":
    main(sys.argv[1:])
