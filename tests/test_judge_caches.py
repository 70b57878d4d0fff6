"""The offline judge's caches: a verdict never depends on what was scored before it, a
cached reading is never handed out to be changed, and every cache is bounded (a session,
or a calibration run, scores thousands of answers)."""

import importlib
import pkgutil
from collections.abc import Iterator
from typing import Any

import interviewer.judge
from interviewer.content.loader import load_content
from interviewer.domain.judging import JudgeRequest
from interviewer.judge import clauses
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
