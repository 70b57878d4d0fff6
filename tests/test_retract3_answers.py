"""Right answers taken back by a closing or middle passage of plain clauses (withdrawing
"that", disowning it, "not what happened", a wish it not count), and twins that admit one
limit, put one detail right, quote someone else's retraction or tell of a first attempt,
graded by their writer before they were scored (tests/data/README.md, retract3)."""

import json
import statistics
from pathlib import Path

import pytest

from tests.answer_sets import DATA, percents_by_kind, scored

# Answers taken back (writer: 4) scored 61.5 on average before the passage reading
# (withdrawals.py), 22 of 28 above 20; 0.0 after, every one at the floor.
RETRACTED_MEAN = 10.0
RETRACTED_ABOVE_20 = 2
# The twins (writer: 85-93) scored 76.7 before and 80.9 after: none fell, and two rose
# that a "scratch that" inside the twin's own last sentence had cost the sentence before
# it (66.7 -> 81.5, 56.7 -> 96.7).
CONTROL_MEAN = 78.0
# Each twin scores what the answer it extends (an earlier set's) scores, less this: the
# one furthest below (85.2 -> 81.5, 66.7 at main) is the slip put right, "Earlier I nearly
# said tuples are always hashable - scratch that, ...", whose first clause is taken back.
CONTROL_SLACK = 4.0
# Six other questions kept aside, scored once before and once at the end: retracted
# 49.1 -> 8.2 (7 of 8 at 0; "I'm going to drop that line of thought; I don't think it's
# right" escapes, 65.3: "drop" is no take-back verb here), twins 80.5 -> 82.9.
ASIDE_RETRACTED_MEAN = 15.0
ASIDE_CONTROL_MEAN = 80.0

SET = DATA / "retract3_answers.jsonl"


@pytest.fixture(scope="module")
def dev() -> dict[str, list[float]]:
    return percents_by_kind(SET)


@pytest.fixture(scope="module")
def aside() -> dict[str, list[float]]:
    return percents_by_kind(DATA / "retract3_aside.jsonl")


def test_an_answer_taken_back_by_a_passage_scores_near_the_floor(dev):
    retracted = dev["retracted"]
    assert statistics.mean(retracted) <= RETRACTED_MEAN, sorted(retracted)
    assert sum(p > 20 for p in retracted) <= RETRACTED_ABOVE_20, sorted(retracted)


def test_a_limit_admitted_or_a_detail_put_right_costs_nothing(dev):
    assert statistics.mean(dev["excellent"]) >= CONTROL_MEAN, sorted(dev["excellent"])


def test_each_twin_scores_what_the_answer_it_extends_scores(tmp_path: Path):
    """The twin is an earlier set's right answer with an ending: the ending costs nothing."""
    twins = [json.loads(line) for line in SET.read_text(encoding="utf-8").splitlines()]
    twins = [t for t in twins if t["kind"] == "excellent"]
    bases = {}
    for path in sorted(DATA.glob("*.jsonl")):
        if path == SET or "retract3" in path.name:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            for twin in twins:
                if twin["id"] in bases or row.get("question_id") != twin["question_id"]:
                    continue
                if twin["answer"].startswith(row["answer"] + " "):
                    bases[twin["id"]] = {**row, "id": twin["id"]}
    assert len(bases) == len(twins)
    base_set = tmp_path / "bases.jsonl"
    base_set.write_text("".join(json.dumps(b) + "\n" for b in bases.values()), encoding="utf-8")
    base_percent = {item.id: percent for item, percent, _ in scored(base_set)}
    for item, percent, _ in scored(SET):
        if item.id in base_percent:
            assert percent >= base_percent[item.id] - CONTROL_SLACK, item.id


def test_the_aside_holds_the_same(aside):
    assert statistics.mean(aside["retracted"]) <= ASIDE_RETRACTED_MEAN, sorted(aside["retracted"])
    assert statistics.mean(aside["excellent"]) >= ASIDE_CONTROL_MEAN, sorted(aside["excellent"])
