"""Everyday words for the learning paradigms and other recurring ideas (lexicon `concepts`,
everyday6 lane): a unit that says them names the idea's concept, in its own polarity, and a
key point said in them is covered more than without concepts."""

from interviewer.domain.question import KeyPoint
from interviewer.judge import matching
from interviewer.judge.clauses import marked_sequence, marked_terms
from interviewer.judge.concepts import concept, concepts_of
from interviewer.judge.matching import key_point_coverage
from interviewer.judge.text import NEGATED, term


def named(text: str) -> frozenset[str]:
    return concepts_of(frozenset(marked_terms(text)), marked_sequence(text))


def test_everyday_words_name_the_concepts_of_recurring_ideas():
    for technical, plain in [
        ("supervised", "We learn from examples whose outcome we already know."),
        ("unsupervised", "Nobody has told us what the groups are."),
        ("reinforcement", "It is learning by doing, for points or penalties."),
        ("agent", "The player chooses a move."),
        ("reward", "Each move earns points."),
        ("classification", "Decide which category each email belongs to."),
        ("session", "Recommend from the clicks of this visit."),
        ("patch", "Chop the picture into tiles."),
        ("rollback", "If an alarm goes off we switch back."),
        ("shadow", "It runs silently next to the old one."),
        ("expectation", "The squared miss averaged over training sets."),
        ("multilingual", "A model that read text in many languages."),
        ("gpu", "A copy doubles the graphics card memory it takes."),
        ("prediction", "The model's guess for this input."),
    ]:
        name = concept(term(technical))
        assert name is not None and name in named(plain), technical


def test_a_denied_everyday_phrase_names_the_denied_concept():
    rollback = concept(term("rollback"))
    assert rollback is not None
    said = named("We could not switch back to the old model.")
    assert NEGATED + rollback in said and rollback not in said


def test_generic_phrases_do_not_name_unsupervised():
    # "on its own" was tried and left out: "it can answer new inputs on its own" is said
    # of supervised learning too.
    unsupervised = concept(term("unsupervised"))
    assert unsupervised not in named("Later it can answer for new inputs on its own.")


SEGMENTS = KeyPoint(
    id="segments",
    text="Grouping shoppers with no labels is unsupervised clustering.",
    weight=2,
)


def test_a_point_said_in_everyday_paradigm_words_is_covered(monkeypatch):
    said = "Nobody has told us what the groups of shoppers are, so we find natural groups."
    with_concepts = key_point_coverage(said, [SEGMENTS])["segments"]
    monkeypatch.setattr(matching, "CONCEPT_MATCH", 0.0)
    without = key_point_coverage(said, [SEGMENTS])["segments"]
    assert without < with_concepts
