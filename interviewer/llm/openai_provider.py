"""The OpenAI-compatible provider: OpenAI, Ollama, vLLM, llama.cpp server, LM Studio...

The only module that imports the openai SDK. The SDK's own retries are off: the base
class retries, so every failure passes through one classifier and one deadline. Every
call is streamed, so the progress timeouts mean the same for a turn the candidate watches
and a verdict nobody sees arrive.

Servers refuse optional parts of a request in different ways; a refusal (HTTP 400) steps
down once and is remembered for later calls: structured output json_schema -> json_object
-> none (the schema is in the prompt either way), usage in streams -> none, and the name of
the token limit (max_completion_tokens <-> max_tokens).
"""

from typing import Any
from urllib.parse import urlparse

import openai
from pydantic import BaseModel

from interviewer.llm.base import AttemptSink, CallRequest, Completion, ModelAPI, TokenUsage
from interviewer.llm.errors import LLMError, MalformedResponse, StreamInterrupted
from interviewer.llm.redact import Redactor, install_log_redaction, redact_url
from interviewer.llm.retry import RetryPolicy

OPENAI_HOST = "api.openai.com"
DEFAULT_BASE_URL = f"https://{OPENAI_HOST}/v1"
# Local servers need no key, but the SDK wants one: this is sent instead of a real key.
PLACEHOLDER_KEY = "sk-no-key-needed"
STRUCTURED_MODES = ("json_schema", "json_object", "none")
_CONTEXT_WORDS = ("context length", "context window", "maximum context", "too many tokens")


def is_openai_host(base_url: str | None) -> bool:
    return base_url is None or (urlparse(base_url).hostname or "").lower() == OPENAI_HOST


def key_to_send(api_key: str | None, base_url: str | None, send_to_custom: bool) -> str:
    """The configured key goes to api.openai.com, elsewhere only when explicitly allowed."""
    if api_key and (is_openai_host(base_url) or send_to_custom):
        return api_key
    return PLACEHOLDER_KEY


# Local servers turn the schema into a grammar; a small model can then loop inside one
# string until max_tokens cuts the JSON. Bounds on free text keep a reply whole. (OpenAI's
# strict mode is left as it is: it does not take every bound and its models do not loop.)
MAX_STRING_CHARS = 300
MAX_LIST_ITEMS = 4


def json_schema_format(schema: type[BaseModel], *, bounded: bool = False) -> dict[str, Any]:
    body = schema.model_json_schema()
    if bounded:
        _bound(body)
    return {
        "type": "json_schema",
        "json_schema": {"name": schema.__name__, "schema": body, "strict": True},
    }


def _bound(node: Any) -> None:
    """Limit every free-text string's length and every list's size but lists of ids."""
    if isinstance(node, dict):
        if node.get("type") == "string" and "enum" not in node:
            node.setdefault("maxLength", MAX_STRING_CHARS)
        items = node.get("items")
        if node.get("type") == "array" and isinstance(items, dict) and "enum" not in items:
            node.setdefault("maxItems", MAX_LIST_ITEMS)  # free text, or objects holding it
        for value in node.values():
            _bound(value)
    elif isinstance(node, list):
        for value in node:
            _bound(value)


class OpenAICompatibleProvider(ModelAPI):
    name = "openai"

    def __init__(
        self,
        model: str,
        *,
        api_key: str | None = None,
        base_url: str | None = None,
        send_key_to_custom_base_url: bool = False,
        policy: RetryPolicy | None = None,
        stream_usage: bool = True,
        **kwargs: Any,
    ) -> None:
        redactor = Redactor(api_key)
        super().__init__(model, policy=policy, redactor=redactor, **kwargs)
        install_log_redaction(redactor)
        self.base_url = base_url or DEFAULT_BASE_URL
        self.is_openai = is_openai_host(base_url)
        self.sends_configured_key = bool(api_key) and (
            key_to_send(api_key, base_url, send_key_to_custom_base_url) == api_key
        )
        # A key is configured but withheld from this custom URL: a 401 then says why.
        self.key_withheld = bool(api_key) and not self.sends_configured_key
        self.stream_usage = stream_usage
        # OpenAI's newer models take only max_completion_tokens; most other servers know
        # only max_tokens. A refusal naming the parameter switches to the other one.
        self.max_tokens_param = "max_completion_tokens" if self.is_openai else "max_tokens"
        backstop = max(self.policy.first_token_timeout_s, self.policy.token_gap_timeout_s) + 5
        self._client = openai.AsyncOpenAI(
            api_key=key_to_send(api_key, base_url, send_key_to_custom_base_url),
            base_url=self.base_url,
            max_retries=0,
            timeout=backstop,  # the base class's watchdog is the real limit
        )

    @property
    def host(self) -> str:
        """Where the calls go, as shown to people: never with the URL's credentials."""
        parsed = urlparse(self.base_url)
        if parsed.hostname:
            return parsed.hostname + (f":{parsed.port}" if parsed.port else "")
        return redact_url(self.base_url)

    @property
    def client(self) -> openai.AsyncOpenAI:
        return self._client

    async def aclose(self) -> None:
        await self._client.close()

    async def check(self, timeout_s: float = 5.0) -> str | None:
        """Ask the endpoint for its models: cheap, and every compatible server serves it."""
        try:
            await self._client.with_options(timeout=timeout_s, max_retries=0).models.list()
        except Exception as exc:
            detail = self.redactor.describe(exc)
            return f"{self.host} is not reachable ({detail[:200]})"
        return None

    # --- one attempt ------------------------------------------------------------------------

    def _body(self, request: CallRequest) -> dict[str, Any]:
        body: dict[str, Any] = {
            "model": self.model,
            "messages": [m.as_dict() for m in request.messages],
            "stream": True,
        }
        if self.stream_usage:
            body["stream_options"] = {"include_usage": True}
        if request.max_tokens is not None:
            body[self.max_tokens_param] = request.max_tokens
        if request.response_schema is not None:
            mode = self.structured_mode or "json_schema"
            if mode == "json_schema":
                body["response_format"] = json_schema_format(
                    request.response_schema, bounded=not self.is_openai
                )
            elif mode == "json_object":
                body["response_format"] = {"type": "json_object"}
        return body

    def _step_down(self, body: dict[str, Any], exc: openai.BadRequestError) -> bool:
        """Leave out what the server refused; False when nothing is left to leave out."""
        message = self.redactor.describe(exc).lower()
        if any(word in message for word in _CONTEXT_WORDS):
            return False
        if "stream_options" in body and ("stream_options" in message or "include_usage" in message):
            self.stream_usage = False
            return True
        if self.max_tokens_param in body and self.max_tokens_param in message:
            swap = {"max_tokens": "max_completion_tokens", "max_completion_tokens": "max_tokens"}
            self.max_tokens_param = swap[self.max_tokens_param]
            return True
        response_format = body.get("response_format")
        if response_format is not None:
            mode = response_format.get("type")
            self.structured_mode = "json_object" if mode == "json_schema" else "none"
            return True
        if "stream_options" in body:
            self.stream_usage = False
            return True
        return False

    async def _attempt(self, request: CallRequest, sink: AttemptSink) -> Completion:
        while True:
            body = self._body(request)
            try:
                completion = await self._stream(body, sink)
            except openai.BadRequestError as exc:
                if sink.tokens_seen or not self._step_down(body, exc):
                    raise LLMError(
                        self.redactor.describe(exc), status_code=400, cause=type(exc).__name__
                    ) from None
                continue
            if request.response_schema is not None and self.structured_mode is None:
                self.structured_mode = str((body.get("response_format") or {}).get("type", "none"))
            return completion

    async def _stream(self, body: dict[str, Any], sink: AttemptSink) -> Completion:
        stream = await self._client.chat.completions.create(**body)
        parts: list[str] = []
        finish_reason: str | None = None
        usage: TokenUsage | None = None
        model = self.model
        chunks = 0
        try:
            async for chunk in stream:
                chunks += 1
                model = getattr(chunk, "model", None) or model
                if getattr(chunk, "usage", None) is not None:
                    usage = _usage(chunk.usage)
                for choice in chunk.choices or []:
                    delta = choice.delta
                    if delta is not None:
                        thought = getattr(delta, "reasoning_content", None) or getattr(
                            delta, "reasoning", None
                        )
                        if isinstance(thought, str):
                            sink.thought(thought)
                        if delta.content:
                            parts.append(delta.content)
                            sink.text(delta.content)
                    if choice.finish_reason:
                        finish_reason = choice.finish_reason
        finally:
            await stream.close()
        if finish_reason is None:
            if chunks == 0:
                raise MalformedResponse("the endpoint's stream held no chunks")
            received = sum(len(p) for p in parts)
            raise StreamInterrupted(
                f"the stream ended after {received} characters without a finish reason"
            )
        return Completion(
            text="".join(parts),
            usage=usage or TokenUsage(estimated=True),
            model=model,
            finish_reason=finish_reason,
        )


def _usage(usage: Any) -> TokenUsage:
    details = getattr(usage, "prompt_tokens_details", None)
    cached = getattr(details, "cached_tokens", None) if details is not None else None
    return TokenUsage(
        prompt_tokens=int(getattr(usage, "prompt_tokens", 0) or 0),
        completion_tokens=int(getattr(usage, "completion_tokens", 0) or 0),
        cached_tokens=int(cached or 0),
    )
