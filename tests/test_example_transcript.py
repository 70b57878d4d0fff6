"""transcripts/example.json: one finished interview shipped with the repository, made in
plain mode with strong answers. It must keep opening as the transcript schema moves on
(older versions load through the migrations)."""

import shutil
from pathlib import Path

from interviewer.cli import main
from interviewer.domain.levels import CareerLevel
from interviewer.domain.question import RoundKind
from interviewer.domain.session import SCHEMA_VERSION, SessionStatus
from interviewer.store.transcripts import TranscriptStore

EXAMPLE = Path(__file__).resolve().parent.parent / "transcripts" / "example.json"


def test_the_example_is_a_finished_scored_interview(tmp_path):
    session = TranscriptStore(tmp_path).load(EXAMPLE)
    assert session.id == "example" and session.status is SessionStatus.finished
    assert session.schema_version == SCHEMA_VERSION
    assert session.scenario.level is CareerLevel.senior
    assert [r.kind for r in session.scenario.rounds] == [
        RoundKind.breadth,
        RoundKind.domain,
        RoundKind.system_design,
        RoundKind.behavioral,
    ]
    answered = [q for q in session.questions if q.answers]
    assert len(answered) == 9
    assert all(q.latest_scoring is not None and q.latest_scoring.result.is_scored for q in answered)


def test_replay_opens_it_by_id_and_by_path(tmp_path, capsys):
    folder = tmp_path / "transcripts"
    folder.mkdir()
    shutil.copy(EXAMPLE, folder / "example.json")
    assert main(["replay", "example", "--plain", "--transcripts-dir", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "Many shoppers on a retail site are anonymous" in out
    assert "co-occurrence" in out and "Scoring run 1" in out
    assert main(["replay", str(folder / "example.json"), "--plain"]) == 0
    assert "Domain: Recsys" in capsys.readouterr().out
