"""A scripted provider for tests: queued replies and failures, and a history of prompts."""

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from pydantic import BaseModel

from interviewer.llm.base import AttemptSink, CallRequest, Completion, Message, ModelAPI, TokenUsage
from interviewer.llm.errors import StreamInterrupted
from interviewer.llm.tokens import count_message_tokens, count_tokens


@dataclass(frozen=True)
class MockReply:
    text: str
    cut_after: int | None = None  # streaming: drop the stream after this many characters
    finish_reason: str = "stop"
    reasoning: str = ""  # sent as a separate reasoning stream before the text


@dataclass(frozen=True)
class MockCall:
    messages: list[Message]
    response_schema: type[BaseModel] | None
    max_tokens: int | None = None


Scripted = MockReply | BaseException


class MockLLM(ModelAPI):
    name = "mockllm"

    def __init__(
        self,
        model: str = "mockllm",
        *,
        default: Callable[[list[Message]], str] | str = "Could you say more about that?",
        chunk_size: int = 8,
        **kwargs: object,
    ) -> None:
        super().__init__(model, **kwargs)  # type: ignore[arg-type]
        self.queue: deque[Scripted] = deque()
        self.history: list[MockCall] = []
        self.default = default
        self.chunk_size = chunk_size

    def enqueue(self, *items: Scripted | str) -> None:
        for item in items:
            self.queue.append(MockReply(item) if isinstance(item, str) else item)

    async def _attempt(self, request: CallRequest, sink: AttemptSink) -> Completion:
        messages = request.messages
        self.history.append(MockCall(list(messages), request.response_schema, request.max_tokens))
        item: Scripted
        if self.queue:
            item = self.queue.popleft()
        else:
            text = self.default(messages) if callable(self.default) else self.default
            item = MockReply(text)
        if isinstance(item, BaseException):
            raise item
        sink.thought(item.reasoning)
        limit = len(item.text) if item.cut_after is None else item.cut_after
        for start in range(0, limit, self.chunk_size):
            sink.text(item.text[start : min(start + self.chunk_size, limit)])
        if item.cut_after is not None:
            raise StreamInterrupted(f"scripted stream cut after {item.cut_after} characters")
        return Completion(
            text=item.text,
            usage=TokenUsage(count_message_tokens(messages), count_tokens(item.text)),
            model=self.model,
            finish_reason=item.finish_reason,
        )
