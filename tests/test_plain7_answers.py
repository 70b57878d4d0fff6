"""Right answers in everyday words and their wrong twins in the same everyday words, on
breadth, domain and python questions no other answer set uses, each written and graded
0-100 before any scoring (tests/data/plain7_answers.jsonl, see tests/data/README.md). Four
questions (`plain7_aside.*`) were kept aside while the judge was changed: they are held by
their means only."""

import json
from pathlib import Path

import pytest

from tests.answer_sets import mean_of, percents_by_part, questions_before

DATA = Path(__file__).parent / "data"
DATASET = DATA / "plain7_answers.jsonl"


def _judged() -> dict[str, dict[str, dict[str, float]]]:
    """Percent per part (`dev` or `aside`), question and variant (`plain`, `plain_false`)."""
    out = percents_by_part(DATASET, "plain7_aside.")
    for part in out.values():
        for variants in part.values():
            assert set(variants) <= {"plain", "plain_false"}
    return out


@pytest.fixture(scope="module")
def judged() -> dict[str, dict[str, dict[str, float]]]:
    return _judged()


def test_each_question_has_a_right_answer_and_its_wrong_twin(judged):
    assert len(judged["dev"]) == 8 and len(judged["aside"]) == 4
    for part in judged.values():
        assert all(v.keys() == {"plain", "plain_false"} for v in part.values())


def test_the_questions_are_not_those_of_the_other_answer_sets(judged):
    others = questions_before("plain7_answers.jsonl")
    # tests/data/procedure_wrong_*.jsonl were written and committed the same morning, before
    # either set was scored, and share one question with answers of another kind (wrong in
    # the key points' own words, with right twins in those words).
    shared = (set(judged["dev"]) | set(judged["aside"])) & others
    assert shared <= {"breadth.regularization.lasso_soft_threshold"}


def test_every_right_answer_beats_its_wrong_twin_by_far(judged):
    for question, v in {**judged["dev"], **judged["aside"]}.items():
        assert v["plain"] >= v["plain_false"] + 25, question


def test_development_means(judged):
    assert mean_of(judged["dev"], "plain") >= 74
    # Graded 5: a claim read in other words does not yield to its own sentence
    # (offline.YIELDS_ELSEWHERE_ONLY); "a network is the stronger choice ... beats boosted
    # trees on every kind of data" no longer passes as the point about tree ensembles.
    assert mean_of(judged["dev"], "plain_false") <= 17


def test_aside_means(judged):
    # Scored once, after the change: the right answers as before (75.2), the wrong twins
    # 40.6 -> 18.1 (a nightly job "is enough" and ridge's "z minus lambda" no longer yield
    # to the words of their points said in the same sentence).
    assert mean_of(judged["aside"], "plain") >= 73
    assert mean_of(judged["aside"], "plain_false") <= 22


def test_the_wrong_twin_that_says_a_misconception_in_the_points_words_is_named(judged):
    from tests.answer_sets import judged_on

    answer = next(
        json.loads(line)["answer"]
        for line in DATASET.read_text(encoding="utf-8").splitlines()
        if json.loads(line)["id"] == "plain7.breadth.neural_nets.nn_vs_trees.plain_false"
    )
    result, percent = judged_on("breadth.neural_nets.nn_vs_trees", answer)
    assert "nets_always_win" in {m.misconception_id for m in result.misconceptions}
    assert percent is not None and percent <= 20
