"""Settings to an LLM conductor and judge sharing one endpoint, one usage log, one record
of whether the endpoint works, and the preflight that checks it before an interview."""

import re
from dataclasses import dataclass

from interviewer.conductor.llm_conductor import LLMConductor
from interviewer.judge.llm_judge import LLMJudge
from interviewer.llm.base import make_provider
from interviewer.llm.context import default_window, told_window
from interviewer.llm.health import EndpointHealth
from interviewer.llm.openai_provider import OpenAICompatibleProvider, is_openai_host
from interviewer.llm.preflight import Preflight, PreflightReport
from interviewer.llm.retry import RetryPolicy
from interviewer.llm.usage import UsageLog
from interviewer.settings import Settings

# OpenAI's reasoning models spend max_completion_tokens on hidden reasoning first.
_REASONING_MODEL = re.compile(r"^(o\d|gpt-5)", re.IGNORECASE)
REASONING_SCALE = 8


@dataclass(frozen=True)
class ReplyLimits:
    turn: int
    probe: int
    judge: int


def reply_limits(settings: Settings, model: str) -> ReplyLimits:
    scale = REASONING_SCALE if _REASONING_MODEL.match(model.split("/")[-1]) else 1
    return ReplyLimits(
        turn=settings.max_tokens_turn * scale,
        probe=settings.max_tokens_probe * scale,
        judge=settings.max_tokens_judge * scale,
    )


class LLMReadiness:
    """The backend's preflight: its result sets the context window both sides use."""

    def __init__(self, preflight: Preflight, conductor: LLMConductor, judge: LLMJudge) -> None:
        self.preflight = preflight
        self.conductor = conductor
        self.judge = judge

    @property
    def passed(self) -> PreflightReport | None:
        return self.preflight.passed

    async def check(self, *, fresh: bool = False) -> PreflightReport:
        report = await self.preflight.run(fresh=fresh)
        if report.ok and report.context is not None:
            self.conductor.context = report.context
            self.judge.context = report.context
        if report.ok:
            self.conductor.health.mark_ok()
        return report


def make_llm_backend(
    settings: Settings,
) -> tuple[LLMConductor, LLMJudge, str, LLMReadiness]:
    policy = RetryPolicy(
        max_retries=settings.max_retries,
        first_token_timeout_s=settings.first_token_timeout_s,
        token_gap_timeout_s=settings.token_gap_timeout_s,
        total_deadline_s=settings.total_deadline_s,
    )
    api_key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else None
    common = {
        "api_key": api_key,
        "base_url": settings.base_url,
        "send_key_to_custom_base_url": settings.send_key_to_custom_base_url,
        "policy": policy,
    }
    interviewer_api = make_provider("openai", model=settings.model, **common)
    judge_api = make_provider("openai", model=settings.resolved_judge_model, **common)
    openai_host = is_openai_host(settings.base_url)
    # Until the preflight asks the server, the window is the one told or a safe default.
    context = (
        told_window(settings.context_tokens, openai_host)
        if settings.context_tokens
        else default_window(openai_host)
    )
    usage = UsageLog()
    health = EndpointHealth(interviewer_api, recheck_s=settings.model_recheck_s)
    talk = reply_limits(settings, settings.model)
    verdict = reply_limits(settings, settings.resolved_judge_model)
    conductor = LLMConductor(
        interviewer_api,
        prompt_token_budget=settings.prompt_token_budget,
        usage_log=usage,
        turn_max_tokens=talk.turn,
        probe_max_tokens=talk.probe,
        context=context,
        health=health,
    )
    judge = LLMJudge(
        judge_api,
        samples=settings.judge_samples,
        prompt_token_budget=settings.prompt_token_budget,
        usage_log=usage,
        max_tokens=verdict.judge,
        context=context,
        health=health,
    )
    assert isinstance(interviewer_api, OpenAICompatibleProvider)
    assert isinstance(judge_api, OpenAICompatibleProvider)
    preflight = Preflight(
        interviewer_api,
        judge_api,
        timeout_s=settings.preflight_timeout_s,
        context_tokens=settings.context_tokens,
    )
    host = interviewer_api.host
    key_note = "key sent" if interviewer_api.sends_configured_key else "no key"
    models = settings.model
    if settings.resolved_judge_model != settings.model:
        models = f"{settings.model}, judge {settings.resolved_judge_model}"
    samples = f", judge x{settings.judge_samples}" if settings.judge_samples > 1 else ""
    description = f"LLM at {host} ({models}{samples}; {key_note})"
    return conductor, judge, description, LLMReadiness(preflight, conductor, judge)
