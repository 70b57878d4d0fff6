"""The judge's hot paths worked out with less work give what the plain definitions give:
an evidence quote (the shortest run of a unit's clauses that states most of what the unit
states of a point), a unit's row of term matches, a clause's dashes. Verdicts over every
set are checked byte for byte by benchmarks/judge_fingerprint.py; these hold the pieces."""

from interviewer.judge import matching
from interviewer.judge.open_choices import _at
from interviewer.judge.text import NEGATED
from tests.answer_sets import longest_answers
from tests.readings import answer_terms


def _brute_quote(answer: matching.AnswerTerms, k: int, weights, text: str) -> str:
    """The quote as first written: every run's coverage from its clauses, over again."""
    if not answer.pieces or len(answer.pieces[k]) < 2:
        return answer.sentence_texts[k]
    unit = answer.pieces[k]
    forms = matching._written_forms(text)
    total = matching._total(weights)

    def coverage(a: int, b: int) -> float:
        written = any(unit[i].words for i in range(a, b))
        row = []
        for t, _ in weights:
            m = max(matching.term_match(t, unit[i].terms) for i in range(a, b))
            if m < matching.TYPO_MATCH and written and t in forms:
                spelt = (
                    matching._spelling_match(t.startswith(NEGATED), forms[t], unit[i].words)
                    for i in range(a, b)
                )
                m = max(m, *spelt)
            row.append(m)
        return matching._weighted(weights, row, total=total)

    whole = coverage(0, len(unit))
    best = (len(unit), 0, len(unit))
    for a in range(len(unit)):
        for b in range(a + 1, len(unit) + 1):
            if b - a < best[0] and coverage(a, b) >= matching.QUOTE_SHARE * whole:
                best = (b - a, a, b)
    _, a, b = best
    return answer.text[unit[a].start : unit[b - 1].end]


def test_an_evidence_quote_is_the_shortest_run_the_plain_definition_finds():
    checked = 0
    for question_id, answer in longest_answers("interview_answers.jsonl", 12):
        question, terms = answer_terms(question_id, answer)
        asked = matching.question_terms(question.prompt)
        for kp in question.key_points:
            weights = matching._key_point_terms(kp.text, asked)
            for k, unit in enumerate(terms.pieces):
                if len(unit) < 2:
                    continue
                expected = _brute_quote(terms, k, weights, kp.text)
                assert matching._quote(terms, k, weights, kp.text) == expected
                checked += 1
    assert checked >= 50  # the sample has many split units to quote from


def test_a_units_row_is_what_term_and_spelling_matches_give():
    checked = 0
    for question_id, answer in longest_answers("interview_answers.jsonl", 6):
        question, terms = answer_terms(question_id, answer)
        asked = matching.question_terms(question.prompt)
        for kp in question.key_points:
            weights = matching._key_point_terms(kp.text, asked)
            denies, prepared = matching._prepared_terms(tuple(weights), kp.text)
            for unit_terms, written in zip(terms.sentence_terms, terms.sentence_words, strict=True):
                plain = (
                    matching._unmarked(unit_terms)
                    if denies and matching._denies(unit_terms)
                    else None
                )
                expected = []
                for t, base, negated, forms in prepared:
                    m = matching.term_match(t, unit_terms)
                    if m < 1.0 and plain is not None:
                        m = max(m, matching.term_match(base, plain))
                    if m < matching.TYPO_MATCH and written and forms is not None:
                        m = max(m, matching._spelling_match(negated, forms, written))
                    expected.append(m)
                row = matching._row(prepared, denies, unit_terms, written)
                assert row == tuple(expected)
                checked += 1
    assert checked >= 50


def test_a_misspelt_term_is_still_matched_in_a_row():
    # "refrence" is one edit from "reference": matched by spelling, not by stem.
    weights = (("refer", 1.0),)
    denies, prepared = matching._prepared_terms(weights, "the reference implementation")
    prepared = (("referenc", "referenc", False, frozenset({"reference"})),)
    written = (("refrence", "refrenc"),)
    row = matching._row(prepared, denies, frozenset({"refrenc"}), written)
    assert row[0] >= matching.TYPO_MATCH


def test_a_negative_word_is_matched_against_the_negated_terms_only():
    # "unbiased" says "not biased"; a plain "biased" is not it.
    assert matching.term_match("unbias", frozenset({"!bias", "estim"})) >= matching.TYPO_MATCH
    assert matching.term_match("unbias", frozenset({"bias", "estim"})) < matching.TYPO_MATCH


def test_every_dash_is_found_overlapping_ones_too():
    assert _at("a - - b", " - ") == [1, 3]
    assert _at("no dash here", " - ") == []
    assert _at(" - x - ", " - ") == [0, 4]
