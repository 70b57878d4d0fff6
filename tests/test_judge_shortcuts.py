"""Shortcuts the offline judge takes for speed give what the long way gives: a text read
for its terms alone skips the marks that set only a clause's status, and an evidence quote
holds each clause against the key point once rather than once per run of clauses. Each
test holds the shortcut against the long way on real answers (the interview set's)."""

import json
from collections.abc import Sequence

import pytest

from interviewer.judge import clauses, matching
from interviewer.judge.matching import NEGATED, TYPO_MATCH, AnswerTerms, Piece
from interviewer.judge.text import Sentence, sentences
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


def _quote_the_long_way(
    answer: AnswerTerms, k: int, weights: Sequence[tuple[str, float]], text: str
) -> str:
    """The quote as it was cut before: each run of clauses read as one set of terms."""
    if not answer.pieces or len(answer.pieces[k]) < 2:
        return answer.sentence_texts[k]
    unit = answer.pieces[k]
    forms = matching._written_forms(text)
    total = matching._total(weights)

    def coverage(run: Sequence[Piece]) -> float:
        terms = frozenset().union(*(p.terms for p in run))
        written = tuple(w for p in run for w in p.words)
        row = []
        for t, _ in weights:
            m = matching.term_match(t, terms)
            if m < TYPO_MATCH and written and t in forms:
                m = max(m, matching._spelling_match(t.startswith(NEGATED), forms[t], written))
            row.append(m)
        return matching._weighted(weights, row, total=total)

    whole = coverage(unit)
    best = (len(unit), 0, len(unit))
    for a in range(len(unit)):
        for b in range(a + 1, len(unit) + 1):
            if b - a < best[0] and coverage(unit[a:b]) >= matching.QUOTE_SHARE * whole:
                best = (b - a, a, b)
    _, a, b = best
    return answer.text[unit[a].start : unit[b - 1].end]


# Key points whose terms the interview set's answers say in part, exactly and misspelt.
POINTS = (
    "Dropout randomly zeroes units during training so they cannot co-adapt",
    "At inference dropout is turned off and the activations are scaled",
    "Bagging reduces variance by averaging models trained on bootstrap samples",
    "Precision is the share of flagged items that are truly positive",
    "Gradient clipping caps the norm of the gradient to stop exploding updates",
)


@pytest.mark.parametrize("point", POINTS)
def test_a_quote_cut_clause_by_clause_is_the_quote_cut_run_by_run(point):
    weights = matching._key_point_terms(point, frozenset())
    cut = 0
    for answer in [*MARKED, *_answers()]:
        reading = clauses.read(sentences(answer))
        units = list(reading.sentences)
        spans = [
            [(c.start, c.start + len(c.text)) for c in reading.of_sentence(i)]
            for i in range(len(units))
        ]
        terms = AnswerTerms.of(answer, [Sentence(s.text, s.start) for s in units], spans)
        for k in range(len(units)):
            quote = matching._quote(terms, k, weights, point)
            assert quote == _quote_the_long_way(terms, k, weights, point)
            cut += len(terms.pieces[k]) >= 2
    assert cut > 100
