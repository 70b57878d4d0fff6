"""The scorecard screen: overall, per round, per criterion, per question; export.

A four-round scorecard is about a hundred Markdown blocks: as Textual Markdown widgets,
one each, it took seconds to lay out. Each section (the overall, a round, what to study)
is rendered by Rich into one widget instead, as the conversation's turns are, under a
loading line: the overall first, a frame before the rest, the screen never blank.
"""

import asyncio
from typing import ClassVar

from rich.markdown import Markdown as RichMarkdown
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Footer, Header, Static

from interviewer.domain.scorecard import Scorecard, build_scorecard, headed
from interviewer.domain.session import Session
from interviewer.report import (
    failed_run_text,
    feedback_text,
    outline_marks,
    question_status,
    render_markdown,
    session_facts,
)
from interviewer.runner import InterviewRunner, SaveFailed
from interviewer.safe_text import for_terminal
from interviewer.store.files import write_atomic
from interviewer.tui.base import AppScreen
from interviewer.tui.code_view import (
    code_fence,
    fenced_widget,
    markdown_text,
    split_fences,
    submission_lines,
)
from interviewer.tui.text import bar, level_text, percent_text

# Long enough for a frame to be drawn between two sections.
FRAME_S = 1 / 60


def scorecard_markdown(
    session: Session, card: Scorecard, judging: int = 0, status: str = ""
) -> str:
    return "".join(scorecard_sections(session, card, judging, status))


def scorecard_sections(
    session: Session, card: Scorecard, judging: int = 0, status: str = ""
) -> list[str]:
    """The scorecard's Markdown in sections (the overall, each round, what to study), which
    joined make the whole document."""
    sections: list[list[str]] = []
    lines = [
        f"**{session.scenario.title}** · {session.created_at:%Y-%m-%d %H:%M} UTC · "
        f"{session_facts(session)} · {status or session.status.value}",
        "",
        f"## Overall {percent_text(card.overall)}",
        "",
        card.coverage_text + ".",
    ]
    if judging:
        lines += ["", f"*Scoring {judging} answer(s) in the background…*"]
    elif card.unscored or card.pending:
        lines += [
            "",
            f"{card.unscored} unscored, {card.pending} pending: re-score them from History "
            f"(replay, r) or `interviewer rescore {session.id}`.",
        ]
    if card.failed_reruns:
        lines += [
            "",
            f"The newest scoring run of {card.failed_reruns} answer(s) failed; the scores shown "
            "are from the last run that worked.",
        ]
    for rnd in card.rounds:
        sections.append(lines)
        if not rnd.reached:
            lines = ["", f"## Round {rnd.index + 1} {rnd.title} · not reached", ""]
            continue
        lines = ["", f"## Round {rnd.index + 1} {rnd.title} · {percent_text(rnd.percent)}", ""]
        for c in rnd.criteria:
            meter = (
                f" {bar(c.mean_level, 4.0, 8)} {level_text(c.mean_level)}"
                if c.mean_level
                else " unscored"
            )
            lines.append(f"- **{c.name}**{meter} (weight {c.weight:g})")
            if c.level_text:
                lines.append(f"  - {c.level_text}")
            for quote in c.evidence:
                # One line each: a quote spanning lines would break out of its list item.
                lines.append(f"  - *“{' '.join(quote.split())}”*")
        for heading, qs in headed(rnd.questions):
            # Bold ends at a blank line: a prompt with an example below it is bold only in
            # its first paragraph, instead of showing its asterisks.
            first, _, rest = heading.partition("\n\n")
            lines += ["", f"**{' '.join(first.split())}**"]
            if rest.strip():
                lines += ["", rest.strip()]
            lines += [
                "",
                f"Score {percent_text(qs.counted if qs.run is None else qs.percent)}"
                f" · {question_status(qs)}",
            ]
            code = qs.asked.submitted_code
            if code is not None:
                lines += ["", "**Your code:**", "", code_fence(code, "python")]
                tests = "\n".join(submission_lines(qs.asked.submission_run))
                lines += ["", "**Its tests:**", "", code_fence(tests, "text")]
            run = qs.run
            if run is not None and not run.result.is_scored:
                lines += ["", f"Unscored: {run.result.reason}"]
            if qs.failed_run is not None:
                lines += ["", failed_run_text(qs)]
            feedback = feedback_text(run.result.feedback, markdown=True) if run is not None else ""
            if feedback:
                lines += ["", feedback]
            if qs.asked.key_points:
                marks = outline_marks(qs)
                legend = " (✓ you said it, ✗ you missed it)" if any(m for m, _ in marks) else ""
                lines += ["", f"**Model-answer outline**{legend}:", ""]
                for n, (mark, kp) in enumerate(marks, 1):
                    lines.append(f"{n}. {mark + ' ' if mark else ''}{kp.text}")
        if rnd.not_reached:
            still = "not reached" if card.finished else "still to come"
            lines += ["", f"*{rnd.not_reached} more question(s) {still}.*"]
    if card.study_list:
        sections.append(lines)
        lines = ["", "## Study next", ""]
        lines += [f"- {t.replace('_', ' ')} — {p:.0f}/100" for t, p in card.study_list]
    sections.append(lines)
    return [markdown_text(section) + "\n" for section in sections]


def section_widgets(text: str) -> list[Widget]:
    """A section as widgets: its heading, then its body rendered by Rich."""
    widgets: list[Widget] = []
    body: list[str] = []

    def flush() -> None:
        if "".join(body).strip():
            widgets.append(Static(RichMarkdown("\n".join(body)), classes="scorecard-text"))
        body.clear()

    for language, piece in split_fences(text):
        if language:
            flush()
            widgets.append(fenced_widget(language, piece))
            continue
        for line in piece.splitlines():
            if line.startswith("## "):
                flush()
                heading = for_terminal(line[3:])
                widgets.append(Static(heading, classes="scorecard-heading", markup=False))
            else:
                body.append(line)
    flush()
    return widgets


class ScorecardScreen(AppScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+e", "export", "Export .md", priority=True),
        Binding("ctrl+g", "app.history", "History", priority=True),
        Binding("escape", "app.go_back", "Back"),
    ]

    def __init__(self, session: Session, runner: InterviewRunner | None = None) -> None:
        super().__init__()
        self.session = session
        self.runner = runner
        self._sections: list[tuple[str, list[Widget]]] = []  # on screen, in order
        self.loaded = False  # every section is on screen
        self._laying_out = False  # a relayout is under way

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="")
        with VerticalScroll(id="scorecard"):
            yield Static("[$text-muted]Laying out the scorecard…[/]", id="scorecard-loading")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.title = "Scorecard"
        self.sub_title = for_terminal(self.session.scenario.title)
        self.load()
        if self.runner is not None:
            self.finish_runner()
            self.set_interval(0.5, self.show)
        self.query_one("#scorecard").focus()

    @work(group="finish", exit_on_error=False)
    async def finish_runner(self) -> None:
        assert self.runner is not None
        try:
            await self.runner.finish()
        except Exception as exc:
            self.notify(
                f"saving the scores failed: {exc}", severity="error", timeout=10, markup=False
            )
        self.show()

    def sections(self) -> list[str]:
        judging = self.runner.judging_pending if self.runner else 0
        # Until the runner has recorded the end, say so rather than "in_progress".
        finishing = self.runner is not None and not self.runner.finished
        card = build_scorecard(self.session)
        return scorecard_sections(self.session, card, judging, "finishing" if finishing else "")

    @work(group="scorecard-layout", exclusive=True, exit_on_error=False)
    async def load(self) -> None:
        box = self.query_one("#scorecard", VerticalScroll)
        loading = self.query_one("#scorecard-loading")
        overall, *rest = self.sections()
        widgets = section_widgets(overall)
        await box.mount_all(widgets, before=loading)
        self._sections.append((overall, widgets))
        await self.between_sections(0)
        # The rounds and the study list in one mount: one layout pass instead of one a
        # section (each pass measured every section above it again), half the time.
        laid_out = [(text, section_widgets(text)) for text in rest]
        await box.mount_all([w for _, ws in laid_out for w in ws], before=loading)
        self._sections += laid_out
        await loading.remove()
        self.loaded = True
        self.show()  # what changed meanwhile (a verdict landed)

    async def between_sections(self, n: int) -> None:
        """After the overall (n = 0): it is drawn before the rest is laid out."""
        await asyncio.sleep(FRAME_S if n == 0 else 0)

    def show(self) -> None:
        if not self.loaded or self._laying_out:
            return  # a layout under way reads the newest texts before it ends
        if self.sections() != [text for text, _ in self._sections]:
            self._laying_out = True
            self.relayout()

    @work(group="scorecard-relayout", exit_on_error=False)
    async def relayout(self) -> None:
        """Replace the sections whose text changed (all of them if their number did), until
        the screen shows the newest texts. Never cancelled half way (a newer verdict waits
        for this one): a layout cut off between mounting and removing left sections twice."""
        try:
            while (texts := self.sections()) != [text for text, _ in self._sections]:
                await self._replace_sections(texts)
        finally:
            self._laying_out = False

    async def _replace_sections(self, texts: list[str]) -> None:
        box = self.query_one("#scorecard", VerticalScroll)
        if len(texts) != len(self._sections):
            await box.remove_children()
            self._sections = []
            for text in texts:
                widgets = section_widgets(text)
                await box.mount_all(widgets)
                self._sections.append((text, widgets))
            return
        for i, (text, (old_text, old_widgets)) in enumerate(
            zip(texts, list(self._sections), strict=True)
        ):
            if text == old_text:
                continue
            widgets = section_widgets(text)
            await box.mount_all(widgets, before=old_widgets[0])
            for widget in old_widgets:
                await widget.remove()
            self._sections[i] = (text, widgets)

    async def save_for_quit(self, grace_seconds: float = 3.0) -> None:
        runner = self.runner
        if runner is None:
            return
        if runner.judging_pending and grace_seconds > 0:
            self.notify("Saving the last scores…", timeout=2)
            await runner.wait_for_judging(timeout=grace_seconds)
        if runner.unsaved is not None:
            try:
                runner.retry_save()
            except SaveFailed as failure:
                self.iapp.exit_message = failure.describe()
                self.iapp.quit_code = 1

    def action_export(self) -> None:
        path = self.iapp.store.root / f"{self.session.id}.md"
        try:
            write_atomic(path, render_markdown(self.session).encode("utf-8"))
        except OSError as exc:
            self.notify(f"cannot write {path}: {exc}", severity="error", timeout=10, markup=False)
            return
        self.notify(f"Scorecard written to {path}", title="Exported", timeout=10, markup=False)
