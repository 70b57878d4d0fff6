"""Transcript schema versions and the migrations that bring old files up to date.

Each migration takes the raw JSON of version N and returns version N+1. A fixture file per
old version lives in tests/fixtures/transcripts/ and must keep loading.
"""

from collections.abc import Callable
from typing import Any

from interviewer.domain.session import SCHEMA_VERSION, Session

Migration = Callable[[dict[str, Any]], dict[str, Any]]


def _v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
    # v2 only added the optional CriterionScore.progress: a v1 file is a valid v2 file. The
    # step exists so that a v2 file is refused by a v1 reader instead of misread.
    return data


def _v2_to_v3(data: dict[str, Any]) -> dict[str, Any]:
    # v3 only added the optional KeyPoint.misconceptions (refused by a v2 reader).
    return data


def _v3_to_v4(data: dict[str, Any]) -> dict[str, Any]:
    # v4 only added the optional JudgeResult.misconceptions (refused by a v3 reader).
    return data


def _v4_to_v5(data: dict[str, Any]) -> dict[str, Any]:
    # v5 only added the optional LlmUsage.estimated (refused by a v4 reader).
    return data


def _v5_to_v6(data: dict[str, Any]) -> dict[str, Any]:
    # v6 only added coding answers' code, runs and brief (refused by a v5 reader).
    return data


def _v6_to_v7(data: dict[str, Any]) -> dict[str, Any]:
    # v7 only added optional fields (refused by a v6 reader): the career level of the
    # scenario and its rubrics, per-level round variants, the domain round kind and its
    # track, rubric red flags, scope anchors and level expectations. A v6 session was sat
    # at the default level, mid, which is what a missing level reads as.
    return data


def _v7_to_v8(data: dict[str, Any]) -> dict[str, Any]:
    # v8 only added optional fields (refused by a v7 reader): rounds' paused_seconds and
    # the session's stopped_at (a v7 round counted its closed time: it keeps it), and a
    # project description's scoring runs.
    return data


def _v8_to_v9(data: dict[str, Any]) -> dict[str, Any]:
    # v9 only added optional rubric content (refused by a v8 reader): `stage_words` and the
    # `reflection` offline signal. A v8 snapshot keeps the signals it was scored with.
    return data


# version N -> function producing version N+1
MIGRATIONS: dict[int, Migration] = {
    1: _v1_to_v2,
    2: _v2_to_v3,
    3: _v3_to_v4,
    4: _v4_to_v5,
    5: _v5_to_v6,
    6: _v6_to_v7,
    7: _v7_to_v8,
    8: _v8_to_v9,
}


class TranscriptVersionError(ValueError):
    pass


def migrate(data: dict[str, Any]) -> dict[str, Any]:
    version = data.get("schema_version")
    if not isinstance(version, int) or version < 1:
        raise TranscriptVersionError(f"missing or invalid schema_version: {version!r}")
    if version > SCHEMA_VERSION:
        raise TranscriptVersionError(
            f"written by a newer interviewer (schema {version}; this one reads up to "
            f"{SCHEMA_VERSION}): upgrade interviewer to open it"
        )
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](dict(data))
        version += 1
        data["schema_version"] = version
    return data


def session_from_json(data: Any) -> Session:
    if not isinstance(data, dict):
        raise TranscriptVersionError("a transcript is a JSON object")
    return Session.model_validate(migrate(data))
