"""A run's results as lines of text, for plain mode, the app and reports.

Hidden tests are shown by name and outcome only: their inputs stay hidden, as in a real
interview. What the candidate's code printed passes through the project's one sanitiser,
so it cannot move the cursor, recolour the terminal or set the window title.
"""

from interviewer.domain.coding import CodeRun, Outcome, TestResult
from interviewer.safe_text import for_terminal

MARKS = {
    Outcome.passed: "✓",
    Outcome.failed: "✗",
    Outcome.error: "✗",
    Outcome.timeout: "⏱",
    Outcome.memory: "✗",
    Outcome.not_run: "·",
}
DETAIL_CHARS = 600


def printable(text: str, limit: int = DETAIL_CHARS) -> str:
    """Text from the candidate's program, safe to show: no control characters, bounded."""
    text = for_terminal(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def duration(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    if seconds < 0.001:
        return f"{seconds * 1e6:.0f} µs"
    if seconds < 1:
        return f"{seconds * 1e3:.1f} ms"
    return f"{seconds:.2f} s"


def headline(run: CodeRun) -> str:
    passed, total = run.counts()
    took = f"run took {run.wall_seconds:.2f} s"
    if run.kind.value == "visible":
        return f"{passed} of {total} visible tests passed · {took}"
    shown, shown_total = run.counts(hidden=False)
    hidden, hidden_total = run.counts(hidden=True)
    return (
        f"{passed} of {total} tests passed (visible {shown} of {shown_total}, "
        f"hidden {hidden} of {hidden_total}) · {took}"
    )


def result_line(result: TestResult) -> str:
    hidden = " (hidden)" if result.hidden else ""
    large = " [large input]" if result.large else ""
    outcome = "" if result.passed else f"  {result.outcome.value.replace('_', ' ')}"
    return (
        f"{MARKS[result.outcome]} {result.name}{hidden}{large}  {duration(result.seconds)}{outcome}"
    )


def failure_details(result: TestResult) -> list[str]:
    """The first failing case: input, expected, got, what it printed and the error."""
    lines = [f"First failing case: {result.name}"]
    if result.hidden:
        lines.append("  (a hidden test: its input is not shown)")
    else:
        if result.input:
            lines.append(f"  input:    {printable(result.input)}")
        if result.expected:
            lines.append(f"  expected: {printable(result.expected)}")
        if result.got:
            lines.append(f"  got:      {printable(result.got)}")
    if result.error:
        error = printable(result.error).replace("\n", "\n            ")
        lines.append(f"  error:    {error}")
    if result.stdout.strip():
        printed = printable(result.stdout.rstrip()).replace("\n", "\n            ")
        lines.append(f"  stdout:   {printed}")
    return lines


def run_lines(run: CodeRun) -> list[str]:
    lines = [headline(run)]
    if run.message:
        lines.append(printable(run.message))
    lines += [result_line(r) for r in run.results]
    failing = run.first_failure
    if failing is not None and failing.outcome is not Outcome.not_run:
        lines += failure_details(failing)
    if run.stray_output.strip():
        lines.append("Output written outside the tests:")
        lines.append("  " + printable(run.stray_output.strip()).replace("\n", "\n  "))
    return lines
