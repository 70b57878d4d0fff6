"""Plain mode: the interview over stdin/stdout, for scripts, screen readers and slow links.

An answer is every line typed until a line holding only "."; a line holding only /skip,
/hint, /end or /quit is a command; end of input is /quit.
"""

import asyncio
import sys
from typing import TextIO

from interviewer.domain.session import AskedQuestion, Mode, ScoringRun
from interviewer.report import outline, render_markdown
from interviewer.runner import InterviewRunner, Prompt

COMMANDS = ("/skip", "/hint", "/end", "/quit")
HELP = (
    "Answer in as many lines as you like; a line holding only '.' submits it.\n"
    "Commands, alone on a line: /hint  /skip  /end (finish and score now)"
    "  /quit (save, resume later)"
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

    async def _readline(self) -> str | None:
        line = await asyncio.get_running_loop().run_in_executor(None, self.stdin.readline)
        return line if line else None  # "" means end of input

    async def read_reply(self) -> tuple[str, str]:
        """(command, answer text). command is "" for a plain answer."""
        lines: list[str] = []
        while True:
            line = await self._readline()
            if line is None:
                return "/quit", "\n".join(lines).strip()
            stripped = line.strip()
            if stripped == ".":
                return "", "\n".join(lines).strip()
            if stripped in COMMANDS:
                return stripped, "\n".join(lines).strip()
            lines.append(line.rstrip("\n"))

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
        self.say(
            f"interviewer · {session.scenario.title} · {session.mode.value} mode · "
            f"backend: {runner.backend.description} · session {session.id}"
        )
        self.say(HELP)
        prompt = await runner.begin()
        while prompt is not None:
            self.show(prompt)
            command, text = await self.read_reply()
            if command in ("/end", "/quit") and text:
                prompt = await runner.answer(text)  # typed text is never thrown away
                if prompt is None:
                    break
            if command == "":
                if not text:
                    self.say("(an empty answer: type your answer, or /skip to pass)")
                    continue
                prompt = await runner.answer(text)
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
