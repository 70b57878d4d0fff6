"""Settings from flags, the environment (INTERVIEWER_*, OPENAI_*) and an optional YAML file.

Precedence: command-line flags > environment > ~/.config/interviewer/config.yaml > defaults.
"""

import os
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AliasChoices, Field, SecretStr, field_validator
from pydantic_settings import (
    BaseSettings,
    NoDecode,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    YamlConfigSettingsSource,
)

from interviewer.paths import config_file


class Settings(BaseSettings):
    # populate_by_name: the config file's keys and Settings(...) take the field names
    # (base_url, first_token_timeout_s); the aliases are for the environment only.
    model_config = SettingsConfigDict(
        env_prefix="INTERVIEWER_", extra="ignore", populate_by_name=True
    )

    transcripts_dir: Path = Path("transcripts")
    # The user's content folders, layered over the shipped content in order:
    # INTERVIEWER_CONTENT_PATH (os.pathsep-separated) or the config file, then --content-dir.
    content_path: Annotated[list[Path], NoDecode] = Field(default_factory=list)
    backend: Literal["offline", "openai"] | None = None
    model: str = "gpt-4o-mini"
    judge_model: str | None = None
    judge_samples: int = Field(default=1, ge=1, le=9)
    candidate: str | None = None
    openai_api_key: SecretStr | None = Field(
        default=None, validation_alias=AliasChoices("OPENAI_API_KEY", "INTERVIEWER_OPENAI_API_KEY")
    )
    base_url: str | None = Field(
        default=None,
        validation_alias=AliasChoices("INTERVIEWER_BASE_URL", "OPENAI_BASE_URL"),
    )
    # Send a configured key to a base URL that is not api.openai.com only when asked.
    send_key_to_custom_base_url: bool = False
    # Timeouts watch progress: the first token, then the gap between tokens. A stream that
    # keeps producing runs to its end; max_tokens bounds it.
    first_token_timeout_s: float = Field(
        default=60.0,
        gt=0,
        validation_alias=AliasChoices(
            "INTERVIEWER_FIRST_TOKEN_TIMEOUT_S", "INTERVIEWER_REQUEST_TIMEOUT_S"
        ),
    )
    token_gap_timeout_s: float = Field(default=30.0, gt=0)
    total_deadline_s: float = Field(default=180.0, gt=0)
    max_retries: int = Field(default=4, ge=0, le=10)
    # The preflight's checks (list models, one tiny completion per model) must answer
    # within this; a local server loading a model may need more.
    preflight_timeout_s: float = Field(default=20.0, gt=0)
    # After the model stopped answering mid-interview: how often to look whether it is back.
    model_recheck_s: float = Field(default=15.0, ge=0)
    prompt_token_budget: int = Field(default=6000, ge=1000)
    # The server's context window in tokens; unset: asked of the server (llama.cpp,
    # Ollama, vLLM, LM Studio), else a conservative default for servers other than OpenAI.
    context_tokens: int | None = Field(default=None, ge=512)
    # Reply limits per call kind (max_tokens): a spoken turn, the follow-up choice, a verdict.
    max_tokens_turn: int = Field(default=300, ge=16)
    max_tokens_probe: int = Field(default=300, ge=16)
    max_tokens_judge: int = Field(default=1200, ge=64)
    # When the model fails its preflight: "none" stops (exit 2), "offline" goes on offline.
    fallback: Literal["none", "offline"] = "none"

    @field_validator("content_path", mode="before")
    @classmethod
    def _split_content_path(cls, value: Any) -> Any:
        if isinstance(value, str):
            return [part for part in value.split(os.pathsep) if part.strip()]
        return value

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        yaml_source = YamlConfigSettingsSource(settings_cls, yaml_file=config_file())
        return (init_settings, env_settings, yaml_source)

    @property
    def resolved_backend(self) -> Literal["offline", "openai"]:
        if self.backend:
            return self.backend
        return "openai" if (self.openai_api_key or self.base_url) else "offline"

    @property
    def resolved_judge_model(self) -> str:
        return self.judge_model or self.model

    @property
    def resolved_candidate(self) -> str:
        return self.candidate or os.environ.get("USER") or "default"


def settings_from_args(args: object) -> Settings:
    """Settings with the command line's flags laid over the environment and the file."""
    overrides: dict[str, Any] = {}
    for flag, field in (
        ("transcripts_dir", "transcripts_dir"),
        ("backend", "backend"),
        ("model", "model"),
        ("judge_model", "judge_model"),
        ("base_url", "base_url"),
        ("judge_samples", "judge_samples"),
        ("candidate", "candidate"),
        ("context_tokens", "context_tokens"),
        ("fallback", "fallback"),
    ):
        value = getattr(args, flag, None)
        if value is not None and not (field == "judge_samples" and value == 1):
            overrides[field] = Path(value) if field == "transcripts_dir" else value
    settings = Settings()
    # Folders named on the command line layer over those from the environment or the file.
    dirs = [
        *(getattr(args, "content_dirs", None) or []),
        *(getattr(args, "content_dirs_after", None) or []),
    ]
    if dirs:
        overrides["content_path"] = [*settings.content_path, *(Path(d) for d in dirs)]
    return settings.model_copy(update=overrides) if overrides else settings
