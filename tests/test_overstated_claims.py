"""Claims that say more than the key point: an absolute ("always", "whatever the learning
rate", "guaranteed") where the point holds only sometimes or under a condition, and what
the point turns down ("rather than waiting for the full return") said as the way it works."""

from interviewer.judge import claims, clauses
from interviewer.judge.matching import question_terms
from interviewer.judge.text import sentences
from tests.answer_sets import judged_on

FAIRNESS = "breadth.fairness.fairness_metrics"
Q_LEARNING = "breadth.rl.q_learning"


def _said(text: str, prompt: str = "") -> claims.ClauseTerms:
    reading = clauses.read(sentences(text), prompt)
    clause = clauses.claims(reading.asserted())[0]
    return claims.clause_terms(clause, question_terms(prompt), prompt)


def test_absolutes_and_qualifiers_are_read_from_the_lexicon():
    assert clauses.says_absolute("replay guarantees convergence whatever the learning rate")
    assert clauses.says_absolute("early stopping always prevents overfitting")
    assert not clauses.says_absolute("replay samples past transitions at random")
    assert clauses.says_qualified("a smaller learning rate usually generalises better")
    assert not clauses.says_qualified("the posterior is a Beta distribution")


def _overstates(said: str, point: str) -> bool:
    return claims.overstates(_said(said), point, "", frozenset())


def test_an_absolute_overstates_a_qualified_point_only():
    point = "Demographic parity can force approving people who then default."
    absolute = "Demographic parity always forces approving people who then default"
    assert _overstates(absolute, point)
    assert not _overstates("Demographic parity can force approving people who then default", point)
    # An instruction is advice, not an absolute claim.
    assert not _overstates("Always check that parity can force approving people", point)
    # A point that says no qualifier, or an absolute of its own, is not overstated.
    assert not _overstates(absolute, "Demographic parity forces approving people who then default.")
    assert not _overstates(
        absolute, "Demographic parity can always force approving people who then default."
    )


def test_an_overstated_point_is_named_unless_stated_right_elsewhere():
    right = (
        "For lending, equal opportunity or calibration are common, while demographic parity "
        "can force approving people likely to default or ignore real differences in the labels."
    )
    wrong = right.replace("demographic parity can force", "demographic parity always forces")
    right_result, _ = judged_on(FAIRNESS, right)
    wrong_result, _ = judged_on(FAIRNESS, wrong)
    assert not right_result.misconceptions
    assert any(m.key_point_id == "choice_depends_on_harm" for m in wrong_result.misconceptions)
    # The point stated right in another sentence wins over the overstatement.
    both, _ = judged_on(FAIRNESS, "The choice follows from which error harms whom. " + wrong)
    assert not any(m.key_point_id == "choice_depends_on_harm" for m in both.misconceptions)


def test_saying_what_the_point_turns_down_does_not_count_for_it_by_a_cue():
    prompt = "Explain Q-learning."
    point = (
        "The target uses the current estimate of the next state's value rather than waiting "
        "for the full return, which is bootstrapping."
    )
    wrong = _said(
        "the target waits for the full discounted return at the end of the episode and the "
        "TD error moves the estimate toward it",
        prompt,
    )
    assert claims.affirms_turned_down(wrong, point, prompt, question_terms(prompt))
    right = _said("the target does not wait for the full return; it bootstraps", prompt)
    assert not claims.affirms_turned_down(right, point, prompt, question_terms(prompt))
    result, _ = judged_on(
        Q_LEARNING,
        "The target waits for the full discounted return at the end of the episode, and "
        "alpha times the TD error then moves the estimate toward that return.",
    )
    assert "bootstrapping" not in result.covered_key_points
    result, _ = judged_on(
        Q_LEARNING,
        "The target uses the current estimate of the next state's value rather than waiting "
        "for the full return, which is bootstrapping, and alpha times the TD error moves the "
        "estimate toward it.",
    )
    assert "bootstrapping" in result.covered_key_points
