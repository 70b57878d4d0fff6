"""A clause that denies one of a key point's own claims (its main verb denied, the same
subject) keeps the point from being covered by the answer's other clauses, unless another
clause affirms that claim: "at inference dropout is not turned off, so the full network
runs deterministically" gets the point wrong, whatever its second clause says."""

from interviewer.judge import claims, clauses
from interviewer.judge.matching import question_terms
from interviewer.judge.text import sentences
from tests.answer_sets import judged_on

DROPOUT = "breadth.regularization.dropout_mechanics"
TUPLES = "python.mutability.list_vs_tuple"
POINT = "At inference dropout is turned off and the full network is used deterministically."
TRAINING = (
    "During training each unit is zeroed independently with probability p on every forward "
    "pass, so every mini-batch sees a different thinned network."
)


def _clause(text: str, question: str = "") -> clauses.Clause:
    return clauses.claims(clauses.read(sentences(text), question).clauses)[0]


def _denied(said: str, point: str, question: str = "") -> int:
    """How many of the point's claims the first clause of `said` denies."""
    asked = question_terms(question)
    terms = claims.clause_terms(_clause(said, question), asked, question)
    return len(claims.denied_claims(terms, point, question, asked))


def test_a_negator_on_the_main_verb_denies_the_clause_s_claim():
    assert clauses.denies_its_verb(_clause("Every object does not keep a count of references."))
    assert clauses.denies_its_verb(_clause("The scheduler never lowers the rate."))


def test_a_negator_in_a_clause_hung_on_a_noun_or_standing_for_a_thing_denies_no_claim():
    hung = "We compare against a holdout group that does not get the discount."
    assert not clauses.denies_its_verb(_clause(hung))
    assert not clauses.denies_its_verb(_clause("Each node has no more than two children."))
    assert not clauses.denies_its_verb(_clause("Indexing with x[:, None] gives a new axis."))


def test_a_clause_denies_the_point_s_claim_it_says_with_its_verb_denied():
    assert _denied("At inference dropout is not turned off.", POINT) == 1
    assert _denied("At inference dropout is turned off.", POINT) == 0


def test_denying_another_claim_or_another_subject_denies_nothing_of_the_point():
    # The right alternative's contrast: it denies something the point does not say.
    assert _denied("Dropout is not used at inference.", POINT) == 0
    tuples = "A tuple whose elements are all hashable is itself hashable."
    assert _denied("A list is not hashable.", tuples) == 0
    assert _denied("A tuple of hashable elements is not hashable.", tuples) == 1


def test_a_denial_that_agrees_with_what_the_point_says_is_not_so_is_no_denial():
    point = (
        "Half precision trains without the loss scaling that older formats need to avoid underflow."
    )
    assert _denied("Half precision does not need loss scaling to avoid underflow.", point) == 0
    point = "Unreported takeovers sit among the negatives."
    assert _denied("Takeovers are never reported and sit among the negatives.", point) == 0


def test_a_denied_claim_in_a_sentence_that_restates_the_rest_is_named_wrong():
    result, _ = judged_on(
        DROPOUT,
        f"{TRAINING} At inference dropout is not turned off, so the full network "
        "runs deterministically.",
    )
    assert "inference_time" not in result.covered_key_points
    named = [m for m in result.misconceptions if m.key_point_id == "inference_time"]
    assert named and "not turned off" in named[0].quote


def test_the_same_sentence_affirmed_keeps_its_point():
    result, _ = judged_on(
        DROPOUT,
        f"{TRAINING} At inference dropout is turned off, so the full network runs "
        "deterministically.",
    )
    assert "inference_time" in result.covered_key_points
    assert not result.misconceptions


def test_a_contrast_with_the_right_alternative_keeps_its_point():
    result, _ = judged_on(
        DROPOUT,
        f"{TRAINING} Dropout is not applied at inference; the full network is used, "
        "deterministically.",
    )
    assert "inference_time" in result.covered_key_points
    assert not any(m.key_point_id == "inference_time" for m in result.misconceptions)


def test_a_negative_key_point_said_with_its_negator_is_covered():
    result, _ = judged_on(
        TUPLES,
        "A tuple cannot be resized and its slots cannot be reassigned once it exists, "
        "while a list can be changed in place with append, assignment or remove.",
    )
    assert "mutable_vs_immutable" in result.covered_key_points
    assert not result.misconceptions


def test_a_denial_the_point_makes_itself_is_no_denial_of_it():
    # The point's "and do not stop early" reads, by its terms, as not negated: the answer
    # that says the same is right, not the point the wrong way round.
    point = (
        "Run for the planned sample size and whole weeks to cover weekly cycles, and do not "
        "stop early when the result first looks significant."
    )
    assert _denied("We run it for two full weeks and never stop early.", point) == 0
    assert _denied("Run for whole weeks, and do not stop early.", point) == 0
    result, _ = judged_on(
        "breadth.statistics.ab_test_design", "We run it for two full weeks and never stop early."
    )
    assert "fixed_duration" in result.covered_key_points
    assert not result.misconceptions
