"""Preflight: before the first question, check that the models can really be used.

It lists the server's models and makes one minimal completion with each chosen model
(interviewer and judge), asking for structured output, then learns the server's context
window where the server says it. A failure is classified (bad key, unknown model,
unreachable, timeout, refused) and comes with what to do; a success is cached for the rest
of the process, so starting a second interview does not check again. `interviewer doctor`
runs the same checks and prints each one.
"""

import asyncio
import re
import time
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

import openai
from pydantic import BaseModel, ConfigDict

from interviewer.llm.base import Message, ModelAPI
from interviewer.llm.context import ContextWindow, default_window, told_window
from interviewer.llm.errors import LLMError
from interviewer.llm.openai_provider import OpenAICompatibleProvider
from interviewer.llm.redact import redact_url
from interviewer.llm.retry import RetryPolicy

SETTING_SEND_KEY = "send_key_to_custom_base_url"
ENV_SEND_KEY = "INTERVIEWER_SEND_KEY_TO_CUSTOM_BASE_URL"
LISTING_TIMEOUT_S = 5.0
DISCOVERY_TIMEOUT_S = 3.0
OLLAMA_DEFAULT_CONTEXT = 4096  # num_ctx when a Modelfile does not set it (Ollama >= 0.6)


class Problem(StrEnum):
    bad_key = "bad key"
    unknown_model = "unknown model"
    unreachable = "unreachable"
    timeout = "timeout"
    refused = "refused"


class Ping(BaseModel):
    """The smallest structured reply: proves the model answers and the schema is taken."""

    model_config = ConfigDict(extra="forbid")

    ok: bool


@dataclass
class Check:
    name: str
    ok: bool
    detail: str


@dataclass
class PreflightReport:
    host: str
    base_url: str
    checks: list[Check] = field(default_factory=list)
    problem: Problem | None = None
    cause: str = ""
    fix: str = ""
    models: list[str] = field(default_factory=list)
    context: ContextWindow | None = None
    structured_mode: str | None = None
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.problem is None

    @property
    def warnings(self) -> list[str]:
        return [c.detail for c in self.checks if c.ok and c.name == "warning"]

    def summary(self) -> str:
        """One line: what is wrong, for a header or a notification."""
        if self.ok:
            return f"the model at {self.host} is ready"
        return f"{self.problem}: {self.cause}" if self.problem else self.cause

    def lines(self, *, plain: bool = True) -> list[str]:
        """The failure as a user reads it: cause, then what to do."""
        if self.ok:
            return [self.summary()]
        return [
            f"The model at {self.host} cannot be used ({self.problem}).",
            f"  Cause: {self.cause}",
            f"  Fix:   {self.fix}; {offline_hint(plain)}.",
        ]


def offline_hint(plain: bool) -> str:
    if plain:
        return "or interview offline: add --fallback offline (or use --backend offline)"
    return "or choose Use offline to interview with the offline engine"


def _model_list(payload: Any) -> list[str]:
    data = getattr(payload, "data", None) or []
    return [str(getattr(m, "id", "")) for m in data if getattr(m, "id", None)]


def _status(exc: BaseException) -> int | None:
    status = getattr(exc, "status_code", None)
    return status if isinstance(status, int) else None


def _is_connection(exc: BaseException) -> bool:
    names = {cls.__name__ for cls in type(exc).__mro__}
    cause = getattr(exc, "cause", "")
    return bool(
        names & {"APIConnectionError", "ConnectError", "ConnectionError", "OSError"}
        or cause in ("APIConnectionError", "ConnectError", "ConnectionRefusedError")
    ) and not _is_timeout(exc)


def _is_timeout(exc: BaseException) -> bool:
    names = {cls.__name__ for cls in type(exc).__mro__}
    cause = getattr(exc, "cause", "")
    return bool(
        names & {"APITimeoutError", "TimeoutError", "StreamStalled"}
        or cause in ("APITimeoutError", "StreamStalled", "TimeoutError")
    )


class Preflight:
    """The checks for one backend: an interviewer provider and a judge provider."""

    def __init__(
        self,
        interviewer: OpenAICompatibleProvider,
        judge: OpenAICompatibleProvider,
        *,
        timeout_s: float = 20.0,
        context_tokens: int | None = None,
    ) -> None:
        self.interviewer = interviewer
        self.judge = judge
        self.timeout_s = timeout_s
        self.context_tokens = context_tokens
        self.passed: PreflightReport | None = None  # a success, kept for the session

    async def run(self, *, fresh: bool = False) -> PreflightReport:
        if self.passed is not None and not fresh:
            return self.passed
        started = time.monotonic()
        api = self.interviewer
        report = PreflightReport(host=api.host, base_url=redact_url(api.base_url))
        try:
            await self._check(report)
        finally:
            report.seconds = time.monotonic() - started
        if report.ok:
            self.passed = report
        return report

    # --- the steps ------------------------------------------------------------------------

    async def _check(self, report: PreflightReport) -> None:
        api = self.interviewer
        client = api.client.with_options(timeout=LISTING_TIMEOUT_S, max_retries=0)
        try:
            listing = await client.models.list()
        except Exception as exc:
            if _status(exc) == 404:  # some servers do not list models; the call will tell
                report.checks.append(Check("models", True, "the server does not list its models"))
            elif self._fail(report, exc, model=None):
                return
        else:
            report.models = _model_list(listing)
            shown = ", ".join(report.models[:8]) + (" …" if len(report.models) > 8 else "")
            report.checks.append(
                Check(
                    "endpoint",
                    True,
                    f"answers at {redact_url(api.base_url)} (models: {shown or 'none'})",
                )
            )
        seen: set[str] = set()
        for role, provider in (("interviewer", self.interviewer), ("judge", self.judge)):
            if provider.model in seen:
                report.checks.append(Check(role, True, f"{provider.model} (checked above)"))
                continue
            seen.add(provider.model)
            if not await self._ping(report, role, provider):
                return
        report.context = await self.discover_context(report)
        report.checks.append(Check("context", True, report.context.describe()))

    async def _ping(self, report: PreflightReport, role: str, provider: ModelAPI) -> bool:
        started = time.monotonic()
        try:
            completion = await provider.generate(
                [
                    Message("system", "Reply with JSON only."),
                    Message("user", 'ping: reply with the JSON object {"ok": true}'),
                ],
                response_schema=Ping,
                max_tokens=16,
                policy=single_try(self.timeout_s),
            )
        except Exception as exc:
            self._fail(report, exc, model=provider.model)
            return False
        took = time.monotonic() - started
        first = provider.timings[-1].first_token_s if provider.timings else None
        when = f"first token {first:.1f} s, " if first is not None else ""
        report.checks.append(
            Check(role, True, f"{provider.model} answered ({when}{took:.1f} s in all)")
        )
        mode = provider.structured_mode or "none"
        report.structured_mode = report.structured_mode or mode
        if role == "judge" or self.judge.model == provider.model:
            if mode == "json_schema":
                report.checks.append(Check("structured", True, "json_schema (shape enforced)"))
            elif mode == "json_object":
                report.checks.append(
                    Check(
                        "warning",
                        True,
                        "the server takes JSON mode but not a JSON schema: the judge's ids and "
                        "fields are asked for, not enforced, so more verdicts may be unscored",
                    )
                )
            else:
                report.checks.append(
                    Check(
                        "warning",
                        True,
                        "the server refuses structured output: verdicts are read from plain "
                        "text and more may be unscored (llama.cpp, vLLM, Ollama and LM Studio "
                        "enforce a JSON schema)",
                    )
                )
        if completion.usage.estimated:
            report.checks.append(
                Check("warning", True, "the server reports no token usage: counts are estimated")
            )
        return True

    def _fail(self, report: PreflightReport, exc: BaseException, model: str | None) -> bool:
        api = self.interviewer
        status = _status(exc)
        detail = api.redactor.describe(exc) if not isinstance(exc, LLMError) else str(exc)
        if status in (401, 403):
            report.problem = Problem.bad_key
            if api.key_withheld:
                report.cause = (
                    f"{api.host} refused the request (HTTP {status}). Your OPENAI_API_KEY was "
                    f"not sent: {api.host} is not api.openai.com, and a key goes to another "
                    f"address only when the setting {SETTING_SEND_KEY} is on."
                )
                report.fix = (
                    f"if {api.host} should get your key, set {ENV_SEND_KEY}=1 (or "
                    f"{SETTING_SEND_KEY}: true in config.yaml)"
                )
            elif api.sends_configured_key:
                report.cause = f"{api.host} refused the API key that was sent (HTTP {status})."
                report.fix = "check OPENAI_API_KEY"
            else:
                report.cause = f"{api.host} wants an API key (HTTP {status}) and none is set."
                report.fix = "set OPENAI_API_KEY"
        elif status == 404 and model is not None:
            report.problem = Problem.unknown_model
            has = ", ".join(report.models[:12]) if report.models else "(it does not list them)"
            report.cause = f"{api.host} has no model '{model}'. It has: {has}."
            first = report.models[0] if report.models else "NAME"
            report.fix = (
                f"choose one with --model {first} (and --judge-model), or INTERVIEWER_MODEL; "
                f"on Ollama, `ollama pull {model}`"
            )
        elif _is_timeout(exc):
            report.problem = Problem.timeout
            report.cause = (
                f"{api.host} accepted the connection but sent no reply within "
                f"{self.timeout_s:g} s ({detail[:160]})."
            )
            report.fix = (
                "a local server may still be loading the model: retry in a moment, or allow "
                "longer with INTERVIEWER_PREFLIGHT_TIMEOUT_S"
            )
        elif _is_connection(exc) or status is None:
            report.problem = Problem.unreachable
            where = redact_url(api.base_url)
            report.cause = f"nothing answers at {where} ({_short(_root_cause(exc, detail))})."
            report.fix = (
                "start the server (e.g. `ollama serve`, `llama-server -m MODEL.gguf --port "
                "8080`) or fix --base-url / OPENAI_BASE_URL"
            )
        else:
            report.problem = Problem.refused
            report.cause = f"{api.host} refused the request: {_short(detail)}."
            report.fix = "check --model, --base-url and the server's log"
        report.checks.append(Check(model or "endpoint", False, report.cause))
        return True

    # --- the context window ---------------------------------------------------------------

    async def discover_context(self, report: PreflightReport | None = None) -> ContextWindow:
        """--context-tokens when given; else what the server says; else a default."""
        api = self.interviewer
        if self.context_tokens:
            return told_window(self.context_tokens, api.is_openai)
        if api.is_openai:
            return default_window(True)
        found = await self._ask_server_for_context(report)
        return found or default_window(False)

    async def _ask_server_for_context(self, report: PreflightReport | None) -> ContextWindow | None:
        api = self.interviewer
        client = api.client.with_options(timeout=DISCOVERY_TIMEOUT_S, max_retries=0)
        root = re.sub(r"/v1/?$", "", api.base_url.rstrip("/"))
        window = lambda n, source: ContextWindow(  # noqa: E731
            int(n), source, default_window(False).slack
        )
        props = await _get(client, root + "/props")
        n_ctx = _dig(props, "default_generation_settings", "n_ctx") or _dig(props, "n_ctx")
        if isinstance(n_ctx, int) and n_ctx > 0:
            return window(n_ctx, "llama.cpp /props")
        listing = await _get(client, api.base_url.rstrip("/") + "/models")
        for entry in _dig(listing, "data") or []:
            if not isinstance(entry, dict) or entry.get("id") not in (api.model, None):
                continue
            for key, source in (("max_model_len", "vLLM max_model_len"),):
                if isinstance(entry.get(key), int):
                    return window(entry[key], source)
            meta_ctx = _dig(entry, "meta", "n_ctx")
            if isinstance(meta_ctx, int):
                return window(meta_ctx, "llama.cpp /v1/models")
        if await _get(client, root + "/api/version") is not None:  # Ollama
            running = await _get(client, root + "/api/ps")
            for entry in _dig(running, "models") or []:
                if not isinstance(entry, dict):
                    continue
                named = api.model in (entry.get("name"), entry.get("model"))
                if named and isinstance(entry.get("context_length"), int):
                    return window(entry["context_length"], "Ollama /api/ps")
            shown = await _post(client, root + "/api/show", {"model": api.model})
            parameters = str(_dig(shown, "parameters") or "")
            match = re.search(r"num_ctx\s+(\d+)", parameters)
            if match:
                return window(int(match.group(1)), "Ollama num_ctx")
            return window(
                OLLAMA_DEFAULT_CONTEXT, "Ollama default num_ctx; set --context-tokens if raised"
            )
        lmstudio = await _get(client, f"{root}/api/v0/models/{api.model}")
        loaded = _dig(lmstudio, "loaded_context_length") or _dig(lmstudio, "max_context_length")
        if isinstance(loaded, int) and loaded > 0:
            return window(loaded, "LM Studio")
        return None


def single_try(timeout_s: float) -> RetryPolicy:
    """A quick try bounded by the preflight's timeout: a check must fail fast, but a
    transient refusal (429, 5xx, a dropped stream) is tried twice more."""
    return RetryPolicy(
        max_retries=2,
        base_delay_s=0.25,
        max_delay_s=1.0,
        first_token_timeout_s=timeout_s,
        token_gap_timeout_s=timeout_s,
        total_deadline_s=timeout_s,
    )


async def _get(client: openai.AsyncOpenAI, url: str) -> Any:
    try:
        return await client.get(url, cast_to=object)
    except Exception:
        return None


async def _post(client: openai.AsyncOpenAI, url: str, body: dict[str, Any]) -> Any:
    try:
        return await client.post(url, body=body, cast_to=object)
    except Exception:
        return None


def _dig(data: Any, *keys: str) -> Any:
    for key in keys:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def _root_cause(exc: BaseException, fallback: str) -> str:
    """The innermost reason a connection failed ("[Errno 111] Connection refused")."""
    seen: BaseException | None = exc
    deepest = ""
    while seen is not None:
        text = str(seen).strip()
        if text and text != "Connection error.":
            deepest = text
        seen = seen.__cause__ or seen.__context__
    return deepest or fallback


def _short(text: str) -> str:
    return text if len(text) <= 200 else text[:197] + "..."


async def run_with_deadline(preflight: Preflight, seconds: float) -> PreflightReport:
    """The preflight, or a timeout report when even the checks hang past `seconds`."""
    try:
        return await asyncio.wait_for(preflight.run(), timeout=seconds)
    except TimeoutError:
        api = preflight.interviewer
        report = PreflightReport(host=api.host, base_url=redact_url(api.base_url))
        report.problem = Problem.timeout
        report.cause = f"the checks of {api.host} did not finish within {seconds:g} s."
        report.fix = "retry in a moment"
        return report
