"""Every transcript version ever written keeps loading (one fixture file per version)."""

import json
from pathlib import Path

import pytest

from interviewer.domain.session import SCHEMA_VERSION
from interviewer.report import render_json, render_markdown
from interviewer.store.transcripts import TranscriptStore

FIXTURES = Path(__file__).parent / "fixtures" / "transcripts"


def fixture_versions() -> list[int]:
    return sorted(int(p.stem.lstrip("v")) for p in FIXTURES.glob("v*.json"))


def test_there_is_a_fixture_for_every_version():
    assert fixture_versions() == list(range(1, SCHEMA_VERSION + 1))


@pytest.mark.parametrize("version", fixture_versions())
def test_old_version_loads_and_renders(version, tmp_path):
    path = FIXTURES / f"v{version}.json"
    assert json.loads(path.read_text())["schema_version"] == version
    session = TranscriptStore(tmp_path).load(path)
    assert session.schema_version == SCHEMA_VERSION
    assert session.questions and session.questions[0].answers
    assert "# Scorecard" in render_markdown(session)
    assert json.loads(render_json(session))["session_id"] == session.id
