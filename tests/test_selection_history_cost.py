"""Question selection reads the candidate's history from the index at every start, and
what that costs does not grow with the history: new and vanished transcripts are found by
name, and only sessions still being written (and broken files) are checked against their
files. Finished sessions are neither stat'ed nor read."""

import os
from pathlib import Path

import pytest

from interviewer.domain import engine
from interviewer.store import index as index_module
from interviewer.store.history import indexed_history
from interviewer.store.transcripts import TranscriptStore
from tests.builders import T0, bank, scenario, session
from tests.test_index import count_loads, scored_session

FINISHED = 12


@pytest.fixture
def root(tmp_path) -> Path:
    store = TranscriptStore(tmp_path / "t")
    for n in range(FINISHED):
        store.save(scored_session(f"202601{n:02d}-f{n}", "ada", days=n))
    store.save(unfinished())
    store.index.close()
    return store.root


def unfinished():
    """An interview of ada's under way: one question asked, not answered."""
    s = session(scenario([("breadth", 2)]))
    s.id, s.candidate = "20260200-live", "ada"
    b = bank(4)
    action = engine.next_action(s, b, None, now=T0)
    engine.apply_ask_question(s, action, b[action.question_id], "q", T0)
    return s


def counting_stats(monkeypatch) -> list[str]:
    stated: list[str] = []
    real_stat = os.stat

    def counting_stat(path, *args, **kwargs):
        if str(path).endswith((".json", ".journal")):
            stated.append(Path(path).name)
        return real_stat(path, *args, **kwargs)

    def no_scan(root):
        raise AssertionError("selection must not stat the whole folder")

    monkeypatch.setattr(os, "stat", counting_stat)
    monkeypatch.setattr(index_module, "scan", no_scan)
    return stated


def test_finished_sessions_are_neither_stated_nor_read(root, monkeypatch):
    store = TranscriptStore(root)
    loads = count_loads(monkeypatch, store)
    stated = counting_stats(monkeypatch)
    history = indexed_history(store, "ada")
    assert loads == []
    assert {name.split(".")[0] for name in stated} <= {"20260200-live"}
    assert sum(history.times_asked.values()) == 2 * FINISHED + 1  # every session counted


def test_new_vanished_and_changed_live_transcripts_are_seen(root, monkeypatch):
    store = TranscriptStore(root)
    before = indexed_history(store, "ada")
    # Behind the index's back (a restored backup, a copy): a new finished session, one
    # removed, and the live one goes on.
    new = scored_session("20260300-new", "ada", days=40)
    (root / "20260300-new.json").write_text(new.model_dump_json())
    (root / "20260100-f0.json").unlink()
    live = unfinished()
    b = bank(4)
    engine.apply_answer(live, "an answer", T0)
    engine.apply_close_question(live, T0)
    action = engine.next_action(live, b, None, now=T0)
    engine.apply_ask_question(live, action, b[action.question_id], "q", T0)
    path = root / "20260200-live.json"
    path.write_text(live.model_dump_json())  # written without the index hearing of it
    os.utime(path, ns=(7, 7))

    loads = count_loads(monkeypatch, store)
    history = indexed_history(store, "ada")
    assert sorted(loads) == ["20260200-live.json", "20260300-new.json"]
    # +2 of the new session, -2 of the removed one, +1 of the live one's second question
    assert sum(history.times_asked.values()) == sum(before.times_asked.values()) + 1


def test_a_start_gets_the_same_figures_without_reading_or_none(root):
    index = TranscriptStore(root).index
    full = index.candidate_history("ada", "20260105-f5")
    assert full[0] and index.current_candidate_history("ada", "20260105-f5") == full
    assert index.current_candidate_history("grace") == ({}, {})
    (root / "20260400-copy.json").write_text((root / "20260101-f1.json").read_text())
    assert index.current_candidate_history("ada") is None  # an unknown file: to be read
    index.candidate_history("ada")
    assert index.current_candidate_history("ada") is not None
    os.utime(root / "20260200-live.json", ns=(3, 3))
    assert index.current_candidate_history("ada") is None  # a live row changed
