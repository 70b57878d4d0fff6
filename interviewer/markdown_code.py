"""Code in a Markdown document made from someone else's text (the report, the scorecard).

The Markdown sanitiser would show `a<b` inside code as `a&lt;b`, so a fenced block is
sanitised for the terminal only, and it stays inert in any CommonMark reader: its fence is
longer than any run of backticks inside it (nothing inside can close it), it carries an info
string (so it cannot close a fence left open before it either) and it follows a blank line.
"""

import re

from interviewer.safe_text import for_markdown, for_terminal


class Fenced(str):
    """A fenced block among a section's Markdown lines: already terminal-safe, and to be
    shown as written, not passed through the Markdown sanitiser with the lines around it."""


def code_fence(text: str, language: str) -> Fenced:
    """`text` fenced for Markdown with a fence longer than any run of backticks in it, so
    nothing inside can close it; terminal-safe, and otherwise as written."""
    text = for_terminal(text).rstrip("\n")
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return Fenced(f"{fence}{language}\n{text}\n{fence}")


def markdown_text(lines: list[str]) -> str:
    """Lines of Markdown, sanitised for Markdown but for the `Fenced` blocks among them."""
    parts: list[str] = []
    plain: list[str] = []
    for line in lines:
        if isinstance(line, Fenced):
            if plain:
                parts.append(for_markdown("\n".join(plain)))
                plain = []
            parts.append(str(line))
        else:
            plain.append(line)
    if plain:
        parts.append(for_markdown("\n".join(plain)))
    return "\n".join(parts)
