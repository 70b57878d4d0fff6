"""Test data about what the bank's key points claim: plain-words paraphrases.

`tests/data/paraphrases/<round>/<bank-file-stem>.yaml` holds, per question id and key
point id, what a candidate might say in ordinary words that states the point (`covers`)
and what says the opposite or denies it (`negated`). A case is a string, or a mapping with
`text` and `pending`: the reason the engine cannot judge it yet (the test reports it as
an expected failure, and fails once the engine can, so the mark is removed).
"""

from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import Field, TypeAdapter, ValidationError

from interviewer.domain.base import Strict

PARAPHRASES = Path(__file__).parent / "data" / "paraphrases"


class PendingCase(Strict):
    text: str = Field(min_length=10)
    # What the engine lacks for this case, e.g. "needs clause-level negation".
    pending: str = Field(min_length=10)


Case = str | PendingCase


class KeyPointClaims(Strict):
    covers: list[Case] = Field(min_length=1)
    negated: list[Case] = Field(min_length=1)


FileClaims = dict[str, dict[str, KeyPointClaims]]
_FILE = TypeAdapter(FileClaims)


@dataclass(frozen=True)
class ClaimCase:
    path: Path
    question_id: str
    key_point_id: str
    kind: str  # "covers" or "negated"
    index: int
    text: str
    pending: str | None

    @property
    def label(self) -> str:
        return f"{self.question_id}:{self.key_point_id}:{self.kind}{self.index}"


def paraphrase_files() -> list[Path]:
    return sorted(PARAPHRASES.glob("*/*.yaml"))


def load_claims(path: Path) -> FileClaims:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    try:
        return _FILE.validate_python(data)
    except ValidationError as exc:
        raise ValueError(f"{path}: {exc}") from exc


def all_cases() -> list[ClaimCase]:
    cases = []
    for path in paraphrase_files():
        for qid, points in load_claims(path).items():
            for kpid, claims in points.items():
                for kind in ("covers", "negated"):
                    for i, case in enumerate(getattr(claims, kind)):
                        if isinstance(case, str):
                            text, pending = case, None
                        else:
                            text, pending = case.text, case.pending
                        cases.append(ClaimCase(path, qid, kpid, kind, i, text, pending))
    return cases
