"""`interviewer doctor`: the preflight's checks on demand, each one printed.

Exit 0 when the model can be used, 2 when it cannot (with the cause and the fix).
"""

import argparse
import asyncio
from typing import Any

from interviewer.backends import Backend, make_backend
from interviewer.safe_text import echo
from interviewer.settings import Settings, settings_from_args


def run(args: argparse.Namespace) -> int:
    settings = settings_from_args(args)
    if settings.resolved_backend != "openai":
        echo(
            "No LLM is configured (no OPENAI_API_KEY, OPENAI_BASE_URL or --base-url): "
            "interviews use the offline engine, which needs no check.\n"
            "To check a server: interviewer doctor --base-url http://127.0.0.1:8080/v1 "
            "--model NAME"
        )
        return 0
    try:
        backend = make_backend(settings)
    except ValueError as exc:
        echo(f"error: {exc}")
        return 2
    echo(f"interviewer doctor · {backend.description}")
    report = asyncio.run(_check(backend))
    for check in report.checks:
        mark = "!!" if check.name == "warning" else ("ok" if check.ok else "FAIL")
        name = "" if check.name == "warning" else check.name
        echo(f"  {mark:<4} {name:<12} {check.detail}")
    echo(f"  {'':<4} {'limits':<12} {_limits(settings, backend)}")
    if not report.ok:
        echo("")
        for line in report.lines(plain=True):
            echo(line)
        return 2
    echo(f"Ready ({report.seconds:.1f} s).")
    return 0


async def _check(backend: Backend) -> Any:
    assert backend.readiness is not None
    try:
        return await backend.readiness.check(fresh=True)
    finally:
        for side in (backend.conductor, backend.judge):
            provider = getattr(side, "provider", None)
            if provider is not None:
                await provider.aclose()


def _limits(settings: Settings, backend: Backend) -> str:
    judge: Any = backend.judge
    conductor: Any = backend.conductor
    room = ""
    if getattr(judge, "context", None) is not None:
        room = (
            f"; a verdict's prompt may use {judge.context.room(judge.reply_tokens())} tokens, "
            f"a turn's {conductor.budget_for(conductor.turn_max_tokens)}"
        )
    return (
        f"max_tokens: turn {conductor.turn_max_tokens}, follow-up choice "
        f"{conductor.probe_max_tokens}, verdict {judge.max_tokens}; timeouts: first token "
        f"{settings.first_token_timeout_s:g} s, between tokens {settings.token_gap_timeout_s:g} s"
        f"{room}"
    )
