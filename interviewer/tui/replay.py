"""The replay screen: a saved interview turn by turn, each question's scoring runs beside it.

The turns step one at a time (right/left), a question at a time (pagedown/pageup), or
jump to any question from a list (q). A re-score shows its result in place: the runs pane
puts the newest run first and says what changed.
"""

from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Footer, Header, Label, Markdown, OptionList, Static
from textual.widgets.option_list import Option

from interviewer.domain.scorecard import build_scorecard
from interviewer.domain.session import AskedQuestion, Session
from interviewer.report import feedback_text, turn_label
from interviewer.safe_text import for_markdown, for_terminal
from interviewer.tui.base import AppScreen
from interviewer.tui.code_view import code_widget, runs_text
from interviewer.tui.conversation import InterviewerTurn, candidate_text
from interviewer.tui.text import percent_text


def turn_steps(session: Session) -> list[tuple[AskedQuestion, int]]:
    """(question, index of the turn within it) for every turn, in order."""
    return [(asked, i) for asked in session.questions for i in range(len(asked.turns))]


def question_title(session: Session, asked: AskedQuestion) -> str:
    """'Round 2 · Q1: the prompt's start', for the jump list and the position bar."""
    if asked.is_project_description:
        which = "your project"
    else:
        which = f"Q{session.questions_in_round(asked.round_index).index(asked) + 1}"
    return f"Round {asked.round_index + 1} · {which}"


def turn_widgets(asked: AskedQuestion, upto: int) -> list[Widget]:
    """The question's turns up to `upto`, as the interview showed them: the interviewer's
    as Markdown, the candidate's as typed (line breaks kept), each under its label."""
    widgets: list[Widget] = []
    for turn in asked.turns[: upto + 1]:
        label = f"{turn_label(turn)} · {turn.at:%H:%M:%S}"
        widgets.append(Static(for_terminal(label), classes="replay-label", markup=False))
        if turn.role == "interviewer":
            widgets.append(InterviewerTurn(turn.text, classes="replay-turn"))
        else:
            text = candidate_text(turn.text) if turn.text else "(no answer)"
            widgets.append(Static(text, classes="replay-turn candidate", markup=False))
            if turn.code is not None:
                widgets.append(code_widget(turn.code))
    return widgets


def runs_markdown(session: Session, asked: AskedQuestion, fresh: int = 0) -> str:
    """The question's scoring runs, newest first; the `fresh` newest are marked new."""
    if not asked.scoring_runs:
        return (
            "Not scored yet. Press **r** to score it."
            if asked.answers
            else "No answer, nothing to score."
        )
    rubric = session.rubric_for_round(asked.round_index)
    lines = []
    runs = list(enumerate(asked.scoring_runs, 1))
    for n, run in reversed(runs):
        judge = run.judge
        model = f" {judge.model}" if judge.model and judge.model != judge.kind else ""
        method = f" · {judge.method}" if judge.method and judge.method != judge.kind else ""
        new = " · **new**" if n > len(runs) - fresh else ""
        lines.append(f"**Run {n}**{new} · {judge.kind}{model}{method} · {run.at:%Y-%m-%d %H:%M}")
        lines.append("")
        result = run.result
        if not result.is_scored:
            lines += [f"Unscored: {result.reason}", ""]
            continue
        percent = percent_text(result.percent(rubric))
        lines.append(f"Score **{percent}** · {run.answers_judged} answer(s) judged")
        lines.append("")
        for score in result.criteria:
            try:
                name = rubric.criterion(score.criterion_id).name
            except KeyError:
                name = score.criterion_id
            lines.append(f"- {name}: {score.level}/4")
        feedback = feedback_text(result.feedback, markdown=True)
        if feedback:
            lines += ["", feedback]
        lines.append("")
    return for_markdown("\n".join(lines))


class QuestionList(ModalScreen[int]):
    """Every question of the interview; enter jumps to it (dismissed with its index)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q", "close", "Close")]

    def __init__(self, session: Session, current: int) -> None:
        super().__init__()
        self.session = session
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="question-list"):
            yield Label("Jump to a question (enter), esc to close")
            options = []
            for i, asked in enumerate(self.session.questions):
                title = question_title(self.session, asked)
                prompt = " ".join(asked.prompt.split())
                options.append(Option(Text(for_terminal(f"{title}: {prompt}")), id=str(i)))
            yield OptionList(*options, id="question-options")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = self.current
        options.focus()

    @on(OptionList.OptionSelected)
    def chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id or 0))

    def action_close(self) -> None:
        self.dismiss(self.current)


class ReplayScreen(AppScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("right,n,space", "step(1)", "Next"),
        Binding("left,p", "step(-1)", "Prev"),
        Binding("pagedown", "question(1)", "Next Q"),
        Binding("pageup", "question(-1)", "Prev Q", show=False),
        Binding("q", "questions", "Questions"),
        Binding("r", "rescore", "Re-score"),
        Binding("s", "scorecard", "Scorecard"),
        Binding("escape", "app.go_back", "Back"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.steps = turn_steps(session)
        self.position = 0
        self.rescoring = False
        self.fresh = 0  # runs the last re-score added to each question

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="")
        yield Static("", id="replay-position", markup=False)
        with Horizontal(id="replay-body"):
            yield VerticalScroll(id="replay-turns")
            with VerticalScroll(id="replay-scores"):
                yield Static("", id="replay-rescored", markup=False)
                yield Markdown("", id="replay-runs")
                yield Static("", id="replay-tests", classes="code-view run-lines", markup=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.title = "Replay"
        self.sub_title = for_terminal(
            f"{self.session.scenario.title} · {self.session.created_at:%Y-%m-%d %H:%M}"
        )
        self.query_one("#replay-rescored").display = False
        self.show()

    def show(self) -> None:
        position = self.query_one("#replay-position", Static)
        if not self.steps:
            position.update("This interview has no turns yet.")
            return
        asked, index = self.steps[self.position]
        spec = self.session.scenario.rounds[asked.round_index]
        title = question_title(self.session, asked)
        position.update(
            for_terminal(
                f"Turn {self.position + 1}/{len(self.steps)} · {title} ({spec.display_title})"
                " · q: questions"
            )
        )
        box = self.query_one("#replay-turns", VerticalScroll)
        box.remove_children()
        box.mount_all(turn_widgets(asked, index))
        # Anchored, not scrolled once: the interviewer's Markdown is laid out after this
        # refresh, and a single scroll_end could land before it (the newest turn then sat
        # below the fold on a loaded machine). Scrolling up by hand releases the anchor.
        box.anchor()
        self.query_one("#replay-runs", Markdown).update(
            runs_markdown(self.session, asked, self.fresh)
        )
        tests = self.query_one("#replay-tests", Static)
        tests.display = bool(asked.runs)  # a coding question's test runs, every one
        if asked.runs:
            tests.border_title = "Test runs"
            tests.update(runs_text(asked.runs))

    def action_step(self, delta: int) -> None:
        if self.steps:
            self.position = max(0, min(len(self.steps) - 1, self.position + delta))
            self.show()

    def action_question(self, delta: int) -> None:
        """To the first turn of the next (or previous) question."""
        if not self.steps:
            return
        current = self.session.questions.index(self.steps[self.position][0])
        target = max(0, min(len(self.session.questions) - 1, current + delta))
        self.jump(target)

    def jump(self, question_index: int) -> None:
        asked = self.session.questions[question_index]
        self.position = next(i for i, (q, _) in enumerate(self.steps) if q is asked)
        self.show()

    def action_questions(self) -> None:
        if not self.steps:
            return
        current = self.session.questions.index(self.steps[self.position][0])

        def chosen(index: int | None) -> None:
            if index is not None:
                self.jump(index)

        self.app.push_screen(QuestionList(self.session, current), chosen)

    def action_scorecard(self) -> None:
        self.iapp.open_scorecard(self.session)

    def action_rescore(self) -> None:
        if self.rescoring:
            self.notify("Already re-scoring…", timeout=2)
            return
        self.rescore()

    @work(group="rescore", exit_on_error=False)
    async def rescore(self) -> None:
        self.rescoring = True
        banner = self.query_one("#replay-rescored", Static)
        before = build_scorecard(self.session).overall
        try:
            runner = self.iapp.runner_for(self.session)
            banner.display = True
            banner.update("Re-scoring every answer… (earlier runs are kept)")
            try:
                count = await runner.rescore()
            finally:
                runner.close()
        except Exception as exc:
            banner.display = True
            banner.update(f"Re-scoring failed: {for_terminal(str(exc))}")
            self.notify(
                f"re-scoring failed: {exc}. Check the backend settings and try again.",
                severity="error",
                timeout=10,
                markup=False,
            )
            return
        finally:
            self.rescoring = False
        self.fresh = 1
        card = build_scorecard(self.session)
        failed = sum(
            1
            for q in self.session.questions
            if q.latest_scoring is not None and not q.latest_scoring.result.is_scored
        )
        change = f"overall {percent_text(before)} → {percent_text(card.overall)}"
        note = f"; {failed} run(s) failed, earlier scores kept" if failed else ""
        banner.update(f"Re-scored {count} answer(s): {change}{note}. The new run is first.")
        self.show()
        self.query_one("#replay-scores", VerticalScroll).scroll_home(animate=False)
