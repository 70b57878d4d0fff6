"""Formulas: a key point's formula written with a sign, a bound or an order changed.

The word reader drops operators, so "w = z / (1 - lambda)" reads as "w = z / (1 + lambda)"
and "p(theta | data)" as "p(data | theta)". Here a text's formulas are read as runs of
symbols (names, numbers, operators, brackets joined by operators or brackets), and an
answer's formula is held against a key point's when it says the same symbols with:

- one operator turned into its opposite ("+" for "-", ">=" for "<=", "/" for "*"),
- one number changed in an equation ("E = 1 + (1/6) E" for "E = 1 + (5/6) E"), or
- the two sides of an order-bearing operator exchanged ("y - y_hat" for "y_hat - y",
  "p(theta | data)" for "p(data | theta)", "delta^2 / sigma^2" for "sigma^2 / delta^2").

A formula the answer writes exactly as some key point (or cue) of the question does is
never held against another point: "p(theta | data)" is the posterior, right for MAP.
"""

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

_SYMBOLS = {
    "\u2212": "-",
    "\u2013": "-",
    "\u00d7": "*",
    "\u00b7": "*",
    "\u2264": "<=",
    "\u2265": ">=",
}
_TOKEN = re.compile(
    r"(?P<name>[A-Za-z_](?:[A-Za-z0-9_']|\.(?=[A-Za-z]))*)"
    r"|(?P<number>[0-9]+(?:\.[0-9]+)?)"
    r"|(?P<op><=|>=|!=|==|<-|->|[-+*/^=<>|])"
    r"|(?P<open>[(\[{])|(?P<close>[)\]}])|(?P<comma>,)"
)
# An operator and its opposite: a formula with one of them exchanged says the other thing.
_OPPOSITE = {
    "+": "-",
    "-": "+",
    "<=": ">=",
    ">=": "<=",
    "<": ">",
    ">": "<",
    "*": "/",
    "/": "*",
}
# Operators whose sides cannot be exchanged without changing what is said.
_ORDERED = frozenset(["-", "/", "|", "^", "<", ">", "<=", ">=", "<-", "->"])
_RELATIONS = frozenset(["=", "<", ">", "<=", ">=", "==", "!="])
# A formula has at least this many symbols: "1/p" and "k/n" are too short to misread.
MIN_SYMBOLS = 3
# An equation whose numbers are read: "p = 1" is a value that a right answer may give
# for another case; "E = 1 + (5/6) E" is a relation. Set at 5 after "p = 0.9" was read as
# a change of "p = 1" in a right answer. benchmarks/cv_offline_judge.py --grid formulas
# --metric balanced_mae --keep-right 10 --folds 5 over 12 graded sets (569 answers, 138
# questions) hardly tells the settings apart: 5 and 7 tie, off (99) is 0.001 better and
# chosen on 4 of 5 folds (one wrong answer, 45.7 against 44.4), 3 is worse (0.023);
# cross-validated balanced MAE 10.926, the shipped setting's in-sample figure. Numbers are
# read because a changed value in an equation is one of the wrong answers' shapes.
EQUATION_SYMBOLS = 5


@dataclass(frozen=True)
class Formula:
    symbols: tuple[str, ...]
    start: int  # offset of its first symbol in the text
    ends: tuple[int, ...]  # offset just past each symbol


def _kind(symbol: str) -> str:
    if symbol in _OPPOSITE or symbol in _ORDERED or symbol in _RELATIONS:
        return "op"
    if symbol in "([{":
        return "open"
    if symbol in ")]}":
        return "close"
    if symbol == ",":
        return "comma"
    if symbol[0].isdigit():
        return "number"
    return "name"


@lru_cache(maxsize=8192)
def formulas(text: str) -> tuple[Formula, ...]:
    """The formulas of a text, in order."""
    for a, b in _SYMBOLS.items():
        text = text.replace(a, b)
    found: list[tuple[str, int, int, bool]] = []  # symbol, start, end, space before
    for m in _TOKEN.finditer(text):
        symbol = m.group().lower()
        spaced = m.start() == 0 or text[m.start() - 1].isspace()
        found.append((symbol, m.start(), m.end(), spaced))
    out: list[Formula] = []
    run: list[tuple[str, int, int]] = []
    depth = 0

    def close() -> None:
        kept = _trimmed(run)
        symbols = tuple(s for s, _, _ in kept)
        if _is_formula(symbols):
            out.append(Formula(symbols, kept[0][1], tuple(e for _, _, e in kept)))
        run.clear()

    for i, (symbol, start, end, spaced) in enumerate(found):
        kind = _kind(symbol)
        before = found[i - 1] if i else None
        after = found[i + 1] if i + 1 < len(found) else None
        if symbol == "-" and not spaced and before and after and _hyphen(before, after):
            # A hyphen inside a word ("pre-experiment", "z-test") is not a minus.
            close()
            depth = 0
            continue
        if run:
            last = _kind(run[-1][0])
            joined = (
                kind in ("op", "open", "close")
                or last in ("op", "open", "close")
                or (kind == "comma" and depth > 0)
                or (last == "comma" and depth > 0)
            )
            # A word that goes on into prose ("- the prior acts", "- a six ends it") is
            # not an operand.
            if kind == "name" and last in ("op", "close") and _prose(after, end):
                joined = False
            # A gap in the text (a word between) ends a formula.
            if not joined or start - run[-1][2] > 2:
                close()
                depth = 0
        if kind == "comma" and depth == 0:
            close()
            continue
        if kind == "open":
            depth += 1
        elif kind == "close":
            depth = max(0, depth - 1)
        run.append((symbol, start, end))
    close()
    return tuple(out)


def _hyphen(before: tuple[str, int, int, bool], after: tuple[str, int, int, bool]) -> bool:
    a, b = before[0], after[0]
    return a.isalpha() and b.isalpha() and max(len(a), len(b)) > 1 and before[2] + 1 == after[1]


def _prose(after: tuple[str, int, int, bool] | None, end: int) -> bool:
    """The next symbol is a word after a space: the text goes on in words."""
    return after is not None and after[3] and _kind(after[0]) == "name" and after[1] > end


def _trimmed(run: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """The run without a bracket it does not open or close, what comes before an
    unopened one or after an unclosed one, and operators at its ends."""
    kept = list(run)
    depth = 0
    for i, (s, _, _) in enumerate(kept):
        if s in "([{":
            depth += 1
        elif s in ")]}":
            depth -= 1
            if depth < 0:
                kept = kept[i + 1 :]
                return _trimmed(kept)
    opened: list[int] = []
    for i, (s, _, _) in enumerate(kept):
        if s in "([{":
            opened.append(i)
        elif s in ")]}" and opened:
            opened.pop()
    if opened:
        kept = kept[: opened[0]]
    while kept and _kind(kept[-1][0]) in ("op", "comma"):
        kept.pop()
    while kept and _kind(kept[0][0]) in ("op", "comma"):
        kept.pop(0)
    return kept


def _is_formula(symbols: tuple[str, ...]) -> bool:
    if len(symbols) < MIN_SYMBOLS:
        return False
    operands = {s for s in symbols if _kind(s) in ("name", "number")}
    return (len(operands) >= 2 and any(_kind(s) == "op" and s != "|" for s in symbols)) or (
        len(operands) >= 2 and "|" in symbols and any(_kind(s) == "open" for s in symbols)
    )


def _balanced(symbols: tuple[str, ...]) -> bool:
    depth = 0
    for s in symbols:
        if s in "([{":
            depth += 1
        elif s in ")]}":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0 and bool(symbols)


def _exchanged(said: tuple[str, ...], truth: tuple[str, ...]) -> bool:
    """`said` is `truth` with the two sides of one order-bearing operator exchanged."""
    n = len(truth)
    for p, op in enumerate(truth):
        if op not in _ORDERED:
            continue
        for s in range(0, p):
            left = truth[s:p]
            if not _balanced(left) or said[:s] != truth[:s]:
                continue
            for e in range(p + 2, n + 1):
                right = truth[p + 1 : e]
                if not _balanced(right):
                    continue
                if said == truth[:s] + right + (op,) + left + truth[e:]:
                    return True
    return False


def _changed(said: tuple[str, ...], truth: tuple[str, ...]) -> bool:
    """Whether the window `said` says `truth` with a sign, a bound, a number or an order
    changed (see the module's docstring)."""
    if said == truth:
        return False
    differ = [i for i, (a, b) in enumerate(zip(said, truth, strict=True)) if a != b]
    if len(differ) == 1 and _OPPOSITE.get(truth[differ[0]]) == said[differ[0]]:
        return True
    # Numbers changed in an equation long enough to be more than a value ("p = 1").
    if all(_kind(said[i]) == "number" and _kind(truth[i]) == "number" for i in differ):
        return len(truth) >= EQUATION_SYMBOLS and any(s in _RELATIONS for s in truth)
    if Counter(said) != Counter(truth):
        return False
    return _exchanged(said, truth)


@dataclass(frozen=True)
class Misread:
    truth: tuple[str, ...]  # the key point's formula
    said: tuple[str, ...]  # the answer's formula that changes it
    start: int  # where the answer's formula that changes it starts, in the answer
    end: int


def misread(answer: str, truths: tuple[tuple[str, ...], ...]) -> tuple[Misread, ...]:
    """Where the answer writes one of `truths` (formulas' symbols) changed. `truths` are
    one key point's formulas; the caller leaves out any the answer writes as some point
    of the question does."""
    out: list[Misread] = []
    for f in formulas(answer):
        for truth in truths:
            n = len(truth)
            if n > len(f.symbols):
                continue
            for i in range(len(f.symbols) - n + 1):
                window = f.symbols[i : i + n]
                if _changed(window, truth):
                    start = f.start if i == 0 else f.ends[i - 1]
                    out.append(Misread(truth, window, start, f.ends[i + n - 1]))
                    break
    return tuple(out)


def written(answer: str) -> frozenset[tuple[str, ...]]:
    """Every run of symbols inside the answer's formulas: what it writes exactly."""
    out: set[tuple[str, ...]] = set()
    for f in formulas(answer):
        n = len(f.symbols)
        for i in range(n):
            for j in range(i + MIN_SYMBOLS, n + 1):
                out.add(f.symbols[i:j])
    return frozenset(out)
