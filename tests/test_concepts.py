"""Concepts: a clause that says a key point's words in everyday words states more of it,
in its own polarity, and concepts never make a wrong answer right."""

from interviewer.domain.question import KeyPoint
from interviewer.judge import concepts, matching
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


TOO_HIGH = KeyPoint(
    id="too_high",
    text="Too high a learning rate overshoots the minimum, so the loss oscillates or diverges.",
    weight=3,
)


def test_a_key_points_phrase_said_in_other_words_states_each_of_its_words(monkeypatch):
    # "step size" names the concept of the key point's "learning rate": both its words.
    said = "If the step size is too high, each update overshoots the lowest point."
    with_phrases = key_point_coverage(said, [TOO_HIGH])["too_high"]
    concepts.term_concepts.cache_clear()
    monkeypatch.setattr(concepts, "phrase_concepts", lambda text: {})
    try:
        without = key_point_coverage(said, [TOO_HIGH])["too_high"]
    finally:
        concepts.term_concepts.cache_clear()  # what was read without phrases is forgotten
    assert without < matching.COVERED_AT <= with_phrases


def test_a_key_points_phrase_keeps_its_polarity():
    point = KeyPoint(id="alarms", text="The filter raises many false positives.", weight=2)
    affirmed = key_point_coverage("The filter raises lots of false alarms.", [point])
    denied = key_point_coverage("The filter raises no false alarms at all.", [point])
    assert denied["alarms"] < matching.COVERED_AT <= affirmed["alarms"]


def test_phrase_concepts_name_the_terms_of_the_phrase_only():
    found = concepts.phrase_concepts(TOO_HIGH.text)
    assert found[term("learning")] == found[term("rate")]
    assert term("overshoots") not in found or found[term("overshoots")] != found[term("rate")]


def test_articles_and_possessives_do_not_tell_concept_phrases_apart():
    order = concept(term("monotone"))
    assert order is not None
    # The lexicon says "keep the order": "keeps their order" says the same.
    assert order in named("Any function that keeps their order leaves it alone.")
    assert order in named("Any function that keeps the order leaves it alone.")
    # ... in the phrase's own polarity: a denied phrase names a denied concept.
    assert NEGATED + order in named("A log does not keep their order here.")


def test_everyday_words_of_recurring_breadth_terms_name_their_concepts():
    for technical, said in (
        ("compute", "For every point you work out how likely each group is."),
        ("unbiased", "It is right on average, but very noisy from run to run."),
        ("ignore", "AUC does not care whether the numbers are probabilities."),
        ("ascent", "You climb uphill on the average total reward."),
    ):
        c = concept(term(technical))
        assert c is not None and c in named(said), (technical, said)


def test_a_negative_word_is_said_by_not_and_its_root_and_back():
    from interviewer.judge.matching import term_match

    said = frozenset(
        marked_terms(
            "The estimate is not biased, the method is not practical here, "
            "and the baseline does not depend on the action."
        )
    )
    for word in ("unbiased", "impractical", "independent"):
        assert term_match(term(word), said) >= 0.85, word
    negative = frozenset(marked_terms("It is unbiased, and independent of the action."))
    assert term_match(NEGATED + term("biased"), negative) == 1.0
    assert term_match(NEGATED + term("depend"), negative) == 1.0
    # Only a denied root says a negative word ("biased" is not "unbiased"), and a short
    # root is no root ("input" is not "not put").
    assert term_match(term("unbiased"), frozenset(marked_terms("It is biased."))) == 0.0
    assert term_match(term("input"), frozenset(marked_terms("Do not put it there."))) == 0.0


# Everyday words for terms that recur across the bank's key points (everyday4 lane).
VALUE_FUNCTION = KeyPoint(
    id="value_function",
    text="The value function gives the expected reward from each state under the policy.",
    weight=2,
)
VALUE_PLAIN = (
    "For every situation it tells you the payoff you can expect if you keep following the policy."
)


def test_everyday_words_for_recurring_terms_name_their_concepts():
    for technical, plain in [
        ("state", "It depends only on the situation you are in now."),
        ("reward", "The payoff arrives at the end of the game."),
        ("document", "Keep the articles in a searchable store."),
        ("passage", "Hand the model the few most relevant paragraphs."),
        ("retrieval", "It looks up the relevant text first."),
    ]:
        name = concept(term(technical))
        assert name is not None and name in named(plain), technical


def test_a_point_said_in_everyday_reinforcement_learning_words_is_covered(monkeypatch):
    with_concepts = key_point_coverage(VALUE_PLAIN, [VALUE_FUNCTION])["value_function"]
    monkeypatch.setattr(matching, "CONCEPT_MATCH", 0.0)
    without = key_point_coverage(VALUE_PLAIN, [VALUE_FUNCTION])["value_function"]
    assert without < matching.COVERED_AT <= with_concepts


def test_denied_everyday_words_name_denied_concepts():
    reward = concept(term("reward"))
    assert reward is not None
    assert NEGATED + reward in named("There is no payoff until the game ends.")
    assert reward not in named("There is no payoff until the game ends.")
