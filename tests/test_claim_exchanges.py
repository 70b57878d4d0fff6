"""Claims said with two of their terms exchanged, one symbol in place of another, or one of
their clauses the other way round: read as the point stated wrong, not as the point."""

from interviewer.judge import claims, clauses
from interviewer.judge.matching import question_terms
from interviewer.judge.text import sentences
from tests.answer_sets import judged_on

DQN = "breadth.rl.deep_q_stability"
PCA = "breadth.dim_reduction.pca_derivation"
OLS = "breadth.regression.ols_assumptions"
BOOSTING = "breadth.hyperparameters.boosting_tuning"


def _terms(text: str) -> tuple[str, ...]:
    reading = clauses.read(sentences(text), "")
    clause = clauses.claims(reading.asserted())[0]
    return claims.clause_terms(clause).sequence


def test_two_terms_exchanged_around_a_word_said_twice_are_read_as_exchanged():
    claim = _terms(
        "double DQN selects the action with the online network and evaluates it with the "
        "target network"
    )
    said = _terms(
        "double DQN selects the action with the target network and evaluates it with the "
        "online network"
    )
    assert claim.count("network") == 2  # the word said twice that hides the exchange
    assert claims._transposed(claim, said)
    # The same words in the same roles are not an exchange.
    assert not claims._transposed(claim, (*claim, "later"))


def test_one_symbol_for_another_the_claim_names_is_read_as_the_other_claim():
    claim = _terms("In X = U Sigma V^T the columns of U are the principal directions")
    right = _terms("With X = U Sigma V^T the columns of V are the principal directions")
    assert claims._transposed(claim, right)
    # An everyday word in a symbol's place is not read so: it may be a paraphrase.
    other = _terms("With X = U Sigma V^T the columns of U are the principal axes")
    assert not claims._transposed(claim, other)


def test_a_right_answer_naming_v_is_not_read_as_the_u_misconception():
    result, _ = judged_on(
        PCA,
        "With the SVD X = U Sigma V^T of the centred data, the columns of V are the principal "
        "directions and the eigenvalues are the squared singular values divided by n - 1.",
    )
    assert "svd_link" in result.covered_key_points
    assert not result.misconceptions


def test_double_dqn_with_the_networks_exchanged_states_the_point_wrong():
    right_text = (
        "The max over noisy estimates is biased upward; double DQN selects the action with "
        "the online network and evaluates it with the target network."
    )
    wrong_text = (
        "The max over noisy estimates is biased upward; double DQN selects the action with "
        "the target network and evaluates it with the online network."
    )
    right, _ = judged_on(DQN, right_text)
    wrong, _ = judged_on(DQN, wrong_text)
    assert "overestimation" in right.covered_key_points
    assert "overestimation" not in wrong.covered_key_points
    assert any(m.key_point_id == "overestimation" for m in wrong.misconceptions)


def test_an_estimate_biased_the_other_way_states_the_point_wrong():
    wrong, _ = judged_on(DQN, "The max over noisy estimates is biased downward.")
    assert any(m.key_point_id == "overestimation" for m in wrong.misconceptions)


def test_a_clause_said_the_other_way_round_does_not_state_the_whole_point():
    prompt = "What assumptions does ordinary least-squares regression rely on?"
    asked = question_terms(prompt)
    point = (
        "Errors are independent of each other; autocorrelated errors in time series or "
        "grouped data usually make the reported standard errors too small."
    )
    reading = clauses.read(
        sentences(
            "autocorrelated errors in time series make the reported standard errors too large"
        ),
        prompt,
    )
    said = claims.clause_terms(clauses.claims(reading.asserted())[0], asked, prompt)
    assert claims.support(said, point, prompt, asked) < claims.COVERED_AT
    result, _ = judged_on(
        OLS,
        "Errors should be independent of each other; autocorrelated errors in time series "
        "make the reported standard errors too large.",
    )
    assert any(m.key_point_id == "independence" for m in result.misconceptions)


def test_worse_for_better_states_the_point_wrong():
    result, _ = judged_on(
        BOOSTING,
        "The learning rate and the number of trees trade off against each other: a smaller "
        "learning rate needs more trees and usually generalises a little worse.",
    )
    assert any(m.key_point_id == "rate_and_rounds" for m in result.misconceptions)
