"""Reading a structured reply: the last JSON object in it that validates, or exactly why not.

Models wrap JSON in prose, fences and second attempts ("wait, let me fix that: {...}"),
so every JSON object in the reply is a candidate and the last one that validates wins.
When none does, the reason names what was wrong, so whoever reads an unscored verdict
knows whether the model wrote no JSON, broken JSON (and where), JSON that lacks fields, or
the right shape with the wrong ids; a reply cut off by the token limit says so first.
"""

import json
from collections.abc import Callable
from typing import TypeVar

from pydantic import ValidationError

T = TypeVar("T")
_DECODER = json.JSONDecoder()


class ReplyError(ValueError):
    """A model's reply cannot be used; the message says exactly why."""


def json_objects(text: str) -> tuple[list[dict[str, object]], json.JSONDecodeError | None]:
    """Every top-level JSON object in the text, in order, and the decode error of the
    candidate that got furthest when one failed (for the message)."""
    found, failure = _scan(text)
    return [obj for _, obj in found], failure[1] if failure else None


def _scan(
    text: str,
) -> tuple[list[tuple[int, dict[str, object]]], tuple[int, json.JSONDecodeError] | None]:
    """(start, object) of every top-level object, and (start, error) of the failed
    candidate that got furthest."""
    found: list[tuple[int, dict[str, object]]] = []
    worst: tuple[int, json.JSONDecodeError] | None = None
    i = text.find("{")
    while i >= 0:
        try:
            value, end = _DECODER.raw_decode(text, i)
        except json.JSONDecodeError as exc:
            if worst is None or exc.pos > worst[1].pos:
                worst = (i, exc)
            i = text.find("{", i + 1)
            continue
        if isinstance(value, dict):
            found.append((i, value))
        i = text.find("{", end)
    return found, worst


def describe_validation(exc: ValidationError) -> str:
    missing = [".".join(str(p) for p in e["loc"]) for e in exc.errors() if e["type"] == "missing"]
    if missing:
        return f"the reply's JSON lacks fields: {', '.join(missing[:6])}"
    first = exc.errors()[0]
    where = ".".join(str(p) for p in first["loc"]) or "the object"
    return f"the reply's JSON does not match the schema ({where}: {first['msg']})"


def parse_structured(
    raw: str, validate: Callable[[dict[str, object]], T], *, cut_off: str | None = None
) -> T:
    """The last JSON object in `raw` that `validate` accepts.

    `validate` raises ValidationError or ReplyError for an object it cannot use.
    `cut_off`, when the reply hit the token limit, is said before anything else.
    """
    found, failure = _scan(raw)
    decode_error = failure[1] if failure else None
    if cut_off and failure is not None and all(start > failure[0] for start, _ in found):
        # The reply broke off inside its JSON: objects found after the break's start are
        # pieces of it (a list item), not answers; what matters is that it is unfinished.
        pos = failure[1].pos
        raise ReplyError(f"{cut_off}; its JSON breaks off unfinished at character {pos}")
    objects = [obj for _, obj in found]
    last_error: Exception | None = None
    for candidate in reversed(objects):
        try:
            return validate(candidate)
        except (ValidationError, ReplyError) as exc:
            last_error = last_error or exc  # the last object's complaint is the telling one
    if isinstance(last_error, ValidationError):
        reason = describe_validation(last_error)
    elif last_error is not None:
        reason = str(last_error)
    elif decode_error is not None:
        reason = (
            f"the reply's JSON is invalid at character {decode_error.pos} of {len(raw)} "
            f"({decode_error.msg})"
        )
    elif raw.strip():
        reason = "the reply holds no JSON object"
    else:
        reason = "the reply is empty"
    if cut_off:
        reason = f"{cut_off}; {reason}"
    raise ReplyError(reason)
