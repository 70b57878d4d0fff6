"""Keeping the API key out of messages, logs and files."""

import logging
import re

REDACTED = "[redacted]"
# Bearer tokens and sk- style keys, in case an error body echoes a key we do not hold.
_KEY_SHAPES = re.compile(r"(?i)(bearer\s+)[A-Za-z0-9._\-]{8,}|\bsk-[A-Za-z0-9_\-*]{6,}")
# A key a server echoes masked: abcd****wxyz, sk-...wxyz.
_MASKED = re.compile(r"[^\s'\"]*(?:\*{3,}|…|\.\.\.)[^\s'\",.;:)]*(?<![.…])")
# Credentials in a URL: scheme://user:password@host.
_USERINFO = re.compile(r"(?i)\b([a-z][a-z0-9+.\-]*://)[^/\s@]*@")
# A run this long of the key's characters, anywhere, is taken to be part of the key.
FRAGMENT = 6


def redact_url(url: str) -> str:
    """The URL without the credentials some endpoints carry (https://user:pass@host)."""
    return _USERINFO.sub(lambda m: m.group(1) + REDACTED + "@", url)


class Redactor:
    """Replaces a known secret, any fragment of it, anything shaped like a key, and
    credentials in URLs with a marker."""

    def __init__(self, secret: str | None = None) -> None:
        self._secret = secret or None
        self._fragments = (
            {secret[i : i + FRAGMENT] for i in range(len(secret) - FRAGMENT + 1)}
            if secret and len(secret) >= FRAGMENT
            else set()
        )

    def __call__(self, text: str) -> str:
        if self._secret:
            text = text.replace(self._secret, REDACTED)
            text = self._without_fragments(text)
        text = redact_url(text)
        text = _KEY_SHAPES.sub(lambda m: (m.group(1) or "") + REDACTED, text)
        if "*" in text or "…" in text or "..." in text:
            text = _MASKED.sub(_masked, text)
        return text

    def _without_fragments(self, text: str) -> str:
        """Each run of text made of overlapping FRAGMENT-long pieces of the key."""
        if not self._fragments or len(text) < FRAGMENT:
            return text
        hidden = bytearray(len(text))
        for i in range(len(text) - FRAGMENT + 1):
            if text[i : i + FRAGMENT] in self._fragments:
                hidden[i : i + FRAGMENT] = b"\x01" * FRAGMENT
        if not any(hidden):
            return text
        out, i = [], 0
        while i < len(text):
            if hidden[i]:
                while i < len(text) and hidden[i]:
                    i += 1
                out.append(REDACTED)
            else:
                out.append(text[i])
                i += 1
        return "".join(out)

    def describe(self, exc: BaseException) -> str:
        status = getattr(exc, "status_code", None)
        detail = str(exc) or type(exc).__name__
        prefix = f"{type(exc).__name__}" + (f" (HTTP {status})" if status else "")
        return self(f"{prefix}: {detail}"[:500])


def _masked(match: re.Match[str]) -> str:
    token = match.group()
    # A masked key keeps a few characters either side; '...' alone is an ellipsis.
    core = re.sub(r"\*{3,}|…|\.\.\.", "", token)
    return REDACTED if len(core) >= 4 and any(c.isalnum() for c in core) else token


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
