"""The judge's indexes and caches give what the plain definitions give: a term held only
against the answer terms it matches at all (matching._matched_in) scores in every unit
what term_match scores, and a cached row is never another question's; a clause that
touches no unit of a key point (claims.touches) is read for nothing of it; a cue is looked
for only where its every term is said. Verdicts over every set are checked byte for byte
by benchmarks/judge_fingerprint.py; these hold the pieces."""

from dataclasses import replace

from interviewer.content.loader import load_content
from interviewer.judge import claims, clauses, matching
from interviewer.judge.text import sentences
from tests.answer_sets import longest_answers
from tests.readings import answer_terms


def test_a_terms_match_in_a_unit_is_its_best_among_the_answer_terms_it_matches():
    checked = matched = 0
    for question_id, answer in longest_answers("holdout15_answers.jsonl", 4):
        question, terms = answer_terms(question_id, answer)
        asked = matching.question_terms(question.prompt)
        every = terms.every
        for kp in question.key_points:
            for t, _ in matching._key_point_terms(kp.text, asked):
                found = matching._matched_in(t, every)
                matched += bool(found)
                for unit in terms.sentence_terms:
                    best = max((v for u, v in found if u in unit), default=0.0)
                    assert best == matching.term_match(t, unit)
                    checked += 1
    assert checked >= 500 and matched >= 20


def test_a_negative_word_and_a_denied_word_find_each_other():
    every = frozenset({"!bias", "estim", "unreli", "fast"})
    assert dict(matching._matched_in("unbias", every)) == {
        "!bias": matching.term_match("unbias", frozenset({"!bias"}))
    }
    assert "unreli" in dict(matching._matched_in("!reli", every))
    assert matching._matched_in("slow", every) == ()


def test_every_view_of_an_answer_holds_its_units_terms_within_the_same_every():
    # _term_matches relies on it: a unit's terms lie within `every`, in every view.
    question_id, answer = longest_answers("interview_answers.jsonl", 1)[0]
    _, terms = answer_terms(question_id, answer)
    first = terms.pieces[0][0].start
    some = next(iter(terms.pieces[0][0].terms))
    views = (terms, terms.without(frozenset({first})), terms.masked({first: frozenset({some})}))
    for view in views:
        assert view.every == terms.every
        assert all(unit <= view.every for unit in view.sentence_terms)
        assert all(p.terms <= view.every for unit in view.pieces for p in unit)


def test_an_indexed_row_is_the_plain_row_and_never_another_questions():
    content = load_content().questions
    ((qa, answer),) = longest_answers("interview_answers.jsonl", 1)
    _, terms = answer_terms(qa, answer)
    every = terms.every
    # The same answer's units held against the points of two questions in turn: a row
    # cached for one must not come back for the other.
    others = [q for q in content if q != qa][:3]
    for question_id in (qa, *others, qa):
        question = content[question_id]
        asked = matching.question_terms(question.prompt)
        for kp in question.key_points:
            weights = matching._key_point_terms(kp.text, asked)
            denies, prepared = matching._prepared_terms(tuple(weights), kp.text)
            found = tuple(matching._matched_in(p[0], every) for p in prepared)
            for unit, written in zip(terms.sentence_terms, terms.sentence_words, strict=True):
                row = matching._indexed_row(prepared, denies, unit, written, lambda f=found: f)
                assert row == matching._row_of(prepared, denies, unit, written, None)


def _brute_says_cue(text: str, cues: tuple[str, ...]) -> bool:
    """claims._says_cue as first written: every text read for its sequence."""
    sequence = clauses.marked_sequence(text)
    plain = claims._without_fillers(sequence)
    return any(
        matching.contains_phrase(sequence, clauses.marked_sequence(cue))
        or matching.contains_phrase(plain, clauses.marked_sequence(cue))
        for cue in cues
    )


def test_a_cue_is_looked_for_only_where_its_every_term_is_said_with_the_same_answers():
    checked = said = 0
    for question_id, answer in longest_answers("holdout14_answers.jsonl", 8):
        question = load_content().questions[question_id]
        read = clauses.read(sentences(answer), question.prompt)
        texts = {c.text for c in read.clauses} | {s.text for s in read.sentences}
        # A whole answer read whole (offline._claims' widest group): it says many first
        # terms, so the gate on a cue's every term decides there.
        texts.add(answer)
        for kp in question.key_points:
            for m in kp.misconceptions:
                cues = tuple(m.cues)
                for text in texts:
                    expected = _brute_says_cue(text, cues) if cues else False
                    assert claims._says_cue(text, cues) == expected
                    checked += 1
                    said += expected
        # Each cue said in a text of its own is found.
        for kp in question.key_points:
            for m in kp.misconceptions:
                for cue in m.cues:
                    assert claims._says_cue(f"Some say {cue}.", (cue,)) == _brute_says_cue(
                        f"Some say {cue}.", (cue,)
                    )
                    said += 1
    assert checked >= 200 and said >= 10


def _said(question_id: str, answer: str):
    """The answer's claimed clauses as offline._claims reads them, with the question's
    topic and terms."""
    question = load_content().questions[question_id]
    asked = matching.question_terms(question.prompt)
    topic = clauses.topic_of(
        question.prompt,
        ((kp.text, m.claim) for kp in question.key_points for m in kp.misconceptions),
        (kp.text for kp in question.key_points),
    )
    read = clauses.read(sentences(answer), topic)
    readable = [c for c in read.clauses if c.asserted or c.twinned]
    said = [claims.clause_terms(c, asked, topic) for c in clauses.claims(readable)]
    return question, asked, topic, said


def test_a_clause_that_touches_no_unit_of_a_point_is_read_for_nothing_of_it():
    # offline._claims skips these readings for a pair claims.touches rules out: each must
    # give what it gives when read.
    near = far = 0
    for question_id, answer in longest_answers("interview_answers.jsonl", 6):
        question, asked, topic, said = _said(question_id, answer)
        for ct in said:
            head = (
                claims.clause_terms(ct.clause.members[0], asked, topic)
                if claims.reads_heads(ct)
                else None
            )
            for kp in question.key_points:
                text = kp.text
                against = claims.against(ct, text, topic, asked)
                # The head worked out once gives what against() works out itself.
                assert claims.against(ct, text, topic, asked, head) == against
                if claims.touches(ct, text, topic, asked):
                    near += 1
                    continue
                far += 1
                assert claims.support(ct, text, topic, asked) == 0.0
                assert not claims.overstates(ct, text, topic, asked)
                assert not claims.affirms_turned_down(ct, text, topic, asked)
                assert against == (claims.heads_against(ct, text, topic, asked), 0.0)
                assert not claims.names_other(ct, text, topic, asked)
                assert claims.denied_claims(ct, text, topic, asked) == ()
    assert near >= 50 and far >= 50


def test_a_clause_touches_a_point_by_a_shared_term_or_group_alone():
    question_id, answer = longest_answers("interview_answers.jsonl", 1)[0]
    question, asked, topic, said = _said(question_id, answer)
    kp = question.key_points[0]
    vocabulary, groups = claims._reach(kp.text, topic, asked)
    ct = next(c for c in said if claims.touches(c, kp.text, topic, asked))
    # The same clause with none of the point's terms and groups touches it no more.
    apart = replace(ct, terms=ct.terms - vocabulary, role_groups=ct.role_groups - groups)
    apart = replace(apart, denied=apart.denied - vocabulary, affirmed=frozenset())
    assert not claims.touches(apart, kp.text, topic, asked)
    one = next(iter(vocabulary))
    assert claims.touches(replace(apart, terms=apart.terms | {one}), kp.text, topic, asked)
    assert claims.touches(replace(apart, affirmed=frozenset({"!" + one})), kp.text, topic, asked)


def test_a_topic_hashes_as_its_fields_in_this_process_and_after_pickling():
    import pickle

    topic = clauses.Topic("Why does dropout help?", (("g", 0, ("drop",)), ("g", 1, ("keep",))))
    again = clauses.Topic("Why does dropout help?", (("g", 0, ("drop",)), ("g", 1, ("keep",))))
    assert topic == again and hash(topic) == hash(again)
    assert hash(topic) == hash((topic.question, topic.derived))
    assert hash(pickle.loads(pickle.dumps(topic))) == hash(topic)
    assert topic != clauses.Topic("Why does dropout help?")
