"""A cue phrase said in a clause that only names its point's topic - a vague word ("some",
"a few", "things", "trade-offs") and nothing specific besides - does not cover the point
(matching._named_only); a clause with a word of its own, or a bare cue with no vague word,
still does."""

import pytest

from interviewer.domain.question import KeyPoint
from interviewer.judge import matching
from interviewer.judge.matching import match_key_points
from tests.readings import sentence_terms

VIOLATION = KeyPoint(
    id="violation_found",
    text="Names an assumption that was violated in this data and the evidence for it.",
    weight=3,
    cues=["violated", "did not hold", "correlated samples", "heavy tails"],
)
REMEDY = KeyPoint(
    id="remedy",
    text="Describes how the violation was handled (a different model, a correction).",
    weight=2,
    cues=["corrected", "robust"],
)
OVERSIGHT = KeyPoint(
    id="human_oversight",
    text="Keep people in charge of consequential decisions; candidates can contest outcomes.",
    weight=2,
    cues=["human oversight", "human in the loop"],
)
DOCUMENTATION = KeyPoint(
    id="documentation",
    text="Document intended use, training data and limits in a model card.",
    weight=2,
    cues=["model card"],
)
QUESTION = "Which assumptions did the central method of your project make about the data?"


def _coverage(text: str, points: list[KeyPoint], question: str = QUESTION) -> float:
    return match_key_points(sentence_terms(text), points, question)[0].coverage


@pytest.mark.parametrize(
    "text",
    [
        "In our project a few of them didn't hold perfectly.",
        "Some of those assumptions did not hold, which is normal.",
        "Various things were violated in the end.",
    ],
)
def test_a_cue_in_a_clause_that_names_no_assumption_does_not_cover(text):
    assert _coverage(text, [VIOLATION, REMEDY]) < matching.COVERED_AT


@pytest.mark.parametrize(
    "text",
    [
        # A word of its own: the assumption named.
        "Independence did not hold: some samples were correlated in time.",
        # No vague word: the cue is the claim.
        "The equal-variance assumption was violated.",
        "It did not hold for our sensor data.",
    ],
)
def test_a_cue_said_of_something_specific_still_covers(text):
    assert _coverage(text, [VIOLATION, REMEDY]) >= matching.COVERED_AT


def test_another_points_topic_beside_the_cue_says_nothing_of_this_one():
    vague = "It makes sense to have some human oversight and some documentation."
    assert _coverage(vague, [OVERSIGHT, DOCUMENTATION], "Deploy it responsibly.") < (
        matching.COVERED_AT
    )
    specific = "Some human oversight: recruiters decide, and candidates can contest outcomes."
    assert _coverage(specific, [OVERSIGHT, DOCUMENTATION], "Deploy it responsibly.") >= (
        matching.COVERED_AT
    )


def test_off_the_cue_counts_as_before(monkeypatch):
    text = "In our project a few of them didn't hold perfectly."
    monkeypatch.setattr(matching, "NAMED_ONLY", False)
    assert _coverage(text, [VIOLATION, REMEDY]) >= matching.COVERED_AT


def test_the_vague_and_empty_words_are_content():
    vague, empty = matching._vague_and_empty()
    assert {"some", "few", "things"} <= vague and "many" not in vague
    assert "have" in empty and "perfect" in empty


@pytest.mark.parametrize(
    "text",
    [
        # A figure is a quantity, whatever surrounds it.
        "It was something like 80/10/10 in the end.",
        # "how many" asks a number; it is not a vague quantity.
        "What matters is how many of them did not hold.",
        # The cue's own word: "several restarts" says the cue "many restarts".
        "Use several restarts.",
    ],
)
def test_figures_and_counts_are_not_vague(text):
    sizes = KeyPoint(
        id="sizes",
        text="Sizes depend on the amount of data, around 80/10/10 for modest datasets.",
        cues=["80/10/10", "did not hold", "many restarts"],
    )
    assert _coverage(text, [sizes, REMEDY]) >= matching.COVERED_AT
