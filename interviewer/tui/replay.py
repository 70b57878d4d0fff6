"""The replay screen: a saved interview turn by turn, each question's scoring runs beside it."""

from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Footer, Header, Markdown, Static

from interviewer.domain.session import AskedQuestion, Session, Turn
from interviewer.safe_text import for_markdown, for_terminal
from interviewer.tui.base import AppScreen
from interviewer.tui.conversation import candidate_text
from interviewer.tui.text import percent_text

SPEAKERS = {"interviewer": "Interviewer", "candidate": "You"}


def turn_steps(session: Session) -> list[tuple[AskedQuestion, int]]:
    """(question, index of the turn within it) for every turn, in order."""
    return [(asked, i) for asked in session.questions for i in range(len(asked.turns))]


def turn_markdown(turn: Turn) -> str:
    label = SPEAKERS[turn.role]
    kind = (
        ""
        if turn.kind.value in ("question", "answer")
        else f" ({turn.kind.value.replace('_', ' ')})"
    )
    body = (
        turn.text
        if turn.role == "interviewer"
        else "\n".join(f"> {line}" for line in candidate_text(turn.text).splitlines())
    )
    return for_markdown(f"**{label}{kind}** · {turn.at:%H:%M:%S}\n\n{body}")


def runs_markdown(session: Session, asked: AskedQuestion) -> str:
    if asked.question_id == "project_description":
        return "The project description is not scored."
    if not asked.scoring_runs:
        return (
            "Not scored yet. Press **r** to score it."
            if asked.answers
            else "No answer, nothing to score."
        )
    rubric = session.rubric_for_round(asked.round_index)
    lines = []
    for n, run in enumerate(asked.scoring_runs, 1):
        judge = run.judge
        model = f" {judge.model}" if judge.model and judge.model != judge.kind else ""
        method = f" · {judge.method}" if judge.method and judge.method != judge.kind else ""
        lines.append(f"**Run {n}** · {judge.kind}{model}{method} · {run.at:%Y-%m-%d %H:%M}")
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
        if result.feedback:
            lines += ["", result.feedback]
        lines.append("")
    return for_markdown("\n".join(lines))


class ReplayScreen(AppScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("right,n,space", "step(1)", "Next"),
        Binding("left,p", "step(-1)", "Prev"),
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

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="")
        yield Static("", id="replay-position", markup=False)
        with Horizontal(id="replay-body"):
            with VerticalScroll(id="replay-turns"):
                yield Markdown("", id="replay-conversation")
            with VerticalScroll(id="replay-scores"):
                yield Markdown("", id="replay-runs")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.title = "Replay"
        self.sub_title = for_terminal(
            f"{self.session.scenario.title} · {self.session.created_at:%Y-%m-%d %H:%M}"
        )
        self.show()

    def show(self) -> None:
        position = self.query_one("#replay-position", Static)
        if not self.steps:
            position.update("This interview has no turns yet.")
            return
        asked, index = self.steps[self.position]
        spec = self.session.scenario.rounds[asked.round_index]
        in_round = [q for q in self.session.questions_in_round(asked.round_index)]
        position.update(
            for_terminal(
                f"Turn {self.position + 1}/{len(self.steps)} · Round {asked.round_index + 1} "
                f"{spec.display_title} · Q {in_round.index(asked) + 1}"
            )
        )
        shown = "\n\n---\n\n".join(turn_markdown(t) for t in asked.turns[: index + 1])
        self.query_one("#replay-conversation", Markdown).update(shown)
        self.query_one("#replay-turns", VerticalScroll).scroll_end(animate=False)
        self.query_one("#replay-runs", Markdown).update(runs_markdown(self.session, asked))

    def action_step(self, delta: int) -> None:
        if self.steps:
            self.position = max(0, min(len(self.steps) - 1, self.position + delta))
            self.show()

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
        try:
            runner = self.iapp.runner_for(self.session)
            self.notify("Re-scoring every answer; earlier runs are kept.", timeout=3)
            count = await runner.rescore()
        except Exception as exc:
            self.notify(
                f"re-scoring failed: {exc}. Check the backend settings and try again.",
                severity="error",
                timeout=10,
                markup=False,
            )
            return
        finally:
            self.rescoring = False
        self.show()
        self.notify(f"Re-scored {count} answer(s) and saved.", title="Re-scored", timeout=5)
