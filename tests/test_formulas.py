"""The formula reader: a key point's formula written with a sign, a bound, a number or an
order changed is read as changed; the same formula in other spacing, prose dashes and
hyphenated words are not."""

import pytest

from interviewer.judge import formulas
from tests.answer_sets import judged_on


def _symbols(text: str) -> list[str]:
    return [" ".join(f.symbols) for f in formulas.formulas(text)]


def _changed(answer: str, truth: str) -> bool:
    truths = tuple(f.symbols for f in formulas.formulas(truth))
    return bool(formulas.misread(answer, truths))


def test_formulas_are_runs_of_symbols_joined_by_operators_and_brackets():
    text = "Ridge gives w = z / (1 + lambda), a proportional shrink, and MAP uses p(theta | data)."
    assert _symbols(text) == ["w = z / ( 1 + lambda )", "p ( theta | data )"]


@pytest.mark.parametrize(
    "text",
    [
        "the prior acts like extra heads - the pseudo-counts keep it away from 0",
        "a six ends it - otherwise you are back where you started",
        "pre-experiment covariates and a z-test",
    ],
)
def test_prose_dashes_and_hyphenated_words_are_not_formulas(text):
    assert _symbols(text) == []


@pytest.mark.parametrize(
    ("answer", "truth"),
    [
        ("so w = z / (1 - lambda)", "w = z / (1 + lambda)"),  # sign
        ("exactly zero whenever |z| >= lambda", "exactly zero whenever |z| <= lambda"),  # bound
        ("it leaves dL/dz = y - y_hat", "dL/dz = y_hat - y"),  # sides of a minus
        ("MLE maximises p(theta | data)", "it maximises p(data | theta)"),  # a conditional
        ("theta = var(X) / cov(X, Y)", "theta = cov(X, Y) / var(X)"),  # a ratio
        ("so E = 1 + (1/6) E", "so E = 1 + (5/6) E"),  # a number in an equation
        ("variance shrinks by 1 + rho^2", "shrinks by a factor 1 - rho^2"),
    ],
)
def test_a_formula_with_one_thing_changed_is_read_as_changed(answer, truth):
    assert _changed(answer, truth)


@pytest.mark.parametrize(
    ("answer", "truth"),
    [
        ("so w = z/(1+lambda) for ridge", "w = z / (1 + lambda)"),  # spacing
        ("so z = w.x + b here", "z = b + w.x"),  # a sum in either order
        ("gives p = 0.9 here", "3 heads in 3 flips gives p = 1"),  # a value, not a relation
        ("a 2/3 chance", "switching wins 1/3"),  # numbers without an equation
    ],
)
def test_the_same_formula_or_another_is_not_read_as_changed(answer, truth):
    assert not _changed(answer, truth)


def test_a_sign_error_in_a_key_points_formula_loses_the_point():
    right = (
        "For ridge, minimising 1/2 (w - z)^2 + (lambda/2) w^2 gives w = z / (1 + lambda), "
        "a proportional shrink that is never exactly zero unless z is."
    )
    wrong = right.replace("(1 + lambda)", "(1 - lambda)")
    question = "breadth.regularization.lasso_soft_threshold"
    right_result, right_percent = judged_on(question, right)
    wrong_result, wrong_percent = judged_on(question, wrong)
    assert "ridge_solution" in right_result.covered_key_points
    assert "ridge_solution" not in wrong_result.covered_key_points
    assert any(m.key_point_id == "ridge_solution" for m in wrong_result.misconceptions)
    assert right_percent is not None and wrong_percent is not None
    assert wrong_percent < right_percent


def test_a_formula_another_key_point_states_is_not_held_against_a_point():
    # p(theta | data) is MAP's point; an answer that writes it is not reversing MLE's.
    answer = (
        "MAP maximises the posterior p(theta | data), proportional to p(data | theta) p(theta), "
        "the log-likelihood plus the log-prior, so it adds prior beliefs."
    )
    result, _ = judged_on("breadth.statistics.mle_vs_map", answer)
    assert not any(m.key_point_id == "mle" for m in result.misconceptions)
