"""Settings to an LLM backend; usage and cost records."""

from interviewer.backends import make_backend
from interviewer.conductor.llm_conductor import LLMConductor
from interviewer.judge.llm_judge import LLMJudge
from interviewer.llm.base import Completion, TokenUsage
from interviewer.llm.usage import UsageLog, estimate_cost
from interviewer.settings import Settings

SECRET = "sk-factory-SECRET-0123456789"


def settings(**update) -> Settings:
    return Settings().model_copy(update={"backend": "openai", **update})


def test_the_backend_names_host_and_models_never_the_key():
    from pydantic import SecretStr

    backend = make_backend(
        settings(
            openai_api_key=SecretStr(SECRET),
            base_url="http://127.0.0.1:9/v1",
            model="local-model",
            judge_model="judge-model",
            judge_samples=3,
        )
    )
    assert isinstance(backend.conductor, LLMConductor)
    assert isinstance(backend.judge, LLMJudge)
    assert backend.judge.samples == 3 and backend.judge.model == "judge-model"
    assert "127.0.0.1:9" in backend.description
    assert "local-model" in backend.description and "judge-model" in backend.description
    assert "no key" in backend.description
    assert SECRET not in backend.description


def test_the_key_goes_to_api_openai_com():
    from pydantic import SecretStr

    backend = make_backend(settings(openai_api_key=SecretStr(SECRET)))
    assert "api.openai.com" in backend.description and "key sent" in backend.description


def test_usage_is_recorded_with_an_estimated_cost_for_known_models():
    log = UsageLog()
    seen = []
    log.listener = seen.append
    done = Completion("hi", TokenUsage(1000, 100, 400), "gpt-4o-mini-2024-07-18", "stop")
    entry = log.record("judge", done, 990, "gpt-4o-mini")
    assert entry.cached_tokens == 400 and entry.estimated_prompt_tokens == 990
    assert entry.cost_usd == estimate_cost("gpt-4o-mini", 1000, 100, 400)
    assert entry.cost_usd is not None and entry.cost_usd > 0
    assert seen == [entry]
    assert log.drain() == [entry] and log.drain() == []
    assert estimate_cost("llama3.1:8b", 1000, 100, 0) is None


def test_usage_the_server_did_not_report_is_shown_as_estimated_never_as_zero(tmp_path):
    from pathlib import Path

    from interviewer.report import render_markdown
    from interviewer.store.transcripts import TranscriptStore

    fixture = Path(__file__).parent / "fixtures" / "transcripts" / "v5.json"
    session = TranscriptStore(tmp_path).load(fixture)
    text = render_markdown(session)
    line = next(x for x in text.splitlines() if x.startswith("- interviewer:"))
    assert "≈812 prompt tokens" in line and "≈41 completion tokens" in line
    assert "estimated for 1 of 1 calls: the server reported no usage" in line
    assert "$0.0000" not in text
    judge = next(x for x in text.splitlines() if x.startswith("- judge:"))
    assert "≈" not in judge and "estimated" not in judge


def test_the_config_file_takes_field_names_and_the_environment_wins(tmp_path, monkeypatch):
    config = tmp_path / "config.yaml"
    config.write_text("base_url: http://127.0.0.1:9/v1\nfirst_token_timeout_s: 7\n")
    monkeypatch.setenv("INTERVIEWER_CONFIG", str(config))
    loaded = Settings()
    assert loaded.base_url == "http://127.0.0.1:9/v1" and loaded.first_token_timeout_s == 7
    assert loaded.resolved_backend == "openai"
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:10/v1")
    monkeypatch.setenv("INTERVIEWER_REQUEST_TIMEOUT_S", "9")  # the older name still works
    assert Settings().base_url == "http://127.0.0.1:10/v1"
    assert Settings().first_token_timeout_s == 9
    monkeypatch.setenv("BASE_URL", "http://elsewhere/v1")  # not ours: never read
    monkeypatch.delenv("OPENAI_BASE_URL")
    assert Settings().base_url == "http://127.0.0.1:9/v1"
