"""How the offline judge reads how an answer explains, illustrates and keeps to the
question (levels.py, signals.py): an explanation said without "because", a key point
stated that is itself a mechanism, a concrete figure, a story told in the candidate's own
words, and the ceiling a missed main point puts on all of it."""

import io
import json
from pathlib import Path

import pytest

from interviewer.commands.calibrate import Requests, read_dataset
from interviewer.domain.judging import JudgeResult
from interviewer.judge import general_story, levels, offline, signals, spread
from interviewer.judge.offline import OfflineJudge

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def interview():
    items, broken = read_dataset(DATA / "interview_answers.jsonl", io.StringIO())
    assert broken == 0
    return {item.id: item for item in items}


def judged(item) -> tuple[JudgeResult, dict[str, int], dict[str, str]]:
    request = Requests()(item)
    result = OfflineJudge().score_now(request)
    return (
        result,
        {c.criterion_id: c.level for c in result.criteria},
        {c.criterion_id: c.rationale for c in result.criteria},
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "running many tests inflates false positives, so correct with Bonferroni",
        "peeking at the results, which inflates false positives",
        "with enough data tiny effects are significant",
        "as the batch grows the gradient noise shrinks",
    ],
)
def test_an_explanation_said_without_because_is_read_as_one(sentence):
    assert signals.EXPLAINS.search(sentence)
    assert not signals.CAUSAL.search(sentence)


@pytest.mark.parametrize(
    "sentence",
    ["So, basically it is fine.", "It has worked so far.", "It matters so much."],
)
def test_a_so_that_starts_or_intensifies_is_not_an_explanation(sentence):
    assert not signals.EXPLAINS.search(sentence)


def test_a_complete_pvalue_answer_is_credited_with_its_explanations(interview):
    # "with enough data tiny effects are significant, so report the effect size";
    # "peeking, which inflates false positives, so correct with Bonferroni".
    item = interview["breadth.statistics.pvalues_and_intervals.excellent1"]
    result, level, why = judged(item)
    assert level["correctness"] == 4
    assert level["depth"] == 4, why["depth"]
    assert level["examples"] >= 2, why["examples"]
    depth = next(c for c in result.criteria if c.criterion_id == "depth")
    assert all(quote in item.answer for quote in depth.evidence)


def test_without_the_wider_reading_the_same_answer_showed_no_depth(interview, monkeypatch):
    monkeypatch.setattr(levels, "READS_CONSEQUENCES", False)
    monkeypatch.setattr(levels, "POINTS_THAT_EXPLAIN", False)
    _, level, _ = judged(interview["breadth.statistics.pvalues_and_intervals.excellent1"])
    assert level["depth"] == 2


def test_concrete_figures_count_once_as_an_example(interview, monkeypatch):
    text = "A 95 percent interval, 300 stores, 2 percent fraud and 40 thousand dollars."
    assert len(signals.CONCRETE.findall(text)) == 4
    # The p-value answer gives "a 95 percent interval" and "the 5 percent level" and no
    # "for example": one example, however many figures.
    item = interview["breadth.statistics.pvalues_and_intervals.excellent1"]
    _, _, why = judged(item)
    assert why["examples"].startswith("1 examples")
    monkeypatch.setattr(levels, "CONCRETE_FIGURES", False)
    _, level, why = judged(item)
    assert why["examples"].startswith("0 examples") and level["examples"] == 1


def test_a_story_told_in_its_own_words_shows_the_competency(interview):
    # 4 of 6 key points covered, in the candidate's words: its share of key-point words
    # is 0.32, but its sentences speak to the question.
    _, level, why = judged(interview["behavioral.failure.model_failed_in_production.excellent1"])
    assert level["competency"] >= 3, why["competency"]


def test_a_focused_deep_dive_is_not_called_off_the_question(interview):
    _, level, why = judged(interview["deep_dive.evaluation.offline_protocol.excellent1"])
    assert "off the question" not in why["reflection"]
    assert level["reflection"] >= 3


def test_a_story_that_states_no_key_point_gains_nothing_from_its_sentences():
    items, _ = read_dataset(DATA / "fluent_wrong_answers.jsonl", io.StringIO())
    story = next(
        i for i in items if i.id == "fw.behavioral.leadership.technical_direction.wrong_later1"
    )
    result, _, _ = judged(story)
    request = Requests()(story)
    percent = result.percent(request.rubric)
    assert percent is not None and percent <= 10


def test_an_answer_missing_a_main_point_is_not_top_on_any_count(interview):
    # The learning-rate answer that leaves out schedules (weight 3 of 3): well explained,
    # with examples and trade-offs, but no criterion may reach 4.
    _, level, _ = judged(interview["breadth.gradient_descent.learning_rate.good1"])
    assert max(level.values()) <= 3


def test_the_interview_set_records_the_good_answer_without_its_main_point():
    # The premise of the test above: the writer left a heaviest point out.
    lines = (DATA / "interview_answers.jsonl").read_text().splitlines()
    good = [json.loads(x) for x in lines if "learning_rate.good1" in x]
    assert good and "schedule" not in good[0]["answer"].lower()


def test_a_story_is_judged_by_the_key_points_it_shows_more_than_by_their_words(
    interview, monkeypatch
):
    # A lower-case story of a spam filter that failed: it states 3 of 6 key points in its
    # own words and uses 3% of their terms ("rollback", "fallback", "mitigated"...). Its
    # covered points lend it their terms (spread.told: 78.9 -> 85.0), and lent so it reads
    # 85.0 under either weighting (84.5 as breadth): the weights are measured without it.
    monkeypatch.setattr(spread, "STORY_LEND", 0.0)
    item = interview["behavioral.failure.model_failed_in_production.excellent2"]
    request = Requests()(item)
    story = OfflineJudge().score_now(request).percent(request.rubric)
    monkeypatch.setattr(offline, "STORY_QUALITY_WEIGHTS", offline.QUALITY_WEIGHTS)
    as_breadth = OfflineJudge().score_now(request).percent(request.rubric)
    assert story is not None and as_breadth is not None
    assert story > as_breadth + 2


@pytest.mark.parametrize(
    "sentence",
    [
        "A random split would have mixed the same customers' later months into training.",
        "We tried TF-IDF with logistic regression first.",
        "If we'd had a 10 ms budget, the linear model was the right call.",
    ],
)
def test_an_alternative_weighed_by_what_it_would_have_done_is_read(sentence):
    assert signals.COUNTERFACTUAL.search(sentence)


def test_a_deep_dive_that_weighs_the_split_it_did_not_use_shows_a_choice(interview, monkeypatch):
    # "A random split would have mixed the same customers' later months into training
    # ..., which inflated AUC by about six points when I tried it."
    item = interview["deep_dive.data.leakage_and_splits.excellent1"]
    _, level, why = judged(item)
    assert level["tradeoffs"] >= 2, why["tradeoffs"]
    monkeypatch.setattr(levels, "COUNTERFACTUALS", False)
    _, level, _ = judged(item)
    assert level["tradeoffs"] == 1


@pytest.mark.parametrize(
    ("sentence", "pattern"),
    [
        ("I'd try values like 0.1, 0.01 and 0.001.", "EXAMPLE"),
        ("Replace the whole entry with a new dict instead.", "TRADEOFF"),
        ("It ignores true negatives, which is handy when most are negative.", "TRADEOFF"),
        ("Both configs now show 0.01.", "CONCRETE"),
    ],
)
def test_examples_values_and_alternatives_said_plainly_are_read(sentence, pattern):
    assert getattr(signals, pattern).search(sentence)


def test_a_vague_story_that_brushes_a_light_key_point_is_not_told_well(monkeypatch):
    # "I make mistakes like everyone... I handled it well and in the end it worked out":
    # it brushes "describes the mistake" (weight 1 of 11) and says nothing else asked for.
    items, _ = read_dataset(DATA / "marker_answers.jsonl", io.StringIO())
    story = next(i for i in items if i.id.endswith("own_mistake.markers_vague"))
    _, level, _ = judged(story)
    assert level["star"] == level["ownership"] == 1
    monkeypatch.setattr(levels, "STORY_FLOOR_BY_QUALITY", False)
    # A short story with no quantity is also read at a general answer's credit
    # (general_story.py); with that reading off too, the floor is what holds it.
    monkeypatch.setattr(general_story, "STORY_WORDS", 0)
    _, level, _ = judged(story)
    assert level["star"] >= 2
