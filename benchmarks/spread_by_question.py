"""How much the judge's agreement with human grades varies across questions (a benchmark,
not a test): what a held-out split of other questions can be expected to show.

    .venv/bin/interviewer calibrate mohler-dev.jsonl --json --dump /tmp/now.dump
    .venv/bin/python benchmarks/spread_by_question.py /tmp/now.dump
    .venv/bin/python benchmarks/spread_by_question.py /tmp/before.dump /tmp/after.dump

One dump (`calibrate --dump`): the pooled Pearson r, the spread of the per-question r,
the pooled r of the file's questions resampled with replacement (a bootstrap over
questions: the answers of a question move together, so resampling answers would
understate the spread) and of every way to hold out some of the file's assignments (the
group's prefix, "7" of "7.3": the UNT held-out split is other questions of the same
course). Two dumps of the same file: the change in pooled r, the question groups whose r
rose and fell, and the change's bootstrap interval over questions: a change that only
helps the questions it was read on shows an interval that straddles zero.
"""

import argparse
import itertools
import json
import random
import statistics
from collections.abc import Sequence
from pathlib import Path

from interviewer.judge.calibration import pearson

RESAMPLES = 2000


def read_dump(path: Path) -> list[tuple[str, float, float]]:
    """(question group, judge fine level, human grade) of each scored answer."""
    rows = []
    for line in path.read_text().splitlines():
        row = json.loads(line)
        if row.get("status", "scored") == "scored" and row.get("judge_fine_level") is not None:
            rows.append((str(row["group"]), float(row["judge_fine_level"]), float(row["score"])))
    return rows


def pooled(rows: Sequence[tuple[str, float, float]]) -> float:
    return pearson([j for _, j, _ in rows], [h for _, _, h in rows])


def by_group(rows: Sequence[tuple[str, float, float]]) -> dict[str, list[tuple[str, float, float]]]:
    groups: dict[str, list[tuple[str, float, float]]] = {}
    for row in rows:
        groups.setdefault(row[0], []).append(row)
    return groups


def quantile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def describe(name: str, values: Sequence[float]) -> str:
    return (
        f"{name}: mean {statistics.fmean(values):.3f}, 2.5% {quantile(values, 0.025):.3f}, "
        f"97.5% {quantile(values, 0.975):.3f}, min {min(values):.3f}, max {max(values):.3f}"
    )


def spread(rows: list[tuple[str, float, float]]) -> None:
    groups = by_group(rows)
    per_question = {g: pooled(v) for g, v in groups.items()}
    values = sorted(per_question.values())
    print(f"{len(rows)} answers, {len(groups)} questions: pooled Pearson r {pooled(rows):.4f}")
    print(
        f"  per-question r: median {statistics.median(values):.3f}, "
        f"10% {quantile(values, 0.1):.3f}, 90% {quantile(values, 0.9):.3f}, "
        f"min {values[0]:.3f}, max {values[-1]:.3f}"
    )
    rng = random.Random(0)
    names = list(groups)
    resampled = [
        pooled([row for g in rng.choices(names, k=len(names)) for row in groups[g]])
        for _ in range(RESAMPLES)
    ]
    print("  " + describe("questions resampled", resampled))
    prefixes: dict[str, list[tuple[str, float, float]]] = {}
    for g, v in groups.items():
        prefixes.setdefault(g.split(".")[0], []).extend(v)
    if len(prefixes) >= 4:
        print("  per assignment: " + ", ".join(f"{p} {pooled(v):.3f}" for p, v in prefixes.items()))
        for k in (len(prefixes) // 3, len(prefixes) // 2):
            held = [
                pooled([row for p in chosen for row in prefixes[p]])
                for chosen in itertools.combinations(prefixes, k)
            ]
            print("  " + describe(f"every {k} of {len(prefixes)} assignments", held))


def compare(before: list[tuple[str, float, float]], after: list[tuple[str, float, float]]) -> None:
    if [(g, h) for g, _, h in before] != [(g, h) for g, _, h in after]:
        raise SystemExit("the dumps are not of the same answers in the same order")
    pairs = [(g, b, a, h) for (g, b, h), (_, a, _) in zip(before, after, strict=True)]
    groups: dict[str, list[tuple[str, float, float, float]]] = {}
    for pair in pairs:
        groups.setdefault(pair[0], []).append(pair)

    def delta(chosen: Sequence[tuple[str, float, float, float]]) -> float:
        humans = [h for *_, h in chosen]
        return pearson([a for _, _, a, _ in chosen], humans) - pearson(
            [b for _, b, _, _ in chosen], humans
        )

    moved = {g: v for g, v in groups.items() if any(abs(b - a) > 1e-9 for _, b, a, _ in v)}
    rose = sum(1 for v in moved.values() if delta(v) > 1e-9)
    fell = sum(1 for v in moved.values() if delta(v) < -1e-9)
    print(
        f"pooled r {pooled(before):.4f} -> {pooled(after):.4f} ({delta(pairs):+.4f}); "
        f"{len(moved)} of {len(groups)} questions moved, r rose on {rose}, fell on {fell}"
    )
    rng = random.Random(0)
    names = list(groups)
    deltas = [
        delta([p for g in rng.choices(names, k=len(names)) for p in groups[g]])
        for _ in range(RESAMPLES)
    ]
    share = sum(1 for d in deltas if d > 0) / len(deltas)
    print("  " + describe("change, questions resampled", deltas) + f", above 0: {share:.0%}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("dump", type=Path, nargs="+", help="one dump, or before and after")
    args = parser.parse_args()
    if len(args.dump) > 2:
        parser.error("one dump, or two to compare")
    first = read_dump(args.dump[0])
    spread(first)
    if len(args.dump) == 2:
        second = read_dump(args.dump[1])
        spread(second)
        compare(first, second)


if __name__ == "__main__":
    main()
