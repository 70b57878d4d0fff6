"""Everyday words for technical terms of general scope (lexicon `concepts`, everyday5
lane): a unit that states a key point in them covers more of it, in its own polarity."""

from interviewer.domain.question import KeyPoint
from interviewer.judge import matching
from interviewer.judge.clauses import marked_sequence, marked_terms
from interviewer.judge.concepts import concept, concepts_of
from interviewer.judge.matching import key_point_coverage
from interviewer.judge.text import NEGATED, term


def named(text: str) -> frozenset[str]:
    return concepts_of(frozenset(marked_terms(text)), marked_sequence(text))


def test_general_everyday_words_name_the_concepts_of_recurring_terms():
    for technical, plain in [
        ("rate", "Count how often users click on it."),
        ("recall", "The screen should catch nearly every sick person."),
        ("latency", "Watch how fast it answers."),
        ("serving", "The live system computes the inputs again."),
        ("policy", "The player's rulebook says which move to make."),
        ("confidence", "Run it until you are sure how certain the result is."),
        ("log", "Write down the inputs next to every prediction."),
        ("distribution", "Compare the histogram of each column with last month's."),
        ("cost", "It is expensive to label."),
    ]:
        name = concept(term(technical))
        assert name is not None and name in named(plain), technical


def test_a_denied_everyday_word_names_the_denied_concept():
    recall = concept(term("recall"))
    assert recall is not None
    assert NEGATED + recall in named("It does not catch the rare cases.")
    assert recall not in named("It does not catch the rare cases.")


SCREENING = KeyPoint(
    id="screening_recall",
    text="Disease screening favours recall, because a missed case is costly.",
    weight=3,
)


def test_a_point_said_in_general_everyday_words_is_covered(monkeypatch):
    said = "For the disease screening I want to catch every sick person: a missed one is costly."
    with_concepts = key_point_coverage(said, [SCREENING])["screening_recall"]
    monkeypatch.setattr(matching, "CONCEPT_MATCH", 0.0)
    without = key_point_coverage(said, [SCREENING])["screening_recall"]
    assert without < with_concepts
