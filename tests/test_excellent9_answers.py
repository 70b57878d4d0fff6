"""Right answers that warn of a listed misconception with the pitfall as the subject ("the
trap is training the meta-model on in-sample predictions") or prohibit it with a condition
("do not stop when the training loss stops going down"), graded by their writer before they
were scored (tests/data/README.md), with their wrong twins that assert the misconception.
Both right shapes were read as stating the misconception (holdout14's averaging and
stacking answer, graded 90, scored 51.9): the pitfall read only as a predicate ("X is a
classic mistake"), and a "when" clause hung on a denied head read alone for the
misconception's cue. `excellent9_answers.jsonl` was read while the judge was changed,
`excellent9_aside.jsonl` was scored before and at the end."""

from pathlib import Path

import pytest

from interviewer.domain.question import Misconception
from interviewer.judge import claims, clauses
from interviewer.judge.offline import _clean
from tests.answer_sets import scored

DATA = Path(__file__).parent / "data"
SET = DATA / "excellent9_answers.jsonl"


@pytest.fixture(scope="module")
def rows():
    return {item.id.split(".", 1)[1]: (p, result) for item, p, result in scored(SET)}


# The right answers that warn of or prohibit the misconception (writer 90): 44.4, 44.4 and
# 51.9 before, 81.5, 81.5 and 96.3 after.
WARNINGS = (
    "breadth.regularization.early_stopping.excellent1",
    "breadth.regularization.early_stopping.excellent3",
    "breadth.statistics.central_limit_theorem.excellent1",
)
# Their twins assert it (writer 40-50): 44.4 and 51.9 before and after.
TWINS = (
    "breadth.regularization.early_stopping.wrong2",
    "breadth.statistics.central_limit_theorem.wrong2",
    "breadth.neural_nets.batch_norm.wrong2",
)


@pytest.mark.parametrize("key", WARNINGS)
def test_a_warning_or_prohibition_names_no_misconception(rows, key):
    percent, result = rows[key]
    assert not result.misconceptions, [m.quote for m in result.misconceptions]
    assert percent >= 75.0, percent


@pytest.mark.parametrize("key", TWINS)
def test_the_twin_that_asserts_it_is_still_caught(rows, key):
    percent, result = rows[key]
    assert result.misconceptions, key
    assert percent <= 55.0, percent


def _pitfalls(text: str) -> list[bool]:
    parts, _, _ = _clean(text)
    return [c.pitfall for c in clauses.read(parts, clauses.topic_of("q", [], [])).clauses]


@pytest.mark.parametrize(
    "text",
    [
        "The trap is training the meta-model on in-sample predictions.",
        "The classic mistake is stopping when the training loss stops going down.",
        "A common bug is calling the loss on probabilities.",
        "The usual pitfall is resampling sessions instead of users.",
    ],
)
def test_a_pitfall_named_as_the_subject_is_a_warning(text):
    assert _pitfalls(text)[0]


@pytest.mark.parametrize(
    "text",
    [
        "The trick is training the meta-model on in-sample predictions.",
        "The answer is to stop when the training loss stops going down.",
    ],
)
def test_other_subjects_are_not_warnings(text):
    assert not any(_pitfalls(text))


STOP = Misconception(
    id="monitor_training_loss",
    claim="Stop as soon as the training loss stops going down.",
    cues=["training loss stops going down"],
    correction="Track a validation metric.",
)


def _says(text: str) -> bool:
    parts, _, _ = _clean(text)
    topic = clauses.topic_of("q", [], [])
    read = clauses.read(parts, topic)
    return any(
        claims.says_cue(claims.clause_terms(c, frozenset(), topic), STOP)
        for c in clauses.claims(read.asserted())
    )


@pytest.mark.parametrize(
    "text",
    [
        "Do not stop when the training loss stops going down.",
        "Never stop training when the training loss stops going down.",
        "You should not stop if the training loss stops going down.",
    ],
)
def test_a_condition_under_a_denied_head_does_not_say_the_cue(text):
    assert not _says(text)


@pytest.mark.parametrize(
    "text",
    [
        "Stop when the training loss stops going down.",
        "You can stop training when the training loss stops going down.",
        "The training loss stops going down, so you stop.",
    ],
)
def test_the_cue_said_as_a_claim_is_still_read(text):
    assert _says(text)
