"""The spread reading's points count toward their coverage (spread.covered_as_lent,
SPREAD_COVERS; session 19): a right answer in everyday words that the reading lends to had
its points' technical terms credited but its correctness read from each point's own
coverage, a quarter to a half of the point, and scored 60-70 where its grader gave 84-88."""

from interviewer.domain.question import KeyPoint
from interviewer.judge import spread
from interviewer.judge.matching import COVERED_AT, KeyPointMatch
from tests.answer_sets import DATA, scored

POINTS = [
    KeyPoint(id=f"p{i}", text="the point's words said in the field's terms", weight=1)
    for i in range(4)
]


def test_a_lent_point_reads_as_stated_as_far_as_it_is_lent():
    matches = [
        KeyPointMatch("p0", 0.3, "the sentence that says it"),
        KeyPointMatch("p1", 0.6, "a sentence that states it in full"),
        KeyPointMatch("p2", 0.3, None),
        KeyPointMatch("p3", 0.1, "a sentence under the bar"),
    ]
    got = {m.key_point_id: m for m in spread.covered_as_lent(matches, {"p0": 1.0, "p1": 1.0})}
    assert got["p0"].coverage == spread.SPREAD_COVERS * COVERED_AT
    assert got["p0"].evidence == "the sentence that says it"
    assert got["p1"].coverage == 0.6  # never lowered
    assert got["p2"].coverage == 0.3  # nothing to quote: left as it is
    assert got["p3"].coverage == 0.1  # not lent
    half = spread.covered_as_lent(matches[:1], {"p0": 0.5})[0]
    assert half.coverage == max(0.3, spread.SPREAD_COVERS * COVERED_AT * 0.5)


def test_a_lent_point_is_never_listed_as_covered_on_that_account():
    # Under 1 the point stays under the covering bar: the feedback's covered points are
    # those a clause states.
    assert 0 < spread.SPREAD_COVERS < 1
    [m] = spread.covered_as_lent([KeyPointMatch("p0", 0.3, "it")], {"p0": 1.0})
    assert m.coverage < COVERED_AT


def test_off_reads_as_before(monkeypatch):
    monkeypatch.setattr(spread, "SPREAD_COVERS", 0.0)
    matches = [KeyPointMatch("p0", 0.3, "it")]
    assert spread.covered_as_lent(matches, {"p0": 1.0}) == matches


# Right everyday answers of former held-out sets the reading lends to, with their grades:
# at claims-v14 66.7-68.8, with SPREAD_COVERS 0.9 84.7-98.5.
LIFTED = {
    "holdout10_answers.jsonl": "python.frameworks.sklearn_api.excellent2",  # graded 86
    "holdout12_answers.jsonl": "domain.nlp.multilingual.excellent2",  # graded 84
    "holdout14_answers.jsonl": "breadth.ensembles.averaging_and_stacking.excellent2",  # 84
}


def test_right_everyday_answers_lent_to_score_near_their_grade():
    for name, answer_id in LIFTED.items():
        rows = {item.id: (item, percent) for item, percent, _ in scored(DATA / name)}
        item, percent = rows[answer_id]
        assert percent >= item.score - 5, (answer_id, percent, item.score)


def test_their_twins_in_other_kinds_do_not_move_with_them(monkeypatch):
    # The same questions' good, vague, wrong, negated, taken-back, salad and off-topic
    # answers score as they do with the reading off.
    def others() -> dict[str, float]:
        out = {}
        for name, answer_id in LIFTED.items():
            group = answer_id.rsplit(".", 1)[0]
            for item, percent, _ in scored(DATA / name):
                if item.group == group and item.kind != "excellent":
                    out[item.id] = percent
        return out

    with_reading = others()
    monkeypatch.setattr(spread, "SPREAD_COVERS", 0.0)
    assert others() == with_reading and len(with_reading) >= 21
