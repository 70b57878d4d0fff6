"""The OpenAI-compatible provider: OpenAI, Ollama, vLLM, llama.cpp server, LM Studio...

The only module that imports the openai SDK. The SDK's own retries are off: the base
class retries, so every failure passes through one classifier and one deadline.
"""

from typing import Any
from urllib.parse import urlparse

import openai
from pydantic import BaseModel

from interviewer.llm.base import Completion, Message, ModelAPI, StreamCallback, TokenUsage
from interviewer.llm.errors import MalformedResponse, StreamInterrupted
from interviewer.llm.redact import Redactor, install_log_redaction
from interviewer.llm.retry import RetryPolicy

OPENAI_HOST = "api.openai.com"
DEFAULT_BASE_URL = f"https://{OPENAI_HOST}/v1"
# Local servers need no key, but the SDK wants one: this is sent instead of a real key.
PLACEHOLDER_KEY = "sk-no-key-needed"


def is_openai_host(base_url: str | None) -> bool:
    return base_url is None or (urlparse(base_url).hostname or "").lower() == OPENAI_HOST


def key_to_send(api_key: str | None, base_url: str | None, send_to_custom: bool) -> str:
    """The configured key goes to api.openai.com, elsewhere only when explicitly allowed."""
    if api_key and (is_openai_host(base_url) or send_to_custom):
        return api_key
    return PLACEHOLDER_KEY


def json_schema_format(schema: type[BaseModel]) -> dict[str, Any]:
    return {
        "type": "json_schema",
        "json_schema": {
            "name": schema.__name__,
            "schema": schema.model_json_schema(),
            "strict": True,
        },
    }


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
        self.sends_configured_key = bool(api_key) and (
            key_to_send(api_key, base_url, send_key_to_custom_base_url) == api_key
        )
        self.stream_usage = stream_usage
        self._client = openai.AsyncOpenAI(
            api_key=key_to_send(api_key, base_url, send_key_to_custom_base_url),
            base_url=self.base_url,
            max_retries=0,
            timeout=self.policy.attempt_timeout_s,
        )

    @property
    def host(self) -> str:
        parsed = urlparse(self.base_url)
        return parsed.netloc or self.base_url

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

    async def _attempt(
        self,
        messages: list[Message],
        response_schema: type[BaseModel] | None,
        on_delta: StreamCallback | None,
    ) -> Completion:
        request: dict[str, Any] = {
            "model": self.model,
            "messages": [m.as_dict() for m in messages],
        }
        if response_schema is not None and self.supports_structured_output is not False:
            request["response_format"] = json_schema_format(response_schema)
        try:
            return await self._send(request, on_delta)
        except openai.BadRequestError:
            # Older or smaller servers refuse the optional parts: structured output, usage
            # in streams. Ask again without them (the schema is in the prompt anyway), and
            # remember, so later calls do not pay for the refusal.
            if "response_format" in request:
                self.supports_structured_output = False
                del request["response_format"]
            elif on_delta is not None and self.stream_usage:
                self.stream_usage = False
            else:
                raise
            return await self._send(request, on_delta)

    async def _send(self, request: dict[str, Any], on_delta: StreamCallback | None) -> Completion:
        if on_delta is None:
            return await self._complete(request)
        return await self._stream(request, on_delta)

    async def _complete(self, request: dict[str, Any]) -> Completion:
        response = await self._client.chat.completions.create(**request)
        choices = getattr(response, "choices", None)
        if not choices:
            raise MalformedResponse("the endpoint's reply held no choices")
        choice = choices[0]
        if "response_format" in request:
            self.supports_structured_output = True
        return Completion(
            text=choice.message.content or "",
            usage=_usage(getattr(response, "usage", None)),
            model=getattr(response, "model", "") or self.model,
            finish_reason=choice.finish_reason or "stop",
        )

    async def _stream(self, request: dict[str, Any], on_delta: StreamCallback) -> Completion:
        extra: dict[str, Any] = {"stream": True}
        if self.stream_usage:
            extra["stream_options"] = {"include_usage": True}
        stream = await self._client.chat.completions.create(**request, **extra)
        parts: list[str] = []
        finish_reason: str | None = None
        usage = TokenUsage()
        model = self.model
        try:
            async for chunk in stream:
                model = getattr(chunk, "model", None) or model
                if getattr(chunk, "usage", None) is not None:
                    usage = _usage(chunk.usage)
                for choice in chunk.choices or []:
                    delta = choice.delta.content if choice.delta is not None else None
                    if delta:
                        parts.append(delta)
                        on_delta(delta)
                    if choice.finish_reason:
                        finish_reason = choice.finish_reason
        finally:
            await stream.close()
        if finish_reason is None:
            received = sum(len(p) for p in parts)
            raise StreamInterrupted(
                f"the stream ended after {received} characters without a finish reason"
            )
        if "response_format" in request:
            self.supports_structured_output = True
        return Completion(
            text="".join(parts), usage=usage, model=model, finish_reason=finish_reason
        )


def _usage(usage: Any) -> TokenUsage:
    if usage is None:
        return TokenUsage()
    details = getattr(usage, "prompt_tokens_details", None)
    cached = getattr(details, "cached_tokens", None) if details is not None else None
    return TokenUsage(
        prompt_tokens=int(getattr(usage, "prompt_tokens", 0) or 0),
        completion_tokens=int(getattr(usage, "completion_tokens", 0) or 0),
        cached_tokens=int(cached or 0),
    )
