"""Answers that leave the question's heaviest key point out entirely, long and right on the
others (kind `good`, graded 58-65), each with an excellent twin that states it (graded
90-93, half in everyday words), written and graded before any scoring
(tests/data/heavy_missing_answers.jsonl, see tests/data/README.md). The judge used to read
such an answer as stating the missed point: the point's words it shares with the other
points and the question ("Adam", "optimiser", "weights") were enough, and where the cap
did hold correctness at level 3, its progress toward 4 and an uncapped terminology still
gave the answer most of the top score (main: good 83.7, excellent 86.3 on the developed
questions). Also the mechanism: a heaviest point counts as stated only by its own words
or where no other point is said (levels.HEAVY_OWN_WORDS_AT, offline.HEAVY_OWN_PLACES),
and a missed one holds correctness without progress and terminology at level 3."""

import io
import statistics
from pathlib import Path
from types import SimpleNamespace
from typing import cast

import pytest

from interviewer.commands.calibrate import Requests, read_dataset
from interviewer.domain.judging import JudgeRequest
from interviewer.domain.question import KeyPoint
from interviewer.judge import levels, offline
from interviewer.judge.matching import (
    AnswerTerms,
    match_key_points,
    own_words_coverage,
    question_terms,
)
from interviewer.judge.offline import OfflineJudge
from tests.answer_sets import scored
from tests.readings import sentence_terms

DATASET = Path(__file__).parent / "data" / "heavy_missing_answers.jsonl"
# Kept aside while the judge was changed: scored only at the end (prefix `heavy_aside.`).
ASIDE = "heavy_aside."
# Pairs whose excellent answer the judge still scores below its good twin, with why.
BELOW_ITS_TWIN = {
    "heavy.behavioral.results.missed_target": "the excellent story says why the target was "
    "missed in words that share next to nothing with the point ('I had built the plan on "
    "last year's click logs without looking closely at them'): both miss it for the judge",
    "heavy_aside.breadth.metrics.offline_vs_online": "the excellent answer, in everyday "
    "words, states the heaviest point but few of the others' technical words",
    "heavy_aside.system_design.churn_prediction.subscription_retention": "the good design "
    "says 'lift in the top decile' where the uplift point's shared words count, and the "
    "excellent one says uplift in everyday words ('who will stay because we reached out')",
}


def _judged() -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    for item, percent, _ in scored(DATASET):
        out.setdefault(item.id.rsplit(".", 1)[0], {})[item.kind] = percent
    return out


@pytest.fixture(scope="module")
def judged() -> dict[str, dict[str, float]]:
    return _judged()


def _mean(judged: dict[str, dict[str, float]], kind: str, aside: bool) -> float:
    return statistics.mean(k[kind] for pair, k in judged.items() if pair.startswith(ASIDE) == aside)


def test_each_question_has_a_good_answer_and_its_excellent_twin(judged):
    assert len(judged) == 12
    assert all(kinds.keys() == {"good", "excellent"} for kinds in judged.values())
    assert sum(pair.startswith(ASIDE) for pair in judged) == 4


def test_an_answer_that_leaves_out_the_heaviest_point_is_not_a_top_answer(judged):
    # Graded 61.6 on average (developed questions) and 60.8 (aside); main scored them 83.7
    # and 83.0, this judge 66.3 and 76.7.
    assert _mean(judged, "good", aside=False) < 72
    assert _mean(judged, "good", aside=True) < 80


def test_the_excellent_twins_keep_their_scores(judged):
    # Graded 91.6 and 91.0; main scored them 86.3 and 79.5, this judge 86.1 and 79.1.
    assert _mean(judged, "excellent", aside=False) > 84
    assert _mean(judged, "excellent", aside=True) > 77


def test_each_excellent_answer_beats_its_good_twin(judged):
    for pair, kinds in judged.items():
        if pair not in BELOW_ITS_TWIN:
            assert kinds["excellent"] > kinds["good"], (pair, kinds)


@pytest.mark.parametrize(
    "pair",
    [
        pytest.param(pair, marks=pytest.mark.xfail(strict=True, reason=why))
        for pair, why in sorted(BELOW_ITS_TWIN.items())
    ],
)
def test_the_excellent_answers_still_below_their_good_twin(judged, pair):
    assert judged[pair]["excellent"] > judged[pair]["good"]


QUESTION = "Why does fine-tuning a model with Adam need far more memory than its 16-bit weights?"
HEAVY = KeyPoint(
    id="bytes",
    weight=3,
    text="For every parameter, mixed-precision Adam keeps 16-bit weights and gradients, an "
    "fp32 master copy and two moment estimates: about 16 bytes per parameter.",
    cues=["16 bytes per parameter", "master copy"],
)
LIGHT = KeyPoint(
    id="lighter",
    weight=1,
    text="8-bit Adam or Adafactor shrink the optimizer's memory.",
    cues=["8-bit adam", "adafactor"],
)
ACTIVATIONS = KeyPoint(
    id="activations",
    weight=2,
    text="Activations saved for the backward pass with their gradients grow with batch size; "
    "gradient checkpointing recomputes them.",
    cues=["gradient checkpointing"],
)
POINTS = [HEAVY, LIGHT, ACTIVATIONS]
# Right on the two lighter points, nothing of the heaviest but the words it shares.
SHARED_ONLY = (
    "The activations and their gradients saved for the backward pass grow with batch size, "
    "so gradient checkpointing recomputes them, and 8-bit Adam or Adafactor shrink the "
    "optimizer's memory beside the 16-bit weights."
)


def _coverage(answer: str) -> tuple[float, float | None]:
    terms = AnswerTerms.of(answer)
    heavy = match_key_points(terms, POINTS, QUESTION)[0].coverage
    return heavy, own_words_coverage(HEAVY, POINTS, terms, question_terms(QUESTION))


def test_words_a_heaviest_point_shares_with_the_others_do_not_state_it():
    heavy, own = _coverage(SHARED_ONLY)
    assert heavy > 0.1  # the premise: its shared words alone read as stating some of it
    assert own == 0.0


def test_a_heaviest_point_is_stated_by_its_own_words():
    heavy, own = _coverage(
        "Per parameter there is a master copy in fp32 and two moment estimates, so about "
        "16 bytes each."
    )
    assert own is not None and own >= 0.7
    assert heavy >= 0.7


def test_a_cue_phrase_states_the_point_whatever_words_it_shares():
    # "master copy" is a cue; its words are the point's own or not, it names the point.
    _, own = _coverage("The optimiser keeps a master copy.")
    assert own is not None and own >= 0.75


def test_a_point_with_no_word_of_its_own_is_read_as_before():
    same = KeyPoint(id="same", weight=3, text="Adam needs memory for the weights.")
    terms = AnswerTerms.of("Adam needs memory for the weights.")
    assert own_words_coverage(same, [same, LIGHT], terms, question_terms(QUESTION)) is None


def _levels(answer_id: str) -> dict[str, tuple[int, float | None]]:
    items, _ = read_dataset(DATASET, io.StringIO())
    item = next(i for i in items if i.id == answer_id)
    result = OfflineJudge().score_now(Requests()(item))
    return {c.criterion_id: (c.level, c.progress) for c in result.criteria}


DECORATOR_GOOD = "heavy.python.decorators.timing_epoch.good1"


def test_a_heaviest_point_said_only_in_shared_words_holds_the_answer_below_the_top():
    # The good answer says "decorator", "function" and "returns" where it states the
    # other points, never what a decorator returns.
    assert all(level <= 3 for level, _ in _levels(DECORATOR_GOOD).values())


def test_read_by_all_its_words_the_same_point_counted_as_stated(monkeypatch):
    monkeypatch.setattr(levels, "HEAVY_OWN_WORDS_AT", 0.0)
    assert _levels(DECORATOR_GOOD)["correctness"][0] == 4


def test_a_missed_heaviest_point_leaves_no_progress_toward_the_top():
    # Its quality figure sits just under the top bar (progress 0.98 when it counted).
    level, progress = _levels("heavy.breadth.bias_variance.diagnose_and_fix.good1")["correctness"]
    assert (level, progress) == (3, None)


def test_progress_past_a_missed_point_when_asked(monkeypatch):
    monkeypatch.setattr(levels, "NO_PROGRESS_PAST_A_MISSED_POINT", False)
    level, progress = _levels("heavy.breadth.bias_variance.diagnose_and_fix.good1")["correctness"]
    assert level == 3 and progress is not None and progress > 0.5


def test_terminology_is_held_with_correctness_when_a_heaviest_point_is_missed(monkeypatch):
    good = "heavy.breadth.transformers.tokenisation.good1"
    assert _levels(good)["terminology"][0] == 3
    monkeypatch.setattr(levels, "TERMS_OF_A_MISSED_POINT", False)
    assert _levels(good)["terminology"][0] == 4


# The heaviest point in shared words, but in a sentence of its own: where no other point
# is said, its words are its own (offline.HEAVY_OWN_PLACES).
OWN_SENTENCE = (
    "Activations saved for the backward pass grow with batch size, so gradient "
    "checkpointing recomputes them. Besides the 16-bit weights and their gradients, Adam "
    "keeps more state for every parameter."
)


def _own(answer: str) -> float | None:
    """The heaviest point's own-words reading; None where it is not read."""
    terms = sentence_terms(answer)
    matches = match_key_points(terms, POINTS, QUESTION)
    request = cast(JudgeRequest, SimpleNamespace(key_points=POINTS, question=QUESTION))
    asked = question_terms(QUESTION)
    return offline._heaviest_own(request, terms, matches, {}, {}, asked).get(HEAVY.id)


def test_a_point_said_where_no_other_is_said_counts_as_its_own(monkeypatch):
    own = _own(OWN_SENTENCE)
    assert own is not None and own >= levels.HEAVY_OWN_WORDS_AT
    monkeypatch.setattr(offline, "HEAVY_OWN_PLACES", False)
    own = _own(OWN_SENTENCE)
    assert own is not None and own < levels.HEAVY_OWN_WORDS_AT


def test_a_point_said_only_beside_the_others_is_missed():
    # Its words said beside the others' state too little of it to count (coverage 0.16):
    # missed, and its own words are not read at all (a second match of the answer saved).
    assert _own(SHARED_ONLY) is None
    terms = AnswerTerms.of(SHARED_ONLY)
    (heavy,) = [m for m in match_key_points(terms, POINTS, QUESTION) if m.key_point_id == HEAVY.id]
    assert heavy.coverage < levels.HEAVY_POINT_STATED_AT
