"""The live interview: drives the engine, the conductor, the judge and the store.

One runner serves the plain command line and the app. Every candidate turn is saved
durably (fsynced) before anything else happens; the interviewer's turns and the verdicts
are written too, without waiting for the disk (a killed process loses none of them; a power
cut may lose what can be asked or scored again). Judging runs in background tasks so the
next question never waits for a score. The transcript is written whole when the interview
starts or resumes and when it finishes or stops; a journal holds the changes in between.

A save that fails stops the step that needed it: the step raises SaveFailed, the session
stays whole in memory, a copy is written to a rescue folder when one takes it, and the
front end says so and offers `retry_save()` or `save_elsewhere()`, then `begin()` picks
the interview up where the failed save left it. Nothing here reports a save that did not
happen: `unsaved` holds the last failure until a save succeeds.
"""

import asyncio
import contextlib
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from interviewer.backends import Backend
from interviewer.clock import utc_now
from interviewer.conductor.base import SpeakRequest, TurnRestart
from interviewer.conductor.offline import PROJECT_REQUEST, round_intro
from interviewer.conductor.project import (
    answered_questions,
    overview_key_points,
    received_text,
    refine_signal,
)
from interviewer.domain import engine
from interviewer.domain.coding import CodeRun, CodingBrief, RunKind
from interviewer.domain.engine import (
    Action,
    AnswerSignal,
    AskFollowUp,
    AskProjectDescription,
    AskQuestion,
    AwaitAnswer,
    Finish,
)
from interviewer.domain.judging import CodingEvidence, JudgeRequest, JudgeResult
from interviewer.domain.question import Question, RoundKind, elsewhere_texts, neighbour_texts
from interviewer.domain.selection import NO_HISTORY, CandidateHistory
from interviewer.domain.session import AskedQuestion, ScoringRun, Session, SessionStatus, TurnKind
from interviewer.judge.base import UNAVAILABLE
from interviewer.store.files import rescue_folders
from interviewer.store.journal import journal_path
from interviewer.store.locks import SessionLock
from interviewer.store.transcripts import SaveError, TranscriptStore

ChunkSink = Callable[[str], None]
ScoredCallback = Callable[[AskedQuestion, ScoringRun], None]


def received_turn(request: SpeakRequest, description: str) -> str:
    """The deep dive's opening when the description came with the interview: the round's
    introduction, and that the description was read (it is not asked for again)."""
    received = received_text(description)
    return f"{round_intro(request)}\n\n{received}" if request.starts_round else received


# An answer longer than this is kept whole in the transcript but judged on its first part:
# a judge's time (and a model's context) grows with what it reads, and no answer a person
# types is this long; a paste of a whole document is what it stops.
JUDGED_CHARS = 50_000


def judged_part(text: str) -> str:
    """What of an answer the judge reads: all of it, or its first JUDGED_CHARS characters
    (cut at a space when there is one near the end)."""
    if len(text) <= JUDGED_CHARS:
        return text
    cut = text.rfind(" ", 0, JUDGED_CHARS)
    return text[: cut if cut > JUDGED_CHARS * 9 // 10 else JUDGED_CHARS]


def too_long_notice(text: str) -> str:
    """What to tell the candidate about an answer the judge will not read whole."""
    if len(text) <= JUDGED_CHARS:
        return ""
    return (
        f"Your answer has {len(text):,} characters: all of it is saved, and it is judged on "
        f"its first {JUDGED_CHARS:,}."
    )


class SaveFailed(Exception):
    """The session could not be written where it lives; it is whole in memory.

    `rescued` is where a copy was written instead (None when no rescue folder took it).
    """

    def __init__(self, error: SaveError, rescued: Path | None, rescue_problem: str = ""):
        self.error = error
        self.rescued = rescued
        self.rescue_problem = rescue_problem
        super().__init__(str(error))

    @property
    def path(self) -> Path:
        return self.error.path

    @property
    def reason(self) -> str:
        return self.error.reason

    def describe(self) -> str:
        """What a candidate needs to know, in one paragraph."""
        kept = (
            f"A copy was saved to {self.rescued}."
            if self.rescued is not None
            else f"No copy could be saved anywhere either ({self.rescue_problem})."
        )
        return (
            f"NOT SAVED: {self.path} could not be written ({self.reason}). Everything you "
            f"answered is still held here, in memory. {kept}"
        )


@dataclass(frozen=True)
class Prompt:
    """The interviewer's latest turn, awaiting the candidate, with where we are."""

    text: str
    kind: TurnKind
    round_index: int
    round_count: int
    round_title: str
    question_number: int  # 1-based within the round
    round_questions: int
    round_started_at: datetime
    round_paused_seconds: float
    time_budget_minutes: int | None
    hints_left: int
    # A coding question: the function to write and its starter (the editor's first text).
    coding: CodingBrief | None = None
    # The code the candidate last submitted or ran for this question, if any.
    latest_code: str | None = None
    # A coding question whose code has not been submitted yet: the answer is code.
    wants_code: bool = False


class CodingUnavailable(RuntimeError):
    """The question's tests cannot be run (not a coding question, or not in the bank)."""


class InterviewRunner:
    def __init__(
        self,
        session: Session,
        bank: Mapping[str, Question],
        backend: Backend,
        store: TranscriptStore,
        *,
        history: CandidateHistory = NO_HISTORY,
        clock: Callable[[], datetime] = utc_now,
        on_scored: ScoredCallback | None = None,
        rescue_dirs: list[Path] | None = None,
    ):
        self.session = session
        self.bank = bank
        self.backend = backend
        self.store = store
        self.history = history
        self.clock = clock
        self.on_scored = on_scored
        self._judging: dict[int, asyncio.Task[None]] = {}  # question index -> task
        # What assessing and judging an answer need is loaded this long after the first
        # question is shown; None: before it is returned.
        self.warm_up_delay_s: float | None = 0.25
        self._warming = False
        self.rescue_dirs = rescue_dirs  # None: rescue_folders()
        self.unsaved: SaveFailed | None = None  # the last save failed, and nothing since
        self.lock: SessionLock | None = None  # held while this runner may write the session
        self.answers_on_disk = session.answered_count  # as of the last save that landed
        self._opened = False  # begin() has run: the clock's pause, if any, is counted
        self._answered: frozenset[str] = frozenset()  # by the project description
        self._answered_for: str | None = None  # the description they were worked out for
        self._notices: list[str] = []
        self.outages = 0  # times the model stopped answering during this run

    # --- state ---------------------------------------------------------------------------

    @property
    def finished(self) -> bool:
        return self.session.status is SessionStatus.finished

    @property
    def judging_pending(self) -> int:
        return sum(1 for t in self._judging.values() if not t.done())

    def prompt(self) -> Prompt | None:
        """The turn awaiting an answer, or None when the interview is over."""
        asked = self.session.current_question
        if asked is None or not asked.awaiting_answer:
            return None
        spec = self.session.scenario.rounds[asked.round_index]
        record = self.session.rounds[asked.round_index]
        in_round = self.session.questions_in_round(asked.round_index)
        question = self.bank.get(asked.question_id)
        hints = len(question.hints) if question else 0
        last = asked.turns[-1]
        return Prompt(
            text=last.text,
            kind=last.kind,
            round_index=asked.round_index,
            round_count=len(self.session.scenario.rounds),
            round_title=spec.display_title,
            question_number=max(1, len(in_round)),
            round_questions=spec.questions,
            round_started_at=record.started_at,
            round_paused_seconds=record.paused_seconds,
            time_budget_minutes=spec.time_budget_minutes,
            hints_left=max(0, hints - asked.hints_used),
            coding=asked.coding,
            latest_code=asked.runs[-1].code if asked.runs else asked.submitted_code,
            wants_code=asked.coding is not None and asked.submitted_code is None,
        )

    @property
    def saved_to(self) -> Path:
        """Where the session is saved (once `unsaved` is None)."""
        return self.store.home(self.session)

    def _save(self, *, durable: bool = True) -> None:
        """Save now (what changed, to the journal), or raise SaveFailed having written a
        rescue copy where possible."""
        self._persist(lambda: self.store.save(self.session, durable=durable))

    def _compact(self, *, more_to_come: bool = False) -> None:
        """Write the transcript whole, or raise SaveFailed (a rescue copy where possible)."""
        self._persist(lambda: self.store.compact(self.session, more_to_come=more_to_come))

    def _persist(self, write: Callable[[], Path]) -> None:
        self._drain_usage()
        try:
            write()
        except SaveError as exc:
            self.unsaved = self._rescue(exc)
            raise self.unsaved from None
        self.unsaved = None
        self.answers_on_disk = self.session.answered_count

    def _drain_usage(self) -> None:
        self.session.usage += self.backend.conductor.drain_usage()
        self.session.usage += self.backend.judge.drain_usage()

    def unsaved_answers(self) -> str:
        """The answers given since the last save that landed (what a draft should keep
        when the session itself cannot be written anywhere)."""
        turns = [t for q in self.session.questions for t in q.answers]
        return "\n\n".join(t.text for t in turns[self.answers_on_disk :])

    def _rescue(self, error: SaveError) -> SaveFailed:
        folders = self.rescue_dirs if self.rescue_dirs is not None else rescue_folders()
        problem = "no rescue folder"
        for folder in folders:
            if folder.resolve() == self.store.home(self.session).parent.resolve():
                continue
            try:
                rescued = self.store.save_to(self.session, folder)
            except SaveError as exc:
                problem = f"{exc.path}: {exc.reason}"
                continue
            return SaveFailed(error, rescued)
        return SaveFailed(error, None, problem)

    def retry_save(self) -> None:
        """Try the session's own file again (written whole); raises SaveFailed."""
        self._compact()

    def save_elsewhere(self, folder: Path) -> Path:
        """Save into `folder` and keep saving there from now on; raises SaveFailed."""
        folder = Path(folder).expanduser()
        target = folder / f"{self.session.id}.json"
        try:
            lock = SessionLock.acquire(target, self.session.id, "save elsewhere")
        except OSError:
            lock = None  # the save below says what is wrong with the folder
        try:
            path = self.store.save_to(self.session, folder)
        except SaveError as exc:
            if lock is not None:
                lock.release()
            raise SaveFailed(exc, None, "not tried: this was the folder you chose") from None
        self.store.adopt(self.session, path)
        if self.lock is not None:
            self.lock.release()
        self.lock = lock
        self.unsaved = None
        self.answers_on_disk = self.session.answered_count
        return path

    def close(self) -> None:
        """This runner will not write again: give up the session's lock."""
        for task in self._judging.values():
            task.cancel()
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    def close_unwritten(self) -> bool:
        """After the interview's event loop has ended: give up the session's lock, and
        when nothing of the session was ever written (its start was refused before the
        first question), remove the lock file too. True: it was unwritten."""
        target = self.store.home(self.session)
        unwritten = not target.exists() and not journal_path(target).exists()
        if self.lock is not None:
            if unwritten:
                self.lock.discard()
            else:
                self.lock.release()
            self.lock = None
        return unwritten

    # --- the candidate's moves -----------------------------------------------------------

    async def begin(self, on_chunk: ChunkSink | None = None) -> Prompt | None:
        """Start a new interview or pick an interrupted one up where it stopped."""
        if not self._opened:
            # Opened again after a quit or a crash: the round's clock skips the gap.
            self._opened = True
            self.session.resume_clock(self.clock())
        # A resumed session's journal folds into its transcript; a new journal begins.
        self._compact(more_to_come=self.session.status is not SessionStatus.finished)
        self._rescore_missing()
        if self.finished:
            return None
        current = self.session.current_question
        if current is not None and current.awaiting_answer:
            prompt = self.prompt()
        else:
            signal = await self._assess(current) if current is not None else None
            prompt = await self._advance(signal, on_chunk)
        await self._warm_up()
        return prompt

    async def _warm_up(self) -> None:
        """Load what assessing and judging answers need: now when warm_up_delay_s is None,
        else that long after the first question is shown, in a thread."""
        if self._warming:
            return
        self._warming = True
        if self.warm_up_delay_s is None:
            with contextlib.suppress(Exception):
                self.backend.judge.warm_up()
            # In the thread pool the answers' assessments will use, starting it too.
            await asyncio.get_running_loop().run_in_executor(None, self._warm_up_conductor)
            return

        def start() -> None:
            with contextlib.suppress(Exception):
                self.backend.judge.warm_up()
            threading.Thread(target=self._warm_up_conductor, name="warm-up", daemon=True).start()

        asyncio.get_running_loop().call_later(self.warm_up_delay_s, start)

    def _warm_up_conductor(self) -> None:
        asked = self.session.current_question
        question = self.bank.get(asked.question_id) if asked is not None else None
        with contextlib.suppress(Exception):  # only ever an optimisation
            self.backend.conductor.warm_up(question)

    async def answer(
        self,
        text: str,
        on_chunk: ChunkSink | None = None,
        *,
        code: str | None = None,
        last: bool = False,
    ) -> Prompt | None:
        """The candidate's answer; for a coding question, with the code it submits (the
        text is then the explanation: approach and complexity). The hidden tests run in
        the background, with the judging. `last`: the answer typed when the candidate ends
        the round or the interview; it is saved and judged, and nothing more is asked (a
        follow-up made then would be saved as asked, though no one saw it)."""
        asked = self._require_open()
        question = self.bank.get(asked.question_id)
        now = self.clock()
        if code is not None and not code.strip():
            code = None
        if (
            code is None
            and not last
            and question is not None
            and self.backend.conductor.is_clarifying_question(text, question)
        ):
            engine.apply_candidate_question(self.session, text, now)
            self._save()
            return await self._note(
                TurnKind.clarification, asked, question, on_chunk, candidate_message=text
            )
        engine.apply_answer(self.session, text, now, code=code)
        self._save()  # durable before anything else is shown
        if last:
            if not asked.is_project_description:
                self._schedule_judging(asked)
            return None
        if asked.is_project_description:
            if asked.key_points:
                self._schedule_judging(asked)  # scored as the round's first answer
            return await self._advance(None, on_chunk)
        # With a model, the verdict starts once the next turn is out: the candidate waits
        # for the turn and nobody waits for the verdict, and a local server that serves one
        # request at a time serves the turn first. The offline judge shares nothing with
        # the turn and starts at once. Saved answers are scored even when the turn failed.
        after_turn = self.backend.readiness is not None
        if not after_turn:
            self._schedule_judging(asked)
        try:
            return await self._advance(await self._assess(asked), on_chunk)
        finally:
            if after_turn:
                self._schedule_judging(asked)
            self._take_health_events()

    async def run_visible_tests(self, code: str) -> CodeRun:
        """Run `code` against the open coding question's visible examples; the run is saved
        with the question. Never blocks the event loop: the code runs in a child process."""
        asked = self._require_open()
        run = await self._run_code(asked, code, RunKind.visible)
        engine.apply_code_run(self.session, asked, run, self.clock())
        self._save()
        return run

    async def _run_code(self, asked: AskedQuestion, code: str, kind: RunKind) -> CodeRun:
        from interviewer.sandbox.run import run_code, uses_numpy  # only coding rounds need it

        question = self.bank.get(asked.question_id)
        if question is None or question.coding is None:
            raise CodingUnavailable(
                f"the tests of question '{asked.question_id}' are not in the question bank"
            )
        numpy = uses_numpy(question.coding, question.round is RoundKind.ml_coding)
        return await run_code(question.coding, code, kind, numpy=numpy, clock=self.clock)

    async def skip(self, on_chunk: ChunkSink | None = None) -> Prompt | None:
        asked = self._require_open()
        engine.apply_skip(self.session, self.clock())
        if asked.is_project_description:
            self.session.project_description = "(the candidate preferred not to describe one)"
        self._save()
        return await self._advance(None, on_chunk)

    async def hint(self, on_chunk: ChunkSink | None = None) -> Prompt | None:
        asked = self._require_open()
        question = self.bank.get(asked.question_id)
        hint = engine.next_hint(question, asked) if question else None
        return await self._note(TurnKind.hint, asked, question, on_chunk, hint=hint)

    async def end_round(self, on_chunk: ChunkSink | None = None) -> Prompt | None:
        engine.apply_end_round(self.session, self.clock())
        self._save()
        return await self._advance(None, on_chunk)

    async def finish(self) -> None:
        """End the interview now; what was answered is scored."""
        if not self.finished:
            engine.apply_finish(self.session, self.clock(), early=True)
            self._save()
        await self.wait_for_judging()
        self._compact()

    async def quit(self, grace_seconds: float = 5.0) -> None:
        """Save and stop; the session stays resumable. Pending scores get a short grace.
        Raises SaveFailed when the session could not be saved in the end."""
        with contextlib.suppress(SaveFailed):
            self._save()  # the answers first, whatever the judges do
        if grace_seconds > 0:
            await self.wait_for_judging(timeout=grace_seconds)
        unfinished = [task for task in self._judging.values() if not task.done()]
        for task in unfinished:
            task.cancel()
        if unfinished:
            self.backend.judge.abandon()  # or the exit waits for verdicts nobody keeps
        if not self.finished:
            self.session.stopped_at = self.clock()  # the round's clock stops here
        self._compact()  # whole, once more: raises SaveFailed when it never landed

    async def wait_for_judging(self, timeout: float | None = None) -> None:
        tasks = [t for t in self._judging.values() if not t.done()]
        if tasks:
            await asyncio.wait(tasks, timeout=timeout)

    async def rescore(self, only_unscored: bool = False) -> int:
        """Score every answered question again with this runner's judge; returns how many."""
        count = 0
        for asked in self.session.questions:
            if not self._judged(asked):
                continue
            latest = asked.latest_scoring
            if only_unscored and latest is not None and latest.result.is_scored:
                continue
            self._schedule_judging(asked)
            count += 1
        await self.wait_for_judging()
        self._compact()
        return count

    # --- internals -----------------------------------------------------------------------

    def _require_open(self) -> AskedQuestion:
        asked = self.session.current_question
        if asked is None or not asked.awaiting_answer:
            raise engine.EngineError("no question is awaiting an answer")
        return asked

    async def _assess(self, asked: AskedQuestion) -> AnswerSignal | None:
        question = self.bank.get(asked.question_id)
        if question is None or not asked.answers:
            return None
        if not engine.follow_up_possible(self.session, asked, self.bank):
            return None  # no signal could change what comes next: nothing to wait for
        signal = await self.backend.conductor.assess(question, asked)
        description = self.session.project_description
        if question.round is RoundKind.deep_dive and description:
            # What the description already says is never asked again.
            signal = await asyncio.to_thread(refine_signal, signal, question, asked, description)
        return signal

    @staticmethod
    def _judged(asked: AskedQuestion) -> bool:
        """Answered, and something the judge scores (a project description is, once it has
        key points to be scored against: older sessions' descriptions have none)."""
        if not asked.answers:
            return False
        return not asked.is_project_description or bool(asked.key_points)

    async def _answered_by_project(self) -> frozenset[str]:
        """The deep-dive questions the project description mostly answers (asked only when
        nothing else is left); worked out once, in a thread."""
        description = self.session.project_description
        if not description or not any(
            r.kind is RoundKind.deep_dive for r in self.session.scenario.rounds
        ):
            return frozenset()
        if self._answered_for != description:
            questions = [q for q in self.bank.values() if q.round is RoundKind.deep_dive]
            self._answered = await asyncio.to_thread(answered_questions, description, questions)
            self._answered_for = description
        return self._answered

    # --- the model's availability ----------------------------------------------------------

    def use_offline(self, note: str) -> None:
        """Go on with the offline engine (the model failed its preflight and the candidate
        chose so). A session with nothing asked yet is recorded as an offline one."""
        from interviewer.backends import offline_backend

        self.backend = offline_backend(note)
        if not self.session.questions:
            self.session.backend = self.backend.name
            self.session.interviewer_model = ""
            self.session.judge_model = ""

    def drain_notices(self) -> list[str]:
        """What the candidate should be told once: the model stopped or came back."""
        self._take_health_events()
        notices, self._notices = self._notices, []
        return notices

    def _take_health_events(self) -> None:
        health = self.backend.health
        if health is None:
            return
        for event in health.drain_events():
            if event.kind == "down":
                self.outages += 1
                self._notices.append(
                    f"The model stopped answering ({_short(event.reason)}). The interview goes "
                    "on in the question bank's own words; your answers are kept and are scored "
                    "when the model is back (or later: "
                    f"interviewer rescore {self.session.id} --only-unscored)."
                )
            else:
                self._notices.append(
                    "The model answers again: the interviewer and the judge are back on it."
                )
                self._rescore_unavailable()

    def _rescore_unavailable(self) -> None:
        """Answers left unscored while the model was away are scored now it is back."""
        for index, asked in enumerate(self.session.questions):
            latest = asked.latest_scoring
            if latest is None or latest.result.is_scored:
                continue
            if latest.result.reason.startswith(UNAVAILABLE):
                task = self._judging.get(index)
                if task is None or task.done():
                    self._schedule_judging(asked)

    def unscored_hint(self) -> str | None:
        """The end of an interview with unscored answers: how to score them."""
        reasons = [
            q.latest_scoring.result.reason
            for q in self.session.questions
            if q.latest_scoring is not None and not q.latest_scoring.result.is_scored
        ]
        if not reasons:
            return None
        waiting = sum(1 for reason in reasons if reason.startswith(UNAVAILABLE))
        why = f" ({waiting} because the model was unavailable)" if waiting else ""
        return (
            f"{len(reasons)} answer(s) unscored{why}. Score them when the model is back: "
            f"interviewer rescore {self.session.id} --only-unscored"
        )

    async def _note(
        self,
        kind: TurnKind,
        asked: AskedQuestion,
        question: Question | None,
        on_chunk: ChunkSink | None,
        *,
        candidate_message: str | None = None,
        hint: str | None = None,
    ) -> Prompt | None:
        """Say a hint or a clarification within the open question, which stays open."""
        request = SpeakRequest(
            kind,
            self.session,
            asked.round_index,
            question=question,
            asked=asked,
            candidate_message=candidate_message,
            hint=hint,
        )
        text = await self._speak(request, on_chunk)
        engine.apply_interviewer_note(self.session, kind, text, self.clock())
        self._save(durable=False)  # said again on resume if a power cut loses it
        return self.prompt()

    async def _speak(self, request: SpeakRequest, on_chunk: ChunkSink | None) -> str:
        parts: list[str] = []
        async for chunk in self.backend.conductor.speak(request):
            if isinstance(chunk, TurnRestart):
                parts.clear()  # the sink is told too: it withdraws what it showed
            else:
                parts.append(chunk)
            if on_chunk is not None:
                on_chunk(chunk)
        return "".join(parts).strip()

    async def _advance(
        self, signal: AnswerSignal | None, on_chunk: ChunkSink | None
    ) -> Prompt | None:
        action: Action = engine.next_action(
            self.session,
            self.bank,
            signal,
            now=self.clock(),
            history=self.history,
            answered_elsewhere=await self._answered_by_project(),
        )
        if isinstance(action, AwaitAnswer):
            return self.prompt()
        if isinstance(action, Finish):
            engine.apply_finish(self.session, self.clock())
            self._save()
            return None
        if isinstance(action, AskFollowUp):
            asked = self._require_current()
            question = self.bank[action.question_id]
            text = await self._speak(
                SpeakRequest(
                    TurnKind.follow_up,
                    self.session,
                    asked.round_index,
                    question=question,
                    asked=asked,
                    probe=action.prompt,
                    key_point_id=action.key_point_id,
                ),
                on_chunk,
            )
            engine.apply_follow_up(self.session, action, text, self.clock())
        elif isinstance(action, AskProjectDescription):
            request = SpeakRequest(
                TurnKind.project_request,
                self.session,
                action.round_index,
                starts_round=action.starts_round,
            )
            if action.given:  # it came with the interview: said received, not asked for
                text = received_turn(request, self.session.project_description or "")
            else:
                text = await self._speak(request, on_chunk)
            asked = engine.apply_ask_project_description(
                self.session,
                action,
                text,
                self.clock(),
                key_points=overview_key_points(),
                prompt=PROJECT_REQUEST,
            )
            if action.given:
                self._save()
                self._schedule_judging(asked)  # the round's first answer
                return await self._advance(None, on_chunk)
        elif isinstance(action, AskQuestion):
            question = self.bank[action.question_id]
            text = await self._speak(
                SpeakRequest(
                    TurnKind.question,
                    self.session,
                    action.round_index,
                    question=question,
                    starts_round=action.starts_round,
                ),
                on_chunk,
            )
            put = self.backend.conductor.asked_prompt(self.session, question)
            engine.apply_ask_question(self.session, action, question, text, self.clock(), put)
        self._save(durable=False)  # asked again on resume if a power cut loses it
        return self.prompt()

    def _require_current(self) -> AskedQuestion:
        asked = self.session.current_question
        if asked is None:
            raise engine.EngineError("no open question")
        return asked

    def _schedule_judging(self, asked: AskedQuestion) -> None:
        index = self.session.questions.index(asked)
        previous = self._judging.get(index)
        if previous is not None and not previous.done():
            previous.cancel()  # a newer answer supersedes the verdict in flight
        self._judging[index] = asyncio.create_task(self._judge(asked, len(asked.answers)))

    async def _judge(self, asked: AskedQuestion, answers_judged: int) -> None:
        rubric = self.session.rubric_for_round(asked.round_index)
        answer = asked.answer_text()
        context: list[str] = []
        for turn in asked.turns[1:]:
            if turn.kind in (TurnKind.follow_up, TurnKind.clarification):
                context.append(f"{turn.role}: {turn.text}")
        request = JudgeRequest(
            round_kind=self.session.scenario.rounds[asked.round_index].kind,
            question=asked.prompt,
            key_points=asked.key_points,
            rubric=rubric,
            answer=judged_part(answer),
            context=context,
            coding=await self._coding_evidence(asked),
            neighbours=neighbour_texts(asked.question_id, self.bank),
            elsewhere=elsewhere_texts(asked.question_id, self.bank),
        )
        judge = self.backend.judge
        try:
            result = await judge.score(request)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # the Judge contract says never raise; belt and braces
            result = JudgeResult.unscored(f"judge error: {type(exc).__name__}: {exc}")
        if len(answer) > JUDGED_CHARS:
            note = f"(Judged on the first {JUDGED_CHARS:,} of {len(answer):,} characters.)"
            result = result.model_copy(update={"feedback": f"{note} {result.feedback}".strip()})
        run = ScoringRun(
            judge=judge.identity(rubric),
            result=result,
            at=self.clock(),
            answers_judged=answers_judged,
        )
        asked.scoring_runs.append(run)
        # A verdict that cannot be saved stays in memory (and in `unsaved`) until the next
        # save; the front end shows the failure, and nothing awaits this task to raise it to.
        # Not fsynced: scored again on resume if a power cut loses it.
        with contextlib.suppress(SaveFailed):
            self._save(durable=False)
        if self.on_scored is not None:
            # The verdict is already saved; a display that fails must not lose it or stop
            # the judging of later answers.
            with contextlib.suppress(Exception):
                self.on_scored(asked, run)

    async def _coding_evidence(self, asked: AskedQuestion) -> CodingEvidence | None:
        """The submitted code and its run of every test (made now if it is missing)."""
        code = asked.submitted_code
        if asked.coding is None or code is None:
            return None
        run = asked.submission_run
        reason = ""
        if run is None:
            try:
                run = await self._run_code(asked, code, RunKind.submission)
            except CodingUnavailable as exc:
                reason = str(exc)
            else:
                engine.apply_code_run(self.session, asked, run, self.clock())
                self._save()
        return CodingEvidence(
            code=code,
            function=asked.coding.function,
            complexity=asked.coding.complexity,
            run=run,
            run_missing_reason=reason,
        )

    def _rescore_missing(self) -> None:
        """After a crash: answers saved but never scored get scored now."""
        for asked in self.session.questions:
            if not self._judged(asked):
                continue
            judged = max((r.answers_judged for r in asked.scoring_runs), default=0)
            if judged < len(asked.answers):
                self._schedule_judging(asked)


def _short(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."
