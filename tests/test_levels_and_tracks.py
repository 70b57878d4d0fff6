"""Career levels (questions carry a range, scenarios pick a level, rubrics say what
changes) and the domain round's tracks."""

import io
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pydantic import ValidationError

from interviewer.backends import make_backend
from interviewer.cli import main
from interviewer.content.loader import content_roots, load_content
from interviewer.domain.engine import AskQuestion, next_action
from interviewer.domain.levels import CareerLevel, LevelRange
from interviewer.domain.question import RoundKind
from interviewer.domain.scenario import Scenario
from interviewer.domain.selection import eligible_questions
from interviewer.session_factory import NewInterview, SetupError, create_session
from interviewer.settings import Settings
from interviewer.store.transcripts import TranscriptStore

NOW = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def content():
    return load_content()


def new_session(content, **request):
    backend = make_backend(Settings(backend="offline"))
    return create_session(content, NewInterview(**request), backend, now=NOW)


def test_a_level_range_defaults_to_every_level_and_must_be_ordered():
    assert all(level in LevelRange() for level in CareerLevel)
    senior_up = LevelRange(min=CareerLevel.senior)
    assert CareerLevel.staff in senior_up and CareerLevel.mid not in senior_up
    with pytest.raises(ValidationError, match="above max"):
        LevelRange(min=CareerLevel.staff, max=CareerLevel.mid)


def test_selection_respects_the_level(content):
    loop = content.scenarios["practice_domain"]
    [spec] = loop.rounds
    junior = eligible_questions(spec, content.questions, loop.role, CareerLevel.junior)
    staff = eligible_questions(spec, content.questions, loop.role, CareerLevel.staff)
    multilingual = content.questions["domain.nlp.multilingual"]  # senior and up
    assert multilingual not in junior and multilingual in staff
    ner = content.questions["domain.nlp.named_entity_recognition"]  # up to senior
    assert ner in junior and ner not in staff
    # Existing questions carry no range: every level gets them.
    assert content.questions["breadth.bias_variance.definitions"].levels.is_all


def test_a_session_records_the_resolved_loop_and_rubrics(content):
    session = new_session(content, scenario_id="ml_engineer", level=CareerLevel.senior)
    assert session.scenario.level is CareerLevel.senior
    assert [r.display_title for r in session.scenario.rounds][-1] == "Leadership"
    assert all(r.at_level == {} for r in session.scenario.rounds)
    behavioral = session.rubrics["behavioral"]
    assert behavioral.level is CareerLevel.senior
    assert behavioral.criterion("scope").weight == 1.5
    # More design depth expected at senior: trade-offs and production weigh more.
    design = session.rubrics["system_design"]
    assert design.criterion("modelling").weight == 3 and design.expectation is not None
    mid = new_session(content, scenario_id="ml_engineer")
    assert mid.scenario.level is CareerLevel.mid and len(mid.scenario.rounds) == 5


def test_the_track_puts_the_domain_round_on_it(content):
    session = new_session(content, scenario_id="ml_engineer_domain", track="recsys")
    domain = next(r for r in session.scenario.rounds if r.kind is RoundKind.domain)
    assert domain.track == "recsys" and domain.display_title == "Domain: Recsys"
    practice = new_session(content, scenario_id="practice_domain", track="cv")
    assert practice.scenario.title == "Practice: Domain round (CV)"
    action = next_action(practice, content.questions, now=NOW)
    assert isinstance(action, AskQuestion)
    assert "cv" in content.questions[action.question_id].topics


def test_an_unknown_track_or_a_loop_without_a_domain_round_is_refused(content):
    with pytest.raises(SetupError, match=r"unknown track 'speech' \(known: cv, nlp, recsys\)"):
        new_session(content, scenario_id="practice_domain", track="speech")
    with pytest.raises(SetupError, match="no domain round"):
        new_session(content, scenario_id="ml_engineer", track="cv")


def test_a_scenario_naming_an_unknown_track_fails_validation(tmp_path):
    path = tmp_path / "my" / "scenarios" / "speech.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(
        "id: speech_loop\ntitle: Speech\nrounds:\n"
        "  - {kind: domain, rubric: domain, track: speech, questions: 1}\n"
    )
    content = load_content(content_roots([tmp_path / "my"]))
    [error] = content.errors
    assert error.path == path.resolve() and error.field == "rounds[0].track"
    assert "no domain question has track 'speech'" in error.message


def test_a_track_is_only_for_domain_rounds():
    with pytest.raises(ValidationError, match="track is for domain rounds"):
        Scenario.model_validate(
            {
                "id": "x",
                "title": "X",
                "rounds": [
                    {"kind": "breadth", "rubric": "breadth", "questions": 1, "track": "nlp"}
                ],
            }
        )


def test_rubric_level_weights_must_name_its_criteria(tmp_path):
    source = Path(load_content().sources["rubric:domain"]).read_text()
    broken = source.replace("weights: {applied_judgement: 1}", "weights: {judgement: 1}")
    path = tmp_path / "my" / "rubrics" / "domain.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(broken)
    content = load_content(content_roots([tmp_path / "my"]))
    [error] = content.errors
    assert (
        error.path == path.resolve() and "by_level.junior weighs unknown criteria" in error.message
    )
    assert "domain" in content.rubrics  # the shipped one still stands


def test_start_takes_a_level_and_a_track(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO("/quit\n"))
    assert main(["start", "--plain", "--scenario", "ml_engineer", "--level", "senior"]) == 0
    out = capsys.readouterr().out
    assert "Round 1 of 6" in out
    monkeypatch.setattr("sys.stdin", io.StringIO("/quit\n"))
    code = main(["start", "--plain", "--scenario", "practice_domain", "--track", "recsys"])
    assert code == 0
    assert "Practice: Domain round (Recsys)" in capsys.readouterr().out
    saved = sorted((tmp_path / "transcripts").glob("*.json"))
    tracks = [json.loads(p.read_text())["scenario"]["rounds"][0].get("track") for p in saved]
    assert "recsys" in tracks
    assert main(["start", "--plain", "--scenario", "practice_domain", "--track", "speech"]) == 2
    assert "unknown track 'speech'" in capsys.readouterr().err


def test_an_older_transcript_reads_as_mid_level(tmp_path):
    fixture = Path(__file__).parent / "fixtures" / "transcripts" / "v5.json"
    session = TranscriptStore(tmp_path).load(fixture)
    assert session.scenario.level is CareerLevel.mid
    assert all(r.level is None for r in session.rubrics.values())
