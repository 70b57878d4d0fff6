"""Errors of the LLM layer. Their messages never hold the API key (see redact.py)."""


class LLMError(RuntimeError):
    """A call failed in a way retrying will not fix (bad request, auth, unknown model)."""


class LLMUnavailable(LLMError):
    """Retries were spent or the deadline passed: the endpoint is not answering usefully."""


class StreamInterrupted(LLMError):
    """A streamed reply ended before the model said it was done. Retryable."""


class MalformedResponse(LLMError):
    """The endpoint answered with something that is not a chat completion. Retryable."""
