"""Answers to a neighbouring question of another family or round, or of none in the bank
(Adam's memory asked about momentum and Adam, batch norm asked about dropout), beside right
answers that mention a neighbouring topic (tests/data/neighbours2_answers.jsonl and
neighbours2_aside.jsonl; see tests/data/README.md), each graded before any judge scored
it. The reading is neighbours.answered_elsewhere: the answer against the whole bank."""

import json
import statistics
from pathlib import Path

import pytest

from interviewer.content.loader import load_content
from interviewer.domain.judging import JudgeRequest
from interviewer.domain.question import elsewhere_texts, family
from interviewer.judge import neighbours
from tests.answer_sets import bank_request, judged_on, percents_by_kind

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def dev() -> dict[str, list[float]]:
    return percents_by_kind(DATA / "neighbours2_answers.jsonl")


def test_answers_to_a_question_of_another_family_sit_low(dev):
    # Before (main 9dd967c): mean 37.9 over 14, ten of them 31-68.
    assert len(dev["offtopic"]) == 14
    # After: 8.3; all but two (a deep dive and a story, which are not read so) floored.
    assert statistics.mean(dev["offtopic"]) <= 10
    assert sorted(dev["offtopic"])[-3] == 0


def test_right_answers_that_mention_a_neighbouring_topic_keep_their_scores(dev):
    # Before: mean 77.8, lowest 50.4 (a story).
    assert len(dev["excellent"]) == 8
    assert statistics.mean(dev["excellent"]) >= 77.8
    assert min(dev["excellent"]) >= 50


def test_the_former_held_out_sets_neighbouring_question_answers():
    # holdout10's neighbouring-question answers (graded 2-3): before 19.8 on average, four
    # of them 51.8-65.2 (mixed precision asked about distributed training, a photo
    # moderation service asked about defect inspection, RAG chunking asked about RAG or
    # fine-tuning, Q-learning and policy gradients asked about MDPs).
    by_kind = percents_by_kind(DATA / "holdout10_answers.jsonl")
    assert len(by_kind["offtopic"]) == 13
    assert statistics.mean(by_kind["offtopic"]) <= 6
    assert sorted(by_kind["offtopic"])[-2] <= 10  # all but Q-learning (covers half the points)
    assert statistics.mean(by_kind["excellent"]) >= 75.0
    assert statistics.mean(by_kind["good"]) >= 66.5


def test_elsewhere_texts_are_the_questions_outside_the_family():
    bank = load_content().questions
    texts = elsewhere_texts("python.numpy.memory_layout", bank)
    in_family = [q for q in bank if family(q) == "python.numpy"]
    told_or_coded = [q for q, asked in bank.items() if asked.round in {"behavioral", "coding"}]
    # The question and its neighbours are not among them, nor the questions answered by a
    # story or by code.
    assert told_or_coded
    assert len(texts) == len(bank) - len(in_family) - len(told_or_coded)
    assert not any(bank[q].prompt in t for q in in_family for t in texts)
    assert any(bank["breadth.llms.training_memory"].prompt in t for t in texts)
    assert any(bank[q].prompt in t for q in bank if bank[q].round == "deep_dive" for t in texts)


def test_a_story_question_keeps_every_other_family_as_elsewhere():
    bank = load_content().questions
    asked = next(q for q in bank if bank[q].round == "behavioral")
    texts = elsewhere_texts(asked, bank)
    assert len(texts) == len(bank) - sum(family(q) == family(asked) for q in bank)


# holdout16's right answer in everyday words to the causal-inference question (graded 85):
# its everyday words were most of a behavioral prompt's ("tell me about a time you used data
# or an analysis to change a decision"), so it was floored at 0 as a neighbour's answer.
EVERYDAY_CAUSAL = next(
    json.loads(line)["answer"]
    for line in (DATA / "holdout16_answers.jsonl").read_text().splitlines()
    if json.loads(line)["id"] == "breadth.statistics.causal_inference_basics.excellent2"
)


def test_an_everyday_answer_is_not_read_as_a_story_questions_answer():
    request = _request("breadth.statistics.causal_inference_basics", EVERYDAY_CAUSAL)
    assert not neighbours.answered_elsewhere(request, EVERYDAY_CAUSAL)
    result, percent = judged_on("breadth.statistics.causal_inference_basics", EVERYDAY_CAUSAL)
    assert "neighbouring question" not in result.criteria[0].rationale
    assert percent is not None and percent >= 50  # 60.2 (0 before)


def _request(question_id: str, answer: str) -> JudgeRequest:
    content = load_content()
    return bank_request(content, content.questions[question_id], answer)


# Adam's memory cost, asked about how momentum and Adam change SGD: the answer to
# breadth.llms.training_memory, another family's question.
ADAM_MEMORY = (
    "The real cost of Adam is memory. For every parameter you keep the weight, its gradient "
    "and two moment buffers, so in mixed precision a 7-billion-parameter model needs about "
    "16 bytes per parameter: bf16 weights and gradients, an fp32 master copy and two fp32 "
    "optimizer states, over 110 GB before the activations, which does not fit on one 80 GB "
    "GPU. Shard the optimizer states with ZeRO, use an 8-bit optimizer, offload to CPU or "
    "train LoRA adapters, and use activation checkpointing."
)
# The right answer, which names that memory cost in passing.
ADAM_RIGHT = (
    "Momentum keeps an exponential moving average of past gradients and steps along it, so "
    "consistent directions build up speed and oscillations across a narrow valley cancel. "
    "Adam adds a per-parameter average of squared gradients and divides the step by its "
    "square root, so every parameter gets its own effective learning rate, with bias "
    "correction for the first steps. It is popular because it needs little tuning; it can "
    "generalise worse than SGD with momentum, AdamW decouples weight decay, and its two "
    "moment buffers double the optimizer's memory."
)


def test_an_answer_to_another_familys_question_says_its_terms_not_the_asked_ones():
    request = _request("breadth.gradient_descent.momentum_adam", ADAM_MEMORY)
    own, other = neighbours.said_across_the_bank(request, ADAM_MEMORY)
    assert other >= neighbours.ELSEWHERE_SAID_AT
    assert other >= neighbours.ELSEWHERE_OVER_OWN * own
    assert neighbours.answered_elsewhere(request, ADAM_MEMORY)
    # Asked about training memory, the same answer answers its own question.
    request = _request("breadth.llms.training_memory", ADAM_MEMORY)
    assert not neighbours.answered_elsewhere(request, ADAM_MEMORY)


def test_a_right_answer_that_names_the_neighbouring_topic_is_not_read_so():
    request = _request("breadth.gradient_descent.momentum_adam", ADAM_RIGHT)
    own, other = neighbours.said_across_the_bank(request, ADAM_RIGHT)
    assert own > other
    assert not neighbours.answered_elsewhere(request, ADAM_RIGHT)


def test_the_other_familys_answer_is_floored_and_says_why():
    result, percent = judged_on("breadth.gradient_descent.momentum_adam", ADAM_MEMORY)
    assert percent == 0
    assert "neighbouring question" in result.criteria[0].rationale
    _, percent = judged_on("breadth.gradient_descent.momentum_adam", ADAM_RIGHT)
    assert percent is not None and percent >= 60


def test_a_request_without_the_bank_is_not_read_so():
    request = _request("breadth.gradient_descent.momentum_adam", ADAM_MEMORY).model_copy(
        update={"elsewhere": []}
    )
    assert not neighbours.answered_elsewhere(request, ADAM_MEMORY)


def test_the_reading_can_be_turned_off(monkeypatch):
    request = _request("breadth.gradient_descent.momentum_adam", ADAM_MEMORY)
    monkeypatch.setattr(neighbours, "ELSEWHERE_SAID_AT", 0.0)
    assert not neighbours.answered_elsewhere(request, ADAM_MEMORY)


def test_the_aside_is_well_formed():
    lines = [
        json.loads(line) for line in (DATA / "neighbours2_aside.jsonl").read_text().splitlines()
    ]
    assert len(lines) == 8
    assert {d["kind"] for d in lines} == {"offtopic", "excellent"}
    assert not {d["question_id"] for d in lines} & {
        json.loads(line)["question_id"]
        for line in (DATA / "neighbours2_answers.jsonl").read_text().splitlines()
    }


def test_the_aside_scored_at_the_end():
    # Kept aside while the judge was changed; scored before (neighbouring-question answers
    # 55.2, 37.9, 14.8, 0.0; right answers 83.3 on average) and at the end: the bandits
    # asked about cold start (in no bank question) stays at 37.9.
    by_kind = percents_by_kind(DATA / "neighbours2_aside.jsonl")
    assert sorted(by_kind["offtopic"])[-2] == 0
    assert statistics.mean(by_kind["excellent"]) >= 83
