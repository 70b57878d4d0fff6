"""Drives the app in a real pseudo-terminal, the way a person's terminal would."""

import contextlib
import fcntl
import os
import pty
import re
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

from tests.plain_driver import cli_env

ESCAPES = re.compile(
    rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b."
)


class AppInPty:
    """`python -m interviewer ARGS` on a pty of `rows` x `cols`."""

    def __init__(self, args: list[str], transcripts: Path, rows: int = 30, cols: int = 100):
        master, slave = pty.openpty()
        termios_size = struct.pack("HHHH", rows, cols, 0, 0)
        fcntl.ioctl(slave, termios.TIOCSWINSZ, termios_size)
        env = cli_env(transcripts) | {"TERM": "xterm-256color", "COLUMNS": str(cols)}
        env.pop("PYTHONUNBUFFERED", None)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "interviewer", *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            start_new_session=True,
            close_fds=True,
        )
        os.close(slave)
        self.master = master
        self.seen = b""

    def read(self, timeout: float = 0.1) -> bytes:
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return b""
        try:
            chunk = os.read(self.master, 65536)
        except OSError:  # the other side closed
            return b""
        self.seen += chunk
        return chunk

    def screen_text(self) -> str:
        """What was drawn so far, without the escape sequences."""
        return ESCAPES.sub(b"", self.seen).decode("utf-8", errors="replace")

    def wait_for(self, text: str, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while text not in self.screen_text():
            if time.monotonic() > deadline or self.proc.poll() is not None:
                raise AssertionError(f"never shown: {text!r}\n{self.screen_text()[-2000:]}")
            self.read()

    def type(self, text: str) -> None:
        os.write(self.master, text.encode())

    def signal(self, signum: int) -> None:
        self.proc.send_signal(signum)

    def finish(self, timeout: float = 30.0) -> int:
        """Until the process exits (draining what it writes); its exit code."""
        deadline = time.monotonic() + timeout
        while self.proc.poll() is None and time.monotonic() < deadline:
            self.read()
        while self.read(0.05):
            pass
        return self.proc.wait(timeout=max(0.1, deadline - time.monotonic()))

    def kill(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=10)
        with contextlib.suppress(OSError):  # already closed
            os.close(self.master)
