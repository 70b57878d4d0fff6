"""A key point said with the other alternative of a direction or a role that ML claims turn
on ("the global minimum" for a local one, "holds the GIL" for "releases it", "off-policy"
for "on-policy"), with the alternative the point names only to deny ("a copy, not a view"),
or with two of its terms exchanged, is the point the wrong way round: named, not covered.
Denying the other alternative agrees with the point."""

import pytest

from interviewer.content.loader import Content, load_content
from interviewer.domain.judging import JudgeRequest, JudgeResult
from interviewer.domain.question import KeyPoint, RoundKind
from interviewer.judge.offline import OfflineJudge
from tests.answer_sets import request_for

# (name, question, key point, wrong claim, right claim, the other alternative denied)
CASES = [
    (
        "global or local",
        "Does gradient descent find the best solution of a non-convex loss?",
        "On a non-convex loss, gradient descent can settle in a local minimum of the loss surface.",
        "On a non-convex loss, gradient descent settles in the global minimum of the loss surface.",
        "On a non-convex loss, gradient descent can settle in a local minimum of the loss surface.",
        "On a non-convex loss, gradient descent does not necessarily settle in the global "
        "minimum of the loss surface.",
    ),
    (
        "maximise or minimise",
        "How are the weights of a linear regression fitted?",
        "The fitted weights minimise the sum of squared residuals between predictions and targets.",
        "The fitted weights maximise the sum of squared residuals between predictions and targets.",
        "The fitted weights minimise the sum of squared residuals between predictions and targets.",
        "The fitted weights do not maximise the sum of squared residuals between predictions "
        "and targets.",
    ),
    (
        "on- or off-policy",
        "What kind of method is SARSA?",
        "SARSA is an on-policy method whose target uses the action the agent actually takes next.",
        "SARSA is an off-policy method whose target uses the action the agent actually takes next.",
        "SARSA is an on-policy method whose target uses the action the agent actually takes next.",
        "SARSA is not an off-policy method; its target uses the action the agent actually "
        "takes next.",
    ),
    (
        "releases or holds",
        "Do C extensions block other Python threads?",
        "Extension code releases the GIL while it runs numeric work that touches no Python "
        "objects.",
        "Extension code holds the GIL while it runs numeric work that touches no Python objects.",
        "Extension code releases the GIL while it runs numeric work that touches no Python "
        "objects.",
        "Extension code does not hold the GIL while it runs numeric work that touches no "
        "Python objects.",
    ),
    (
        "steep or flat",
        "Why is gradient descent slow on an ill-conditioned quadratic?",
        "Gradient descent crawls along the flat directions of the elongated loss surface.",
        "Gradient descent crawls along the steep directions of the elongated loss surface.",
        "Gradient descent crawls along the flat directions of the elongated loss surface.",
        "Gradient descent does not crawl along the steep directions of the elongated loss surface.",
    ),
    (
        "positive or negative",
        "You kept a tenth of the negatives. How do you correct the predicted probabilities?",
        "During training, weight each kept negative example by the inverse of its sampling rate.",
        "During training, weight each kept positive example by the inverse of its sampling rate.",
        "During training, weight each kept negative example by the inverse of its sampling rate.",
        "During training, do not weight each kept positive example by the inverse of its "
        "sampling rate.",
    ),
    (
        "perfect or random",
        "What does an area under the ROC curve of one half tell you about a classifier?",
        "An area of one half means the classifier ranks its examples no better than random.",
        "An area of one half means the classifier ranks its examples perfectly.",
        "An area of one half means the classifier ranks its examples no better than random.",
        "An area of one half does not mean the classifier ranks its examples perfectly.",
    ),
    (
        "overstate or understate",
        "After keeping a tenth of the negatives, what happens to the raw predicted click rate?",
        "The raw predictions overstate the true click rate of the live traffic.",
        "The raw predictions understate the true click rate of the live traffic.",
        "The raw predictions overstate the true click rate of the live traffic.",
        "The raw predictions do not understate the true click rate of the live traffic.",
    ),
    (
        "many cores or one",
        "Is a single NumPy matrix product limited by the GIL?",
        "A single BLAS matrix product spreads its work over many cores inside the library.",
        "A single BLAS matrix product does its work on a single core inside the library.",
        "A single BLAS matrix product spreads its work over many cores inside the library.",
        "A single BLAS matrix product does not do its work on a single core inside the library.",
    ),
    (
        "decayed or increased",
        "How should epsilon change during Q-learning?",
        "Epsilon is decayed over time, so the agent explores less as its estimates improve.",
        "Epsilon is increased over time, so the agent explores less as its estimates improve.",
        "Epsilon is decayed over time, so the agent explores less as its estimates improve.",
        "Epsilon is not increased over time, so the agent explores less as its estimates improve.",
    ),
    (
        "reduction or increase",
        "How does a decision tree choose where to split?",
        "The tree picks the split with the largest reduction in impurity of the child nodes.",
        "The tree picks the split with the largest increase in impurity of the child nodes.",
        "The tree picks the split with the largest reduction in impurity of the child nodes.",
        "The tree does not pick the split with the largest increase in impurity of the child "
        "nodes.",
    ),
    (
        "speeds up or slows down",
        "What does momentum do when the gradient keeps its direction?",
        "When successive gradients agree, momentum speeds up the updates along that direction.",
        "When successive gradients agree, momentum slows down the updates along that direction.",
        "When successive gradients agree, momentum speeds up the updates along that direction.",
        "When successive gradients agree, momentum does not slow down the updates along that "
        "direction.",
    ),
    (
        "dampens or amplifies",
        "What does momentum do to oscillations across a narrow valley?",
        "Momentum dampens the oscillations across the steep walls of a narrow valley.",
        "Momentum amplifies the oscillations across the steep walls of a narrow valley.",
        "Momentum dampens the oscillations across the steep walls of a narrow valley.",
        "Momentum does not amplify the oscillations across the steep walls of a narrow valley.",
    ),
    (
        "per parameter or the same for all",
        "How does Adagrad choose its step sizes?",
        "Adagrad scales the step with a per-parameter learning rate from the accumulated "
        "squared gradients.",
        "Adagrad scales the step with the same learning rate for every parameter from the "
        "accumulated squared gradients.",
        "Adagrad scales the step with a per-parameter learning rate from the accumulated "
        "squared gradients.",
        "Adagrad does not scale the step with the same learning rate for every parameter from "
        "the accumulated squared gradients.",
    ),
    (
        "different data or the same",
        "How does bagging make its models differ?",
        "Bagging trains each model of the ensemble on different bootstrap samples of the "
        "training set.",
        "Bagging trains each model of the ensemble on the same data of the training set.",
        "Bagging trains each model of the ensemble on different bootstrap samples of the "
        "training set.",
        "Bagging does not train each model of the ensemble on the same data of the training set.",
    ),
    (
        "the alternative a point names only to deny",
        "When you index a NumPy array with a boolean mask, what do you get back?",
        "Indexing an array with a boolean mask returns a new copy of the selected elements, "
        "not a view.",
        "Indexing an array with a boolean mask returns a view of the selected elements.",
        "Indexing an array with a boolean mask returns a new copy of the selected elements.",
        "Indexing an array with a boolean mask does not return a view of the selected elements.",
    ),
]


@pytest.fixture(scope="module")
def shipped() -> Content:
    content = load_content()
    assert content.ok, content.errors
    return content


def _judged(content: Content, question: str, points: list[KeyPoint], answer: str) -> JudgeResult:
    return OfflineJudge().score_now(
        JudgeRequest(
            round_kind=RoundKind.breadth,
            question=question,
            key_points=points,
            rubric=content.rubrics["breadth"],
            answer=answer,
        )
    )


@pytest.mark.parametrize(
    ("question", "point", "wrong", "right", "denial"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_the_other_alternative_is_the_point_the_wrong_way_round(
    shipped, question, point, wrong, right, denial
):
    points = [KeyPoint(id="point", text=point, weight=2)]
    said_wrong = _judged(shipped, question, points, wrong)
    assert not said_wrong.covered_key_points
    assert [m.key_point_id for m in said_wrong.misconceptions] == ["point"]
    said_right = _judged(shipped, question, points, right)
    assert said_right.covered_key_points == ["point"] and not said_right.misconceptions
    denied = _judged(shipped, question, points, denial)
    assert not denied.misconceptions, denied.misconceptions


MONTY_HALL = "breadth.statistics.monty_hall"


def _bank_judged(content: Content, question_id: str, answer: str) -> JudgeResult:
    question = content.questions[question_id]
    return OfflineJudge().score_now(
        request_for(question, content.rubrics[question.round.value], answer)
    )


def test_two_values_exchanged_are_the_point_the_wrong_way_round_even_in_the_questions_words(
    shipped,
):
    # The point says little besides the question's own words (switch, car, probability):
    # the exchange of its two values is what it says.
    swapped = _bank_judged(
        shipped,
        MONTY_HALL,
        "Switching wins the car with probability 1/3 and staying with probability 2/3.",
    )
    assert "answer" not in swapped.covered_key_points
    assert "answer" in {m.key_point_id for m in swapped.misconceptions}
    right = _bank_judged(
        shipped,
        MONTY_HALL,
        "Switching wins the car with probability 2/3 and staying with probability 1/3.",
    )
    assert "answer" in right.covered_key_points and not right.misconceptions
    denied = _bank_judged(
        shipped,
        MONTY_HALL,
        "It is not true that switching wins the car with probability 1/3 and staying with "
        "probability 2/3.",
    )
    assert not denied.misconceptions


Q_LEARNING = "breadth.rl.q_learning"
USE_CASES = "breadth.precision_recall.use_cases"


def test_a_misconceptions_cue_said_of_another_algorithm_is_not_that_misconception(shipped):
    # "Q-learning's target uses the action actually taken next" is wrong; SARSA's is right.
    sarsa = _bank_judged(
        shipped,
        Q_LEARNING,
        "SARSA, the on-policy counterpart, uses the action actually taken next, so it learns "
        "the value of the exploring policy itself.",
    )
    assert not sarsa.misconceptions
    assert "sarsa_contrast" in sarsa.covered_key_points
    q_learning = _bank_judged(
        shipped, Q_LEARNING, "Q-learning's target uses the action actually taken next."
    )
    assert "target_uses_taken_action" in {m.misconception_id for m in q_learning.misconceptions}


def test_a_point_said_the_other_way_round_with_another_reason_is_wrong(shipped):
    # The point "disease screening favours recall, because a missed case is costly..."
    # turns on its head clause, which here is said of the other alternative.
    reversed_ = _bank_judged(
        shipped,
        USE_CASES,
        "For screening I favour precision, because a false alarm is the costliest error.",
    )
    assert "screening_recall" not in reversed_.covered_key_points
    assert "screening_recall" in {m.key_point_id for m in reversed_.misconceptions}
    right = _bank_judged(
        shipped,
        USE_CASES,
        "For screening I favour recall, because a missed case is costly and a false alarm "
        "is caught by a cheaper follow-up test.",
    )
    assert "screening_recall" in right.covered_key_points and not right.misconceptions
    other = _bank_judged(
        shipped,
        USE_CASES,
        "For the spam filter I favour precision, because losing a legitimate email is worse "
        "than letting spam through.",
    )
    assert not other.misconceptions
