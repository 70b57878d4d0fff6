"""Replies as real servers send them: reasoning in every form, slow first tokens, slow but
healthy streams, stalls, cut-offs at the token limit, missing usage."""

import pytest

from interviewer.conductor.base import RESTART, SpeakRequest
from interviewer.conductor.llm_conductor import LLMConductor
from interviewer.domain.session import TurnKind
from interviewer.llm.base import Message
from interviewer.llm.errors import LLMUnavailable
from interviewer.llm.openai_provider import OpenAICompatibleProvider
from interviewer.llm.reasoning import ReasoningFilter, strip_reasoning
from interviewer.llm.retry import RetryPolicy
from interviewer.llm.structured import ReplyError, json_objects, parse_structured
from interviewer.llm.usage import UsageLog
from tests import builders
from tests.fake_openai import FakeOpenAIServer, ServerBehaviour

HELLO = [Message("user", "<source>\nWhat does L1 regularisation do to weights?\n</source>")]
SAID = "What does L1 regularisation do to weights?"


def provider(server, **policy) -> OpenAICompatibleProvider:
    defaults = {"max_retries": 2, "base_delay_s": 0.01, "total_deadline_s": 20}
    return OpenAICompatibleProvider(
        "fake-interviewer", base_url=server.url, policy=RetryPolicy(**{**defaults, **policy})
    )


# --- reasoning --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "visible", "thought"),
    [
        ("<think>plan {a: 1}</think>Hello {x}", "Hello {x}", "plan {a: 1}"),
        ("<THINKING>\nhmm\n</THINKING>\n\nQuestion?", "Question?", "\nhmm\n"),
        ("<reasoning>a</reasoning>b<think>c</think>d", "bd", "ac"),
        ("only the closing tag, the opening was in the template</think>Ask.", "Ask.", None),
        ("<think>never closed, cut off", "", "never closed, cut off"),
        ("a < b and <thinkpad> are text", "a < b and <thinkpad> are text", ""),
    ],
)
def test_reasoning_is_cut_from_a_reply_in_any_form(raw, visible, thought):
    shown, reasoning = strip_reasoning(raw)
    assert shown == visible
    if thought is not None:
        assert reasoning == thought


def test_a_stream_split_inside_the_tags_shows_only_the_reply():
    raw = "<think>I should ask about {sparsity}.</think>What does L1 do?"
    for size in (1, 2, 3, 5, 7):
        shown: list[str] = []
        cut = ReasoningFilter(emit=shown.append)
        for i in range(0, len(raw), size):
            cut.feed(raw[i : i + size])
        cut.finish()
        assert "".join(shown) == "What does L1 do?"
        assert "sparsity" not in "".join(shown)


def test_text_shown_before_a_stray_closing_tag_is_withdrawn():
    shown: list[str] = []
    withdrawn: list[bool] = []
    cut = ReasoningFilter(emit=shown.append, withdraw=lambda: withdrawn.append(True))
    for piece in ("Let me think", " about it.", "</thi", "nk>", "What is L1?"):
        cut.feed(piece)
    cut.finish()
    assert withdrawn == [True] and cut.text == "What is L1?"


async def test_reasoning_content_and_think_tags_never_reach_the_candidate_or_the_record():
    with FakeOpenAIServer() as srv:
        srv.enqueue(
            {"content": "<think>They said {x}; probe it.</think>\n" + SAID, "reasoning": "R1 "}
        )
        api = provider(srv)
        chunks: list[str] = []
        completion = await api.generate(HELLO, stream_to=chunks.append)
    assert "".join(chunks) == SAID and completion.text == SAID
    assert "probe it" in completion.reasoning and "R1" in completion.reasoning


async def test_a_conductor_turn_holds_no_reasoning():
    with FakeOpenAIServer() as srv:
        srv.enqueue("<think>The bank says {L1}.</think>" + SAID)
        conductor = LLMConductor(provider(srv))
        s = builders.session(builders.scenario([("breadth", 2)]))
        q = builders.question("breadth.l1")
        chunks = [c async for c in conductor.speak(SpeakRequest(TurnKind.question, s, 0, q))]
    assert "".join(chunks) == SAID and conductor.fallbacks == []


# --- progress, not duration -------------------------------------------------------------------


async def test_a_slow_first_token_fails_the_attempt_and_is_retried():
    with FakeOpenAIServer() as srv:
        srv.enqueue({"first_token_delay": 5})
        api = provider(srv, first_token_timeout_s=0.5)
        chunks: list[str] = []
        completion = await api.generate(HELLO, stream_to=chunks.append)
    assert completion.text == SAID and completion.attempts == 2
    assert api.attempt_log[0].outcome.startswith("no first token within")
    assert "".join(chunks) == SAID


async def test_a_slow_but_healthy_stream_is_not_cut():
    # 9 pieces, 0.25 s apart: over 2 s in all, against a 0.8 s first-token limit and a
    # 0.8 s gap limit. A whole-call timeout would cut it; the progress watchdog does not.
    with FakeOpenAIServer() as srv:
        srv.enqueue({"token_delay": 0.25})
        api = provider(srv, first_token_timeout_s=0.8, token_gap_timeout_s=0.8)
        chunks: list[str] = []
        completion = await api.generate(HELLO, stream_to=chunks.append)
    assert completion.text == SAID and completion.attempts == 1
    assert "".join(chunks) == SAID


async def test_a_stalled_stream_is_retried_without_a_marker():
    with FakeOpenAIServer() as srv:
        srv.enqueue({"fault": "stall", "stall_after": 3, "stall_s": 10})
        api = provider(srv, token_gap_timeout_s=0.5)
        chunks: list[str] = []
        restarts: list[bool] = []
        completion = await api.generate(
            HELLO, stream_to=chunks.append, on_restart=lambda: restarts.append(True)
        )
    assert completion.text == SAID and completion.attempts == 2
    assert "no new token for 0.5s" in api.attempt_log[0].outcome
    assert "".join(chunks) == SAID and restarts == []  # the retry repeated what was shown
    assert "connection dropped" not in "".join(chunks)


async def test_nothing_is_waited_for_past_the_deadline():
    with FakeOpenAIServer() as srv:
        srv.enqueue(*[{"first_token_delay": 5}] * 5)
        api = provider(srv, first_token_timeout_s=3, total_deadline_s=1, max_retries=5)
        with pytest.raises(LLMUnavailable):
            await api.generate(HELLO)


# --- limits and usage -------------------------------------------------------------------------


async def test_max_tokens_is_sent_and_a_runaway_turn_falls_back_to_the_bank():
    runaway = "blah " * 400
    with FakeOpenAIServer() as srv:
        srv.enqueue(runaway)
        conductor = LLMConductor(provider(srv), turn_max_tokens=50)
        s = builders.session(builders.scenario([("breadth", 2)]))
        request = SpeakRequest(TurnKind.follow_up, s, 0, probe="What is penalised?")
        chunks = [c async for c in conductor.speak(request)]
        sent = srv.requests[0]["body"]
    assert sent["max_tokens"] == 50
    assert chunks[-2:] == [RESTART, "What is penalised?"]
    assert conductor.fallbacks[0].reason == (
        "the reply was cut off at 50 tokens (finish_reason=length)"
    )


async def test_openai_gets_max_completion_tokens_and_a_refusal_switches_the_name():
    with FakeOpenAIServer() as srv:
        api = provider(srv)
        api.max_tokens_param = "max_completion_tokens"  # as for api.openai.com
        await api.generate(HELLO, max_tokens=20)
        assert srv.requests[0]["body"]["max_completion_tokens"] == 20


async def test_missing_usage_is_estimated_and_marked_so():
    with FakeOpenAIServer(behaviour=ServerBehaviour(usage=False)) as srv:
        completion = await provider(srv).generate(HELLO)
    assert completion.usage.estimated
    assert completion.usage.prompt_tokens > 0 and completion.usage.completion_tokens > 0
    entry = UsageLog().record("judge", completion, 10, "gpt-4o-mini")
    assert entry.estimated and entry.prompt_tokens > 0


# --- structured replies -----------------------------------------------------------------------


def test_every_json_object_is_found_and_broken_ones_reported_where_they_break():
    objects, error = json_objects('a {"x": 1} b {"y": [1, 2} c {"z": {"w": 2}}')
    assert objects == [{"x": 1}, {"z": {"w": 2}}]
    assert error is not None and error.pos > 13


def test_parse_structured_takes_the_last_object_that_validates():
    def only_with_answer(data: dict[str, object]) -> object:
        if "answer" not in data:
            raise ReplyError("no answer")
        return data["answer"]

    assert parse_structured('{"answer": 1} {"answer": 2} {"other": 3}', only_with_answer) == 2
    with pytest.raises(ReplyError, match="cut off; no answer"):
        parse_structured('{"other": 3}', only_with_answer, cut_off="cut off")


def test_a_local_servers_grammar_bounds_free_text_and_openai_gets_the_schema_as_is():
    from interviewer.judge.llm_judge import judge_reply_model
    from interviewer.llm.base import CallRequest
    from interviewer.llm.openai_provider import MAX_LIST_ITEMS, MAX_STRING_CHARS
    from tests.test_llm_judge import request

    schema = judge_reply_model(request())
    local = OpenAICompatibleProvider("m", base_url="http://127.0.0.1:9/v1")
    hosted = OpenAICompatibleProvider("m", api_key="sk-test-0000000000")
    sent = local._body(CallRequest([], schema))["response_format"]["json_schema"]["schema"]
    verdict = sent["$defs"]["CriterionVerdict"]["properties"]
    assert verdict["rationale"]["maxLength"] == MAX_STRING_CHARS
    assert verdict["evidence"]["maxItems"] == MAX_LIST_ITEMS
    assert verdict["evidence"]["items"]["maxLength"] == MAX_STRING_CHARS
    assert "maxItems" not in sent["properties"]["covered_key_points"]  # ids: an enum
    as_is = hosted._body(CallRequest([], schema))["response_format"]["json_schema"]["schema"]
    assert as_is == schema.model_json_schema()
