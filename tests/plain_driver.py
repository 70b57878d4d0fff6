"""Drives `interviewer ... --plain` in a subprocess, the way a script or a person would."""

import os
import subprocess
import sys
from pathlib import Path


def cli_env(transcripts: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("OPENAI_")}
    env["INTERVIEWER_TRANSCRIPTS_DIR"] = str(transcripts)
    env["PYTHONUNBUFFERED"] = "1"
    return env


def run_cli(args: list[str], transcripts: Path, stdin: str = "", timeout: float = 60):
    return subprocess.run(
        [sys.executable, "-m", "interviewer", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=cli_env(transcripts),
        timeout=timeout,
    )


class PlainSession:
    """A live plain-mode process: answer, then wait until the next question is printed."""

    def __init__(self, args: list[str], transcripts: Path):
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "interviewer", *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            bufsize=1,
            env=cli_env(transcripts),
        )
        self.transcript: list[str] = []

    def next_prompt(self) -> str:
        """Read output until an interviewer turn has been printed; return it."""
        assert self.proc.stdout is not None
        while True:
            line = self.proc.stdout.readline()
            if not line:
                raise EOFError(
                    "the process ended before asking anything:\n" + "".join(self.transcript)
                )
            self.transcript.append(line)
            if line.startswith("Interviewer: "):
                return line[len("Interviewer: ") :].strip()

    def send(self, text: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(text)
        self.proc.stdin.flush()

    def answer(self, text: str) -> str:
        self.send(text.rstrip("\n") + "\n.\n")
        return self.next_prompt()
