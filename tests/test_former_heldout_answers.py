"""The former held-out sets (tests/data/holdout9_answers.jsonl, holdout10_answers.jsonl,
holdout12_answers.jsonl, holdout13_answers.jsonl, holdout14_answers.jsonl,
holdout15_answers.jsonl, holdout16_answers.jsonl, holdout18_answers.jsonl,
holdout19_answers.jsonl and holdout20_answers.jsonl; see
tests/data/README.md): each was
written and graded by an interviewer who never saw the judge, and measured the judge once
while it was kept outside the repository. Now they are development data, and these bounds
keep what they measured from sliding back: the ordering of kinds the issue asks for and the
agreement with the writer's grades, at or near the figures of the method they measured
(claims-v9; holdout13 claims-v10; holdout14 claims-v11; holdout15 claims-v12; holdout16
claims-v13; holdout18 claims-v14 and claims-v15; holdout19 claims-v15 and claims-v16;
holdout20 claims-v16 and claims-v17)."""

import statistics
from collections import defaultdict
from pathlib import Path

import pytest

from interviewer.judge.calibration import spearman
from tests.answer_sets import scored

DATA = Path(__file__).parent / "data"

# Per set: Spearman with the writer at claims-v9 (holdout9 0.887, holdout10 0.786,
# holdout12 0.796; holdout13 0.787 at claims-v10; at claims-v11 holdout10 0.800, holdout12
# 0.804, holdout13 0.807, holdout14 0.736; at claims-v12 holdout14 0.783, holdout15 0.789;
# at claims-v13 holdout16 0.780; at claims-v14 and claims-v15 holdout18 0.745; at claims-v15
# and claims-v16 holdout19 0.729; at claims-v17 holdout20 0.852), less a margin
# for a reading that trades a little of one set for more of the others.
SPEARMAN_AT_LEAST = {
    "holdout9": 0.86,
    "holdout10": 0.77,
    "holdout12": 0.78,
    "holdout13": 0.78,
    "holdout14": 0.75,
    "holdout15": 0.76,
    "holdout16": 0.75,
    "holdout18": 0.72,
    "holdout19": 0.70,
    "holdout20": 0.82,
}
# holdout13's answers to a neighbouring question were where the judge fell short when it
# measured claims-v10 (9.6, graded 3.4; 9.7 at claims-v11): held where they are, not at the
# other sets' level. Its right answers in the field's terms (83.7 then, graded 91.0) are
# 89.4 at claims-v11 and held at the other sets' bar.
EXCELLENT_TERMS_AT_LEAST: dict[str, float] = {}
# holdout14 measured claims-v11 with answers to neighbouring questions at 9.6 (graded 2.7),
# held where they are; its salad (22.5 then, graded 1.6) is 10.9 at claims-v12 and held at
# the other sets' bar.
# holdout18 measured claims-v14 and claims-v15 with answers to neighbouring questions at 8.2
# (graded 3.0) and fluent but wrong ones at 18.8 (graded 7.8; said both ways 29.2, graded
# 14.1): held where they are.
# holdout19 measured claims-v15 and claims-v16 with answers to neighbouring questions at
# 13.3 (graded 4.2; one at 59.7): held where they are.
# holdout20 measured claims-v16 and claims-v17 with wrong answers said both ways at 43.9
# (graded 12.0; fluent but wrong 23.4 in all) and salad in sentences at 37.0 (graded 6.0;
# salad 17.1 in all): held where they are.
OFFTOPIC_AT_MOST = {"holdout13": 12.0, "holdout14": 12.0, "holdout18": 10.0, "holdout19": 15.0}
WRONG_AT_MOST = {"holdout18": 20.0, "holdout20": 25.0}
SALAD_AT_MOST: dict[str, float] = {"holdout20": 19.0}


@pytest.fixture(scope="module", params=sorted(SPEARMAN_AT_LEAST))
def heldout(request: pytest.FixtureRequest) -> tuple[str, dict[str, list[float]], float]:
    rows = scored(DATA / f"{request.param}_answers.jsonl")
    by_kind: dict[str, list[float]] = defaultdict(list)
    for item, percent, _ in rows:
        assert item.kind is not None, item.id
        by_kind[item.kind].append(percent)
        if item.kind in {"excellent", "wrong", "salad"} and item.variant:
            by_kind[f"{item.kind}/{item.variant}"].append(percent)
    rho = spearman([p for _, p, _ in rows], [item.score for item, _, _ in rows])
    return request.param, by_kind, rho


def test_agreement_with_the_writers_grades_holds(heldout):
    name, _, rho = heldout
    assert rho >= SPEARMAN_AT_LEAST[name], (name, round(rho, 3))


def test_right_answers_in_the_fields_terms_score_high(heldout):
    name, by_kind, _ = heldout
    # claims-v9: 92.1, 91.2, 91.1 (graded about 91).
    mean = statistics.mean(by_kind["excellent/terms"])
    assert mean >= EXCELLENT_TERMS_AT_LEAST.get(name, 88.0), (name, round(mean, 1))


def test_kinds_keep_the_interviewers_order(heldout):
    name, by_kind, _ = heldout
    means = {kind: statistics.mean(percents) for kind, percents in by_kind.items()}
    assert means["excellent"] > means["good"], name  # claims-v9: 80.1 > 78.2 on holdout9
    assert means["good"] > means["vague"] + 35, name
    for fooling in ("wrong/reversed", "salad/list", "offtopic"):
        assert means[fooling] < means["vague"], (name, fooling)


def test_fooling_kinds_stay_low(heldout):
    name, by_kind, _ = heldout
    means = {kind: statistics.mean(percents) for kind, percents in by_kind.items()}
    # The bars: fluent but wrong <= 35, salad <= 20, taken back or denied <= 35.
    assert means["wrong"] <= WRONG_AT_MOST.get(name, 15.0), (name, means["wrong"])
    assert means["salad"] <= SALAD_AT_MOST.get(name, 12.0), (name, means["salad"])
    assert means["offtopic"] <= OFFTOPIC_AT_MOST.get(name, 8.0), (name, means["offtopic"])
    for kind in ("negated", "retracted"):
        if kind in means:  # holdout9 has neither
            assert means[kind] <= 20, (name, kind)
