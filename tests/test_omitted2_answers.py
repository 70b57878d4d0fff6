"""Good answers that leave out one named weight-3 key point while talking near it (kind
`good`, variant `missing_<key point>`, graded 58-62), each with its complete twin
(`excellent`, graded 91-93), written and graded before any scoring
(tests/data/omitted2_answers.jsonl, omitted2_aside.jsonl; see tests/data/README.md).

The judge used to credit a point such an answer leaves out from a clause about one of its
neighbours: "stage 1 shards the optimizer states" (ZeRO's stages) said FSDP's cue
"optimizer states", "colour jitter and small geometric augmentations" (robustness to
lighting) the few-defects point's cue "augmentation". A reading in which a clause lends
the words of the point it states best to no other point (matching.CLAUSE_OWNER) corrects
them; it is off as shipped (it took their point from right one-sentence paraphrases), and
these tests hold what it does when switched on, on the sets and on small answers."""

import statistics
from pathlib import Path

import pytest

from interviewer.commands.calibrate import Bank
from interviewer.domain.question import KeyPoint
from interviewer.judge import matching
from interviewer.judge.matching import COVERED_AT, match_key_points
from tests.answer_sets import scored
from tests.readings import sentence_terms

DATA = Path(__file__).parent / "data"


@pytest.fixture(autouse=True)
def clause_owner_on(monkeypatch):
    monkeypatch.setattr(matching, "CLAUSE_OWNER", True)


def test_the_reading_is_off_as_shipped(monkeypatch):
    monkeypatch.undo()
    assert matching.CLAUSE_OWNER is False


DEVELOPED = DATA / "omitted2_answers.jsonl"
ASIDE = DATA / "omitted2_aside.jsonl"


def _results(path: Path) -> list[tuple[str, str, str, float, list[str]]]:
    return [
        (item.group, item.kind, item.variant or "", percent, list(result.covered_key_points))
        for item, percent, result in scored(path)
    ]


@pytest.fixture
def developed() -> list[tuple[str, str, str, float, list[str]]]:
    return _results(DEVELOPED)


@pytest.fixture
def aside() -> list[tuple[str, str, str, float, list[str]]]:
    return _results(ASIDE)


@pytest.mark.parametrize("path", [DEVELOPED, ASIDE])
def test_each_good_answer_names_a_heaviest_point_of_its_question_and_has_a_twin(path):
    bank = Bank()
    rows = _results(path)
    goods = [r for r in rows if r[1] == "good"]
    assert goods and len(rows) == 2 * len(goods)
    for group, _, variant, _, _ in goods:
        question = bank.question(group)
        assert question is not None
        weights = {kp.id: kp.weight for kp in question.key_points}
        assert weights[variant.removeprefix("missing_")] == 3
        assert sum(1 for r in rows if r[0] == group and r[1] == "excellent") == 1


@pytest.mark.parametrize("which", ["developed", "aside"])
def test_the_point_left_out_is_not_covered(which, request):
    rows = request.getfixturevalue(which)
    for group, kind, variant, _, covered in rows:
        if kind == "good":
            assert variant.removeprefix("missing_") not in covered, group


def test_the_complete_twins_keep_their_scores(developed, aside):
    # At 296a2d7 (before the change): 79.5 developed (one twin adds its point in everyday
    # words the judge does not read, 59.3), 89.8 aside.
    assert statistics.mean(r[3] for r in developed if r[1] == "excellent") >= 78
    assert statistics.mean(r[3] for r in aside if r[1] == "excellent") >= 85


def test_holdout10_no_longer_credits_the_points_its_good_answers_leave_out():
    # 3 of 13 omitted points credited at 296a2d7: fsdp (96.3 against a grade of 60),
    # few_defect_data (100 against 60) and value_functions. The last is still credited:
    # "a state's value is the expected immediate reward plus gamma times the value of the
    # next state" says more of the value functions' words than of the Bellman point's,
    # whose two cue phrases it says, so neither point takes the clause from the other.
    credited = {
        item.variant.removeprefix("missing_")
        for item, _, result in scored(DATA / "holdout10_answers.jsonl")
        if item.kind == "good"
        and (item.variant or "").startswith("missing_")
        and item.variant.removeprefix("missing_") in result.covered_key_points
    }
    assert credited == {"value_functions"}


# The mechanism, on small answers: each sentence one clause.
ZERO = KeyPoint(
    id="zero_stages",
    text="ZeRO stage 1 shards the optimizer states, stage 2 also the gradients and stage 3 "
    "also the parameters; memory per GPU falls with each stage.",
    weight=1,
    cues=["stage 1 shards", "stage 2", "memory per gpu falls"],
)
FSDP = KeyPoint(
    id="fsdp",
    text="FSDP shards parameters, gradients and optimizer states across GPUs; each layer's "
    "parameters are all-gathered just before they are needed and freed afterwards.",
    weight=3,
    cues=["shards parameters", "all-gathered", "optimizer states", "reduce-scatter"],
)


def _read(answer: str, points: list[KeyPoint]) -> dict[str, float]:
    terms = sentence_terms(answer)
    return {m.key_point_id: m.coverage for m in match_key_points(terms, points, "")}


NEIGHBOUR_ONLY = (
    "ZeRO cuts memory in stages: stage 1 shards the optimizer states, stage 2 the "
    "gradients as well, and memory per GPU falls with each stage."
)


def test_a_cue_said_in_a_clause_about_another_point_does_not_cover_it(monkeypatch):
    assert _read(NEIGHBOUR_ONLY, [ZERO, FSDP])["fsdp"] < COVERED_AT
    assert _read(NEIGHBOUR_ONLY, [ZERO, FSDP])["zero_stages"] >= COVERED_AT
    # The reading is what keeps it out: without it the shared cue covers the point.
    monkeypatch.setattr(matching, "CLAUSE_OWNER", False)
    assert _read(NEIGHBOUR_ONLY, [ZERO, FSDP])["fsdp"] >= COVERED_AT


def test_the_point_said_in_a_clause_of_its_own_is_still_covered():
    answer = (
        f"{NEIGHBOUR_ONLY} FSDP goes further: it shards parameters across GPUs and each "
        "layer's weights are all-gathered just before the layer runs, then freed."
    )
    read = _read(answer, [ZERO, FSDP])
    assert read["fsdp"] >= COVERED_AT and read["zero_stages"] >= COVERED_AT


def test_a_lone_point_keeps_every_clause():
    # With no other point to state better, the clause lends its words as before.
    assert _read(NEIGHBOUR_ONLY, [FSDP])["fsdp"] >= COVERED_AT


def test_points_of_equal_weight_keep_every_clause():
    # Where no point is heavier than another (a reference read one point per sentence),
    # none is the heaviest and the clause lends its words as before.
    equal = [ZERO.model_copy(update={"weight": 3}), FSDP]
    assert _read(NEIGHBOUR_ONLY, equal)["fsdp"] >= COVERED_AT
    assert _read(NEIGHBOUR_ONLY, [ZERO, FSDP])["fsdp"] < COVERED_AT
