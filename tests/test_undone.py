"""A story's key point said not done in another form of its word (undone.py), and a
verdict set off by a comma alone (open_choices.py)."""

import pytest

from interviewer.domain.question import KeyPoint
from interviewer.judge import clauses, undone
from interviewer.judge.offline import _clean

QUESTION = "Describe a time you had to present results that were uncertain to stakeholders."
POINT = KeyPoint(
    id="clear_recommendation",
    text="Still gave a clear recommendation and what would change it.",
    weight=3,
)
RESULT = KeyPoint(id="result", text="States what was decided and what happened after.", weight=2)


def _read(text: str) -> clauses.Reading:
    parts, _, _ = _clean(text)
    return clauses.read(parts)


def _undone(text: str) -> list[str]:
    found = undone.said_undone([POINT, RESULT], QUESTION, _read(text).asserted())
    return [kp.id for kp, _ in found]


def test_forms_of_one_word():
    assert undone._forms_of("recommend", "recommendation")
    assert undone._forms_of("likely", "likelihood")
    assert not undone._forms_of("decimal", "decided")
    assert not undone._forms_of("state", "statistics")


def test_a_denied_action_in_another_form_is_the_point_not_done():
    assert _undone("I said the data was inconclusive, so I didn't recommend anything.") == [
        "clear_recommendation"
    ]


def test_the_action_said_done_is_not():
    assert _undone("I recommended launching to half the markets first.") == []


def test_a_condition_supposes_it_does_not_tell():
    assert _undone("If we did not recommend a launch, the team would wait a quarter.") == []


def test_the_rubric_s_own_framing_words_are_not_the_point():
    # "States what was decided": "states" describes the point; the question's words
    # ("results") name the topic.
    assert "state" not in undone.own_words(RESULT, QUESTION)
    assert "results" not in undone.own_words(RESULT, QUESTION)
    assert "decided" in undone.own_words(RESULT, QUESTION)


@pytest.mark.parametrize(
    "text",
    [
        "Replace the head with a new one, or keep the old classifier, both work.",
        "Use a lower rate for the pretrained layers, or the same high rate, either is standard.",
        "You return NotImplemented or raise NotImplementedError, either is correct.",
    ],
)
def test_a_verdict_after_a_comma_leaves_the_sides_open(text):
    assert all(not c.asserted for c in _read(text).clauses)


@pytest.mark.parametrize(
    "text",
    [
        "Use L1 or L2, both shrink the weights.",  # says something of both: a claim
        "Impute the mean or the median, either is fine.",  # options offered in one phrase
        "You can use Gini or entropy, both work.",
        "Bagging trains in parallel and boosting in sequence, both work.",  # no alternatives
    ],
)
def test_a_comma_verdict_that_is_a_claim_is_read_as_one(text):
    assert all(c.asserted for c in _read(text).clauses)
