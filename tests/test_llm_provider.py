"""The OpenAI-compatible provider against a real HTTP server on loopback."""

import logging
import traceback

import pytest
from pydantic import BaseModel, ConfigDict

from interviewer.llm.base import Message, make_provider
from interviewer.llm.errors import LLMError, LLMUnavailable, StreamInterrupted
from interviewer.llm.openai_provider import PLACEHOLDER_KEY, OpenAICompatibleProvider
from interviewer.llm.retry import RetryPolicy, is_retryable
from tests.fake_openai import FakeOpenAIServer

SECRET = "sk-test-SECRET-0123456789abcdef"
FAST = RetryPolicy(max_retries=3, first_token_timeout_s=5, total_deadline_s=20, base_delay_s=0.01)
HELLO = [Message("user", "<source>\nWhat does L1 regularisation do to weights?\n</source>")]
SAID = "What does L1 regularisation do to weights?"


def provider(server, **kwargs) -> OpenAICompatibleProvider:
    kwargs.setdefault("policy", FAST)
    return OpenAICompatibleProvider("fake-interviewer", base_url=server.url, **kwargs)


class Verdict(BaseModel):
    model_config = ConfigDict(extra="forbid")
    level: int
    reason: str


@pytest.mark.parametrize("stream", [False, True])
@pytest.mark.parametrize("fault", ["rate_limit", "server_error", "cut", "malformed"])
async def test_transient_failures_are_retried(server, fault, stream):
    server.enqueue({"fault": fault, "retry_after": 0})
    api = provider(server)
    shown: list[str] = []
    completion = await api.generate(HELLO, stream_to=shown.append if stream else None)
    assert completion.text == SAID
    assert completion.attempts == 2
    assert completion.finish_reason == "stop"
    if stream:
        assert "".join(shown) == SAID  # the dropped attempt's words are not repeated
    assert len(server.requests) == 2


async def test_retry_after_is_honoured():
    waits: list[float] = []

    async def record_sleep(seconds: float) -> None:
        waits.append(seconds)

    with FakeOpenAIServer() as srv:
        srv.enqueue({"fault": "rate_limit", "retry_after": 7})
        api = OpenAICompatibleProvider("m", base_url=srv.url, policy=FAST, sleep=record_sleep)
        await api.generate(HELLO)
    assert waits and waits[0] >= 7


async def test_a_cut_stream_is_never_returned_as_a_whole_turn(server):
    server.enqueue(*[{"fault": "cut"}] * 4)
    api = provider(server)
    with pytest.raises(LLMUnavailable, match="without a finish reason"):
        await api.generate(HELLO, stream_to=lambda _: None)
    assert len(server.requests) == FAST.max_retries + 1


async def test_client_errors_are_not_retried(server):
    server.enqueue({"fault": "server_error", "status": 404})
    with pytest.raises(LLMError) as caught:
        await provider(server).generate(HELLO)
    assert not isinstance(caught.value, LLMUnavailable)
    assert len(server.requests) == 1


async def test_attempt_timeout_and_total_deadline(server):
    server.enqueue(*[{"delay": 1.0}] * 10)
    policy = RetryPolicy(
        max_retries=10, first_token_timeout_s=0.3, total_deadline_s=1.0, base_delay_s=0.01
    )
    with pytest.raises(LLMUnavailable) as caught:
        await provider(server, policy=policy).generate(HELLO)
    assert "timed out" in str(caught.value) or "deadline" in str(caught.value)
    assert 2 <= len(server.requests) <= 4


async def test_stream_reports_usage_and_chunks(server):
    chunks: list[str] = []
    completion = await provider(server).generate(HELLO, stream_to=chunks.append)
    assert len(chunks) > 3 and "".join(chunks) == SAID
    assert completion.usage.prompt_tokens > 0 and completion.usage.completion_tokens > 0
    body = server.requests[0]["body"]
    assert body["stream"] is True and body["stream_options"] == {"include_usage": True}


async def test_structured_output_request_carries_the_json_schema(server):
    server.enqueue('{"level": 3, "reason": "ok"}')
    await provider(server).generate(HELLO, response_schema=Verdict)
    sent = server.requests[0]["body"]["response_format"]
    assert sent["type"] == "json_schema"
    assert sent["json_schema"]["name"] == "Verdict"
    schema = Verdict.model_json_schema()
    schema["properties"]["reason"]["maxLength"] = 300  # a local server's grammar is bounded
    assert sent["json_schema"]["schema"] == schema
    assert sent["json_schema"]["schema"]["additionalProperties"] is False


async def test_a_refused_json_schema_steps_down_to_json_object_and_is_remembered(server):
    server.enqueue({"fault": "bad_request_on_schema"}, '{"level": 2, "reason": "x"}')
    api = provider(server)
    completion = await api.generate(HELLO, response_schema=Verdict)
    assert completion.text == '{"level": 2, "reason": "x"}'
    assert api.structured_mode == "json_object" and api.supports_structured_output is False
    assert server.requests[1]["body"]["response_format"] == {"type": "json_object"}
    await api.generate(HELLO, response_schema=Verdict)
    assert server.requests[2]["body"]["response_format"] == {"type": "json_object"}


async def test_a_server_refusing_both_json_modes_gets_plain_text_with_the_schema_in_the_prompt():
    from tests.fake_openai import FakeOpenAIServer, ServerBehaviour

    behaviour = ServerBehaviour(refuse=frozenset({"json_schema", "json_object"}))
    with FakeOpenAIServer(behaviour=behaviour) as srv:
        srv.enqueue('{"level": 2, "reason": "x"}')
        api = provider(srv)
        completion = await api.generate(HELLO, response_schema=Verdict)
        kinds = [(r["body"].get("response_format") or {}).get("type") for r in srv.requests]
    assert kinds == ["json_schema", "json_object", None]
    assert completion.text == '{"level": 2, "reason": "x"}' and api.structured_mode == "none"


async def test_a_key_is_not_sent_to_a_custom_base_url_unless_allowed(server):
    await provider(server, api_key=SECRET).generate(HELLO)
    assert server.requests[-1]["authorization"] == f"Bearer {PLACEHOLDER_KEY}"
    await provider(server, api_key=SECRET, send_key_to_custom_base_url=True).generate(HELLO)
    assert server.requests[-1]["authorization"] == f"Bearer {SECRET}"


async def test_the_key_appears_in_no_error_log_or_file(server, caplog, tmp_path):
    caplog.set_level(logging.DEBUG)
    api = provider(server, api_key=SECRET, send_key_to_custom_base_url=True)
    server.enqueue({"fault": "echo_auth"})  # a 401 whose body quotes the Authorization header
    with pytest.raises(LLMError) as caught:
        await api.generate(HELLO)
    server.enqueue({"fault": "server_error"}, {"fault": "rate_limit", "retry_after": 0})
    await api.generate(HELLO)
    report = tmp_path / "attempts.txt"
    report.write_text("\n".join(a.outcome for a in api.attempt_log))
    assert server.requests[0]["authorization"] == f"Bearer {SECRET}"  # it was really used
    traceback_text = "".join(traceback.format_exception(caught.value))
    texts = [str(caught.value), traceback_text, caplog.text, report.read_text()]
    assert "401" in str(caught.value)
    for text in texts:
        assert SECRET not in text
        assert SECRET[:12] not in text


def test_is_retryable_classifies_in_one_place():
    assert is_retryable(TimeoutError()) == (True, None)
    assert is_retryable(StreamInterrupted("cut")) == (True, None)
    assert is_retryable(LLMError("bad request")) == (False, None)
    assert is_retryable(ValueError("bug")) == (False, None)
    assert is_retryable(ConnectionResetError()) == (True, None)


def test_providers_are_registered_by_name_and_imported_lazily():
    mock = make_provider("mockllm", model="scripted")
    assert mock.name == "mockllm"
    with pytest.raises(LLMError, match="unknown provider"):
        make_provider("nope", model="x")


async def test_a_server_refusing_stream_options_still_streams(server):
    server.enqueue({"fault": "bad_request_on_stream_options"})
    api = provider(server)
    chunks: list[str] = []
    completion = await api.generate(HELLO, stream_to=chunks.append)
    assert completion.text == SAID and "".join(chunks) == SAID
    assert api.stream_usage is False
    assert "stream_options" not in server.requests[1]["body"]


def test_the_server_is_scriptable_over_http(server):
    import json
    import urllib.request

    def call(path: str, payload: object | None = None) -> object:
        data = json.dumps(payload).encode() if payload is not None else None
        req = urllib.request.Request(server.url.removesuffix("/v1") + path, data=data)
        req.add_header("Content-Type", "application/json")
        with urllib.request.urlopen(req, timeout=5) as response:
            return json.loads(response.read())

    models = call("/v1/models")
    assert isinstance(models, dict) and models["object"] == "list"
    assert call("/_script", [{"content": "scripted"}]) == {"queued": 1}
    body = {"model": "m", "messages": [{"role": "user", "content": "hi"}]}
    reply = call("/v1/chat/completions", body)
    assert isinstance(reply, dict) and reply["choices"][0]["message"]["content"] == "scripted"
    assert reply["usage"]["prompt_tokens"] > 0
    log = call("/_requests")
    assert isinstance(log, list) and log[0]["body"] == body


async def test_scripted_provider_retries_a_malformed_reply_and_keeps_a_history():
    from interviewer.llm.errors import MalformedResponse
    from interviewer.llm.mock import MockLLM

    api = MockLLM(policy=FAST)
    api.enqueue(MalformedResponse("no choices"), "fine")
    completion = await api.generate(HELLO)
    assert completion.text == "fine" and completion.attempts == 2
    assert [call.messages for call in api.history] == [HELLO, HELLO]
    api.enqueue(LLMError("model not found"))
    with pytest.raises(LLMError, match="model not found"):
        await api.generate(HELLO)


def test_the_fake_server_starts_with_python_dash_m(tmp_path):
    import subprocess
    import sys
    import urllib.request
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.fake_openai", "--port", "0", "--require-key", "sk-k"],
        cwd=root,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        url = proc.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:") and url.endswith("/v1")
        request = urllib.request.Request(url + "/models")
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=5)
        assert refused.value.code == 401
        request.add_header("Authorization", "Bearer sk-k")
        with urllib.request.urlopen(request, timeout=5) as response:
            assert b"fake-interviewer" in response.read()
    finally:
        proc.terminate()
        proc.wait(timeout=10)
