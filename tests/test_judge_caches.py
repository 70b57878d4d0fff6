"""The offline judge's caches: a verdict never depends on what was scored before it, a
cached reading is never handed out to be changed, and every cache is bounded (a session,
or a calibration run, scores thousands of answers)."""

import importlib
import pkgutil
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest

import interviewer.judge
from interviewer.content.loader import load_content
from interviewer.domain.judging import JudgeRequest
from interviewer.judge import claims, clauses, matching
from interviewer.judge.offline import OfflineJudge
from interviewer.judge.text import sentences
from tests.answer_sets import bank_request

ANSWERS = (
    # Right, with a clause hung on another and a turn.
    "Dropout zeroes a random subset of units during training, which stops them from "
    "co-adapting, but at inference every unit is kept and the activations are scaled.",
    # Wrong the other way round, with a denial and a report.
    "Some people think dropout is applied at inference time. It is not true that the "
    "network is smaller at training; dropout is turned off during training.",
    # A list of terms, hedged.
    "I'm not sure, maybe regularization, ensembles, noise, co-adaptation, scaling.",
)


def _requests() -> list[JudgeRequest]:
    content = load_content()
    question = content.questions["breadth.regularization.dropout_mechanics"]
    return [bank_request(content, question, answer) for answer in ANSWERS]


def test_a_verdict_does_not_depend_on_the_answers_scored_before_it():
    requests = _requests()
    fresh = [OfflineJudge().score_now(r).model_dump_json() for r in requests]
    judge = OfflineJudge()
    # A, B, C, then C, B, A, then A again: every reading comes from the caches the others
    # filled, in another order.
    again = [judge.score_now(r).model_dump_json() for r in requests]
    backwards = [judge.score_now(r).model_dump_json() for r in reversed(requests)]
    assert again == fresh
    assert backwards == fresh[::-1]
    assert judge.score_now(requests[0]).model_dump_json() == fresh[0]


def test_a_reading_handed_out_is_a_copy_the_cache_does_not_share():
    text = "Dropout is not used at inference, but it is used during training."
    first = clauses.read(sentences(text), "dropout at training or inference")
    expected = [(c.text, c.status, c.negated, c.roles) for c in first.clauses]
    for clause in first.clauses:  # a caller that changed what it was given ...
        clause.status = clauses.Status.meta
        clause.negated = not clause.negated
        clause.roles = ()
    first.clauses.clear()
    # ... changes nothing for the next reader of the same text, with or without a question.
    again = clauses.read(sentences(text), "dropout at training or inference")
    assert [(c.text, c.status, c.negated, c.roles) for c in again.clauses] == expected
    alone = clauses.read(sentences(text))
    assert [(c.text, c.status, c.negated) for c in alone.clauses] == [e[:3] for e in expected]


def _cached_functions() -> Iterator[tuple[str, Any]]:
    package = interviewer.judge
    for info in pkgutil.iter_modules(package.__path__, package.__name__ + "."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if getattr(value, "__module__", None) == module.__name__ and hasattr(
                value, "cache_info"
            ):
                yield f"{module.__name__}.{name}", value


def test_every_cache_of_the_judge_is_bounded():
    found = dict(_cached_functions())
    assert "interviewer.judge.clauses._read_unrolled" in found
    unbounded = [name for name, f in found.items() if f.cache_info().maxsize is None]
    assert not unbounded, f"caches without a bound: {unbounded}"
    # No cache of the judge holds more than this many entries.
    assert max(f.cache_info().maxsize for f in found.values()) <= 262144


def test_caches_stay_within_their_bound_over_many_answers():
    OfflineJudge().score_now(_requests()[0])
    bound = clauses._read_unrolled.cache_info().maxsize
    for k in range(bound + 50):  # a new text each time: each reading is a new entry
        clauses.read(sentences(f"Case {k} is read, but it is not claimed."), "case")
    assert clauses._read_unrolled.cache_info().currsize <= bound
    assert all(f.cache_info().currsize <= f.cache_info().maxsize for _, f in _cached_functions())


@pytest.mark.parametrize(
    "text",
    [
        "It is not true that dropout is used at inference, but it is used in training.",
        # Said both ways: read() marks both sides undecided, a reading for terms does not.
        "Dropout is turned off at inference, or it is turned off in training.",
    ],
)
def test_a_text_read_for_its_terms_is_read_as_read_does_but_for_roles_and_both_ways(text):
    # _clauses_of hands out the cached reading itself: its readers ask for the words, the
    # openers and the denials, never for roles or whether a claim is said both ways.
    alone = clauses._clauses_of(text)
    read = clauses.read(sentences(text)).clauses
    assert [(c.text, c.start, c.opener, c.negated, c.denied, c.tokens) for c in alone] == [
        (c.text, c.start, c.opener, c.negated, c.denied, c.tokens) for c in read
    ]
    assert all(c.roles == () and not c.twinned for c in alone)
    assert any(c.roles for c in read)  # "inference", "training": read() still names them
    # The reading handed out by read() is the full one, however often the text was read
    # for its terms first.
    clauses._read_unrolled.cache_clear()
    assert [(c.status, c.twinned) for c in clauses.read(sentences(text)).clauses] == [
        (c.status, c.twinned) for c in read
    ]


def test_a_claim_said_both_ways_is_undecided_in_a_full_reading_only():
    text = "Dropout is turned off at inference, or it is turned off in training."
    assert all(c.twinned and not c.asserted for c in clauses.read(sentences(text)).clauses)
    assert all(c.asserted for c in clauses._clauses_of(text))


def test_a_key_points_prepared_terms_follow_its_weights_and_its_text():
    # Prepared once per (weights, text): the same text weighed without the question's
    # terms, or another text with the same terms, gets its own.
    text = "Dropout is not applied at inference time"
    for asked in (frozenset(), frozenset({"dropout"})):
        weights = matching._key_point_terms(text, asked)
        denies, prepared = matching._prepared_terms(weights, text)
        assert [p[0] for p in prepared] == [t for t, _ in weights]
        assert denies == (sum(1 for t, _ in weights if t.startswith("!")) == 1)
        forms = matching._written_forms(text)
        assert [p[3] for p in prepared] == [forms.get(t) for t, _ in weights]
    other = "Dropout is applied at inference time"
    weights = matching._key_point_terms(other, frozenset())
    assert not matching._prepared_terms(weights, other)[0]


def test_a_units_sums_and_groups_are_its_own_after_a_replace():
    for unit in claims.units(
        "Dropout is turned off at inference, while at training it zeroes units.", "", frozenset()
    ):
        again = replace(unit, weights=unit.weights[:1], roles=())
        for u in (unit, again):
            assert u.weight_total == sum(w for _, w in u.weights)
            assert u.all_weight_total == sum(w for _, w in u.all_weights)
            assert u.groups == frozenset(r.group for r in u.roles)


def test_a_clauses_sequence_without_fillers_is_cut_per_sequence():
    said = clauses.marked_sequence("a token is basically a word")
    plain = claims._without_fillers(said)
    assert plain == tuple(t for t in said if t not in claims._filler_terms()) != said
    unfilled = clauses.marked_sequence("a token is a word")
    assert claims._without_fillers(unfilled) is unfilled  # nothing to leave out
    # A cue is said with or without the filler, whichever clause was read first.
    assert claims._says_cue("A token is basically a word.", ("a token is a word",))
    assert claims._says_cue("A token is a word.", ("a token is a word",))
    assert not claims._says_cue("A token is basically a sentence.", ("a token is a word",))
