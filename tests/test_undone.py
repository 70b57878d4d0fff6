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


CROSS_TEAM = KeyPoint(
    id="case_for_change",
    text="Made the case in each team's own terms - their costs, their incidents, their goals - "
    "with data rather than by asking for a favour.",
    weight=3,
)
ROOT_CAUSE = KeyPoint(
    id="root_cause_owned",
    text="Finds the root cause and owns their part in it without blaming others.",
    weight=3,
    cues=["root cause", "my mistake", "traced it"],
)
RAISED = KeyPoint(
    id="raised_it",
    text="Raised it with the right people even though it could delay the work.",
    weight=2,
    cues=["raised it", "flagged", "escalated"],
)


def _undone_of(points: list[KeyPoint], text: str) -> list[str]:
    found = undone.said_undone(points, "Tell me about a time.", _read(text).asserted())
    return [kp.id for kp, _ in found]


def test_what_the_point_turns_down_is_not_its_own_word():
    # "rather than by asking for a favour": the story that did not ask agrees with it.
    assert "asking" not in undone.own_words(CROSS_TEAM, "Tell me about a time.")
    assert _undone_of([CROSS_TEAM], "I didn't ask for a favour.") == []


@pytest.mark.parametrize(
    "text",
    [
        "I traced the disk to old model files nobody deleted, and wrote a nightly job.",
        "The calls we made to the customers it flagged didn't change whether they left.",
    ],
)
def test_a_negator_that_is_not_the_speaker_s_leaves_nothing_undone(text):
    assert _undone_of([ROOT_CAUSE, RAISED, CROSS_TEAM], text) == []


def test_a_denial_that_says_the_point_s_cue_is_the_point_undone():
    assert _undone_of([ROOT_CAUSE], "I also didn't look for the root cause myself.") == [
        "root_cause_owned"
    ]


def test_a_decision_not_to_act_is_the_action_undone():
    assert _undone_of([RAISED], "I also decided not to escalate it.") == ["raised_it"]


def test_a_denial_reaches_no_further_than_its_phrase():
    # What follows the comma is another phrase, not what was not done.
    text = "For the ones I couldn't take, I traced the root cause with each person."
    assert _undone_of([ROOT_CAUSE], text) == []
