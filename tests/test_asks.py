"""Key points that ask for a kind of content (figures before and after, a cost accepted,
how a problem was found) are read for that kind, whatever words the answer uses."""

import pytest

from interviewer.commands.calibrate import Bank
from interviewer.domain.judging import JudgeRequest
from interviewer.domain.question import KeyPoint
from interviewer.judge import asks
from interviewer.judge.offline import OfflineJudge
from interviewer.judge.text import sentences

SCALE = KeyPoint(
    id="scale_numbers",
    text="Gives the scale in numbers (data size, requests, training time) before and after.",
)
PRICE = KeyPoint(
    id="tradeoff_accepted",
    text="States the trade-off accepted for the gain (accuracy, freshness, cost, complexity).",
)
FOUND = KeyPoint(
    id="bottleneck_identified",
    text="Names the bottleneck precisely and how it was found (profiling, metrics).",
)
FACT = KeyPoint(id="loss_named", text="Names the loss function precisely (cross-entropy, MSE).")


def test_a_point_of_fact_asks_for_no_kind_of_content():
    assert asks.asked_kinds(FACT.text) == ()


@pytest.mark.parametrize(
    ("point", "kinds"),
    [
        (SCALE, ("figures", "change")),
        (PRICE, ("cost_accepted",)),
        (FOUND, ("found_by",)),
    ],
)
def test_rubric_style_points_ask_for_their_kinds(point, kinds):
    assert asks.asked_kinds(point.text) == kinds


@pytest.mark.parametrize(
    ("text", "kinds", "count"),
    [
        ("A nightly run went from fourteen hours to under two.", ("figures", "change"), 2),
        ("Latency dropped by a third, to 40 ms.", ("figures", "change"), 2),
        ("We moved the feature store to a new cluster.", ("figures", "change"), 0),
        ("The price was an extra day before each model could ship.", ("cost_accepted",), 1),
        ("What we gave up: the copy can be a day behind.", ("cost_accepted",), 1),
        ("We moved the cache closer to the model.", ("cost_accepted",), 0),
        ("Before changing anything I measured where the time went.", ("found_by",), 1),
        ("I watched what the machines did while it ran.", ("found_by",), 1),
        ("The model was big.", ("found_by",), 0),
    ],
)
def test_a_sentence_supplies_a_kind_in_its_own_words(text, kinds, count):
    assert asks.supplied(text, kinds) == count


def _request(answer: str) -> JudgeRequest:
    bank = Bank()
    question = bank.question("deep_dive.production.scaling")
    assert question is not None
    rubric = bank.rubric(question)
    assert rubric is not None
    return JudgeRequest(
        round_kind=question.round,
        question=question.prompt,
        key_points=question.key_points,
        rubric=rubric,
        answer=answer,
    )


ON_TOPIC = (
    "The bottleneck was serving: the ranking model scored every candidate one by one. "
    "I batched the scoring of many candidates into one call on the GPU. "
    "Before changing anything I watched where the time went in each request. "
    "The slowest requests went from about 300 to about 60 milliseconds. "
    "What we gave up: every batch waits up to 5 milliseconds to fill."
)
ELSEWHERE = (
    "Scaling the team was the hardest part. We went from 4 to 15 engineers in a year. "
    "I measured how our meetings grew, from 3 to 11 hours a week. "
    "The price was a slower first month for every new hire."
)


def test_figures_costs_and_measurements_state_the_points_in_an_answer_on_topic():
    matches, raised = asks.credit(
        [FOUND, SCALE, PRICE, FACT],
        sentences(ON_TOPIC),
        [
            asks.KeyPointMatch(kp, c, None)
            for kp, c in [(FOUND.id, 0.0), (SCALE.id, 0.0), (PRICE.id, 0.0), (FACT.id, 0.9)]
        ],
        "What was the biggest scaling problem?",
    )
    assert all(m.coverage >= 0.5 for m in matches)
    assert set(raised) == {FOUND.id, SCALE.id, PRICE.id}
    by_id = {m.key_point_id: m for m in matches}
    assert (
        by_id[SCALE.id].evidence
        == "The slowest requests went from about 300 to about 60 milliseconds."
    )


def test_an_answer_about_something_else_gains_nothing_from_its_figures():
    # It states no point of fact of the question: its figures are about something else.
    start = [asks.KeyPointMatch(kp.id, 0.0, None) for kp in (FOUND, SCALE, PRICE, FACT)]
    matches, raised = asks.credit([FOUND, SCALE, PRICE, FACT], sentences(ELSEWHERE), start, "")
    assert matches == start and raised == {}


def test_kinds_are_not_read_when_switched_off(monkeypatch):
    monkeypatch.setattr(asks, "ASKED_SHARE", 0.0)
    start = [asks.KeyPointMatch(SCALE.id, 0.0, None), asks.KeyPointMatch(FACT.id, 0.9, None)]
    matches, _ = asks.credit([SCALE, FACT], sentences(ON_TOPIC), start, "")
    assert matches == start


def test_a_broken_asks_file_is_named_in_the_error(monkeypatch, tmp_path):
    broken = tmp_path / "asks.yaml"
    broken.write_text("kinds: {figures: {point: [in numbers], said: ['(']}}\npieces: {}\n")
    monkeypatch.setattr(asks, "ASKS_PATH", broken)
    asks._asks.cache_clear()
    try:
        with pytest.raises(ValueError, match=r"asks\.yaml: kinds\.figures\.said"):
            asks._asks()
    finally:
        asks._asks.cache_clear()
        asks._said.cache_clear()
        asks.asked_kinds.cache_clear()


def test_the_judge_reads_a_plain_scaling_story_for_what_its_points_ask():
    judge = OfflineJudge()
    request = _request(ON_TOPIC)
    result = judge.score_now(request)
    assert {"scale_numbers", "tradeoff_accepted"} <= set(result.covered_key_points)
    elsewhere = judge.score_now(_request(ELSEWHERE))
    assert not elsewhere.covered_key_points
