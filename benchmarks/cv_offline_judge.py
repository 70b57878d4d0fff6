"""The offline judge's agreement with human grades, in-sample and cross-validated across
question groups (a benchmark, not a test).

    .venv/bin/python benchmarks/cv_offline_judge.py ../shared/data/mohler-dev.jsonl [--folds K]

The judge has constants that were set by looking at data: how the quality figure weighs
its parts (offline.QUALITY_WEIGHTS) and the quality bars of the levels
(levels.QUALITY_LEVELS). Pearson r with those constants on the file they were set on is
an in-sample figure. Here every answer is scored under a small grid of alternatives; then,
for each fold of question groups, the setting that does best on the other groups is chosen
and scores the fold's answers. The pooled Pearson r of those held-out scores is the
cross-validated figure: what to expect from a judge whose constants were chosen on other
questions. It is still the same set of students and the same course: a held-out set of
other questions (the UNT set's own held-out part) is the real test.
"""

import argparse
import io
import itertools
import time
from pathlib import Path

from interviewer.commands.calibrate import Requests, read_dataset
from interviewer.judge import levels, offline
from interviewer.judge.calibration import pearson

WEIGHTS = (
    (0.2, 0.55, 0.1, 0.15),  # shipped
    (0.35, 0.4, 0.1, 0.15),
    (0.5, 0.25, 0.1, 0.15),
)
BARS = (
    (0.45, 0.65, 0.85),  # shipped
    (0.4, 0.6, 0.8),
    (0.5, 0.7, 0.9),
)


def score_all(requests, weights, bars) -> list[float | None]:
    shipped = offline.QUALITY_WEIGHTS, levels.QUALITY_LEVELS
    offline.QUALITY_WEIGHTS, levels.QUALITY_LEVELS = weights, bars
    try:
        judge = offline.OfflineJudge()
        return [judge.score_now(r).fine_level(r.rubric) for r in requests]
    finally:
        offline.QUALITY_WEIGHTS, levels.QUALITY_LEVELS = shipped


def folds(groups: list[str], k: int) -> list[set[str]]:
    """Question groups dealt into k folds in order of first appearance."""
    order = list(dict.fromkeys(groups))
    return [set(order[i::k]) for i in range(k)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("dataset", type=Path)
    parser.add_argument("--folds", type=int, default=6)
    args = parser.parse_args()
    items, _ = read_dataset(args.dataset, io.StringIO())
    build = Requests()
    requests = [build(item) for item in items]
    human = [item.score for item in items]
    groups = [item.group for item in items]
    settings = list(itertools.product(WEIGHTS, BARS))
    started = time.perf_counter()
    scores = {s: score_all(requests, *s) for s in settings}
    seconds = time.perf_counter() - started

    def r(setting, idx: list[int]) -> float:
        xs = scores[setting]
        kept = [i for i in idx if xs[i] is not None]
        return pearson([xs[i] or 0.0 for i in kept], [human[i] for i in kept])

    everything = list(range(len(items)))
    shipped = settings[0]
    best_in_sample = max(settings, key=lambda s: r(s, everything))
    held_out: list[tuple[float, float]] = []
    chosen = []
    for fold in folds(groups, args.folds):
        train = [i for i in everything if groups[i] not in fold]
        test = [i for i in everything if groups[i] in fold]
        pick = max(settings, key=lambda s: r(s, train))
        chosen.append(settings.index(pick))
        held_out += [(x, human[i]) for i in test if (x := scores[pick][i]) is not None]
    cv = pearson([x for x, _ in held_out], [h for _, h in held_out])
    print(f"{args.dataset.name}: {len(items)} answers, {len(set(groups))} question groups")
    print(f"  settings scored: {len(settings)} in {seconds:.0f} s")
    print(f"  Pearson r, shipped constants (in-sample):      {r(shipped, everything):.3f}")
    print(f"  Pearson r, best setting in-sample:             {r(best_in_sample, everything):.3f}")
    print(f"  Pearson r, cross-validated ({args.folds} folds of questions): {cv:.3f}")
    print(f"  setting chosen per fold (0 = shipped): {chosen}")
    for n, s in enumerate(settings):
        print(f"    setting {n}: weights {s[0]}, bars {s[1]}: in-sample r {r(s, everything):.3f}")


if __name__ == "__main__":
    main()
