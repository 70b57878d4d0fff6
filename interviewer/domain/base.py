"""The strict base every content and transcript model derives from."""

from pydantic import BaseModel, ConfigDict


class Strict(BaseModel):
    """Unknown fields are errors: a typo in a YAML key must not be silently ignored."""

    model_config = ConfigDict(extra="forbid", frozen=False, str_strip_whitespace=True)


def repeated(items: list[str]) -> list[str]:
    """The items that occur more than once, sorted (linear: a bank may hold thousands)."""
    seen: set[str] = set()
    again: set[str] = set()
    for item in items:
        (again if item in seen else seen).add(item)
    return sorted(again)
