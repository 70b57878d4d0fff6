"""A judge prompt too big for a small context window leaves out what matters least, in a
fixed order, and says so; the answer is never cut, and a prompt that fits is unchanged."""

import json
import re

from interviewer.domain.judging import JudgeRequest, JudgeResult
from interviewer.domain.question import Question
from interviewer.judge.llm_judge import LLMJudge, PromptCut, prompt_cuts
from interviewer.llm.context import SAFETY_TOKENS, ContextWindow
from interviewer.llm.mock import MockLLM
from interviewer.llm.tokens import count_message_tokens
from tests import builders
from tests.answer_sets import bank_request, request_for

ANSWER = (
    "L1 adds the absolute values of the weights to the loss, so many weights become exactly "
    "zero, which makes it handy for feature selection on wide data. "
) * 6
# Weights in the bank's order, and the order their misconceptions must give way: the
# lightest first, and between equal weights the one listed later.
WEIGHTS = {"first": 2, "second": 1, "third": 3, "fourth": 1}
GIVE_WAY = ["fourth", "second", "first", "third"]


def question() -> Question:
    data = builders.question("breadth.l1").model_dump()
    data["key_points"] = [
        {
            "id": kp_id,
            "text": f"The {kp_id} thing a strong answer says about the L1 penalty",
            "weight": weight,
            "misconceptions": [
                {
                    "id": f"{kp_id}_wrong",
                    "claim": f"CLAIM-{kp_id}: L1 penalises the squared weights and keeps them all.",
                    "correction": f"TRUE-{kp_id}: it penalises absolute values and zeroes some.",
                }
            ],
        }
        for kp_id, weight in WEIGHTS.items()
    ]
    data["follow_ups"] = [{"probes": "first", "prompt": "What exactly is penalised?"}]
    return Question.model_validate(data)


def judge_request(answer: str = ANSWER) -> JudgeRequest:
    q = question()
    return request_for(q, builders.rubric(), answer)


def reply() -> str:
    return json.dumps(
        {
            "misconceptions": [],
            "covered_key_points": ["first"],
            "missed_key_points": ["second", "third", "fourth"],
            "criteria": {
                cid: {
                    "evidence": ["many weights become exactly zero"],
                    "rationale": "ok",
                    "level": 3,
                }
                for cid in ("correctness", "communication")
            },
            "feedback": "Say more.",
        }
    )


def window(tokens: int) -> ContextWindow:
    return ContextWindow(tokens, "test", 1.0)


async def scored_with(tokens: int | None) -> tuple[LLMJudge, JudgeResult]:
    judge = LLMJudge(MockLLM(default=reply()), max_tokens=500, context=None)
    if tokens is not None:
        judge.context = window(tokens)
    result = await judge.score(judge_request())
    return judge, result


def answer_sent(judge: LLMJudge) -> str:
    call = judge.calls[0]
    user = call.messages[-1].content
    return user.split(f"<answer-{call.nonce}>\n", 1)[1].split(f"\n</answer-{call.nonce}>")[0]


def without_nonce(judge: LLMJudge) -> list[str]:
    call = judge.calls[0]
    return [m.content.replace(call.nonce, "NONCE") for m in call.messages]


async def test_misconceptions_give_way_lightest_first_and_the_answer_is_never_cut():
    _, roomy = await scored_with(None)
    seen: list[tuple[bool, list[str], bool]] = []
    for tokens in range(2400, 1500, -8):
        judge, result = await scored_with(tokens)
        if not judge.calls:  # even the smallest prompt does not fit: unscored, nothing sent
            assert not result.is_scored
            assert result.reason.startswith("judge prompt does not fit")
            break
        call = judge.calls[0]
        system, user = call.messages[0].content, call.messages[-1].content
        assert call.estimated_tokens <= window(tokens).room(call.max_tokens)
        assert answer_sent(judge) == ANSWER.strip()  # whole, at every size
        kept_claims = [kp for kp in WEIGHTS if f"CLAIM-{kp}" in user]
        left_out = [kp for kp in GIVE_WAY if kp not in kept_claims]
        assert left_out == GIVE_WAY[: len(left_out)]  # in order, lightest first
        corrections = "TRUE-" in user
        examples = "e.g. example" in system
        # The corrections go first, then the examples, and only then any claim.
        if not examples:
            assert not corrections
        if left_out:
            assert not examples
        assert result.is_scored
        if (corrections, left_out, examples) == (True, [], True):
            assert result.method == roomy.method == "llm"
        else:
            said = result.method
            assert said.startswith(f"llm (left out to fit {tokens} tokens (test): ")
            for kp in left_out:
                assert f"misconceptions {kp}_wrong of key point {kp} (weight" in said
            assert ("the levels' examples" in said) == (not examples)
            assert ("corrections" in said) == (not corrections)
        state = (corrections, left_out, examples)
        if not seen or seen[-1] != state:
            seen.append(state)
    # Every step was taken, one at a time, in this order, as the window shrank.
    assert seen == [
        (True, [], True),
        (False, [], True),
        *[(False, GIVE_WAY[:n], False) for n in range(5)],
    ]


async def test_a_prompt_that_fits_is_sent_exactly_as_without_a_window():
    unbounded, _ = await scored_with(None)
    fits, result = await scored_with(32768)
    assert without_nonce(fits) == without_nonce(unbounded)
    assert result.method == "llm"
    user = without_nonce(fits)[-1]
    for kp in WEIGHTS:
        assert f"Misconception `{kp}_wrong`: CLAIM-{kp}" in user and f"TRUE-{kp}" in user


def window_for(prompt_tokens: int) -> int:
    """A window that leaves exactly `prompt_tokens` beside the judge's 500-token reply."""
    tokens = prompt_tokens + 500 + SAFETY_TOKENS
    assert window(tokens).room(500) == prompt_tokens
    return tokens


async def test_the_same_answer_leaves_out_the_same_whatever_the_nonce():
    # Exactly the size of the prompt without its corrections and examples, and one token
    # less: each nonce counts the same, so every call of each makes the same cut.
    bare = LLMJudge(MockLLM()).build_messages(
        judge_request(), "123456789012345678", PromptCut(corrections=True, examples=True), []
    )
    size = count_message_tokens(bare)
    for tokens, left_out in ((size, []), (size - 1, ["fourth"])):
        seen = set()
        for _ in range(12):
            judge, _ = await scored_with(window_for(tokens))
            user = judge.calls[0].messages[-1].content
            assert judge.calls[0].estimated_tokens <= tokens
            seen.add(tuple(kp for kp in GIVE_WAY if f"CLAIM-{kp}" not in user))
        assert seen == {tuple(left_out)}


async def test_every_sample_of_a_median_sends_the_same_cut_and_the_method_says_it():
    whole, _ = await scored_with(None)
    tokens = window_for(whole.calls[0].estimated_tokens - 1)
    judge = LLMJudge(MockLLM(default=reply()), max_tokens=500, samples=3, context=window(tokens))
    result = await judge.score(judge_request())
    users = {re.sub(r"[0-9]{18}", "N", c.messages[-1].content) for c in judge.calls}
    assert len(judge.calls) == 3 and len(users) == 1
    assert result.method.startswith("llm median of 3")
    assert (
        f"left out to fit {tokens} tokens (test): the misconceptions' corrections)" in result.method
    )


def test_every_bank_question_fits_a_4096_token_local_window_beside_a_150_word_answer():
    from interviewer.content.loader import load_content
    from interviewer.llm.context import default_window

    sentence = (
        "I would split the data by time, train a baseline and watch for drift in production. "
    )
    answer = " ".join((sentence * 20).split()[:150])
    content = load_content()
    judge = LLMJudge(MockLLM(), context=default_window(False))
    room = judge.hard_limit()
    assert room is not None
    too_big = []
    for q in content.questions.values():
        request = bank_request(content, q, answer)
        smallest = judge.build_messages(request, "0" * 18, prompt_cuts(request)[-1], [])
        if count_message_tokens(smallest) > room:
            too_big.append(q.id)
    assert too_big == []
