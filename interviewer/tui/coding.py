"""The coding round's pane: a Python editor and the results of the last test run."""

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Static, TextArea

from interviewer.domain.coding import CodeRun
from interviewer.sandbox.summary import run_lines

RUN_HINT = "F5 runs the visible examples on your code; ctrl+s submits it with your explanation."


class CodingPane(Horizontal):
    """The editor (line numbers, Python highlighting, tab indents) beside the run results."""

    def compose(self) -> ComposeResult:
        # The Python grammar and its highlighting are set up when a coding question is
        # first shown (use_python): they cost every interview's start a tenth of a second
        # on this machine, and most first questions are not coding ones.
        editor = TextArea.code_editor(
            "",
            language=None,
            id="code",
            tab_behavior="indent",
            show_line_numbers=True,
        )
        editor.border_title = "Your code · F5 runs the examples · ctrl+o switches box"
        yield editor
        with VerticalScroll(id="run-results"):
            yield Static(RUN_HINT, id="run-output", markup=False)

    @property
    def editor(self) -> TextArea:
        return self.query_one("#code", TextArea)

    def use_python(self) -> None:
        if self.editor.language != "python":
            self.editor.language = "python"

    def show_text(self, text: str) -> None:
        self.query_one("#run-output", Static).update(text)

    def show_run(self, run: CodeRun) -> None:
        self.show_text("\n".join(run_lines(run)))
        self.query_one("#run-results", VerticalScroll).scroll_home(animate=False)
