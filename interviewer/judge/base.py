"""The judge interface: one async `score`, the same result type for every judge."""

import hashlib
import json
from abc import ABC, abstractmethod

from interviewer.domain.judging import JudgeIdentity, JudgeRequest, JudgeResult
from interviewer.domain.rubric import Rubric
from interviewer.domain.session import LlmUsage

# The start of an unscored reason when the judge's model could not be reached (not when
# its reply was unusable): such answers are scored again once the model answers.
UNAVAILABLE = "model unavailable"


def rubric_hash(rubric: Rubric) -> str:
    canonical = json.dumps(rubric.model_dump(mode="json"), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


class Judge(ABC):
    """Scores one answer against a rubric. Must not raise: failures come back unscored."""

    kind: str = "offline"
    model: str = ""
    method: str = ""

    def identity(self, rubric: Rubric) -> JudgeIdentity:
        return JudgeIdentity(
            kind=self.kind,
            model=self.model,
            method=self.method,
            rubric_id=rubric.id,
            rubric_hash=rubric_hash(rubric),
        )

    def warm_up(self) -> None:
        """Get ready to score, soon after the first question is on screen (a worker
        process starts, a model is loaded...): nothing by default. Must return at once."""
        return None

    def abandon(self) -> None:
        """Nobody will wait for the verdicts under way (the interview is quitting and its
        judging tasks are cancelled): stop work that would otherwise hold up the exit.
        Nothing by default (a cancelled task stops an LLM call)."""
        return None

    def drain_usage(self) -> list[LlmUsage]:
        """Token usage recorded since the last call (LLM judges); the runner saves it."""
        return []

    def redact(self, text: str) -> str:
        """`text` without the secrets this judge holds (an LLM judge's key): what a
        verdict keeps of a server's words is saved and shown."""
        return text

    async def score(self, request: JudgeRequest) -> JudgeResult:
        try:
            result = await self._score(request)
        except Exception as exc:  # a judge that fails says so; it never becomes a 0
            result = JudgeResult.unscored(f"judge error: {type(exc).__name__}: {exc}")
        return self._redacted(result)

    def _redacted(self, result: JudgeResult) -> JudgeResult:
        changes: dict[str, str] = {}
        for name in ("reason", "feedback", "raw_reply"):
            value = getattr(result, name, None)
            if isinstance(value, str) and value:
                cleaned = self.redact(value)
                if cleaned != value:
                    changes[name] = cleaned
        return result.model_copy(update=changes) if changes else result

    @abstractmethod
    async def _score(self, request: JudgeRequest) -> JudgeResult: ...
