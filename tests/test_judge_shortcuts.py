"""Shortcuts the offline judge takes for speed give what the long way gives: a text read
for its terms alone skips the marks that set only a clause's status. Each test holds the
shortcut against the long way on real answers (the interview set's)."""

import json
from collections.abc import Sequence

from interviewer.judge import clauses
from interviewer.judge.text import sentences
from tests.answer_sets import DATA

# Each a mark the shortcut skips (a list, a vacuous link, a hedge, a retraction), beside a
# denial and a report the verdict after it endorses or rejects.
MARKED = (
    "I'd use bagging, boosting, stacking, blending and voting, but not dropout.",
    "Bagging, boosting, stacking, blending, voting, averaging, not dropout.",
    "The learning rate is central to overshooting, divergence and NaN losses, not to speed.",
    "I'm not sure, but I think dropout is not used at inference.",
    "Dropout is turned off in training. Actually, scratch that, I had it backwards.",
    "Some people say the test set is not needed. That's right, it is not needed for tuning.",
    "Some people say batch norm does not help. That is a myth.",
    # A report frame denies its clause, and the verdict after it lifts that denial.
    "People say that dropout is used at inference. That is right.",
    "It is not true that a stack is FIFO; it is LIFO, not FIFO.",
)


def _answers() -> list[str]:
    lines = (DATA / "interview_answers.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["answer"] for line in lines if line.strip()]


def _texts_read_alone() -> list[str]:
    """Every text the judge reads for its terms alone: each sentence and each clause."""
    out: list[str] = list(MARKED)
    for answer in [*MARKED, *_answers()]:
        reading = clauses.read(sentences(answer))
        out.extend(s.text for s in reading.sentences)
        out.extend(c.text for c in reading.clauses)
    return out


def _denials(found: Sequence[clauses.Clause]) -> list[tuple[str, int, bool]]:
    return [(c.text, c.start, c.denied) for c in found]


def test_a_text_read_for_its_terms_has_the_clauses_and_denials_of_the_full_reading():
    texts = _texts_read_alone()
    assert len(texts) > 1000
    for text in texts:
        parts = tuple(sentences(text))
        assert _denials(clauses._read_polarity(parts)) == _denials(clauses._read_marked(parts))


def test_the_marks_skipped_change_a_status_and_no_denial():
    # The shortcut's texts do carry the skipped marks: they would fail the test above if
    # any of those marks changed a denial.
    statuses = {c.status for text in MARKED for c in clauses._read_marked(tuple(sentences(text)))}
    skipped = {clauses.Status.listed, clauses.Status.vacuous, clauses.Status.hedged}
    assert skipped | {clauses.Status.retracted} <= statuses
    assert any(c.denied for text in MARKED for c in clauses._read_polarity(tuple(sentences(text))))


def test_the_shortcut_keeps_what_a_verdict_on_a_report_does_to_its_denial():
    # Without the report verdicts the endorsed report would read as denied.
    parts = tuple(sentences("People say that dropout is used at inference. That is right."))
    bare = clauses._split_reading(parts)
    clauses._mark_polarity(bare)
    assert bare.clauses[0].denied
    assert not clauses._read_polarity(parts)[0].denied
