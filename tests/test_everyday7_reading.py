"""The field's general vocabulary in everyday words (lexicon `concepts`, everyday7 lane): a
unit that says "brings down", "of everything it flags", "at the cost of" names the concept
of "lower", "precision", "trade", in its own polarity, while a direction keeps its side
("raise" never names "lower")."""

from interviewer.judge.clauses import marked_sequence, marked_terms
from interviewer.judge.concepts import concept, concepts_of
from interviewer.judge.text import NEGATED, term


def named(text: str) -> frozenset[str]:
    return concepts_of(frozenset(marked_terms(text)), marked_sequence(text))


def test_everyday_words_name_the_fields_general_terms():
    for technical, plain in [
        ("lower", "Momentum brings down the number of steps."),
        ("lower", "The error goes down with every round."),
        ("increase", "More data pushes up the score."),
        ("maximum", "Divide by the largest curvature."),
        ("avoid", "Capping the update guards against one bad batch."),
        ("chosen", "The features we select on the training part."),
        ("handle", "A second model deals with the rare cases."),
        ("budget", "Each reply may take at most 300 milliseconds."),
        ("constant", "The arrival rate is steady over the window."),
        ("ratio", "One false alarm for every real case."),
        ("candidate", "The challenger has to beat the current model."),
        ("inflate", "Reusing the data exaggerates the score."),
        ("precision", "Of everything it flags, most are false alarms."),
        ("trade", "It saves memory at the cost of more compute."),
        ("randomise", "Users are assigned at random to the two pages."),
        ("uncertainty", "We are unsure how large the effect is."),
        ("sum", "The payoffs add up over the episode."),
        ("recall", "Its sensitivity is 90 percent."),
    ]:
        name = concept(term(technical))
        assert name is not None and name in named(plain), (technical, plain)


def test_a_direction_keeps_its_side():
    lower, increase = concept(term("lower")), concept(term("increase"))
    assert lower is not None and increase is not None and lower != increase
    assert lower not in named("More data pushes up the score.")
    assert increase not in named("Momentum brings down the number of steps.")


def test_a_denied_everyday_word_names_the_denied_concept():
    avoid = concept(term("avoid"))
    assert avoid is not None
    assert NEGATED + avoid in named("Capping the update does not prevent a blow-up.")
    assert avoid not in named("Capping the update does not prevent a blow-up.")


def test_words_left_out_name_nothing_of_the_kind():
    # "people" for "human" lifted a vague answer, "big" for "high" and "learn" for "train"
    # lifted wrong answers' reversed claims (tests/data/README.md, everyday7).
    assert concept(term("people")) is None
    assert concept(term("big")) != concept(term("high")) or concept(term("high")) is None
    assert concept(term("learn")) != concept(term("train")) or concept(term("train")) is None
