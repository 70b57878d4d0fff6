"""The program that runs candidate code, in its own limited process (never imported by the
app): `python -I harness.py` reads one job as JSON on stdin, and writes one line per test
result, each prefixed with the job's nonce, to stdout.

Standard library only (numpy when the job asks for it), because it runs isolated from the
package. The order matters: read the job, import what the tests need, set the resource
limits, install the audit hook, and only then compile the candidate's code.
"""

import copy
import io
import json
import linecache
import math
import os
import pickle
import random
import resource
import signal
import sys
import time
import traceback
from typing import Any

REPR_CHARS = 300  # inputs, expected and got values are shown shortened
ERROR_CHARS = 1500
SOLUTION_FILE = "solution.py"
# Modules whose import would let code start processes or call C directly.
FORBIDDEN_IMPORTS = frozenset(
    {"_posixsubprocess", "subprocess", "multiprocessing", "_multiprocessing", "ctypes", "_ctypes"}
)
BLOCKED_EVENTS = {
    "os.system": "starting programs",
    "os.exec": "starting programs",
    "os.posix_spawn": "starting processes",
    "os.spawn": "starting processes",
    "os.fork": "creating processes",
    "os.forkpty": "creating processes",
    "subprocess.Popen": "starting processes",
    "os.kill": "sending signals",
    "os.killpg": "sending signals",
    "socket.__new__": "network access",
    "socket.connect": "network access",
    "socket.getaddrinfo": "network access",
    "ctypes.dlopen": "loading C libraries",
    "ctypes.dlsym": "loading C libraries",
    "resource.setrlimit": "changing its limits",
    "resource.prlimit": "changing its limits",
    "sys.remote_exec": "debugging other processes",
}
PATH_EVENTS = (
    "os.remove",
    "os.rmdir",
    "os.mkdir",
    "os.rename",
    "os.chmod",
    "os.chown",
    "os.link",
    "os.symlink",
    "os.truncate",
    "os.utime",
    "shutil.rmtree",
    "os.chdir",
)
WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC


class SandboxViolation(PermissionError):
    """The candidate's code tried something the sandbox does not allow."""


class TimeLimit(BaseException):
    """The per-test time limit went off (a BaseException: `except Exception` can't eat it).

    The limit is on CPU time (ITIMER_PROF), so a busy machine does not fail a fast
    solution; code that waits without computing is stopped by the run's wall-time limit."""


def _on_alarm(signum: int, frame: object) -> None:
    raise TimeLimit()


class CappedWriter(io.TextIOBase):
    """What a test prints: the first `limit` characters are kept, the rest only counted."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.parts: list[str] = []
        self.kept = 0
        self.total = 0

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        text = str(text)
        self.total += len(text)
        room = self.limit - self.kept
        if room > 0:
            self.parts.append(text[:room])
            self.kept += min(room, len(text))
        return len(text)

    def text(self) -> str:
        shown = "".join(self.parts)
        if self.total > self.kept:
            shown += (
                f"\n[output cut: {self.total:,} characters printed, the first {self.kept:,} shown]"
            )
        return shown


def _brief(value: Any, items: int = 12) -> Any:
    """The value cut to its first few items at every level, cheaply, whatever its size: a
    million-element input is shown, not converted and printed whole."""
    shape = getattr(value, "shape", None)
    if shape and type(value).__module__ == "numpy":
        if value.size <= items:
            return value.tolist()
        return _Shown(f"array{tuple(shape)} {_brief(value[:items].tolist(), items)!r}")
    if isinstance(value, list | tuple):
        head = [_brief(v, items) for v in value[:items]]
        if len(value) > items:
            head.append(_Shown(f"… {len(value) - items:,} more"))
        return head
    if isinstance(value, dict):
        keys = list(value)[:items]
        return {k: _brief(value[k], items) for k in keys}
    tolist = getattr(value, "tolist", None)
    if callable(tolist) and type(value).__module__ == "numpy":
        return tolist()
    return value


class _Shown(str):
    def __repr__(self) -> str:
        return str(self)


def shorten(value: Any, limit: int = REPR_CHARS) -> str:
    try:
        text = repr(_brief(value))
    except Exception as exc:  # a candidate's object whose __repr__ fails
        text = f"<unprintable {type(value).__name__}: {exc}>"
    return text if len(text) <= limit else text[: limit - 15] + f"… ({len(text):,} chars)"


# --- comparing results ------------------------------------------------------------------


def normalise(value: Any) -> Any:
    """Tuples and arrays become lists, numpy scalars plain numbers, for comparison."""
    if isinstance(value, list | tuple):
        return [normalise(v) for v in value]
    if isinstance(value, dict):
        return {k: normalise(v) for k, v in value.items()}
    tolist = getattr(value, "tolist", None)
    if callable(tolist) and type(value).__module__ == "numpy":
        return normalise(tolist())
    return value


def close(got: Any, expected: Any, tolerance: float) -> bool:
    if isinstance(expected, bool) or isinstance(got, bool):
        return got == expected
    if isinstance(expected, int | float) and isinstance(got, int | float):
        if math.isnan(expected) or math.isnan(got):
            return math.isnan(expected) and math.isnan(got)
        return math.isclose(got, expected, rel_tol=tolerance, abs_tol=tolerance)
    if isinstance(expected, list) and isinstance(got, list):
        return len(got) == len(expected) and all(
            close(g, e, tolerance) for g, e in zip(got, expected, strict=True)
        )
    if isinstance(expected, dict) and isinstance(got, dict):
        return got.keys() == expected.keys() and all(
            close(got[k], expected[k], tolerance) for k in expected
        )
    return bool(got == expected)


def _key(value: Any) -> str:
    return json.dumps(value, sort_keys=True, default=repr)


def _close_arrays(got: Any, expected: Any, tolerance: float) -> str | bool | None:
    """The approx comparison in NumPy when both sides are numeric arrays (a million floats
    compared one by one in Python would take longer than the test); False when not."""
    np = sys.modules.get("numpy")
    if np is None or isinstance(expected, dict | int | float):
        return False
    try:
        got_array = np.asarray(got, dtype=float)
        expected_array = np.asarray(expected, dtype=float)
    except (TypeError, ValueError):
        return False
    if got_array.shape != expected_array.shape:
        return f"wrong shape: expected {expected_array.shape}, got {got_array.shape}"
    same = np.allclose(got_array, expected_array, rtol=tolerance, atol=tolerance, equal_nan=True)
    return None if same else f"wrong answer (tolerance {tolerance:g})"


def compare(job: dict, got: Any, expected: Any) -> str | None:
    """None when `got` is right, else what is wrong."""
    mode = job["compare"]
    if mode == "approx":
        fast = _close_arrays(got, expected, job["tolerance"])
        if fast is not False:
            return fast if isinstance(fast, str) else None
    got_n, expected_n = normalise(got), normalise(expected)
    if mode == "exact":
        return None if got_n == expected_n else "wrong answer"
    if mode == "unordered":
        if not isinstance(got_n, list):
            return f"expected a list (in any order), got {type(got).__name__}"
        same = sorted(map(_key, got_n)) == sorted(map(_key, expected_n))
        return None if same else "wrong answer (order ignored)"
    if mode == "approx":
        ok = close(got_n, expected_n, job["tolerance"])
        return None if ok else f"wrong answer (tolerance {job['tolerance']:g})"
    raise ValueError(f"unknown compare mode {mode!r}")


# --- the sandbox's rules ----------------------------------------------------------------


def _inside(path: str, roots: list[str]) -> bool:
    real = os.path.realpath(path)
    return any(real == root or real.startswith(root.rstrip(os.sep) + os.sep) for root in roots)


def make_audit_hook(workdir: str, read_roots: list[str]) -> Any:
    writable = [os.path.realpath(workdir)]
    readable = [*writable, *(os.path.realpath(r) for r in read_roots), "/dev/null", "/dev/urandom"]

    def hook(event: str, args: tuple) -> None:
        if event in BLOCKED_EVENTS:
            raise SandboxViolation(f"sandbox: {BLOCKED_EVENTS[event]} is not allowed ({event})")
        if event == "import" and args and args[0] in FORBIDDEN_IMPORTS:
            raise SandboxViolation(f"sandbox: importing {args[0]} is not allowed")
        if event == "open":
            path, mode, flags = [*args, None, None][:3]
            if isinstance(path, int) or path is None:
                return
            path = os.fsdecode(path)
            writing = bool(mode and any(c in str(mode) for c in "wax+")) or bool(
                isinstance(flags, int) and flags & WRITE_FLAGS
            )
            if writing and not _inside(path, writable):
                raise SandboxViolation(
                    f"sandbox: writing {path} is not allowed (only inside the working folder)"
                )
            if not writing and not _inside(path, readable):
                raise SandboxViolation(f"sandbox: reading {path} is not allowed")
        elif event in PATH_EVENTS:
            for path in args[:2]:
                if isinstance(path, str | bytes) and not _inside(os.fsdecode(path), writable):
                    raise SandboxViolation(
                        f"sandbox: changing {os.fsdecode(path)} is not allowed "
                        "(only inside the working folder)"
                    )

    return hook


def set_limits(job: dict) -> None:
    memory = job["memory_mb"] * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    cpu = math.ceil(job["cpu_seconds"])
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    files = job["file_bytes"]
    resource.setrlimit(resource.RLIMIT_FSIZE, (files, files))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    # No new processes (root is exempt from this one; the audit hook covers root).
    resource.setrlimit(resource.RLIMIT_NPROC, (0, 0))
    # A file grown past the limit fails with an error instead of killing the process.
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)


# --- running ----------------------------------------------------------------------------


def _error_text(exc: BaseException) -> str:
    """The exception with the candidate's own frames only (solution.py lines)."""
    frames = [
        f
        for f in traceback.extract_tb(exc.__traceback__)
        if os.path.basename(f.filename) == SOLUTION_FILE
    ]
    lines = [f"line {f.lineno}, in {f.name}: {(f.line or '').strip()}" for f in frames[-3:]]
    head = "".join(traceback.format_exception_only(type(exc), exc)).strip()
    text = "\n".join([*lines, head])
    return text if len(text) <= ERROR_CHARS else "…" + text[-ERROR_CHARS:]


def _arrays(job: dict, args: list) -> list:
    if not job["array_args"]:
        return args
    import numpy as np

    return [np.asarray(a, dtype=float) if i in job["array_args"] else a for i, a in enumerate(args)]


def _prepare(job: dict, test: dict) -> tuple[list, Any]:
    if test.get("generate") is None:
        return _arrays(job, _copy(test["args"])), test.get("expected")
    namespace: dict[str, Any] = {"__name__": "generator"}
    exec(compile(test["generate"], f"<generate {test['name']}>", "exec"), namespace)
    made = namespace["generate"](random.Random(test["seed"]))
    if not isinstance(made, dict) or "args" not in made:
        raise ValueError('generate() must return {"args": [...], "expected": ...}')
    return _arrays(job, list(made["args"])), made.get("expected")


def _copy(value: Any) -> Any:
    """A copy the checker can trust even if the code changes its arguments in place."""
    try:
        return pickle.loads(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    except Exception:
        return copy.deepcopy(value)


def run_test(job: dict, solve: Any, check: Any, test: dict) -> dict:
    result: dict[str, Any] = {
        "name": test["name"],
        "hidden": test["hidden"],
        "large": test["large"],
        "outcome": "error",
    }
    try:
        args, expected = _prepare(job, test)
    except BaseException as exc:  # an authoring fault, reported as such
        result["error"] = f"the test could not be set up (a fault in the question): {exc!r}"
        return result
    kept_args = _copy(args) if check is not None else args
    result["input"] = shorten(args)
    result["expected"] = "" if check is not None else shorten(expected)
    captured = CappedWriter(job["print_chars"])
    sys.stdout = sys.stderr = captured
    started = time.perf_counter()
    signal.setitimer(signal.ITIMER_PROF, job["time_limit_s"])
    try:
        got = solve(*args)
        signal.setitimer(signal.ITIMER_PROF, 0)
        result["seconds"] = time.perf_counter() - started
    except TimeLimit:
        result["seconds"] = time.perf_counter() - started
        result["outcome"] = "timeout"
        result["error"] = (
            f"time limit exceeded: stopped after {job['time_limit_s']:g} s of CPU time"
        )
        return result
    except MemoryError:
        signal.setitimer(signal.ITIMER_PROF, 0)
        result["outcome"] = "memory"
        result["error"] = f"memory limit exceeded (the limit is {job['memory_mb']} MB)"
        return result
    except BaseException as exc:
        signal.setitimer(signal.ITIMER_PROF, 0)
        result["seconds"] = time.perf_counter() - started
        result["error"] = _error_text(exc)
        return result
    finally:
        sys.stdout, sys.stderr = sys.__stdout__, sys.__stderr__
        result["stdout"] = captured.text()
    result["got"] = shorten(got)
    try:
        if check is not None:
            problem = check(kept_args, expected, normalise(got))
        else:
            problem = compare(job, got, expected)
    except Exception as exc:
        problem = f"the result could not be checked: {exc!r}"
    result["outcome"] = "failed" if problem else "passed"
    if problem:
        result["error"] = str(problem)
    return result


def main() -> int:
    job = json.loads(sys.stdin.read())
    sys.stdin.close()
    nonce = job["nonce"]
    out = sys.__stdout__
    assert out is not None

    def emit(record: dict) -> None:
        out.write(nonce + " " + json.dumps(record) + "\n")
        out.flush()

    if job["numpy"]:
        import numpy  # noqa: F401  (imported before the limits: the tests may use it)
    sys.setrecursionlimit(20_000)
    set_limits(job)
    signal.signal(signal.SIGPROF, _on_alarm)
    read_roots = [p for p in sys.path if p] + [sys.prefix, sys.base_prefix, sys.exec_prefix]
    sys.addaudithook(make_audit_hook(os.getcwd(), read_roots))

    check = None
    if job.get("checker"):
        checker_ns: dict[str, Any] = {"__name__": "checker"}
        exec(compile(job["checker"], "<checker>", "exec"), checker_ns)
        check = checker_ns["check"]

    namespace: dict[str, Any] = {"__name__": "solution"}
    # Tracebacks quote the candidate's lines from memory: there is no solution.py on disk.
    code = job["code"]
    linecache.cache[SOLUTION_FILE] = (len(code), None, code.splitlines(True), SOLUTION_FILE)
    captured = CappedWriter(job["print_chars"])
    sys.stdout = sys.stderr = captured
    signal.setitimer(signal.ITIMER_PROF, job["time_limit_s"])
    try:
        exec(compile(code, SOLUTION_FILE, "exec"), namespace)
        signal.setitimer(signal.ITIMER_PROF, 0)
        problem = None
        if not callable(namespace.get(job["function"])):
            problem = f"the code defines no function `{job['function']}`"
    except TimeLimit:
        problem = f"the code did not finish loading within {job['time_limit_s']:g} s"
    except SyntaxError as exc:
        signal.setitimer(signal.ITIMER_PROF, 0)
        problem = f"syntax error on line {exc.lineno}: {exc.msg}"
    except BaseException as exc:
        signal.setitimer(signal.ITIMER_PROF, 0)
        problem = "the code failed while loading: " + _error_text(exc)
    finally:
        sys.stdout, sys.stderr = sys.__stdout__, sys.__stderr__
    if problem:
        emit({"load_error": problem, "stdout": captured.text()})
        return 0
    solve = namespace[job["function"]]
    for test in job["tests"]:
        emit(run_test(job, solve, check, test))
    emit({"done": True})
    return 0


if __name__ == "__main__":
    sys.exit(main())
