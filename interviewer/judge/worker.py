"""The offline judge in a worker process.

Scoring a long answer is a few hundred milliseconds of pure Python. In a thread it would
still hold the interpreter the interface draws with; in its own process it runs on the
other core, and the judge's vocabulary (the tokenizer: 47 MB, a quarter of a second to
build) is loaded there, never in the process the candidate sees.

The worker is `python -m interviewer.judge.worker_process`, in its own session (a Ctrl+C
at the terminal is not its business), its stderr discarded (it must never draw on the
app's screen), reading requests on stdin and answering on stdout: each a length-prefixed
pickle, between two processes of this program. It exits when its stdin closes or its
parent dies (worker_process.py), so a killed interviewer leaves no worker behind.
warm_up() starts it, once the first question is on screen, and it loads the judge before
the first request arrives. If it cannot start or dies, scoring goes on in a thread of this
process: slower, never lost.
"""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import os
import pickle
import struct
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from interviewer.judge.base import Judge

if TYPE_CHECKING:
    from interviewer.domain.judging import JudgeIdentity, JudgeRequest, JudgeResult
    from interviewer.domain.rubric import Rubric

_HEADER = struct.Struct(">Q")
_JUDGE: Any = None  # the worker's (or the fallback thread's) OfflineJudge


def _offline_judge() -> Any:
    global _JUDGE
    if _JUDGE is None:
        from interviewer.judge.offline import OfflineJudge

        _JUDGE = OfflineJudge()
    return _JUDGE


def score_here(request: JudgeRequest) -> JudgeResult:
    result: JudgeResult = _offline_judge().score_now(request)
    return result


def _write_frame(out: IO[bytes], payload: bytes) -> None:
    out.write(_HEADER.pack(len(payload)) + payload)
    out.flush()


def _read_frame(source: IO[bytes]) -> bytes | None:
    header = source.read(_HEADER.size)
    if len(header) < _HEADER.size:
        return None
    (size,) = _HEADER.unpack(header)
    payload = source.read(size)
    return payload if len(payload) == size else None


class WorkerGone(Exception):
    pass


class JudgeProcess:
    """The client side: one request at a time, from any thread."""

    def __init__(self) -> None:
        self._proc: subprocess.Popen[bytes] | None = None
        self._lock = threading.Lock()
        self._busy = False  # a request is with the worker
        self.command = [sys.executable, "-m", "interviewer.judge.worker_process"]

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc is not None else None

    @property
    def busy(self) -> bool:
        return self._busy

    def start(self) -> None:
        with self._lock:
            self._start()

    def _start(self) -> None:
        if self._proc is not None and self._proc.poll() is None:
            return
        package_parent = str(Path(__file__).resolve().parent.parent.parent)
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(
            p for p in (package_parent, env.get("PYTHONPATH", "")) if p
        )
        self._proc = subprocess.Popen(
            [*self.command, str(os.getpid())],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
            start_new_session=True,
        )
        atexit.register(self.close)

    def score(self, request: JudgeRequest) -> JudgeResult:
        with self._lock:
            try:
                self._start()
                proc = self._proc
                assert proc is not None and proc.stdin is not None and proc.stdout is not None
                self._busy = True
                try:
                    _write_frame(proc.stdin, pickle.dumps(request, pickle.HIGHEST_PROTOCOL))
                    answer = _read_frame(proc.stdout)
                finally:
                    self._busy = False
            except (OSError, ValueError) as exc:
                self._kill()
                raise WorkerGone(str(exc)) from exc
            if answer is None:
                self._kill()
                raise WorkerGone("the judge worker exited")
            result: JudgeResult = pickle.loads(answer)
            return result

    def _kill(self) -> None:
        if self._proc is not None:
            with contextlib.suppress(OSError):
                self._proc.kill()
            with contextlib.suppress(Exception):
                self._proc.wait(timeout=5)
            self._proc = None

    def stop_if_busy(self) -> None:
        """End the worker now if it is scoring: the thread waiting on it (which an exit
        would wait for) then gets WorkerGone at once instead of the verdict seconds later."""
        proc = self._proc
        if proc is not None and self._busy:
            with contextlib.suppress(OSError):
                proc.kill()

    def close(self) -> None:
        """Closing its stdin ends the worker once it has answered what it is doing."""
        proc = self._proc
        if proc is not None and proc.stdin is not None:
            with contextlib.suppress(OSError):
                proc.stdin.close()


class WorkerJudge(Judge):
    """The offline judge, scoring in a worker process; same identity, same verdicts."""

    kind = "offline"
    model = ""

    def __init__(self) -> None:
        self.process = JudgeProcess()
        self._gone = False
        # One thread of its own waits on the worker: requests queue here, not in the
        # loop's default pool, where they would keep plain mode from reading its input.
        self._waiter: ThreadPoolExecutor | None = None

    def identity(self, rubric: Rubric) -> JudgeIdentity:
        from interviewer.judge.offline import METHOD

        self.method = METHOD
        return super().identity(rubric)

    def abandon(self) -> None:
        self.process.stop_if_busy()

    def warm_up(self) -> None:
        if not self._gone:
            try:
                self.process.start()
            except OSError:
                self._gone = True

    async def _score(self, request: JudgeRequest) -> JudgeResult:
        if self._waiter is None:
            self._waiter = ThreadPoolExecutor(1, thread_name_prefix="judge")
        loop = asyncio.get_running_loop()
        if not self._gone:
            try:
                return await loop.run_in_executor(self._waiter, self.process.score, request)
            except WorkerGone:
                self._gone = True  # score here from now on
        return await loop.run_in_executor(self._waiter, score_here, request)


def serve(source: IO[bytes], out: IO[bytes]) -> None:
    """The worker's loop: a request in, a verdict out, until the input ends."""
    from interviewer.domain.judging import JudgeResult
    from interviewer.judge.text import rarity, token_count

    _offline_judge()
    rarity("warm")  # the vocabulary, before the first request needs it
    token_count("warm")
    while True:
        frame = _read_frame(source)
        if frame is None:
            return
        try:
            result = score_here(pickle.loads(frame))
        except Exception as exc:  # score_now never raises; a bad frame might
            result = JudgeResult.unscored(f"judge worker error: {type(exc).__name__}: {exc}")
        _write_frame(out, pickle.dumps(result, pickle.HIGHEST_PROTOCOL))
