"""Clarifying questions reveal a fact only when they name one of its triggers as a word."""

import pytest

from interviewer.conductor.offline import UNKNOWN_FACT, clarification_reply
from interviewer.content.loader import load_content
from interviewer.domain.question import Clarification

FACT = Clarification(triggers=["use", "over", "rate", "map", "new user"], fact="The fact.")


@pytest.mark.parametrize(
    "message",
    [
        "How many users are there?",
        "What is the overall budget?",
        "How accurate does it need to be?",
        "Is there a product roadmap?",
        "Is the news feed new?",
    ],
)
def test_part_of_a_word_does_not_fire_a_trigger(message):
    assert not FACT.asked_in(message)


@pytest.mark.parametrize(
    "message",
    [
        "What is the use case?",
        "Do estimates that run over cost more?",
        "What's the fraud RATE?",
        "Is there a map of the roads?",
        "What do new users see?",  # a plural of the trigger's last word
        "Is there a map-matching service?",  # hyphens separate words
    ],
)
def test_a_whole_word_or_its_plural_fires_it(message):
    assert FACT.asked_in(message)


def test_a_shipped_fact_is_not_revealed_by_a_longer_word():
    question = load_content().questions["system_design.eta_or_rideshare.trip_eta"]
    assert clarification_reply(question, "What's on the roadmap for next year?") == UNKNOWN_FACT
    assert "routing engine" in clarification_reply(question, "Is there a map service already?")
