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
    assert undone._forms_of("defined", "define")
    assert not undone._forms_of("checked", "checklist")
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


def test_a_failure_story_that_owns_a_check_it_never_ran_is_not_the_check_undone():
    prevention = KeyPoint(
        id="prevention",
        text="Puts a lasting prevention in place (test, monitor, checklist, process change).",
        weight=2,
    )
    text = "That was my mistake, I never checked the labels by source."
    assert (
        undone.said_undone([prevention], "Tell me about a failure.", _read(text).asserted()) == []
    )


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


LABEL = KeyPoint(
    id="alternative_framings",
    text="Names at least one alternative framing (a different label window) and why it lost.",
    weight=2,
)


@pytest.mark.parametrize(
    "text",
    [
        # A denial of something else than the speaker's action: a label's definition.
        "Anything not disputed in that window counted as fine.",
        # The speaker's denial reaches the point's word, but not as the action denied.
        "I didn't have a label window for the first month, so I built one.",
    ],
)
def test_a_denial_that_is_not_the_speaker_s_action_is_not_the_point_undone(text):
    assert (
        undone.said_undone([LABEL], "What framings did you consider?", _read(text).asserted()) == []
    )
