"""A coding answer as the scorecard and the replay show it: the code highlighted as Python
with line numbers, and its test runs as the lines plain mode prints (each test passed or
failed, visible or hidden, with its run time; the first failing case).

Both are widgets of their own rather than Markdown: code is shown exactly as written,
through the terminal sanitiser only (the Markdown sanitiser would show `a<b` as `a&lt;b`),
and Syntax never reads it as markup.
"""

import re

from rich.syntax import Syntax
from textual.widget import Widget
from textual.widgets import Static

from interviewer.domain.coding import CodeRun, RunKind
from interviewer.markdown_code import code_fence as code_fence
from interviewer.markdown_code import markdown_text as markdown_text
from interviewer.safe_text import for_terminal
from interviewer.sandbox.summary import headline, run_lines
from interviewer.tui.conversation import candidate_text

# A fenced block as `code_fence` writes it, in a section of the scorecard's Markdown.
_FENCE_OPEN = re.compile(r"^(`{3,})(python|text)$")


def code_renderable(code: str) -> Syntax:
    return Syntax(
        candidate_text(code).rstrip("\n"),
        "python",
        theme="monokai",
        line_numbers=True,
        word_wrap=True,
    )


def code_widget(code: str) -> Static:
    return Static(code_renderable(code), classes="code-view")


def fenced_widget(language: str, text: str) -> Widget:
    """A block `code_fence` wrote, as its widget: Python highlighted, anything else as is."""
    if language == "python":
        return code_widget(text)
    return Static(for_terminal(text), classes="code-view run-lines", markup=False)


def split_fences(text: str) -> list[tuple[str, str]]:
    """Markdown as (language, text) pieces: ("", markdown) between fenced blocks,
    ("python" or "text", content) for each block `code_fence` wrote."""
    pieces: list[tuple[str, str]] = []
    body: list[str] = []
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        opening = _FENCE_OPEN.match(lines[i])
        if opening is not None and opening.group(1) in lines[i + 1 :]:
            close = lines.index(opening.group(1), i + 1)
            pieces.append(("", "\n".join(body)))
            body = []
            pieces.append((opening.group(2), "\n".join(lines[i + 1 : close])))
            i = close + 1
            continue
        body.append(lines[i])
        i += 1
    pieces.append(("", "\n".join(body)))
    return [(language, piece) for language, piece in pieces if language or piece.strip()]


def submission_lines(run: CodeRun | None) -> list[str]:
    return run_lines(run) if run is not None else ["The submitted code was not run."]


def runs_text(runs: list[CodeRun]) -> str:
    """Every run of a question for the replay: each visible run in a line, the submission
    (what the judge scored) in full."""
    lines: list[str] = []
    for n, run in enumerate(runs, 1):
        what = "submission" if run.kind is RunKind.submission else "examples"
        lines.append(f"Run {n} · {what} · {run.at:%H:%M:%S}")
        if run.kind is RunKind.submission:
            lines += [f"  {line}" for line in run_lines(run)]
        else:
            lines.append(f"  {headline(run)}")
    return for_terminal("\n".join(lines))
