"""Errors of the LLM layer. Their messages never hold the API key (see redact.py)."""


class LLMError(RuntimeError):
    """A call failed in a way retrying will not fix (bad request, auth, unknown model).

    `status_code` is the HTTP status when the endpoint answered with one; `cause` names
    the underlying exception type, so failures can be classified without the SDK.
    """

    def __init__(self, message: str, *, status_code: int | None = None, cause: str = "") -> None:
        super().__init__(message)
        self.status_code = status_code
        self.cause = cause


class LLMUnavailable(LLMError):
    """Retries were spent or the deadline passed: the endpoint is not answering usefully."""


class StreamInterrupted(LLMError):
    """A streamed reply ended before the model said it was done. Retryable."""


class MalformedResponse(LLMError):
    """The endpoint answered with something that is not a chat completion. Retryable."""


class StreamStalled(TimeoutError):
    """No first token, or no next token, within the policy's limits. Retryable."""
