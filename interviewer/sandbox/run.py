"""Running candidate code against a question's tests, in a separate limited process.

Each run starts `python -I harness.py` in a fresh temporary folder with an environment
that holds no keys and no user variables, in its own process group. The harness limits
itself (memory, CPU time, file size, processes) and guards what the code may do with an
audit hook; this side limits the wall time and the output, and kills the whole group
when a run is over, finished or not. Nothing here ever executes the candidate's code.
"""

import asyncio
import contextlib
import json
import os
import secrets
import signal
import sys
import tempfile
import time
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from interviewer.domain.coding import (
    CodeRun,
    CodeTest,
    CodingSpec,
    Outcome,
    RunKind,
    RunStatus,
    TestResult,
)

HARNESS = Path(__file__).resolve().with_name("harness.py")
STRAY_CHARS = 2000  # output written past the capture that is kept for the candidate


@dataclass(frozen=True)
class Limits:
    """What one run may use beyond the per-test time limit (set by the question)."""

    startup_seconds: float = 5.0  # interpreter start, imports, generating large inputs
    output_bytes: int = 1_000_000  # on the pipe: results plus anything written straight to it
    print_chars: int = 4000  # printed output kept per test
    file_bytes: int = 10_000_000  # any one file written inside the working folder


DEFAULT_LIMITS = Limits()


def clean_environment(workdir: str) -> dict[str, str]:
    """The child's whole environment: nothing inherited, so no key or user variable leaks."""
    return {
        "PATH": "/usr/bin:/bin",
        "HOME": workdir,
        "TMPDIR": workdir,
        "LANG": "C.UTF-8",
        "PYTHONIOENCODING": "utf-8",
        # One thread each: the limits are per process, and the machine is shared.
        "OPENBLAS_NUM_THREADS": "1",
        "OMP_NUM_THREADS": "1",
        "MKL_NUM_THREADS": "1",
    }


def uses_numpy(spec: CodingSpec, round_is_ml: bool) -> bool:
    return round_is_ml or bool(spec.array_args) or "numpy" in spec.reference


def _test_payload(test: CodeTest, hidden: bool) -> dict[str, Any]:
    return {
        "name": test.name,
        "hidden": hidden,
        "large": test.large,
        "args": test.args,
        "expected": test.expected,
        "generate": test.generate,
        "seed": test.seed,
    }


def build_job(
    spec: CodingSpec, code: str, kind: RunKind, *, numpy: bool, limits: Limits
) -> dict[str, Any]:
    tests = [_test_payload(t, hidden=False) for t in spec.examples]
    if kind is RunKind.submission:
        tests += [_test_payload(t, hidden=True) for t in spec.tests]
    return {
        "nonce": secrets.token_hex(16),
        "code": code,
        "function": spec.function,
        "compare": spec.compare.value,
        "tolerance": spec.tolerance,
        "checker": spec.checker,
        "array_args": spec.array_args,
        "time_limit_s": spec.time_limit_s,
        "memory_mb": spec.memory_mb,
        "cpu_seconds": limits.startup_seconds + spec.time_limit_s * (len(tests) + 1),
        "file_bytes": limits.file_bytes,
        "print_chars": limits.print_chars,
        "numpy": numpy,
        "tests": tests,
    }


def wall_limit(job: dict[str, Any], limits: Limits) -> float:
    return limits.startup_seconds + job["time_limit_s"] * (len(job["tests"]) + 1)


class _Capped:
    """Reads a stream to its end, keeping at most `limit` bytes; `over` once it had more."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.data = bytearray()
        self.over = asyncio.Event()

    async def drain(self, stream: asyncio.StreamReader) -> None:
        while chunk := await stream.read(65536):
            room = self.limit - len(self.data)
            if room > 0:
                self.data += chunk[:room]
            if len(chunk) > room:
                self.over.set()


def _kill_group(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, signal.SIGKILL)


async def run_code(
    spec: CodingSpec,
    code: str,
    kind: RunKind,
    *,
    numpy: bool = False,
    limits: Limits = DEFAULT_LIMITS,
    clock: Callable[[], datetime] | None = None,
) -> CodeRun:
    """Run `code` against the visible examples (or, for a submission, every test)."""
    at = (clock or (lambda: datetime.now(UTC)))()
    job = build_job(spec, code, kind, numpy=numpy, limits=limits)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="interviewer-run-") as workdir:
        try:
            status, message, stdout, stderr = await _execute(job, workdir, limits)
        except OSError as exc:
            status, message, stdout, stderr = (
                RunStatus.failed,
                f"the code could not be run: {exc}",
                b"",
                b"",
            )
    results, stray, load_error = _parse(job, stdout)
    if load_error:
        message = load_error
    elif status is RunStatus.completed and len(results) < len(job["tests"]):
        status = RunStatus.stopped
        message = message or _ended_early(stderr)
    results += _not_run(job, results, message)
    return CodeRun(
        kind=kind,
        at=at,
        code=code,
        status=status,
        message=message,
        results=results,
        wall_seconds=round(time.perf_counter() - started, 4),
        stray_output=stray,
    )


def run_code_sync(spec: CodingSpec, code: str, kind: RunKind, **kwargs: Any) -> CodeRun:
    """The same run from synchronous code (tests, the bank's self-check)."""
    return asyncio.run(run_code(spec, code, kind, **kwargs))


async def _execute(
    job: dict[str, Any], workdir: str, limits: Limits
) -> tuple[RunStatus, str, bytes, bytes]:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-I",
        str(HARNESS),
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        cwd=workdir,
        env=clean_environment(workdir),
        start_new_session=True,  # its own process group: killed whole
    )
    assert process.stdin and process.stdout and process.stderr
    out, err = _Capped(limits.output_bytes), _Capped(limits.output_bytes // 10)
    status, message = RunStatus.completed, ""
    try:
        process.stdin.write(json.dumps(job).encode("utf-8"))
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            await process.stdin.drain()
        process.stdin.close()
        finished: asyncio.Future[Any] = asyncio.ensure_future(
            _all(out.drain(process.stdout), err.drain(process.stderr), process.wait())
        )
        over: asyncio.Future[Any] = asyncio.ensure_future(_first(out.over.wait(), err.over.wait()))
        limit = wall_limit(job, limits)
        done, _ = await asyncio.wait({finished, over}, timeout=limit, return_when="FIRST_COMPLETED")
        if finished not in done:
            status = RunStatus.stopped
            if over in done:
                message = (
                    f"stopped: the program wrote more than {limits.output_bytes:,} bytes of output"
                )
            else:
                message = f"stopped: the run went past its wall-time limit of {limit:g} s"
            _kill_group(process.pid)
            with contextlib.suppress(Exception):
                await asyncio.wait_for(finished, timeout=5)
        over.cancel()
    finally:
        _kill_group(process.pid)  # whatever it started goes too
        if process.returncode is None:
            process.kill()
            with contextlib.suppress(Exception):
                await asyncio.wait_for(process.wait(), timeout=5)
    if status is RunStatus.completed and process.returncode not in (0, None):
        status = RunStatus.stopped
        message = _exit_message(process.returncode)
    return status, message, bytes(out.data), bytes(err.data)


async def _all(*waits: Coroutine[Any, Any, Any]) -> None:
    await asyncio.gather(*waits)


async def _first(*waits: Coroutine[Any, Any, Any]) -> None:
    tasks = [asyncio.ensure_future(w) for w in waits]
    try:
        await asyncio.wait(tasks, return_when="FIRST_COMPLETED")
    finally:
        for task in tasks:
            task.cancel()


def _exit_message(code: int) -> str:
    if code == -signal.SIGXCPU or code == -signal.SIGKILL:
        return "stopped: the run used up its CPU-time limit"
    if code < 0:
        return f"stopped: the program was killed by signal {signal.Signals(-code).name}"
    return f"stopped: the program exited with status {code}"


def _ended_early(stderr: bytes) -> str:
    tail = stderr.decode("utf-8", "replace").strip().splitlines()[-1:]
    detail = f" ({tail[0][:200]})" if tail else ""
    return "stopped: the program ended before every test had run" + detail


def _parse(job: dict[str, Any], stdout: bytes) -> tuple[list[TestResult], str, str]:
    """The harness's result lines (those carrying the nonce), stray output, a load error."""
    prefix = job["nonce"] + " "
    results: list[TestResult] = []
    stray: list[str] = []
    load_error = ""
    for line in stdout.decode("utf-8", "replace").splitlines():
        if not line.startswith(prefix):
            stray.append(line)
            continue
        try:
            record = json.loads(line[len(prefix) :])
        except json.JSONDecodeError:
            continue
        if "load_error" in record:
            load_error = record["load_error"]
            if record.get("stdout"):
                stray.append(record["stdout"])
        elif "name" in record:
            results.append(TestResult.model_validate(record))
    text = "\n".join(stray)
    if len(text) > STRAY_CHARS:
        text = text[:STRAY_CHARS] + f"\n[output cut: {len(text):,} characters]"
    return results, text, load_error


def _not_run(job: dict[str, Any], results: list[TestResult], reason: str) -> list[TestResult]:
    done = {r.name for r in results}
    return [
        TestResult(
            name=t["name"],
            hidden=t["hidden"],
            large=t["large"],
            outcome=Outcome.not_run,
            error=reason or "not run",
        )
        for t in job["tests"]
        if t["name"] not in done
    ]
