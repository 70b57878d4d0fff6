"""Right answers in everyday words to python questions no other answer set uses, beside the
same content in the key points' words, a fluent wrong answer in the same everyday words and
a short vague one, each written and graded 0-100 before any scoring
(tests/data/plainest_answers.jsonl, see tests/data/README.md). Five questions
(`plainest_aside.*`) were kept aside while the judge was looked at: they are held here by
their means only. What the judge does now is held; what it does not do yet is a strict
xfail with the reason."""

import json
import statistics
from pathlib import Path

import pytest

from tests.answer_sets import judged_on, percents_by_part, questions_before

DATA = Path(__file__).parent / "data"
DATASET = DATA / "plainest_answers.jsonl"
VARIANTS = {"plain", "keypoints", "plain_false", "vague"}
# Written later, before scoring, on five development questions only: the same content in
# words further from the key points.
LATER = "plainer"


def _judged() -> dict[str, dict[str, dict[str, float]]]:
    """Percent per part (`dev` or `aside`), question and variant."""
    out = percents_by_part(DATASET, "plainest_aside.")
    for part in out.values():
        for variants in part.values():
            assert set(variants) <= VARIANTS | {LATER}
    return out


@pytest.fixture(scope="module")
def judged() -> dict[str, dict[str, dict[str, float]]]:
    return _judged()


def _mean(by_question: dict[str, dict[str, float]], variant: str) -> float:
    return statistics.mean(v[variant] for v in by_question.values() if variant in v)


def test_each_question_has_every_variant(judged):
    assert len(judged["dev"]) == 9 and len(judged["aside"]) == 5
    for part in judged.values():
        assert all(v.keys() >= VARIANTS for v in part.values())
    assert sum(LATER in v for v in judged["dev"].values()) == 5


# Written and graded the same morning, before either was scored, on questions then unused:
# it shares two of this set's development questions (python.pandas.groupby_apply,
# python.performance.vectorise_distances), with answers of other kinds (a good answer that
# leaves the heaviest point out, and its excellent twin).
WRITTEN_ALONGSIDE = DATA / "heavy_missing_answers.jsonl"


def test_the_questions_are_not_those_of_the_other_answer_sets(judged):
    others = questions_before("plainest_answers.jsonl", "heavy_missing_answers.jsonl")
    assert not (set(judged["dev"]) | set(judged["aside"])) & others


def test_every_right_answer_beats_the_wrong_and_the_vague_one_on_development_questions(judged):
    for question, v in judged["dev"].items():
        assert min(v["plain"], v["keypoints"]) > max(v["plain_false"], v["vague"]) + 5, (
            question,
            v,
        )


# On main 6c52c40 (when the set was written): development questions, key points' words
# 86.8, everyday words 77.4, further words 47.8, wrong 22.3, vague 15.1; aside questions
# 96.3, 79.4, -, 34.5, 30.0.
def test_right_answers_on_development_questions(judged):
    dev = judged["dev"]
    assert _mean(dev, "keypoints") >= 84
    assert _mean(dev, "plain") >= 75
    assert _mean(dev, LATER) >= 44


def test_wrong_and_vague_answers_on_development_questions(judged):
    dev = judged["dev"]
    assert _mean(dev, "plain_false") <= 25
    # 15.1 before a general answer earned its credit (general.py; graded 15-20): 23.4.
    assert _mean(dev, "vague") <= 25


def test_answers_on_the_aside_questions(judged):
    aside = judged["aside"]
    assert _mean(aside, "keypoints") >= 93
    # 79.4 before a heaviest point counted as stated only by its own words or where no
    # other point is said (levels.HEAVY_OWN_WORDS_AT, offline.HEAVY_OWN_PLACES): the
    # profiling answer in everyday words fell 85.8 -> 69.7, its heaviest point missed.
    assert _mean(aside, "plain") >= 75
    assert _mean(aside, "plain_false") <= 37
    assert _mean(aside, "vague") <= 33


@pytest.mark.xfail(
    strict=True,
    reason="everyday words state a third to a half of each key point's technical words: "
    "quality stays under the level-4 bar (0.85) and caps how it explains at 3",
)
def test_right_answers_in_everyday_words_reach_85(judged):
    assert _mean({**judged["dev"], **judged["aside"]}, "plain") >= 85


@pytest.mark.xfail(
    strict=True,
    reason="a fluent wrong answer in everyday words states about as much of each key "
    "point's words as a right one in the same words: nothing reads its claims' direction",
)
def test_fluent_wrong_answers_in_everyday_words_stay_under_15(judged):
    assert _mean({**judged["dev"], **judged["aside"]}, "plain_false") <= 15


DEFINITIONS = "breadth.precision_recall.definitions"
# Right, in everyday words (written for this test from issue 9's example, "how many of its
# alarms are real"): it states a little of every key point (0.04-0.33 each, 0.14 in all) in
# few of their words, and main 6c52c40 scored it 0 as an answer about something else.
ALARM = (
    "Think of the model as an alarm. Precision asks: of all the times it raised the alarm, "
    "how many were real? Recall asks: of all the real cases out there, how many did it "
    "catch? Neither looks at the quiet cases it correctly ignored, which is why they stay "
    "honest when nearly everything is quiet. F1 leans hard toward whichever of the two is "
    "worse - twice their product over their sum - so a model can't look good by catching "
    "everything with endless false alarms, or by almost never raising one. A plain average "
    "would let one great number hide a terrible one."
)


def test_an_answer_stating_part_of_every_key_point_is_not_about_something_else():
    result, percent = judged_on(DEFINITIONS, ALARM)
    assert "about something else" not in result.feedback
    assert percent is not None and percent > 0


def test_an_answer_about_something_else_is_still_floored_even_padded():
    offtopic = (
        "Gradient boosting fits each new tree to the residuals of the ensemble so far. "
        "A small learning rate with many trees usually generalises better. Early stopping "
        "on a validation set picks the number of trees. Deeper trees capture interactions "
        "but overfit sooner."
    )
    filler = " Of all the things I have worked on, this is how it was. It caught on quickly."
    for answer in (offtopic, offtopic + filler):
        result, percent = judged_on(DEFINITIONS, answer)
        assert percent == 0.0 and "about something else" in result.feedback


def test_a_fluent_wrong_answer_that_leaves_points_untouched_is_still_floored():
    (answer,) = (
        json.loads(line)["answer"]
        for line in DATASET.read_text(encoding="utf-8").splitlines()
        if json.loads(line)["id"] == "plainest.python.functional.map_filter_reduce.plain_false"
    )
    result, percent = judged_on("python.functional.map_filter_reduce", answer)
    assert percent == 0.0 and "about something else" in result.feedback


def test_every_point_touched_is_not_enough_without_some_coverage_in_all(monkeypatch):
    from interviewer.judge import matching, offline

    monkeypatch.setattr(offline, "EVERY_POINT_COVERAGE", 0.5)
    # Read by form only: with recall's everyday words ("catch", lexicon `concepts`) the
    # answer states part of its point and speaks to the question without this escape.
    monkeypatch.setattr(matching, "CONCEPT_MATCH", 0.0)
    monkeypatch.setattr(offline, "CONCEPT_TOPIC_WEIGHT", 0.0)
    result, percent = judged_on(DEFINITIONS, ALARM)
    assert percent == 0.0 and "about something else" in result.feedback
