"""Spearman of a graded answer set against its writer, over all its kinds and over the
issue's six (not a test).

Issue 9's bar (Spearman >= 0.85) is stated over six kinds of answer: excellent, good, vague,
fluent but wrong, keyword salad and off topic. The held-out sets here add answers whose
every claim is denied, answers taken back and wrong answers said both ways; their writers
grade them 1-5 and the judge puts most at 0, tied with the other fooling answers, so they
weigh on the figure over all kinds through ties at the floor. This reports both.

    interviewer calibrate SET.jsonl --dump DUMP.jsonl
    python benchmarks/spearman_by_kinds.py SET.jsonl DUMP.jsonl
"""

import argparse
import json
from pathlib import Path

from interviewer.judge.calibration import spearman

ISSUE_KINDS = frozenset({"excellent", "good", "vague", "wrong", "salad", "offtopic"})


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("dataset", type=Path, help="the graded set (lines with id, kind)")
    parser.add_argument("dump", type=Path, help="interviewer calibrate --dump output")
    args = parser.parse_args()
    items = {}
    for line in args.dataset.read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            items[item["id"]] = item
    rows = []
    for line in args.dump.read_text(encoding="utf-8").splitlines():
        verdict = json.loads(line)
        if verdict.get("judge_percent") is None:
            continue  # unscored: reported by calibrate itself
        item = items[verdict["id"]]
        rows.append(
            (item.get("kind"), item.get("variant"), verdict["judge_percent"], item["score"])
        )
    selections = {
        "every kind": lambda kind, variant: True,
        "the issue's six kinds": lambda kind, variant: kind in ISSUE_KINDS,
        "the six, wrong only reversed": lambda kind, variant: (
            kind in ISSUE_KINDS and variant != "bothways"
        ),
    }
    for name, keep in selections.items():
        chosen = [(judge, human) for kind, variant, judge, human in rows if keep(kind, variant)]
        rho = spearman([judge for judge, _ in chosen], [human for _, human in chosen])
        print(f"{name:30s} n={len(chosen):4d} spearman={rho:.3f}")


if __name__ == "__main__":
    main()
