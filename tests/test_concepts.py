"""Concepts: a clause that says a key point's words in everyday words states more of it,
in its own polarity, and concepts never make a wrong answer right."""

from interviewer.domain.question import KeyPoint
from interviewer.judge import matching
from interviewer.judge.clauses import marked_sequence, marked_terms
from interviewer.judge.concepts import concept, concepts_of
from interviewer.judge.lexicon import lexicon
from interviewer.judge.matching import key_point_coverage
from interviewer.judge.text import NEGATED, term, words

EARLY_STOPPING = KeyPoint(
    id="monitor_validation",
    text="Track a validation metric during training and stop when it has not improved "
    "for a set number of evaluations, the patience.",
    weight=3,
)
PLAIN = (
    "While it trains I keep an eye on the score on data kept aside, and I stop once that "
    "score has not got better for a few checks in a row."
)


def named(text: str) -> frozenset[str]:
    return concepts_of(frozenset(marked_terms(text)), marked_sequence(text))


def test_everyday_words_and_phrases_name_the_concept_of_a_term():
    assert concept(term("validation")) is not None
    assert concept(term("validation")) in named("I check it on data kept aside.")
    assert concept(term("centroid")) in named("Move each centre to the middle of its points.")


def test_a_denied_word_or_phrase_names_a_denied_concept():
    plain = concept(term("validation"))
    assert plain is not None
    assert NEGATED + plain in named("We had no held-out data at all.")
    assert plain not in named("We had no held-out data at all.")


def test_a_key_point_said_in_everyday_words_is_covered_through_its_concepts(monkeypatch):
    with_concepts = key_point_coverage(PLAIN, [EARLY_STOPPING])["monitor_validation"]
    monkeypatch.setattr(matching, "CONCEPT_MATCH", 0.0)
    without = key_point_coverage(PLAIN, [EARLY_STOPPING])["monitor_validation"]
    assert without < matching.COVERED_AT <= with_concepts


def test_concepts_do_not_cover_a_point_for_unrelated_words():
    said = "I kept the receipts aside and checked the score of the football match."
    assert key_point_coverage(said, [EARLY_STOPPING])["monitor_validation"] < matching.COVERED_AT


def test_each_word_names_one_concept_at_most():
    seen: dict[str, int] = {}
    clashes = []
    for i, group in enumerate(lexicon().concepts):
        for entry in group:
            key = " ".join(term(w) for w in words(entry))
            if seen.setdefault(key, i) != i:
                clashes.append(f"{entry!r} in groups {seen[key]} and {i}")
    assert not clashes, clashes


def test_every_concept_entry_is_read():
    # An entry made only of stopwords would name nothing and silently do nothing.
    for group in lexicon().concepts:
        for entry in group:
            assert words(entry), entry
