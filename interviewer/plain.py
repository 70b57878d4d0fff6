"""Plain mode: the interview over stdin/stdout, for scripts, screen readers and slow links.

An answer is every line typed until a line holding only "."; a line holding only /skip,
/hint, /end or /quit is a command; end of input is /quit. In a coding round the answer is
the code, then a few lines on the approach and its complexity; /run runs the visible
tests on the code typed so far.
"""

import asyncio
import sys
from typing import TextIO

from interviewer.domain.session import AskedQuestion, Mode, ScoringRun
from interviewer.report import outline, render_markdown
from interviewer.runner import CodingUnavailable, InterviewRunner, Prompt
from interviewer.sandbox.summary import run_lines

COMMANDS = ("/skip", "/hint", "/end", "/quit")
RUN_COMMAND = "/run"
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


class PlainInterview:
    def __init__(self, runner: InterviewRunner, stdin: TextIO, stdout: TextIO):
        self.runner = runner
        self.stdin = stdin
        self.out = stdout

    def say(self, text: str = "") -> None:
        self.out.write(text + "\n")
        self.out.flush()

    def _header(self, prompt: Prompt) -> str:
        budget = f" · {prompt.time_budget_minutes} min" if prompt.time_budget_minutes else ""
        return (
            f"[Round {prompt.round_index + 1}/{prompt.round_count} · {prompt.round_title}{budget}"
            f" · question {prompt.question_number}/{prompt.round_questions}]"
        )

    def show(self, prompt: Prompt) -> None:
        self.say()
        self.say(self._header(prompt))
        self.say(f"Interviewer: {prompt.text}")
        self.say()
        if prompt.wants_code and prompt.coding is not None:
            self.say("Starter:")
            self.say(prompt.coding.starter.rstrip())
            self.say()
            self.say(CODE_HELP)

    async def _readline(self) -> str | None:
        line = await asyncio.get_running_loop().run_in_executor(None, self.stdin.readline)
        return line if line else None  # "" means end of input

    async def read_reply(self, *, code: bool = False) -> tuple[str, str]:
        """(command, answer text). command is "" for a plain answer. Code keeps its
        indentation, and /run runs the visible tests on the lines typed so far."""

        def text() -> str:
            joined = "\n".join(lines)
            return joined.strip("\n").rstrip() + "\n" if code and joined.strip() else joined.strip()

        lines: list[str] = []
        while True:
            line = await self._readline()
            if line is None:
                return "/quit", text()
            stripped = line.strip()
            if stripped == ".":
                return "", text()
            if stripped in COMMANDS:
                return stripped, text()
            if code and stripped == RUN_COMMAND:
                await self.run_examples(text())
                continue
            lines.append(line.rstrip("\n"))

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
        self.say(EXPLAIN_HELP)
        command, explanation = await self.read_reply()
        return command, code, explanation

    def on_scored(self, asked: AskedQuestion, run: ScoringRun) -> None:
        """Practice mode: feedback and an outline as soon as an answer is judged."""
        rubric = self.runner.session.rubric_for_round(asked.round_index)
        result = run.result
        if result.is_scored:
            self.say(f"\n[feedback] {asked.prompt[:70]}... — {result.percent(rubric):.0f}/100")
        else:
            self.say(f"\n[feedback] unscored: {result.reason}")
        if result.feedback:
            self.say(result.feedback)
        if asked.key_points:
            self.say("Model-answer outline: " + "; ".join(outline(asked.key_points)))

    async def run(self) -> int:
        runner = self.runner
        session = runner.session
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
        prompt = await runner.begin()
        while prompt is not None:
            self.show(prompt)
            code: str | None = None
            if prompt.wants_code:
                command, code, text = await self.read_code_answer()
                code = code if code.strip() else None
            else:
                command, text = await self.read_reply()
            if command in ("/end", "/quit") and (text or code):
                # typed text is never thrown away
                prompt = await runner.answer(text, code=code)
                if prompt is None:
                    break
            if command == "":
                if not text and code is None:
                    empty = "code" if prompt.wants_code else "answer"
                    self.say(f"(an empty {empty}: type your {empty}, or /skip to pass)")
                    continue
                prompt = await runner.answer(text, code=code)
            elif command == "/skip":
                prompt = await runner.skip()
            elif command == "/hint":
                prompt = await runner.hint()
            elif command == "/end":
                await runner.finish()
                break
            elif command == "/quit":
                await runner.quit()
                self.say(f"\nSaved. Continue with: interviewer resume {session.id} --plain")
                return 0
        await runner.finish()
        self.say()
        self.say(render_markdown(session))
        self.say(f"Saved as {runner.store.path_for(session.id)}")
        return 0


def run_plain(runner: InterviewRunner) -> int:
    return asyncio.run(PlainInterview(runner, sys.stdin, sys.stdout).run())
