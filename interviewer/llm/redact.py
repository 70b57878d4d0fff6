"""Keeping the API key out of messages, logs and files."""

import logging
import re

REDACTED = "[redacted]"
# Bearer tokens and sk- style keys, in case an error body echoes a key we do not hold.
_KEY_SHAPES = re.compile(r"(?i)(bearer\s+)[A-Za-z0-9._\-]{8,}|\bsk-[A-Za-z0-9_\-*]{6,}")


class Redactor:
    """Replaces a known secret, and anything shaped like a key, with a marker."""

    def __init__(self, secret: str | None = None) -> None:
        self._secret = secret or None

    def __call__(self, text: str) -> str:
        if self._secret:
            text = text.replace(self._secret, REDACTED)
        return _KEY_SHAPES.sub(lambda m: (m.group(1) or "") + REDACTED, text)

    def describe(self, exc: BaseException) -> str:
        status = getattr(exc, "status_code", None)
        detail = str(exc) or type(exc).__name__
        prefix = f"{type(exc).__name__}" + (f" (HTTP {status})" if status else "")
        return self(f"{prefix}: {detail}"[:500])


_LOGGERS = (
    "openai",
    "openai._base_client",
    "openai._response",
    "openai._legacy_response",
    "httpx",
    "httpx2",
    "httpx2._client",
    "httpcore",
    "interviewer.llm",
)


class RedactingFilter(logging.Filter):
    """A logging filter that redacts records of the SDK and HTTP loggers."""

    def __init__(self, redactor: Redactor) -> None:
        super().__init__()
        self.redactor = redactor

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = self.redactor(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


def install_log_redaction(redactor: Redactor) -> None:
    # Filters do not apply to child loggers' records, so the SDK's modules are named too.
    for name in _LOGGERS:
        logger = logging.getLogger(name)
        if not any(
            isinstance(f, RedactingFilter) and f.redactor is redactor for f in logger.filters
        ):
            logger.addFilter(RedactingFilter(redactor))
