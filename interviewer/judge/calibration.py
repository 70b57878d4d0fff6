"""Agreement between a judge's scores and human grades (pure Python).

The judge scores on its own scale (the weighted level 1-4, with each criterion's progress
toward its next level); humans on theirs (e.g. 0-5). Pearson and Spearman need no mapping.
RMSE, kappa and agreement need scores on the human scale: a straight line is fitted on
every question except the one being predicted (leave one group out), so no question's own
grades inform its predictions.
"""

import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Agreement:
    pearson: float
    spearman: float
    rmse: float
    qwk: float
    exact: float
    within1: float
    answers_per_second: float
    n: int
    unscored: int

    def as_dict(self) -> dict[str, float | int]:
        return {k: (round(v, 4) if isinstance(v, float) else v) for k, v in asdict(self).items()}


def mean(xs: Sequence[float]) -> float:
    return sum(xs) / len(xs)


def pearson(xs: Sequence[float], ys: Sequence[float]) -> float:
    """Pearson's r; 0.0 when either side is constant (no linear relation can be seen)."""
    if len(xs) != len(ys):
        raise ValueError("xs and ys differ in length")
    if len(xs) < 2:
        return 0.0
    mx, my = mean(xs), mean(ys)
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    if sxx == 0 or syy == 0:
        return 0.0
    return sxy / math.sqrt(sxx * syy)


def ranks(xs: Sequence[float]) -> list[float]:
    """1-based ranks; tied values share their mean rank."""
    order = sorted(range(len(xs)), key=lambda i: xs[i])
    out = [0.0] * len(xs)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and xs[order[j + 1]] == xs[order[i]]:
            j += 1
        shared = (i + j) / 2 + 1
        for k in range(i, j + 1):
            out[order[k]] = shared
        i = j + 1
    return out


def spearman(xs: Sequence[float], ys: Sequence[float]) -> float:
    return pearson(ranks(xs), ranks(ys))


def fit_line(xs: Sequence[float], ys: Sequence[float]) -> tuple[float, float]:
    """Least-squares intercept and slope; a flat line at the mean when xs is constant."""
    mx, my = mean(xs), mean(ys)
    sxx = sum((x - mx) ** 2 for x in xs)
    if sxx == 0:
        return my, 0.0
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sxx
    return my - slope * mx, slope


def leave_one_group_out(
    xs: Sequence[float], ys: Sequence[float], groups: Sequence[str]
) -> list[float]:
    """Predictions on the human scale, each from a line fitted without its own group."""
    predictions = [0.0] * len(xs)
    for group in dict.fromkeys(groups):
        train = [i for i, g in enumerate(groups) if g != group]
        if not train:  # a single group: nothing to hold it out against
            train = list(range(len(xs)))
        a, b = fit_line([xs[i] for i in train], [ys[i] for i in train])
        for i, g in enumerate(groups):
            if g == group:
                predictions[i] = a + b * xs[i]
    return predictions


def rmse(predicted: Sequence[float], actual: Sequence[float]) -> float:
    return math.sqrt(mean([(p - a) ** 2 for p, a in zip(predicted, actual, strict=True)]))


def round_half_up(x: float) -> int:
    return math.floor(x + 0.5)


def quadratic_weighted_kappa(a: Sequence[int], b: Sequence[int], lo: int, hi: int) -> float:
    """Cohen's kappa with quadratic weights over the integer categories lo..hi."""
    k = hi - lo + 1
    if k < 2 or not a:
        return 0.0
    observed = [[0.0] * k for _ in range(k)]
    for x, y in zip(a, b, strict=True):
        observed[x - lo][y - lo] += 1
    n = len(a)
    row = [sum(r) for r in observed]
    col = [sum(observed[i][j] for i in range(k)) for j in range(k)]
    num = den = 0.0
    for i in range(k):
        for j in range(k):
            w = (i - j) ** 2 / (k - 1) ** 2
            num += w * observed[i][j]
            den += w * row[i] * col[j] / n
    return 1.0 - num / den if den else 0.0


def agreement(
    scores: Sequence[float],
    human: Sequence[float],
    groups: Sequence[str],
    max_score: float,
    seconds: float,
    unscored: int = 0,
) -> Agreement:
    """All metrics for scored answers (`scores` on the judge's scale, `human` on 0..max)."""
    n = len(scores)
    rate = (n + unscored) / seconds if seconds > 0 else 0.0
    if n < 2:
        return Agreement(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, rate, n, unscored)
    predicted = leave_one_group_out(scores, human, groups)
    hi = round_half_up(max_score)
    ours = [min(hi, max(0, round_half_up(p))) for p in predicted]
    theirs = [min(hi, max(0, round_half_up(h))) for h in human]
    return Agreement(
        pearson=pearson(scores, human),
        spearman=spearman(scores, human),
        rmse=rmse(predicted, human),
        qwk=quadratic_weighted_kappa(ours, theirs, 0, hi),
        exact=mean([1.0 if x == y else 0.0 for x, y in zip(ours, theirs, strict=True)]),
        within1=mean([1.0 if abs(x - y) <= 1 else 0.0 for x, y in zip(ours, theirs, strict=True)]),
        answers_per_second=rate,
        n=n,
        unscored=unscored,
    )
