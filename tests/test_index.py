"""The SQLite history index: what it answers, and that it never costs a transcript."""

import json
import os
import sqlite3
from datetime import timedelta

import pytest

from interviewer.cli import main
from interviewer.domain import engine
from interviewer.domain.judging import CriterionScore, JudgeResult, ScoreStatus
from interviewer.domain.session import ScoringRun
from interviewer.judge.scripted import ScriptedJudge
from interviewer.store import index as index_module
from interviewer.store.history import candidate_history, indexed_history
from interviewer.store.index import INDEX_FILE
from interviewer.store.transcripts import TranscriptStore
from tests.builders import T0, bank, rubric, scenario, session


def scored_session(sid: str, candidate: str = "ada", days: int = 0, level: int = 3):
    """A finished two-question session with every answer scored at `level`."""
    s = session(scenario([("breadth", 2)]))
    s.id, s.candidate = sid, candidate
    s.created_at = s.updated_at = T0 + timedelta(days=days)
    b = bank(4)
    identity = ScriptedJudge().identity(rubric())
    for _ in range(2):
        action = engine.next_action(s, b, None, now=T0)
        asked = engine.apply_ask_question(s, action, b[action.question_id], "q", T0)
        engine.apply_answer(s, "an answer", T0)
        result = JudgeResult(
            status=ScoreStatus.scored,
            criteria=[CriterionScore(criterion_id=c.id, level=level) for c in rubric().criteria],
        )
        asked.scoring_runs.append(
            ScoringRun(judge=identity, result=result, at=T0, answers_judged=1)
        )
        engine.apply_close_question(s, T0)
    engine.apply_finish(s, T0)
    return s


@pytest.fixture
def store(tmp_path):
    store = TranscriptStore(tmp_path / "t")
    for n, (candidate, level) in enumerate([("ada", 1), ("ada", 4), ("grace", 2)]):
        store.save(scored_session(f"2026010{n}-s{n}", candidate, days=n, level=level))
    return store


def count_loads(monkeypatch, store):
    """How many transcripts the store reads from now on."""
    loads = []
    real = store.load

    def counting(path):
        loads.append(path.name)
        return real(path)

    monkeypatch.setattr(store, "load", counting)
    store.index.read_session = counting
    return loads


def test_summaries_carry_what_the_screens_show(store):
    listing = store.summaries(with_scores=True)
    assert [s.id for s in listing.sessions] == ["20260102-s2", "20260101-s1", "20260100-s0"]
    newest = listing.sessions[0]
    assert newest.candidate == "grace" and newest.status == "finished"
    assert newest.scenario_title == "Test loop" and newest.round_kinds == ("breadth",)
    assert newest.answers == 2 and newest.unscored == 0
    assert newest.overall == pytest.approx(33.3)  # level 2 of 4 on every criterion
    [rnd] = newest.rounds
    assert rnd.rubric_title == "Breadth"
    assert [(c.name, c.mean_level) for c in rnd.criteria] == [
        ("Correctness", 2.0),
        ("Communication", 2.0),
    ]
    assert not listing.broken


def test_listing_reads_no_transcript_it_already_knows(store, monkeypatch):
    store.summaries()  # the saves recorded every row: nothing to read even the first time
    loads = count_loads(monkeypatch, store)
    store.summaries(with_scores=True)
    indexed_history(store, "ada")
    assert loads == []
    # A transcript written by someone else (another process, a restored backup) is read
    # once, alone.
    other = TranscriptStore(store.root)
    changed = scored_session("20260101-s1", "ada", days=1, level=2)
    other.save(changed)
    os.utime(store.path_for(changed.id), ns=(1, 1))  # figures unlike what the index has
    listing = store.summaries()
    assert loads == ["20260101-s1.json"]
    assert listing.sessions[1].overall == pytest.approx(33.3)
    store.summaries()
    assert loads == ["20260101-s1.json"]


def test_a_new_file_is_added_and_a_removed_one_dropped(store, tmp_path):
    extra = scored_session("20260109-new", days=9)
    (store.root / "20260109-new.json").write_text(extra.model_dump_json())
    store.path_for("20260100-s0").unlink()
    ids = [s.id for s in store.summaries().sessions]
    assert ids == ["20260109-new", "20260102-s2", "20260101-s1"]


def test_a_broken_transcript_is_listed_as_broken_until_repaired(store):
    path = store.path_for("20260101-s1")
    good = path.read_text()
    path.write_text(good[:300])
    listing = store.summaries()
    assert [s.id for s in listing.sessions] == ["20260102-s2", "20260100-s0"]
    [broken] = listing.broken
    assert broken.path == path and "not valid JSON" in broken.reason
    path.write_text(good)
    listing = store.summaries()
    assert len(listing.sessions) == 3 and not listing.broken


@pytest.mark.parametrize("damage", ["delete", "garbage", "truncate"])
def test_a_lost_or_corrupt_index_is_rebuilt_from_the_transcripts(store, damage):
    before = store.summaries(with_scores=True)
    store.index.close()
    db = store.root / INDEX_FILE
    for suffix in ("-wal", "-shm"):
        (store.root / f"{INDEX_FILE}{suffix}").unlink(missing_ok=True)
    if damage == "delete":
        db.unlink()
    elif damage == "garbage":
        db.write_bytes(b"this is not a database" * 200)
    else:
        db.write_bytes(db.read_bytes()[:1000])
    fresh = TranscriptStore(store.root)
    after = fresh.summaries(with_scores=True)
    assert after == before
    assert sqlite3.connect(db).execute("SELECT count(*) FROM sessions").fetchone() == (3,)


def test_an_index_from_a_newer_interviewer_is_left_alone(store, monkeypatch):
    store.summaries()
    store.index.close()
    db = store.root / INDEX_FILE
    with sqlite3.connect(db) as conn:
        conn.execute(f"PRAGMA user_version = {index_module.SCHEMA_VERSION + 1}")
    fresh = TranscriptStore(store.root)
    assert len(fresh.summaries().sessions) == 3
    assert fresh.index.in_memory
    version = sqlite3.connect(db).execute("PRAGMA user_version").fetchone()[0]
    assert version == index_module.SCHEMA_VERSION + 1


def test_migrations_bring_an_old_index_up_to_date(tmp_path, monkeypatch):
    store = TranscriptStore(tmp_path)
    store.save(scored_session("20260101-a"))
    store.index.close()
    extra = "CREATE TABLE later_addition (x INTEGER)"
    monkeypatch.setattr(index_module, "MIGRATIONS", (*index_module.MIGRATIONS, extra))
    monkeypatch.setattr(index_module, "SCHEMA_VERSION", len(index_module.MIGRATIONS))
    fresh = TranscriptStore(tmp_path)
    assert [s.id for s in fresh.summaries().sessions] == ["20260101-a"]
    conn = sqlite3.connect(tmp_path / INDEX_FILE)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == index_module.SCHEMA_VERSION
    assert conn.execute("SELECT count(*) FROM later_addition").fetchone() == (0,)


def test_selection_history_from_the_index_equals_the_one_from_the_sessions(store):
    sessions = [s for _, s in store.listing().sessions]
    for candidate, exclude in (("ada", ""), ("ada", "20260101-s1"), ("grace", ""), ("x", "")):
        expected = candidate_history(sessions, candidate, exclude)
        got = indexed_history(store, candidate, exclude)
        assert dict(got.times_asked) == dict(expected.times_asked)
        assert dict(got.topic_scores) == pytest.approx(dict(expected.topic_scores))
    assert indexed_history(store, "ada").times_asked  # the comparison is not vacuous


def test_an_empty_or_missing_folder_lists_nothing_and_creates_nothing(tmp_path):
    missing = TranscriptStore(tmp_path / "none")
    assert missing.summaries().sessions == []
    assert not (tmp_path / "none").exists()


def test_the_reindex_command_rebuilds_from_scratch(store, capsys, monkeypatch):
    monkeypatch.setenv("INTERVIEWER_TRANSCRIPTS_DIR", str(store.root))
    store.summaries()
    store.index.close()
    with sqlite3.connect(store.root / INDEX_FILE) as conn:  # a row that lies
        conn.execute("UPDATE sessions SET overall = 99")
    assert main(["reindex"]) == 0
    assert "indexed 3 session(s)" in capsys.readouterr().out
    assert main(["list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)["sessions"]
    assert [round(r["overall"]) for r in rows] == [33, 100, 0]


def test_selection_totals_follow_removed_and_rewritten_transcripts(store):
    def expected(candidate):
        return candidate_history([s for _, s in store.listing().sessions], candidate)

    store.path_for("20260100-s0").unlink()
    rewritten = scored_session("20260101-s1", "grace", days=1, level=2)  # changes hands
    TranscriptStore(store.root).save(rewritten)
    os.utime(store.path_for(rewritten.id), ns=(5, 5))
    for candidate in ("ada", "grace"):
        got = indexed_history(store, candidate)
        assert dict(got.times_asked) == dict(expected(candidate).times_asked)
        assert dict(got.topic_scores) == pytest.approx(dict(expected(candidate).topic_scores))
    assert indexed_history(store, "ada").times_asked == {}


def test_rows_read_again_only_after_a_write_here_or_in_another_process(store, monkeypatch):
    first = store.summaries()
    assert store.index.keys() is store.index.keys()  # nothing written: the same rows
    other = TranscriptStore(store.root)  # another interviewer, its own connection
    other.save(scored_session("20260105-s5", "ada", days=5))
    assert store.summaries().sessions[0].id == "20260105-s5"
    store.save(scored_session("20260106-s6", "ada", days=6))
    listing = store.summaries(refresh=False)
    assert [s.id for s in listing.sessions][:2] == ["20260106-s6", "20260105-s5"]
    assert listing.total == len(first.sessions) + 2
