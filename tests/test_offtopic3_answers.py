"""Confident answers to a neighbouring question that share the asked question's setting
(model.eval() asked about copying a state_dict, product descriptions asked about a support
chat), beside right answers that mention that neighbour on the way
(tests/data/offtopic3_answers.jsonl and offtopic3_aside.jsonl; see tests/data/README.md),
each graded before any judge scored it. The reading is neighbours.about_another_question:
of the terms that tell the asked question from the one the answer says most of, which one's
the answer says."""

import json
import statistics
from pathlib import Path

import pytest

from interviewer.content.loader import load_content
from interviewer.domain.judging import JudgeRequest
from interviewer.judge import neighbours
from tests.answer_sets import bank_request, percents_by_kind, scored

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def dev() -> dict[str, list[float]]:
    return percents_by_kind(DATA / "offtopic3_answers.jsonl")


def test_answers_to_a_neighbouring_question_sit_at_the_floor(dev):
    # Before (train 1e2933d) and after: 0.0 over 12 (the readings before this one floored
    # them already: they share less of the asked question's setting than holdout12's).
    assert len(dev["offtopic"]) == 12
    assert max(dev["offtopic"]) <= 5


def test_right_answers_that_mention_a_neighbour_keep_their_scores(dev):
    # Before and after: mean 74.4 over 12, lowest 47.9 (word2vec, which names retrieval).
    assert len(dev["excellent"]) == 12
    assert statistics.mean(dev["excellent"]) >= 74.0
    assert min(dev["excellent"]) >= 45


def test_the_former_held_out_sets_escapes_are_floored():
    # holdout12 (graded 2): model.eval() vs torch.no_grad() asked about keeping the best
    # checkpoint, 45.7 before; product-description generation asked about a support chat
    # agent, 30.5 before. The other neighbouring-question answers were floored already.
    by_id = {item.id: percent for item, percent, _ in scored(DATA / "holdout12_answers.jsonl")}
    assert by_id["python.copying.best_checkpoint_state_dict.offtopic1"] <= 5
    assert by_id["system_design.llm_support.support_chat_agent.offtopic1"] <= 5
    assert by_id["python.copying.best_checkpoint_state_dict.excellent1"] >= 80
    assert by_id["system_design.llm_support.support_chat_agent.excellent1"] >= 70


def _row(path: str, answer_id: str) -> dict[str, str]:
    for line in (DATA / path).read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["id"] == answer_id:
            return row
    raise KeyError(answer_id)


def _request(row: dict[str, str]) -> JudgeRequest:
    content = load_content()
    return bank_request(content, content.questions[row["question_id"]], row["answer"])


# Q-learning and policy gradients, asked about MDP basics (holdout10, graded 3): it covers
# about half the MDP key points through the shared words (state, action, reward, policy),
# so the coverage safeguard of the other readings kept it (57.5 before).
Q_LEARNING = "breadth.rl.mdp_basics.offtopic1"
EVAL_NO_GRAD = "python.copying.best_checkpoint_state_dict.offtopic1"


def test_an_answer_whose_subject_is_another_question_is_read_so():
    for path, answer_id in (
        ("holdout10_answers.jsonl", Q_LEARNING),
        ("holdout12_answers.jsonl", EVAL_NO_GRAD),
        ("offtopic3_answers.jsonl", "ot3.breadth.mlops.retraining_strategy.offtopic.model_ci_cd"),
    ):
        row = _row(path, answer_id)
        assert neighbours.about_another_question(_request(row), row["answer"]), answer_id


def test_right_answers_that_explain_through_a_neighbour_are_not():
    for row in map(json.loads, (DATA / "offtopic3_answers.jsonl").read_text().splitlines()):
        if row["kind"] == "excellent":
            assert not neighbours.about_another_question(_request(row), row["answer"]), row["id"]


def test_a_vague_answer_is_left_to_the_readings_of_vagueness():
    # It brushes a few generic words of a story question ("make sure", "improve"): more of
    # that question's own terms than of the asked one's, but too few to be its subject.
    row = _row("interview_answers.jsonl", "system_design.fraud_detection.card_payments.vague1")
    own, other, named = neighbours.distinct_shares(_request(row), row["answer"])
    assert other >= neighbours.ABOUT_ANOTHER_OVER_OWN * own
    assert named < neighbours.ABOUT_ANOTHER_TERMS
    assert not neighbours.about_another_question(_request(row), row["answer"])


def test_the_reading_can_be_turned_off(monkeypatch):
    row = _row("holdout10_answers.jsonl", Q_LEARNING)
    monkeypatch.setattr(neighbours, "ABOUT_ANOTHER_OVER_OWN", 0.0)
    assert not neighbours.about_another_question(_request(row), row["answer"])
