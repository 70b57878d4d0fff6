"""The interview screen: the conversation, the answer editor, progress and the clock."""

import asyncio
import contextlib
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.notifications import SeverityLevel
from textual.timer import Timer
from textual.widgets import Footer, Static, TextArea

from interviewer.domain.scorecard import QuestionScore, final_run
from interviewer.domain.session import AskedQuestion, Mode, ScoringRun, TurnKind
from interviewer.report import feedback_text, outline_marks
from interviewer.runner import (
    ChunkSink,
    CodingUnavailable,
    InterviewRunner,
    Prompt,
    SaveFailed,
    ScoredCallback,
    too_long_notice,
)
from interviewer.safe_text import for_markdown, for_terminal
from interviewer.startup import release_gc
from interviewer.store.drafts import DraftNotSaved
from interviewer.tui.base import AppScreen
from interviewer.tui.coding import CodingPane
from interviewer.tui.confirm import ConfirmScreen
from interviewer.tui.conversation import Conversation
from interviewer.tui.first_question import (
    FEEDBACK_PLACEHOLDER,
    INTERVIEW_BINDINGS,
    answer_title,
    first_progress,
)
from interviewer.tui.text import percent_text, progress_text, round_clock

if TYPE_CHECKING:
    from textual.document._document import Location

    from interviewer.quickstart import FirstQuestion

DRAFT_DEBOUNCE_S = 0.5
Step = Callable[[ChunkSink], Awaitable[Prompt | None]]


def follow_up_pending(asked: AskedQuestion) -> bool:
    """The interviewer has asked a follow-up that is still to be answered."""
    return asked.awaiting_answer and asked.turns[-1].kind is TurnKind.follow_up


def feedback_markdown(runner: InterviewRunner, asked: AskedQuestion, run: ScoringRun) -> str:
    """Practice mode: one answer's verdict, levels per criterion and the model outline.
    While a follow-up is pending, only the score and levels: what the answer missed (and
    so what the follow-up asks about) waits until the follow-up is answered."""
    rubric = runner.session.rubric_for_round(asked.round_index)
    result = run.result
    prompt = asked.prompt if len(asked.prompt) <= 80 else asked.prompt[:77].rstrip() + "…"
    lines = [f"**{prompt}**", ""]
    if not result.is_scored:
        lines += [f"Unscored: {result.reason}", ""]
    else:
        lines += [f"Score: **{percent_text(result.percent(rubric))}**", ""]
        for score in result.criteria:
            try:
                criterion = rubric.criterion(score.criterion_id)
            except KeyError:
                continue
            lines.append(
                f"- {criterion.name}: **{score.level}/4** — {criterion.level_text(score.level)}"
            )
        lines.append("")
    if follow_up_pending(asked):
        lines.append("*Answer the follow-up first: the feedback and the model outline follow.*")
        return for_markdown("\n".join(lines))
    feedback = feedback_text(result.feedback, markdown=True)
    if feedback:
        lines += [feedback, ""]
    if asked.key_points:
        marks = [
            (mark, kp)
            for mark, kp in outline_marks(QuestionScore(asked, run, result.percent(rubric)))
        ]
        legend = " (✓ said, ✗ missed)" if any(m for m, _ in marks) else ""
        lines.append(f"Model-answer outline{legend}:")
        lines += [
            f"{n}. {mark + ' ' if mark else ''}{kp.text}" for n, (mark, kp) in enumerate(marks, 1)
        ]
    return for_markdown("\n".join(lines))


def backend_label(runner: InterviewRunner) -> str:
    """Which interviewer and judge are in use, short enough for the status bar."""
    backend = runner.backend
    if backend.name == "offline":
        return "offline engine"
    session = runner.session
    models = dict.fromkeys(m for m in (session.interviewer_model, session.judge_model) if m)
    return " + ".join(models) or backend.name


class InterviewScreen(AppScreen):
    BINDINGS: ClassVar[list[BindingType]] = INTERVIEW_BINDINGS

    def __init__(
        self,
        runner: InterviewRunner,
        *,
        first: "FirstQuestion | None" = None,
        typed: "tuple[str, Location | None] | None" = None,
    ) -> None:
        """`first`: the first question as the start showed it ahead (quickstart.py),
        shown from the first frame until the interviewer has said it; `typed`: the text
        and cursor of the answer box of that screen, carried over."""
        super().__init__()
        self.runner = runner
        self.first = first
        self.typed_ahead = typed
        self.waiting_actions: list[str] = []  # to run once a step is done (keys pressed ahead)
        self.ready = asyncio.Event()  # set once mounted
        self.session = runner.session
        self.busy = False
        self.finishing = False  # ending early: the scorecard follows the last answer
        self.prompt: Prompt | None = None
        self._draft_timer: Timer | None = None
        self._previous_on_scored: ScoredCallback | None = None
        self.running_tests = False
        self._coding_for: int | None = None  # the question index the editor holds code for
        self._draft_problem = ""  # what was last said about where drafts go
        self._asking_about_save = False
        self._feedback_shown: dict[str, str] = {}  # feedback block id -> its text

    def compose(self) -> ComposeResult:
        with Horizontal(id="status-bar"):
            yield Static("", id="progress", markup=False)
            yield Static("", id="judging", markup=False)
            yield Static("", id="backend", markup=False)
        with Horizontal(id="interview-body"):
            first = self.first
            opening = (first.round_index, first.round_title, first.text) if first else None
            yield Conversation(self.session, opening=opening, id="conversation")
            with VerticalScroll(id="feedback"):
                yield Static(FEEDBACK_PLACEHOLDER, id="feedback-empty")
        yield CodingPane(id="coding")
        # Tab moves on (to the conversation, and the feedback in practice mode): an answer
        # box that swallowed it would trap the keyboard.
        yield TextArea(id="answer", soft_wrap=True, show_line_numbers=False, tab_behavior="focus")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        practice = self.session.mode is Mode.practice
        self.query_one("#feedback").display = practice
        self._previous_on_scored = self.runner.on_scored
        self.runner.on_scored = self.on_scored
        if practice:
            for asked in self.session.questions:
                run = final_run(asked)
                if run is not None:
                    self.show_feedback(asked, run)
        self.query_one(CodingPane).display = False
        editor = self.query_one("#answer", TextArea)
        editor.border_title = self.answer_title(None)
        self.query_one("#backend", Static).update(for_terminal(backend_label(self.runner)))
        if self.typed_ahead is not None:
            text, cursor = self.typed_ahead
            editor.text = text
            editor.move_cursor(cursor if cursor is not None else editor.document.end)
        else:
            editor.text = self.iapp.drafts.load(self.session.id)
            editor.move_cursor(editor.document.end)
        editor.focus()
        self.set_interval(1.0, self.tick)
        self.tick()
        self.run_step(self.runner.begin)
        self.ready.set()

    def on_unmount(self) -> None:
        if self.runner.on_scored == self.on_scored:
            self.runner.on_scored = self._previous_on_scored

    def take_focus(self) -> None:
        """Focus the answer box now (not after the next message): keys waiting for the
        screen go there."""
        self.set_focus(self.query_one("#answer", TextArea))

    def answer_title(self, prompt: Prompt | None) -> str:
        """What the answer box is for and the keys that matter there."""
        round_kind: str | None = None
        if prompt is not None:
            round_kind = self.session.scenario.rounds[prompt.round_index].kind
        elif self.first is not None:  # its first question is on screen already
            round_kind = self.first.round_kind
        return answer_title(round_kind, self.session.mode is Mode.practice)

    # --- status ---------------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        super().on_resize(event)
        self.call_after_refresh(self.tick)  # the status line fitted to its new width

    def tick(self) -> None:
        prompt = self.prompt
        progress = self.query_one("#progress", Static)
        if prompt is None and self.first is not None and not self.session.questions:
            progress.update(first_progress(self.first, progress.content_size.width))
        elif prompt is None:
            progress.update(f"{self.session.scenario.title} · {self.session.mode.value}")
        else:
            clock = round_clock(
                prompt.round_started_at,
                self.iapp.clock(),
                prompt.time_budget_minutes,
                prompt.round_paused_seconds,
            )
            progress.update(
                for_terminal(
                    progress_text(
                        round_number=prompt.round_index + 1,
                        rounds=prompt.round_count,
                        title=prompt.round_title,
                        question=prompt.question_number,
                        questions=prompt.round_questions,
                        clock=clock,
                        hints_left=prompt.hints_left,
                        width=progress.content_size.width,
                    )
                )
            )
        pending = self.runner.judging_pending
        working = "thinking… " if self.busy else ""
        judging = f"judging {pending}" if pending else ""
        health = self.runner.backend.health
        down = "model down: bank wording · " if health is not None and health.is_down else ""
        status = self.query_one("#judging", Static)
        unsaved = self.runner.unsaved is not None
        status.set_class(unsaved, "unsaved")
        status.update("NOT SAVED" if unsaved else f"{down}{working}{judging}".strip())

    def announce(self) -> None:
        """The model stopped or came back: said once, as the runner reports it."""
        for notice in self.runner.drain_notices():
            self.notify(
                for_terminal(notice),
                title="The model",
                severity="warning",
                timeout=15,
                markup=False,
            )

    # --- drafts --------------------------------------------------------------------------

    @on(TextArea.Changed, "#answer")
    @on(TextArea.Changed, "#code")
    def draft_changed(self) -> None:
        if self._draft_timer is not None:
            self._draft_timer.stop()
        self._draft_timer = self.set_timer(DRAFT_DEBOUNCE_S, self.save_draft)

    def save_draft(self, extra: str = "") -> Path | None:
        """Keep the editor's text (after `extra`, when given) as the draft; say once where
        it goes when that is not the transcripts folder, and loudly when it goes nowhere."""
        if self._draft_timer is not None:
            self._draft_timer.stop()
        typed = self.query_one("#answer", TextArea).text
        text = "\n\n".join(part for part in (extra, typed) if part.strip())
        drafts = self.iapp.drafts
        kept: Path | None = None
        try:
            kept = drafts.save(self.session.id, text)
            if self._coding_for is not None:
                code = self.query_one(CodingPane).editor.text
                drafts.save(self.session.id, code, part="code")
        except DraftNotSaved as exc:
            problem = f"Your draft could not be saved anywhere ({exc}); it is only on screen."
            severity: SeverityLevel = "error"
        except (OSError, ValueError) as exc:
            problem, severity = f"cannot save the draft: {exc}", "error"
        else:
            where = drafts.rescued_to
            problem = (
                f"The transcripts folder refused your draft; it is kept in {where}."
                if where is not None
                else ""
            )
            severity = "warning"
        if problem and problem != self._draft_problem:
            self.notify(problem, severity=severity, timeout=10, markup=False)
        self._draft_problem = problem
        return kept

    async def editor_settled(self) -> None:
        """Until the editor has handled every key that reached it before now."""
        settled = asyncio.Event()
        self.query_one("#answer", TextArea).call_later(settled.set)
        await asyncio.wait_for(settled.wait(), timeout=1.0)

    async def save_for_quit(self, grace_seconds: float = 2.0) -> None:
        """ctrl+q (or SIGTERM, SIGHUP: no grace): keep the draft, save the session, give
        pending scores a moment. Says "Saved" only when it was; exits 1 when it was not."""
        with contextlib.suppress(TimeoutError):
            await self.editor_settled()
        self.save_draft()
        try:
            await self.runner.quit(grace_seconds=grace_seconds)
        except SaveFailed as failure:
            rescued = failure.rescued
            lines = [failure.describe()]
            if rescued is not None:
                lines.append(f"Continue from the copy with: interviewer resume {rescued}")
            else:  # the answers no save took go with the draft, at least
                draft = self.save_draft(extra=self.runner.unsaved_answers())
                if draft is not None:
                    lines.append(f"Your unsaved answers are kept as a draft in {draft}.")
            self.iapp.exit_message = "\n".join(lines)
            self.iapp.quit_code = 1
            return
        where = self.runner.saved_to
        ref = self.session.id if where == self.runner.store.path_for(self.session.id) else where
        self.iapp.exit_message = (
            f"Saved. Continue with: interviewer resume {ref}"
            " (or choose it under Resume in `interviewer`)"
        )

    # --- a save that failed ----------------------------------------------------------------

    def ask_about_save(self, failure: SaveFailed) -> None:
        """Show the failure and what can be done; once saved, the interview goes on."""
        if self._asking_about_save:
            return
        self._asking_about_save = True
        from interviewer.tui.save_failed import LATER, RETRY, SaveFailedScreen

        def chosen(choice: str | None) -> None:
            self._asking_about_save = False
            if choice in (None, LATER):
                self.notify(
                    "Not saved yet: your answers are held in memory. Any key that moves the "
                    "interview on asks again; ctrl+q says where a copy is.",
                    severity="warning",
                    timeout=8,
                )
                return
            try:
                if choice == RETRY:
                    self.runner.retry_save()
                    self.notify("Saved.", timeout=3)
                else:
                    where = self.runner.save_elsewhere(Path(str(choice)))
                    self.notify(
                        f"Saved to {where}; this interview is saved there from now on.",
                        timeout=8,
                        markup=False,
                    )
            except SaveFailed as again:
                self.tick()
                self.ask_about_save(again)
                return
            self.tick()
            self.run_step(self.runner.begin)

        self.tick()
        self.app.push_screen(SaveFailedScreen(failure), chosen)

    # --- the runner, always in a worker --------------------------------------------------

    @work(group="runner", exit_on_error=False)
    async def run_step(self, step: Step, submitted: str = "") -> None:
        conversation = self.query_one(Conversation)
        answered_before = self.session.answered_count
        self.busy = True
        self.tick()
        failure: SaveFailed | None = None
        try:
            prompt = await step(conversation.chunk)
        except SaveFailed as exc:  # held in memory, maybe rescued: said, never "saved"
            prompt, failure = None, exc
        except Exception as exc:  # the interview goes on; nothing saved is lost
            prompt = self.runner.prompt()
            saved = self.session.answered_count > answered_before
            if submitted and not saved:
                conversation.drop_echo()
                self.query_one("#answer", TextArea).text = submitted
            self.notify(
                f"{exc}. What you answered is saved; try again, or ctrl+q to save and "
                "resume later.",
                title="That did not work",
                severity="error",
                timeout=10,
                markup=False,
            )
        finally:
            self.busy = False
        if submitted and self.session.answered_count > answered_before and failure is None:
            self.iapp.drafts.clear(self.session.id)
            self.iapp.drafts.clear(self.session.id, part="code")
        conversation.sync()
        self.prompt = prompt
        self.show_coding(prompt)
        self.refresh_feedback()
        self.tick()
        self.announce()
        self.call_after_refresh(release_gc)  # the start-up is over once this is on screen
        if failure is not None:
            self.ask_about_save(failure)
            return
        if self.waiting_actions:
            actions, self.waiting_actions = self.waiting_actions, []
            for action in actions:
                self.call_later(self.run_action, action)
        if self.finishing or (prompt is None and self.runner.finished):
            self.iapp.drafts.clear(self.session.id)
            self.iapp.drafts.clear(self.session.id, part="code")
            hint = self.runner.unscored_hint() if self.runner.outages else None
            if hint:
                self.notify(
                    hint, title="Unscored answers", severity="warning", timeout=30, markup=False
                )
            self.app.switch_screen(self.scorecard())

    def scorecard(self) -> AppScreen:
        from interviewer.tui.scorecard import ScorecardScreen

        return ScorecardScreen(self.session, runner=self.runner)

    def _ready(self) -> bool:
        if self.busy:
            self.notify("One moment: the interviewer is still speaking.", timeout=2)
            return False
        if self.runner.unsaved is not None:  # nothing moves on over an unsaved answer
            self.ask_about_save(self.runner.unsaved)
            return False
        if self.prompt is None and not self.runner.finished:
            # The last call failed before the interviewer spoke: any key asks again.
            self.notify("Asking the interviewer again…", timeout=2)
            self.run_step(self.runner.begin)
            return False
        return self.prompt is not None

    def action_submit(self) -> None:
        # The binding fires as the key arrives; keys typed (or pasted) just before it may
        # still wait in the editor's queue. Submitting from that queue takes them all.
        self.query_one("#answer", TextArea).call_later(self.submit_typed)

    def submit_typed(self) -> None:
        if not self._ready():
            return
        if self.prompt is not None and self.prompt.wants_code:
            self.submit_code()
            return
        editor = self.query_one("#answer", TextArea)
        text = editor.text.strip()
        if not text:
            self.notify("Type your answer first, or ctrl+n to skip.", timeout=3)
            return
        if self._draft_timer is not None:
            self._draft_timer.stop()
        self.save_draft()  # kept until the runner has saved the answer itself
        editor.text = ""
        self.query_one(Conversation).echo_answer(text)
        if notice := too_long_notice(text):
            self.notify(notice, timeout=8)
        self.run_step(lambda sink: self.runner.answer(text, sink), submitted=text)

    # --- the coding round ----------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The coding keys exist (and show in the footer) only in a coding question."""
        if action in ("run_tests", "switch_box"):
            return self._coding_for is not None
        return True

    def show_coding(self, prompt: Prompt | None) -> None:
        """Show the editor for a coding question, filled once per question: the draft, the
        code last run, or the starter."""
        pane = self.query_one(CodingPane)
        coding = prompt.coding if prompt is not None else None
        pane.display = coding is not None
        self.refresh_bindings()
        answer = self.query_one("#answer", TextArea)
        if coding is None or prompt is None:
            self._coding_for = None
            answer.border_title = self.answer_title(prompt)
            return
        answer.border_title = (
            "Your approach and its time and space complexity · ctrl+s submits with the code"
            if prompt.wants_code
            else "Your answer · ctrl+s submits"
        )
        pane.use_python()
        pane.editor.read_only = not prompt.wants_code
        index = len(self.session.questions) - 1
        if self._coding_for != index:
            self._coding_for = index
            draft = self.iapp.drafts.load(self.session.id, part="code")
            pane.editor.text = draft or prompt.latest_code or coding.starter
            pane.editor.move_cursor(pane.editor.document.end)  # below the signature
            pane.show_text(
                f"{coding.visible_tests} visible examples, {coding.hidden_tests} hidden tests "
                f"on submission. F5 runs the examples; ctrl+s submits."
            )
            pane.editor.focus()

    def submit_code(self) -> None:
        pane = self.query_one(CodingPane)
        code = pane.editor.text
        if not code.strip():
            self.notify("Write your code first, or ctrl+n to skip.", timeout=3)
            return
        answer = self.query_one("#answer", TextArea)
        explanation = answer.text.strip()
        if self._draft_timer is not None:
            self._draft_timer.stop()
        self.save_draft()  # kept until the runner has saved the answer itself
        answer.text = ""
        pane.editor.read_only = True
        echo = f"{explanation}\n\n(code submitted: {len(code.splitlines())} lines)".strip()
        self.query_one(Conversation).echo_answer(echo)
        self.run_step(
            lambda sink: self.runner.answer(explanation, sink, code=code), submitted=explanation
        )

    def action_run_tests(self) -> None:
        if self.prompt is None or self.prompt.coding is None:
            self.notify("There are tests to run only in a coding round.", timeout=3)
            return
        if self.running_tests:
            self.notify("The tests are already running.", timeout=2)
            return
        pane = self.query_one(CodingPane)
        pane.show_text("Running the visible examples…")
        self.run_tests(pane.editor.text)

    @work(group="tests", exit_on_error=False)
    async def run_tests(self, code: str) -> None:
        pane = self.query_one(CodingPane)
        self.running_tests = True
        try:
            run = await self.runner.run_visible_tests(code)
        except (CodingUnavailable, OSError) as exc:
            pane.show_text(f"The tests could not be run: {exc}")
            return
        except Exception as exc:  # the interview goes on; the code stays in the editor
            pane.show_text(f"The tests could not be run: {type(exc).__name__}: {exc}")
            return
        finally:
            self.running_tests = False
        pane.show_run(run)

    def action_switch_box(self) -> None:
        pane = self.query_one(CodingPane)
        if not pane.display:
            return
        answer = self.query_one("#answer", TextArea)
        # At once, not on the next turn of the loop: keys typed right after ctrl+o (a
        # paste, a fast typist) belong to the other box.
        self.set_focus(answer if pane.editor.has_focus else pane.editor)

    def action_hint(self) -> None:
        if not self._ready():
            return
        if self.prompt is not None and self.prompt.hints_left == 0:
            self.notify("No hints left for this question.", timeout=3)
            return
        self.run_step(self.runner.hint)

    def action_skip(self) -> None:
        if self._ready():
            self.run_step(self.runner.skip)

    def typed(self) -> str:
        return self.query_one("#answer", TextArea).text.strip()

    def action_end_round(self) -> None:
        if not self._ready():
            return
        typed = self.typed()
        last_round = self.prompt is not None and self.prompt.round_index + 1 >= len(
            self.session.scenario.rounds
        )
        then = "the interview ends" if last_round else "the next round begins"
        if typed:
            question = (
                f"End this round now? What you typed is submitted as your answer, the round's "
                f"other questions are not asked, and {then}."
            )
        else:
            question = (
                f"End this round now? The question on screen counts as skipped (0), the "
                f"round's other questions are not asked, and {then}."
            )

        def confirmed(yes: bool | None) -> None:
            if not yes:
                return
            # Typed text is never moved to the next question's box or thrown away: it is
            # this question's answer, and nothing more is asked about it.
            text = self.typed()
            if text:
                self.query_one("#answer", TextArea).text = ""
                self.query_one(Conversation).echo_answer(text)
                self.run_step(self._answer_then(text, self.runner.end_round), submitted=text)
            else:
                self.run_step(self.runner.end_round)

        self.app.push_screen(ConfirmScreen(question), confirmed)

    def action_finish(self) -> None:
        if self.busy:
            self.notify("One moment: the interviewer is still speaking.", timeout=2)
            return
        open_question = self.prompt is not None
        if self.typed() and open_question:
            question = "End the interview now? What you typed is submitted as your answer and "
            question += "everything you answered is scored."
        elif open_question:
            question = "End the interview now? What you answered is scored; the question on "
            question += "screen counts as skipped (0) and the rest are not asked."
        else:
            question = "End the interview now? What you answered is scored."

        def confirmed(yes: bool | None) -> None:
            if not yes:
                return
            typed = self.typed()
            if typed and self.prompt is not None:  # typed text is never thrown away
                self.query_one("#answer", TextArea).text = ""
                self.query_one(Conversation).echo_answer(typed)
                self.finishing = True
                self.run_step(self._answer_then(typed, None), submitted=typed)
            else:
                self.app.switch_screen(self.scorecard())

        self.app.push_screen(ConfirmScreen(question), confirmed)

    def _answer_then(self, text: str, then: Step | None) -> Step:
        """The typed answer as the question's last (nothing more asked about it), then
        `then` (ending the round), or nothing (the scorecard follows)."""

        async def step(sink: ChunkSink) -> Prompt | None:
            await self.runner.answer(text, sink, last=True)
            return await then(sink) if then is not None else None

        return step

    # --- practice feedback ---------------------------------------------------------------

    def on_scored(self, asked: AskedQuestion, run: ScoringRun) -> None:
        """Called by the runner when a background verdict lands."""
        if self._previous_on_scored is not None:
            self._previous_on_scored(asked, run)
        if not self.is_attached:
            return
        # While a move is under way the verdict waits for it (refresh_feedback): it can land
        # before the follow-up it precedes is asked, and must not show that follow-up's point.
        if self.session.mode is Mode.practice and not self.busy:
            shown = final_run(asked)  # a failed verdict never replaces one that worked
            self.show_feedback(asked, shown if shown is not None else run)
        self.call_later(self.tick)  # once this verdict's task has finished

    def refresh_feedback(self) -> None:
        """A follow-up answered (or the question closed) releases the feedback held back."""
        if self.session.mode is not Mode.practice:
            return
        for asked in self.session.questions[-2:]:
            run = final_run(asked)
            if run is not None:
                self.show_feedback(asked, run)

    def show_feedback(self, asked: AskedQuestion, run: ScoringRun) -> None:
        panel = self.query_one("#feedback", VerticalScroll)
        block_id = f"feedback-{self.session.questions.index(asked)}"
        text = feedback_markdown(self.runner, asked, run)
        if self._feedback_shown.get(block_id) == text:
            return
        self._feedback_shown[block_id] = text
        for empty in panel.query("#feedback-empty"):
            empty.remove()
        # Practice mode's alone, so imported here: the widget costs a start that never shows it.
        from textual.widgets import Markdown

        existing = panel.query(f"#{block_id}")
        if existing:
            block = existing.first(Markdown)
            block.update(text)
        else:
            block = Markdown(text, id=block_id, classes="feedback")
            panel.mount(block)
        # The newest verdict's first line in view, once it has been laid out.
        self.call_after_refresh(panel.scroll_to_widget, block, animate=False, top=True)
