"""Plain mode: the interview over stdin/stdout, for scripts, screen readers and slow links.

An answer is every line typed until a line holding only "."; a line holding only /skip,
/hint, /end or /quit is a command; end of input is /quit. In a coding round the answer is
the code, then a few lines on the approach and its complexity; /run runs the visible
tests on the code typed so far.

Input is read as bytes on a thread of its own and decoded with replacement, so a stray
byte never ends an interview (the answer is kept, with a notice) and a blocked read never
holds up an exit. Ctrl+C, SIGTERM and SIGHUP keep what was typed of the answer as a draft
(not judged; it comes back on resume), save, say how to resume, and exit at once with
130, 143 or 129. A save that fails is said to have failed, never "Saved": the candidate
can retry, choose another folder, or stop, and the exit code is 1 if it never landed.
"""

import asyncio
import contextlib
import os
import re
import signal
import sys
import textwrap
import threading
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import BinaryIO, TextIO, TypeVar

from interviewer.domain.session import AskedQuestion, Mode, ScoringRun, TurnKind
from interviewer.report import feedback_text, outline, render_markdown, turn_label
from interviewer.runner import (
    CodingUnavailable,
    InterviewRunner,
    Prompt,
    SaveFailed,
    too_long_notice,
)
from interviewer.safe_text import echo, write
from interviewer.sandbox.summary import run_lines
from interviewer.startup import release_gc
from interviewer.store.drafts import DraftNotSaved, DraftStore

T = TypeVar("T")
COMMANDS = ("/skip", "/hint", "/end", "/quit", "/discard")
RUN_COMMAND = "/run"
CODE = "code"  # the draft part holding a coding answer's code
WAIT_NOTE_S = 2.0  # a step slower than this says that it is waiting
WAIT_AGAIN_S = 15.0
HELP = (
    "Answer in as many lines as you like; a line holding only '.' submits it.\n"
    "Commands, alone on a line: /hint  /skip  /end (finish and score now)"
    "  /quit (save, resume later)  /run (coding: run the examples on the code so far)"
)
CODE_HELP = (
    "Type your code below: the whole function, starting from the starter above. A line "
    "holding only '.' submits it; /run runs the visible examples on what you have typed."
)
EXPLAIN_HELP = (
    "Now, in a few lines: your approach and its time and space complexity "
    "('.' submits; an empty answer is allowed)."
)
SIGNALS: dict[int, int] = {signal.SIGINT: 130, signal.SIGTERM: 143, signal.SIGHUP: 129}
EXIT_NOT_SAVED = 1
BAD_BYTES_NOTICE = (
    "(Some bytes of that answer were not valid UTF-8: they are kept as '\ufffd'. "
    "Check your terminal's encoding.)"
)


class _Abandoned(Exception):
    """The candidate stopped with the session not saved where it belongs."""


class LineReader:
    """Lines of bytes from a stream, read on a daemon thread into the event loop.

    A real file descriptor is read with os.read (no Python-level lock held while blocked,
    so the process can always exit); a stream without one (tests) with its readline.
    """

    def __init__(self, stream: BinaryIO | TextIO):
        self.stream = stream
        self.queue: asyncio.Queue[bytes | None] = asyncio.Queue()
        self._loop: asyncio.AbstractEventLoop | None = None
        self.waiting = False  # the thread is blocked on a read, everything before handed over

    def start(self) -> None:
        self._loop = asyncio.get_running_loop()
        threading.Thread(target=self._pump, name="plain-stdin", daemon=True).start()

    def _put(self, item: bytes | None) -> None:
        assert self._loop is not None
        with contextlib.suppress(RuntimeError):  # the loop has closed: we are exiting
            self._loop.call_soon_threadsafe(self.queue.put_nowait, item)

    def _pump(self) -> None:
        try:
            fd = self.stream.fileno()
        except (AttributeError, OSError, ValueError):
            fd = None
        if fd is None:
            while line := self.stream.readline():
                self._put(line.encode("utf-8") if isinstance(line, str) else line)
            self._put(None)
            return
        pending = b""
        while True:
            self.waiting = True
            try:
                chunk = os.read(fd, 65536)
            except InterruptedError:
                continue
            except OSError:
                chunk = b""
            self.waiting = False
            if not chunk:
                if pending:
                    self._put(pending)
                self._put(None)
                return
            pending += chunk
            *lines, pending = pending.split(b"\n")
            for line in lines:
                self._put(line + b"\n")

    async def readline(self) -> bytes | None:
        """The next line with its newline (the last may lack one); None at end of input."""
        return await self.queue.get()

    async def settle(self, timeout: float = 0.2) -> list[bytes]:
        """Everything read but not yet taken, once the thread has handed over all it read
        (a signal can arrive between a read and its hand-over)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while not self.waiting and loop.time() < deadline:
            await asyncio.sleep(0.002)
        await asyncio.sleep(0)  # the hand-overs already scheduled run
        taken = []
        while not self.queue.empty():
            item = self.queue.get_nowait()
            if item is not None:
                taken.append(item)
        return taken


INPUT_PROMPT = "> "


def _terminal_width(stream: TextIO) -> int:
    try:
        return os.get_terminal_size(stream.fileno()).columns
    except (AttributeError, OSError, ValueError):
        return 0


_LIST_ITEM = re.compile(r"^(\s*(?:> |[-*] |\d+\. |\| ))")


def wrap_lines(text: str, width: int) -> str:
    """`text` with each line longer than `width` wrapped between words (a terminal would cut
    words in two); a quote or list item carries its mark or indent onto the next lines.
    Tables and fenced code are left as they are."""
    out: list[str] = []
    fenced = False
    for line in text.split("\n"):
        if line.lstrip().startswith("```"):
            fenced = not fenced
        if fenced or len(line) <= width or line.lstrip().startswith("|"):
            out.append(line)
            continue
        mark = _LIST_ITEM.match(line)
        lead = mark.group(1) if mark else line[: len(line) - len(line.lstrip())]
        follow = lead if lead.strip() == ">" else " " * len(lead)
        out.append(
            textwrap.fill(
                line,
                width,
                subsequent_indent=follow,
                break_long_words=False,
                break_on_hyphens=False,
                drop_whitespace=True,
            )
        )
    return "\n".join(out)


def _is_terminal(*streams: object) -> bool:
    try:
        return all(bool(getattr(s, "isatty", lambda: False)()) for s in streams)
    except (OSError, ValueError):
        return False


def decode(line: bytes) -> tuple[str, bool]:
    """(text, whether some bytes were not UTF-8 and were replaced)."""
    try:
        return line.decode("utf-8"), False
    except UnicodeDecodeError:
        return line.decode("utf-8", errors="replace"), True


class PlainInterview:
    def __init__(
        self,
        runner: InterviewRunner,
        stdin: BinaryIO | TextIO,
        stdout: TextIO,
        drafts: DraftStore | None = None,
        *,
        stderr: TextIO | None = None,
        fallback: str = "none",
        interactive: bool | None = None,
        width: int | None = None,
    ):
        self.runner = runner
        # At a terminal, lines are wrapped between words at its width (None: asked of the
        # terminal at each line, so a resize counts); piped output is left as it is (0).
        self.width = width if width is not None else (None if _is_terminal(stdout) else 0)
        # A person at a terminal sees a prompt before each line typed; a script does not.
        self.interactive = _is_terminal(stdin, stdout) if interactive is None else interactive
        self.reader = LineReader(stdin)
        self.out = stdout
        self.drafts = drafts or DraftStore(runner.store.root)
        self.lines: list[str] = []  # the answer (or code) being typed
        self.reading_code = False  # self.lines holds code
        self.code_typed = ""  # a coding answer's code, while its explanation is typed
        self.explanation_draft = ""  # restored from a draft, for the explanation
        self.bad_bytes = False
        self.signal: int | None = None
        # Practice verdicts not yet said in full (a follow-up of theirs is pending), by
        # question; the run whose score alone was said, by question.
        self.verdicts: dict[int, tuple[AskedQuestion, ScoringRun]] = {}
        self.said_score: dict[int, ScoringRun] = {}
        self.moving = False  # a move of the interview is under way
        self.shown_turns = 0  # the session's turns already on the screen (or recapped)
        self.err = stderr or sys.stderr
        self.fallback = fallback

    def say(self, text: str = "") -> None:
        width = self.width if self.width is not None else _terminal_width(self.out)
        if width:
            text = wrap_lines(text, width)
        # The terminal may be gone (SIGHUP): the save matters, the words cannot arrive.
        with contextlib.suppress(OSError):
            echo(text, stream=self.out)

    def _header(self, prompt: Prompt) -> str:
        budget = f" · {prompt.time_budget_minutes} min" if prompt.time_budget_minutes else ""
        return (
            f"[Round {prompt.round_index + 1}/{prompt.round_count} · {prompt.round_title}{budget}"
            f" · question {prompt.question_number}/{prompt.round_questions}]"
        )

    def recap(self) -> None:
        """Resuming: where the interview stands, the open question and what was said about
        it so far (the pending turn itself follows, as every turn does)."""
        session = self.runner.session
        asked = session.current_question
        self.say()
        self.say(f"Resuming session {session.id}: {session.answered_count} answer(s) saved so far.")
        if asked is None or len(asked.turns) < 2:
            return
        self.say("Where you left off, this question so far:")
        for turn in asked.turns[:-1]:
            # Indented: a line that starts with "Interviewer: " is always a new turn.
            said = f"{turn_label(turn)}: {turn.text or '(no text)'}"
            self.say("\n".join(f"  {line}" for line in said.splitlines()))

    def show(self, prompt: Prompt) -> None:
        self.say()
        for notice in self.runner.drain_notices():  # said once, above the next header
            self.say(f"[notice] {notice}")
        self.say(self._header(prompt))
        # What the interviewer said on the way that was not asked of the candidate (the
        # deep dive saying a project file was read), before the turn that is.
        turns = [t for q in self.runner.session.questions for t in q.turns]
        for turn in turns[self.shown_turns : -1]:
            if turn.role == "interviewer":
                self.say(turn.text)
                self.say()
        self.shown_turns = len(turns)
        self.say(f"Interviewer: {prompt.text}")
        self.say()
        if prompt.wants_code and prompt.coding is not None:
            self.say("Starter:")
            self.say(prompt.coding.starter.rstrip())
            self.say()
            self.say(CODE_HELP)

    async def _readline(self) -> str | None:
        line = await self.reader.readline()
        if line is None:
            return None
        text, bad = decode(line)
        self.bad_bytes = self.bad_bytes or bad
        return text

    async def read_reply(self, *, code: bool = False) -> tuple[str, str]:
        """(command, answer text). command is "" for a plain answer. The lines typed stay
        in self.lines (kept as a draft on a signal) until the answer is submitted. Code
        keeps its indentation, and /run runs the visible tests on the lines typed so far."""
        self.reading_code = code

        def text() -> str:
            joined = "\n".join(self.lines)
            return joined.strip("\n").rstrip() + "\n" if code and joined.strip() else joined.strip()

        while True:
            if self.interactive:
                write(INPUT_PROMPT, stream=self.out)
            line = await self._readline()
            if line is None:
                return "/quit", text()
            stripped = line.strip()
            if stripped == ".":
                return "", text()
            if stripped == "/discard":
                self.lines = []
                self.bad_bytes = False
                self.say("(discarded what you had typed of this answer)")
                continue
            if stripped in COMMANDS:
                return stripped, text()
            if code and stripped == RUN_COMMAND:
                await self.run_examples(text())
                continue
            self.lines.append(line.rstrip("\r\n"))

    async def run_examples(self, code: str) -> None:
        if not code.strip():
            self.say("(nothing to run yet: type your function first)")
            return
        self.say("Running the visible tests…")
        try:
            run = await self.runner.run_visible_tests(code)
        except CodingUnavailable as exc:
            self.say(f"(cannot run the tests: {exc})")
            return
        for line in run_lines(run):
            self.say(line)
        self.say("(keep typing: the lines so far are kept; '.' submits them)")

    async def read_code_answer(self) -> tuple[str, str, str]:
        """(command, code, explanation) for a coding question."""
        command, code = await self.read_reply(code=True)
        if command != "" or not code.strip():
            return command, code, ""
        self.code_typed, self.lines = code, []
        if self.explanation_draft:
            self.lines = self.explanation_draft.splitlines()
            self.explanation_draft = ""
            self.say("Your explanation from last time (a draft) is the start of this one:")
            self.say("\n".join(f"  | {line}" for line in self.lines))
        self.say(EXPLAIN_HELP)
        command, explanation = await self.read_reply()
        return command, code, explanation

    def on_scored(self, asked: AskedQuestion, run: ScoringRun) -> None:
        """Practice mode: feedback and an outline as soon as an answer is judged, once no
        move is under way (a verdict can land before the follow-up it precedes is asked)."""
        self.verdicts[id(asked)] = (asked, run)
        if not self.moving:
            self.flush_feedback()

    def flush_feedback(self) -> None:
        """Say the verdicts that landed. While a follow-up is pending, only the score: what
        the answer missed is what the follow-up asks about, so the rest waits until it is
        answered or skipped."""
        for key, (asked, run) in list(self.verdicts.items()):
            rubric = self.runner.session.rubric_for_round(asked.round_index)
            result = run.result
            pending = asked.awaiting_answer and asked.turns[-1].kind is TurnKind.follow_up
            if pending and self.said_score.get(key) is run:
                continue  # its score is out; the rest waits for the follow-up
            prompt = asked.prompt if len(asked.prompt) <= 70 else asked.prompt[:69].rstrip() + "…"
            if result.is_scored:
                self.say(f"\n[feedback] {prompt} — {result.percent(rubric):.0f}/100")
            else:
                self.say(f"\n[feedback] unscored: {result.reason}")
            if pending:
                self.said_score[key] = run
                self.say(
                    "(the feedback and the model outline follow once you answer the follow-up)"
                )
                continue
            del self.verdicts[key]
            feedback = feedback_text(result.feedback)
            if feedback:
                self.say(feedback)
            if asked.key_points:
                self.say("Model-answer outline: " + "; ".join(outline(asked.key_points)))

    async def waiting(self, work: Awaitable[T]) -> T:
        """The step's result; a model that takes its time is said to be working on it."""
        if self.runner.backend.readiness is None:
            return await work  # the offline engine answers at once
        task = asyncio.ensure_future(work)
        delay, waited = WAIT_NOTE_S, 0.0
        while True:
            done, _ = await asyncio.wait({task}, timeout=delay)
            if done:
                return task.result()
            waited += delay
            if waited <= WAIT_NOTE_S:
                self.say("(waiting for the model…)")
            else:
                self.say(f"(still waiting for the model: {waited:.0f} s)")
            delay = WAIT_AGAIN_S

    async def preflight(self) -> bool:
        """The model's checks before the first question; False: stop, nothing written."""
        readiness = self.runner.backend.readiness
        if readiness is None:
            return True
        report = await self.waiting(readiness.check())
        if report.ok:
            for warning in report.warnings:
                self.say(f"[notice] {warning}")
            return True
        for line in report.lines(plain=True):
            echo(line, stream=self.err)  # the server's words are data: sanitised
        if self.fallback == "offline":
            note = f"the model failed its check ({report.problem})"
            self.runner.use_offline(note)
            self.say(f"[notice] {report.summary()}. Going on with the offline engine.")
            return True
        resuming = bool(self.runner.session.questions)
        echo(
            "The interview was not resumed; nothing changed."
            if resuming
            else "No interview was started; nothing was saved.",
            stream=self.err,
        )
        return False

    # --- drafts ----------------------------------------------------------------------------

    def _restore_draft(self, prompt: Prompt) -> None:
        """Resuming: what was typed of the open answer last time is its start again."""
        session_id = self.runner.session.id
        prose = self.drafts.load(session_id).strip()
        code = self.drafts.load(session_id, part=CODE).strip("\n") if prompt.wants_code else ""
        if prompt.wants_code:
            self.explanation_draft = prose
            restored = code
        else:
            restored = prose
        if not restored:
            return
        self.lines = restored.splitlines() + self.lines
        what = "code" if prompt.wants_code else "answer"
        self.say(f"Your unfinished {what} from last time (kept as a draft, not judged):")
        self.say("\n".join(f"  | {line}" for line in self.lines))
        self.say("It is the start of your answer: type the rest and '.' to submit it, or")
        self.say("/discard alone on a line to start this answer afresh.")

    def _keep_draft(self, with_unsaved_answers: bool = False) -> str:
        """Keep the answer being typed as a draft; says where, or why it could not. With
        `with_unsaved_answers`, the answers no save has landed yet go in front of it."""
        typed = "\n".join(self.lines)
        code = self.code_typed or (typed if self.reading_code else "")
        prose = "" if self.reading_code else typed
        parts = [self.runner.unsaved_answers()] if with_unsaved_answers else []
        text = "\n\n".join(p for p in [*parts, prose] if p.strip()).strip()
        kept = []
        for part, content in (("", text), (CODE, code)):
            if not content.strip():
                continue
            try:
                kept.append(self.drafts.save(self.runner.session.id, content, part=part))
            except DraftNotSaved as exc:
                return f"What you had typed could NOT be kept as a draft ({exc})."
            except ValueError:
                return ""
        if not kept:
            return ""
        where = " and ".join(str(path) for path in kept)
        return f"What you had typed is kept as a draft (not judged) in {where}."

    def _answered(self, text: str = "") -> None:
        if notice := too_long_notice(text):
            self.say(f"({notice})")
        if self.bad_bytes:
            self.say(BAD_BYTES_NOTICE)
        self.bad_bytes = False
        with contextlib.suppress(OSError, ValueError):
            self.drafts.clear(self.runner.session.id)
            self.drafts.clear(self.runner.session.id, part=CODE)

    # --- saving ----------------------------------------------------------------------------

    def _resume_hint(self) -> str:
        runner = self.runner
        where = runner.saved_to
        ref = runner.session.id if where == runner.store.path_for(runner.session.id) else where
        return f"interviewer resume {ref} --plain"

    async def step(
        self,
        move: Callable[[], Awaitable[Prompt | None]],
        again: Callable[[], Awaitable[Prompt | None]] | None = None,
    ) -> Prompt | None:
        """Run one move of the interview. When its save fails, the candidate deals with
        that first; then `again` (default: pick the interview up where it stands) runs."""
        self.moving = True
        try:
            return await self.waiting(move())
        except SaveFailed as failure:
            await self.recover(failure)
            retry = again or self.runner.begin
            return await self.step(retry, again)
        finally:
            self.moving = False

    async def submit(
        self, text: str, code: str | None = None, *, last: bool = False
    ) -> Prompt | None:
        """Hand an answer to the runner. From the first moment it is the session's (held in
        memory, then saved), so it is no longer a draft to keep on a signal."""
        self.lines, self.code_typed = [], ""
        prompt = await self.step(lambda: self.runner.answer(text, code=code, last=last))
        self._answered(text)
        return prompt

    async def recover(self, failure: SaveFailed) -> None:
        """Until the session is saved somewhere, or the candidate gives up (_Abandoned)."""
        choose = "first choose: /retry, /save-to FOLDER or /quit"
        announce, kept_said = True, False
        while True:
            if announce:  # a line that is not a choice does not repeat all of it
                self.say()
                self.say(failure.describe())
                self.say(
                    "Type /retry to try again, /save-to FOLDER to save it in another folder "
                    "(and keep saving there), or /quit to stop."
                )
            announce = True
            line = await self._readline()
            if line is None:
                raise _Abandoned(failure.describe())
            command, _, argument = line.strip().partition(" ")
            try:
                if command == "/retry":
                    self.runner.retry_save()
                elif command == "/save-to" and argument.strip():
                    where = self.runner.save_elsewhere(Path(argument.strip()))
                    self.say(f"Saved to {where}; this interview is saved there from now on.")
                elif command == "/quit":
                    raise _Abandoned(failure.describe())
                else:
                    announce = False
                    # Text typed (or piped) here is never dropped: it is the start of the
                    # next answer, and a draft if the interview stops first.
                    if line.strip() not in ("", "."):
                        self.lines.append(line.rstrip("\r\n"))
                        if not kept_said:
                            self.say(f"(kept as the start of your next answer; {choose})")
                            kept_said = True
                    else:
                        self.say(f"(your answers are safe in memory; {choose})")
                    continue
            except SaveFailed as again:
                failure = again
                continue
            self.say("Saved.")
            return

    # --- the interview ---------------------------------------------------------------------

    async def run(self) -> int:
        loop = asyncio.get_running_loop()
        main = asyncio.current_task()
        assert main is not None
        handled = []
        for signum in SIGNALS:
            try:
                loop.add_signal_handler(signum, self._interrupt, signum, main)
                handled.append(signum)
            except (NotImplementedError, RuntimeError, ValueError):
                pass  # not the main thread, or no such signal here: the default applies
        self.reader.start()
        try:
            return await self._interview()
        except asyncio.CancelledError:
            if self.signal is None:
                raise
            main.uncancel()
            return await self._stop(self.signal)
        except _Abandoned as gone:
            self.say()
            self.say(f"Stopped without saving where the session belongs. {gone}")
            self.say(self._keep_draft(with_unsaved_answers=True))
            return EXIT_NOT_SAVED
        finally:
            for signum in handled:
                loop.remove_signal_handler(signum)

    def _interrupt(self, signum: int, main: asyncio.Task[int]) -> None:
        if self.signal is None:
            self.signal = signum
            main.cancel()

    async def _stop(self, signum: int) -> int:
        """A signal: keep the typing as a draft, save, say how to resume; exit at once."""
        code = SIGNALS[signum]
        for line in await self.reader.settle():
            text, _ = decode(line)
            if text.strip() not in (".", *COMMANDS):
                self.lines.append(text.rstrip("\r\n"))
        kept = self._keep_draft()
        self.say()
        self.say(f"Interrupted ({signal.Signals(signum).name}).")
        if kept:
            self.say(kept)
        try:
            await self.runner.quit(grace_seconds=0)
        except SaveFailed as failure:
            self.say(failure.describe())
            if failure.rescued is not None:
                self.say(f"Continue with: interviewer resume {failure.rescued} --plain")
            else:
                self.say(self._keep_draft(with_unsaved_answers=True))
            return code
        self.say(f"Saved. Continue with: {self._resume_hint()}")
        return code

    async def _interview(self) -> int:
        runner = self.runner
        session = runner.session
        if not await self.preflight():
            return 2
        if session.mode is Mode.practice:
            runner.on_scored = self.on_scored
        # A script pipes its answers in at once, and there is no screen to draw first:
        # every answer, the first included, then costs the same.
        runner.warm_up_delay_s = None
        self.say(
            f"interviewer · {session.scenario.title} · {session.mode.value} mode · "
            f"backend: {runner.backend.description} · session {session.id}"
        )
        self.say(HELP)
        resumed = bool(session.questions)
        prompt = await self.step(runner.begin)
        if resumed and prompt is not None:
            self.recap()
            self.shown_turns = sum(len(q.turns) for q in session.questions) - 1
        restored = False
        while prompt is not None:
            if runner.unsaved is not None:  # a verdict's save failed in the background
                await self.recover(runner.unsaved)
            self.flush_feedback()
            self.show(prompt)
            if not restored:
                self._restore_draft(prompt)
                restored = True
                release_gc()  # the start-up is over: the first question is out
            code: str | None = None
            if prompt.wants_code:
                command, code, text = await self.read_code_answer()
                code = code if code.strip() else None
            else:
                command, text = await self.read_reply()
            if command == "/end" and (text or code):
                # Typed text is never thrown away; nothing more is asked after it.
                await self.submit(text, code, last=True)
                break
            if command == "/quit" and (text or code):
                prompt = await self.submit(text, code)  # typed text is never thrown away
                if prompt is None:
                    break
            if command == "":
                if not text and code is None:
                    empty = "code" if prompt.wants_code else "answer"
                    self.say(f"(an empty {empty}: type your {empty}, or /skip to pass)")
                    continue
                prompt = await self.submit(text, code)
            elif command == "/skip":
                self.lines, self.code_typed = [], ""
                prompt = await self.step(runner.skip)
            elif command == "/hint":
                prompt = await self.step(runner.hint)
            elif command == "/end":
                break
            elif command == "/quit":
                return await self._quit()
        await self.step(self._finish, again=self._finish)
        self.say()
        for notice in runner.drain_notices():
            self.say(f"[notice] {notice}")
        self.say(render_markdown(session))
        if runner.unsaved is not None:
            await self.recover(runner.unsaved)
        if kept := self._keep_draft():  # typed while the last save was being dealt with
            self.say(kept)
        self.say(f"Saved as {runner.saved_to}")
        hint = runner.unscored_hint()
        if hint and runner.outages:
            self.say(hint)
        return 0

    async def _finish(self) -> Prompt | None:
        await self.runner.finish()
        return None

    async def _quit(self) -> int:
        while True:
            try:
                await self.runner.quit()
            except SaveFailed as failure:
                await self.recover(failure)
                continue
            if kept := self._keep_draft():  # typed while a save was being dealt with
                self.say(kept)
            self.say(f"\nSaved. Continue with: {self._resume_hint()}")
            return 0


def run_plain(runner: InterviewRunner, fallback: str = "none") -> int:
    # Bytes when there are bytes to read (a terminal, a pipe); a text stream put in place of
    # stdin (an embedding program, a test) is read as it is.
    stdin = getattr(sys.stdin, "buffer", sys.stdin)
    return asyncio.run(PlainInterview(runner, stdin, sys.stdout, fallback=fallback).run())
