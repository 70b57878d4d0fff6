"""Key points that ask for a kind of content (figures before and after, a cost accepted,
how a problem was found) are read for that kind, whatever words the answer uses."""

import pytest

from interviewer.commands.calibrate import Bank
from interviewer.domain.judging import JudgeRequest
from interviewer.domain.question import KeyPoint
from interviewer.judge import asks
from interviewer.judge.offline import OfflineJudge
from interviewer.judge.text import sentences
from tests.answer_sets import request_for

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
        ("The labelling tool and the nightly export were mine.", ("owned",), 1),
        ("I set up the nightly export myself.", ("owned",), 1),
        ("We had a nightly export.", ("owned",), 0),
        ("I argued for the smaller model because it fit on one machine.", ("decided",), 1),
        ("The smaller model was used.", ("decided",), 0),
        ("We were six: two of us on data, three engineers and a manager.", ("team",), 1),
        ("My lead went with the plan once he saw the cost figures.", ("agreement",), 1),
        ("The plan was written down.", ("agreement",), 0),
        ("Logging the inputs from day one would have cut a month.", ("would_have",), 1),
        ("On the pricing model I built next, that check came first.", ("since",), 1),
        ("Live accuracy fell from 91% to 78% in the first week.", ("happened",), 1),
        ("It fell from 91% to 78%.", ("figures", "change"), 2),
        ("I also tried predicting the days late directly.", ("alternative",), 1),
        ("I never considered other framings.", ("alternative",), 0),
        ("Anything above 0.6 got an automatic reminder.", ("acted_on",), 1),
        ("The model gave a probability.", ("acted_on",), 0),
        ("Accuracy is an important number.", ("happened",), 0),
    ],
)
def test_a_sentence_supplies_a_kind_in_its_own_words(text, kinds, count):
    assert asks.supplied(text, kinds) == count


def _request(answer: str, question_id: str = "deep_dive.production.scaling") -> JudgeRequest:
    bank = Bank()
    question = bank.question(question_id)
    assert question is not None
    rubric = bank.rubric(question)
    assert rubric is not None
    return request_for(question, rubric, answer)


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


@pytest.mark.parametrize(
    ("question_id", "kinds"),
    [
        ("deep_dive.contribution.own_part", {"owned", "decided", "team", "agreement"}),
        ("deep_dive.retrospective.do_differently", {"happened", "would_have", "since"}),
        ("deep_dive.problem.framing_as_ml", {"alternative", "acted_on"}),
    ],
)
def test_a_deep_dive_s_story_points_ask_for_what_the_story_shows(question_id, kinds):
    question = Bank().question(question_id)
    assert question is not None
    asked = {k for kp in question.key_points for k in asks.asked_kinds(kp.text)}
    assert asked == kinds


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


def test_an_answer_that_names_the_topic_has_its_kinds_read_without_a_point_of_fact():
    start = [asks.KeyPointMatch(kp.id, 0.0, None) for kp in (FOUND, SCALE, PRICE, FACT)]
    points = [FOUND, SCALE, PRICE, FACT]
    named = asks.TOPIC_TERMS
    matches, raised = asks.credit(points, sentences(ON_TOPIC), start, "", named)
    assert set(raised) == {FOUND.id, SCALE.id, PRICE.id}
    assert matches[3].coverage == 0.0  # the point of fact is still not stated
    fewer, none = asks.credit(points, sentences(ON_TOPIC), start, "", named - 1)
    assert fewer == start and none == {}


def test_kinds_are_not_read_when_switched_off(monkeypatch):
    monkeypatch.setattr(asks, "ASKED_SHARE", 0.0)
    start = [asks.KeyPointMatch(SCALE.id, 0.0, None), asks.KeyPointMatch(FACT.id, 0.9, None)]
    matches, _ = asks.credit([SCALE, FACT], sentences(ON_TOPIC), start, "")
    assert matches == start


def test_a_broken_asks_file_is_named_in_the_error(monkeypatch, tmp_path):
    broken = tmp_path / "asks.yaml"
    broken.write_text("kinds: {figures: {point: [in numbers], said: ['(']}}\npieces: {}\n")
    monkeypatch.setattr(asks, "ASKS_PATH", broken)
    asks._read.cache_clear()
    asks._asks.cache_clear()
    try:
        with pytest.raises(ValueError, match=r"asks\.yaml: kinds\.figures\.said"):
            asks._asks()
    finally:
        asks._read.cache_clear()
        asks._asks.cache_clear()
        asks._said.cache_clear()
        asks.asked_kinds.cache_clear()


def _own_part(answer: str) -> JudgeRequest:
    return _request(answer, "deep_dive.contribution.own_part")


PLAIN_OWN_PART = (
    "We were four on the pricing project: two analysts, an engineer and me. "
    "The demand model, the code that cleaned the order history and the nightly refresh "
    "were mine; the engineer put the model behind the checkout page and owned its uptime. "
    "I argued for one model per region instead of a single global one, because regions "
    "priced so differently that the global model was 6 points worse on the biggest ones. "
    "I also chose to test on the last two months rather than a random sample of orders. "
    "My manager wanted the global model, since it was one thing to maintain, so I wrote up "
    "the error per region and walked him through it; he went with the regional models "
    "once he saw the figures for the three biggest regions."
)
PLAIN_ELSEWHERE = (
    "Outside the project I ran our reading group: we covered 20 papers in a year. "
    "I set up the schedule and the notes site myself. "
    "Attendance went from 5 to 30 people, and my manager agreed to fund a yearly trip."
)


def test_a_plain_story_of_the_candidate_s_own_part_is_not_read_as_off_topic():
    judge = OfflineJudge()
    result = judge.score_now(_own_part(PLAIN_OWN_PART))
    assert {"owned_components", "own_decisions", "team_context"} <= set(result.covered_key_points)
    # A story about something else names next to none of the question's terms: its "I set
    # up" and its figures say nothing of this question ("agreed to" is a cue of its own).
    elsewhere = judge.score_now(_own_part(PLAIN_ELSEWHERE))
    assert not {"owned_components", "own_decisions", "team_context"} & set(
        elsewhere.covered_key_points
    )
    assert all(c.level == 1 for c in elsewhere.criteria)


def test_the_judge_reads_a_plain_scaling_story_for_what_its_points_ask():
    judge = OfflineJudge()
    request = _request(ON_TOPIC)
    result = judge.score_now(request)
    assert {"scale_numbers", "tradeoff_accepted"} <= set(result.covered_key_points)
    elsewhere = judge.score_now(_request(ELSEWHERE))
    assert not elsewhere.covered_key_points


# A story told in the candidate's own words shows it answers its question by what two of
# the question's points ask for as kinds of content (asks.KINDS_SHOW_THE_QUESTION).
IMPACT_STORY = (
    "Complaints about slow replies fell by roughly a third. "
    "We switched it on for half the agents first, picked at random, and compared the two "
    "halves over a month."
)
ANOTHER_STORY = (
    "He wanted a custom feature store and I wanted an open-source one. "
    "We listed our requirements together and scored both designs. "
    "We shipped the hybrid in two months."
)
DENIED_STORY = (
    "Revenue went from 10 million to 11 million that quarter. "
    "We didn't pick anyone at random or keep any stores on the old forecast."
)


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("We switched it on for half the agents first, picked at random.", 1),
        ("Half kept the old list and half got the new one.", 1),
        ("We kept the other site as it was for six weeks.", 1),
        ("We compared the two halves over a month.", 1),
        ("We tested it in 20 shops against 20 similar shops.", 1),
        ("We launched it everywhere on the same day.", 0),
    ],
)
def test_a_controlled_comparison_is_read_in_plain_words(text, count):
    assert asks.supplied(text, ("compared",)) == count


def test_a_denied_comparison_supplies_nothing():
    assert not asks.supplied_undenied("We didn't pick anyone at random.", "compared")
    assert asks.supplied_undenied("We picked half the stores at random.", "compared")


def _impact_points() -> list[KeyPoint]:
    question = Bank().question("behavioral.results.proudest_impact")
    assert question is not None
    return question.key_points


def test_a_story_that_supplies_two_points_kinds_shows_its_question():
    assert asks.shows_the_question(_impact_points(), sentences(IMPACT_STORY), 1.0)


@pytest.mark.parametrize("story", [ANOTHER_STORY, DENIED_STORY])
def test_another_question_s_story_or_denied_kinds_show_nothing(story):
    assert not asks.shows_the_question(_impact_points(), sentences(story), 1.0)


@pytest.mark.parametrize(
    "story",
    [
        "Complaints about slow replies fell by roughly a third.",
        "We switched it on for half the agents first, picked at random.",
    ],
)
def test_one_point_s_kinds_are_not_enough(story):
    assert not asks.shows_the_question(_impact_points(), sentences(story), 1.0)


def test_kinds_any_story_has_do_not_show_the_question():
    # Figures, a change, a price and how it was found: any story's (the team grew).
    points = [FOUND, SCALE, PRICE, FACT]
    assert not asks.shows_the_question(points, sentences(ELSEWHERE), None)


def test_before_and_after_is_read_across_a_clause():
    said = "Before, the wait was about four hours, and afterwards it was about 70 minutes."
    assert asks.supplied(said, ("change",)) == 1


def test_the_gate_can_be_turned_off(monkeypatch):
    monkeypatch.setattr(asks, "KINDS_SHOW_THE_QUESTION", 0)
    assert not asks.shows_the_question(_impact_points(), sentences(IMPACT_STORY), 1.0)
