"""Settings to an LLM conductor and judge sharing one endpoint and one usage log."""

from interviewer.conductor.llm_conductor import LLMConductor
from interviewer.judge.llm_judge import LLMJudge
from interviewer.llm.base import make_provider
from interviewer.llm.retry import RetryPolicy
from interviewer.llm.usage import UsageLog
from interviewer.settings import Settings


def make_llm_backend(settings: Settings) -> tuple[LLMConductor, LLMJudge, str]:
    policy = RetryPolicy(
        max_retries=settings.max_retries,
        first_token_timeout_s=settings.request_timeout_s,
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
    usage = UsageLog()
    conductor = LLMConductor(
        interviewer_api, prompt_token_budget=settings.prompt_token_budget, usage_log=usage
    )
    judge = LLMJudge(
        judge_api,
        samples=settings.judge_samples,
        prompt_token_budget=settings.prompt_token_budget,
        usage_log=usage,
    )
    host = getattr(interviewer_api, "host", settings.base_url or "api.openai.com")
    key_note = "key sent" if getattr(interviewer_api, "sends_configured_key", False) else "no key"
    models = settings.model
    if settings.resolved_judge_model != settings.model:
        models = f"{settings.model}, judge {settings.resolved_judge_model}"
    samples = f", judge x{settings.judge_samples}" if settings.judge_samples > 1 else ""
    description = f"LLM at {host} ({models}{samples}; {key_note})"
    return conductor, judge, description
