"""A real llama.cpp server on loopback, and a practice round through the app's LLM path.

Used by the opt-in test (tests/test_llama_server.py) and benchmarks/bench_llama_server.py.
Nothing of llama.cpp is in this repository: the server binary and the GGUF model come from
the environment (LLAMA_SERVER_BIN, LLAMA_GGUF); see the README, "Checking against a real
llama.cpp server".
"""

import asyncio
import json
import os
import socket
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from interviewer.backends import Backend, make_backend
from interviewer.conductor.base import TurnRestart
from interviewer.domain.session import Mode, Session
from interviewer.session_factory import (
    NewInterview,
    content_for,
    create_session,
    make_runner,
    store_for,
)
from interviewer.settings import Settings

ENV_BINARY = "LLAMA_SERVER_BIN"
ENV_GGUF = "LLAMA_GGUF"
MODEL_ALIAS = "smollm2"
QUESTION = "breadth.regularization.overview"
SCENARIO = {
    "id": "llama_check",
    "title": "Real-server check",
    "description": "One breadth question and one follow-up, for the llama.cpp check.",
    "role": "ml_engineer",
    "rounds": [
        {
            "kind": "breadth",
            "rubric": "breadth",
            "title": "ML breadth",
            "questions": 1,
            "max_follow_ups": 1,
            "pool": {"ids": [QUESTION]},
        }
    ],
}
# The first answer states a misconception the bank lists (L1 and L2 swapped).
ANSWERS = (
    "Regularisation reduces overfitting by penalising complexity. L1 adds the squared "
    "weights to the loss and L2 adds their absolute values. Dropout randomly switches off "
    "units during training, and early stopping halts when validation loss stops improving.",
    "Training error goes up a little and validation error goes down. I tune lambda with "
    "cross-validation on a validation set.",
)


def configured() -> tuple[Path, Path] | None:
    """The server binary and the GGUF path from the environment, when both exist."""
    binary, gguf = os.environ.get(ENV_BINARY), os.environ.get(ENV_GGUF)
    if not binary or not gguf or not Path(binary).is_file() or not Path(gguf).is_file():
        return None
    return Path(binary), Path(gguf)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return bool(json.loads(response.read()).get("status") == "ok")
    except (OSError, urllib.error.URLError, ValueError):
        return False  # still loading (503) or not listening yet


class LlamaServer:
    """`llama-server` on 127.0.0.1 with one slot (so a turn and a verdict queue as on a
    small machine) and the whole context for that slot."""

    def __init__(
        self, binary: Path, gguf: Path, log: Path, *, ctx: int = 8192, threads: int = 2
    ) -> None:
        self.port = free_port()
        self.log_path = log
        self.args = [
            str(binary),
            *("-m", str(gguf), "--host", "127.0.0.1", "--port", str(self.port)),
            *("-c", str(ctx), "-t", str(threads), "-np", "1", "--alias", MODEL_ALIAS),
        ]
        self.proc: subprocess.Popen[bytes] | None = None
        self.started_s = 0.0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def start(self, timeout: float = 180.0) -> "LlamaServer":
        began = time.monotonic()
        log = self.log_path.open("wb")
        self.proc = subprocess.Popen(self.args, stdout=log, stderr=subprocess.STDOUT)
        health = f"http://127.0.0.1:{self.port}/health"
        while time.monotonic() - began < timeout:
            if self.proc.poll() is not None:
                raise RuntimeError(f"llama-server exited; see {self.log_path}")
            if _healthy(health):
                self.started_s = time.monotonic() - began
                return self
            time.sleep(0.25)  # polling a child process's readiness, bounded by `timeout`
        self.stop()
        raise TimeoutError(f"llama-server not ready within {timeout:g} s; see {self.log_path}")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=15)

    def __enter__(self) -> "LlamaServer":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


@dataclass
class CallRecord:
    kind: str  # ping, turn, probe, verdict
    prompt_tokens: int = 0
    completion_tokens: int = 0
    usage_estimated: bool = False
    first_token_s: float | None = None
    total_s: float = 0.0
    finish_reason: str = ""
    outcome: str = "ok"


@dataclass
class RoundResult:
    preflight: Any
    session: Session
    calls: list[CallRecord] = field(default_factory=list)
    chunks_per_turn: list[int] = field(default_factory=list)
    fallbacks: list[str] = field(default_factory=list)
    probe_fallbacks: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def verdicts(self) -> list[Any]:
        return [run.result for q in self.session.questions for run in q.scoring_runs]


def _record_calls(backend: Backend, calls: list[CallRecord]) -> None:
    for side, role in ((backend.conductor, "interviewer"), (backend.judge, "judge")):
        provider: Any = side.provider
        original = provider.generate

        async def generate(
            messages: Any,
            *,
            _original: Any = original,
            _provider: Any = provider,
            _role: str = role,
            **kwargs: Any,
        ) -> Any:
            schema = kwargs.get("response_schema")
            name = schema.__name__ if schema is not None else ""
            kind = {"Ping": "ping", "ProbeChoice": "probe", "JudgeReply": "verdict"}.get(
                name, "turn" if _role == "interviewer" else "verdict"
            )
            record = CallRecord(kind)
            started = time.monotonic()
            try:
                completion = await _original(messages, **kwargs)
            except Exception as exc:
                record.outcome = f"{type(exc).__name__}: {exc}"[:300]
                record.total_s = time.monotonic() - started
                calls.append(record)
                raise
            record.total_s = time.monotonic() - started
            record.first_token_s = (
                _provider.timings[-1].first_token_s if _provider.timings else None
            )
            record.prompt_tokens = completion.usage.prompt_tokens
            record.completion_tokens = completion.usage.completion_tokens
            record.usage_estimated = completion.usage.estimated
            record.finish_reason = completion.finish_reason
            calls.append(record)
            return completion

        provider.generate = generate


async def practice_round(url: str, workdir: Path) -> RoundResult:
    """One practice-mode breadth question with a follow-up, through the app's runner,
    conductor and judge, against the server at `url`."""
    content_dir = workdir / "content" / "scenarios"
    content_dir.mkdir(parents=True, exist_ok=True)
    (content_dir / "llama_check.yaml").write_text(json.dumps(SCENARIO), encoding="utf-8")
    settings = Settings(
        backend="openai",
        base_url=url,
        model=MODEL_ALIAS,
        transcripts_dir=workdir / "transcripts",
        content_path=[workdir / "content"],
        # A busy CPU: minutes of prompt processing are progress, not a hang.
        first_token_timeout_s=600,
        token_gap_timeout_s=120,
        total_deadline_s=1800,
        preflight_timeout_s=300,
        max_retries=1,
        # A 135M model's verdict rarely closes its JSON: 600 tokens show the same as 1200
        # (cut off, unscored, said so) in half the time.
        max_tokens_judge=600,
    )
    backend = make_backend(settings)
    result = RoundResult(preflight=None, session=None)  # type: ignore[arg-type]
    _record_calls(backend, result.calls)
    began = time.monotonic()
    result.preflight = await backend.readiness.check()  # type: ignore[union-attr]
    if not result.preflight.ok:
        raise RuntimeError("\n".join(result.preflight.lines()))
    content = content_for(settings)
    request = NewInterview(
        scenario_id="llama_check", mode=Mode.practice, seed=1, candidate="llama-check"
    )
    session = create_session(content, request, backend)
    result.session = session
    runner = make_runner(session, content, store_for(settings), backend)
    chunks: list[str] = []

    def sink(chunk: str) -> None:
        if isinstance(chunk, TurnRestart):
            chunks.clear()
        elif chunk:
            chunks.append(chunk)

    prompt = await runner.begin(sink)
    result.chunks_per_turn.append(len(chunks))
    for answer in ANSWERS:
        if prompt is None:
            break
        chunks.clear()
        prompt = await runner.answer(answer, sink)
        result.chunks_per_turn.append(len(chunks))
        await runner.wait_for_judging()  # each verdict lands: none is superseded
    await runner.finish()
    result.seconds = time.monotonic() - began
    conductor: Any = backend.conductor
    result.fallbacks = [f"{f.kind.value}: {f.reason}" for f in conductor.fallbacks]
    result.probe_fallbacks = list(conductor.assessment_fallbacks)
    for side in (backend.conductor, backend.judge):
        await side.provider.aclose()
    return result


def run_round(binary: Path, gguf: Path, workdir: Path, **server: Any) -> tuple[float, RoundResult]:
    """Start the server, run the round, stop the server: (server start seconds, result)."""
    with LlamaServer(binary, gguf, workdir / "llama-server.log", **server) as llama:
        return llama.started_s, asyncio.run(practice_round(llama.url, workdir))
