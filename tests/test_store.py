import json
import os

import pytest

from interviewer.domain import engine
from interviewer.store import schema
from interviewer.store.index import INDEX_FILE
from interviewer.store.transcripts import TranscriptError, TranscriptStore
from tests.builders import T0, bank, scenario, session


def saved_session(store, sid="s1"):
    s = session(scenario([("breadth", 2)]))
    s.id = sid
    b = bank()
    action = engine.next_action(s, b, None, now=T0)
    engine.apply_ask_question(s, action, b[action.question_id], "q?", T0)
    engine.apply_answer(s, "my answer", T0)
    store.save(s)
    return s


def test_save_and_load_round_trip(tmp_path):
    store = TranscriptStore(tmp_path)
    s = saved_session(store)
    loaded = store.open("s1")
    assert loaded == s
    assert loaded.questions[0].answers[0].text == "my answer"


def test_save_leaves_no_temporary_files(tmp_path):
    store = TranscriptStore(tmp_path / "t")
    saved_session(store)
    saved_session(store)
    names = [p.name for p in (tmp_path / "t").iterdir() if not p.name.startswith(INDEX_FILE)]
    assert names == ["s1.json"]


def test_save_fsyncs_file_before_replacing(tmp_path, monkeypatch):
    calls = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(os, "fsync", lambda fd: (calls.append("fsync"), real_fsync(fd))[1])
    monkeypatch.setattr(
        os, "replace", lambda a, b: (calls.append("replace"), real_replace(a, b))[1]
    )
    saved_session(TranscriptStore(tmp_path))
    assert calls.index("fsync") < calls.index("replace")


def test_corrupt_and_truncated_files_are_reported_and_others_still_list(tmp_path):
    store = TranscriptStore(tmp_path)
    saved_session(store, "good")
    (tmp_path / "truncated.json").write_text(store.path_for("good").read_text()[:200])
    (tmp_path / "garbage.json").write_bytes(b"\x00\xff not json")
    listing = store.listing()
    assert [s.id for _, s in listing.sessions] == ["good"]
    assert sorted(e.path.name for e in listing.broken) == ["garbage.json", "truncated.json"]
    assert all(e.reason for e in listing.broken)


def test_newer_schema_is_refused_with_a_clear_reason(tmp_path):
    store = TranscriptStore(tmp_path)
    s = saved_session(store)
    data = json.loads(store.path_for(s.id).read_text())
    data["schema_version"] = schema.SCHEMA_VERSION + 1
    store.path_for(s.id).write_text(json.dumps(data))
    with pytest.raises(TranscriptError, match="newer interviewer"):
        store.open(s.id)


def test_migrations_run_in_order(tmp_path, monkeypatch):
    # A registry entry for version N must run on a file of version N.
    seen = []

    def from_v1(data):
        seen.append(data["schema_version"])
        return data

    monkeypatch.setattr(schema, "SCHEMA_VERSION", 2)
    monkeypatch.setitem(schema.MIGRATIONS, 1, from_v1)
    migrated = schema.migrate({"schema_version": 1})
    assert seen == [1] and migrated["schema_version"] == 2


def test_resolve_by_prefix_and_by_path(tmp_path):
    store = TranscriptStore(tmp_path)
    saved_session(store, "20260105-090000-abcd")
    assert store.resolve("20260105-09").name == "20260105-090000-abcd.json"
    assert store.resolve(str(store.path_for("20260105-090000-abcd"))).exists()
    with pytest.raises(TranscriptError, match="no session"):
        store.resolve("nothing-like-it")
