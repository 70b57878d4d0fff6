"""The save journal: one durable line per answer, nothing lost, folded into the transcript."""

import os
import shutil

import pytest

from interviewer.backends import Backend
from interviewer.conductor.offline import OfflineConductor
from interviewer.judge.scripted import ScriptedJudge
from interviewer.runner import InterviewRunner
from interviewer.store.journal import journal_path
from interviewer.store.transcripts import TranscriptError, TranscriptStore
from tests.builders import bank, scenario, session


def make(store, questions=3, follow_ups=1, rounds=1):
    s = session(scenario([("breadth", questions)] * rounds, max_follow_ups=follow_ups))
    backend = Backend("offline", OfflineConductor(), ScriptedJudge(), "test backend")
    return InterviewRunner(s, bank(max(questions * rounds, 6)), backend, store)


def on_disk(store, runner):
    return store.open(runner.session.id)


async def test_after_every_step_the_files_hold_the_session_in_memory(tmp_path):
    store = TranscriptStore(tmp_path)
    runner = make(store)
    prompt = await runner.begin()
    assert on_disk(store, runner) == runner.session
    n = 0
    while prompt is not None:
        n += 1
        prompt = await runner.answer(f"answer {n}")
        assert on_disk(store, runner) == runner.session  # the judge may still be running
        await runner.wait_for_judging()
        assert on_disk(store, runner) == runner.session
        if prompt is not None and n == 2:
            prompt = await runner.hint()
            assert on_disk(store, runner) == runner.session
    assert journal_path(store.path_for(runner.session.id)).exists()
    await runner.finish()
    assert not journal_path(store.path_for(runner.session.id)).exists()
    assert on_disk(store, runner) == runner.session
    assert all(q.scoring_runs for q in runner.session.questions if q.answers)


async def test_one_fsync_per_answer(tmp_path, monkeypatch):
    store = TranscriptStore(tmp_path)
    runner = make(store, questions=5, follow_ups=0)
    synced = []
    real = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (synced.append(fd), real(fd))[1])
    await runner.begin()
    # A new session's first transcript holds no answer yet: it and the folder are synced
    # apart, while the first question is read, and the first answer waits for that.
    store.wait_for_syncs()
    assert len(synced) == 2
    await runner.answer("answer 0")
    assert len(synced) == 3  # the first answer's line, like every other
    for n in range(1, 4):
        await runner.answer(f"answer {n}")  # saved, next question asked, then judged
        await runner.wait_for_judging()
        assert len(synced) == 3 + n


async def test_the_first_answer_syncs_what_the_thread_apart_could_not(tmp_path, monkeypatch):
    store = TranscriptStore(tmp_path)
    runner = make(store, questions=3, follow_ups=0)
    synced = []
    real = os.fsync
    failing = [True]

    def fsync(fd):
        if failing[0]:
            raise OSError(5, "Input/output error")
        synced.append(fd)
        real(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    await runner.begin()
    store.wait_for_syncs()  # the thread apart failed: nothing synced
    failing[0] = False
    await runner.answer("answer 0")
    assert len(synced) == 3  # the transcript, the journal line, the folder
    assert on_disk(store, runner) == runner.session


async def test_what_a_session_writes_grows_with_it_not_with_its_square(tmp_path):
    store = TranscriptStore(tmp_path)
    runner = make(store, questions=20, follow_ups=0, rounds=2)
    prompt = await runner.begin()
    written = []
    while prompt is not None:
        before = store.bytes_written
        prompt = await runner.answer("an answer about weights " * 20)
        await runner.wait_for_judging()
        written.append(store.bytes_written - before)
    await runner.finish()
    final = store.path_for(runner.session.id).stat().st_size
    assert len(written) == 40
    assert max(written[-5:]) < 1.5 * max(written[:5])  # the 40th answer costs the 1st's
    assert store.bytes_written < 3 * final


async def test_a_line_cut_short_by_a_crash_is_ignored(tmp_path):
    store = TranscriptStore(tmp_path)
    runner = make(store)
    await runner.begin()
    await runner.answer("the first answer")
    await runner.wait_for_judging()
    before = on_disk(store, runner)
    journal = journal_path(store.path_for(runner.session.id))
    with journal.open("ab") as fh:
        fh.write(b'[["turns",0,3,[{"role":"candidate","kind":"ans')
    assert TranscriptStore(tmp_path).open(runner.session.id) == before


async def test_a_damaged_journal_line_is_reported_not_skipped(tmp_path):
    store = TranscriptStore(tmp_path)
    runner = make(store)
    await runner.begin()
    for n in range(2):
        await runner.answer(f"answer {n}")
        await runner.wait_for_judging()
    journal = journal_path(store.path_for(runner.session.id))
    lines = journal.read_bytes().split(b"\n")
    lines[2] = b'["not an operation"]'
    journal.write_bytes(b"\n".join(lines))
    fresh = TranscriptStore(tmp_path)
    with pytest.raises(TranscriptError, match=r"journal is damaged: .*line 3"):
        fresh.open(runner.session.id)
    [broken] = fresh.summaries().broken
    assert "journal" in broken.reason


async def test_a_journal_replayed_over_its_own_compaction_changes_nothing(tmp_path):
    # A crash between writing the whole transcript and deleting the journal.
    store = TranscriptStore(tmp_path)
    runner = make(store)
    await runner.begin()
    await runner.answer("the first answer")
    await runner.wait_for_judging()
    journal = journal_path(store.path_for(runner.session.id))
    shutil.copy(journal, tmp_path / "kept")
    store.compact(runner.session)
    assert not journal.exists()
    shutil.copy(tmp_path / "kept", journal)
    assert TranscriptStore(tmp_path).open(runner.session.id) == runner.session


async def test_resuming_folds_the_journal_into_the_transcript(tmp_path):
    store = TranscriptStore(tmp_path)
    runner = make(store)
    await runner.begin()
    await runner.answer("the first answer")
    await runner.wait_for_judging()
    sid = runner.session.id
    assert journal_path(store.path_for(sid)).exists()
    # Another process picks it up.
    store2 = TranscriptStore(tmp_path)
    resumed = InterviewRunner(store2.open(sid), runner.bank, runner.backend, store2)
    prompt = await resumed.begin()
    [header] = journal_path(store2.path_for(sid)).read_text().splitlines()  # a fresh journal
    assert '"journal"' in header
    assert prompt is not None and prompt.text == runner.prompt().text  # type: ignore[union-attr]
    await resumed.answer("the second answer")
    await resumed.wait_for_judging()
    answers = [t.text for q in store2.open(sid).questions for t in q.answers]
    assert answers == ["the first answer", "the second answer"]


async def test_the_index_follows_a_session_in_progress(tmp_path):
    store = TranscriptStore(tmp_path)
    runner = make(store, questions=3, follow_ups=0)
    await runner.begin()
    other = TranscriptStore(tmp_path)  # e.g. `interviewer list` while the app runs
    assert other.summaries().sessions[0].answers == 0
    await runner.answer("first")
    await runner.wait_for_judging()
    assert other.summaries().sessions[0].answers == 1
    await runner.answer("second")
    assert other.summaries().sessions[0].answers == 2


async def test_changes_that_are_not_appends_are_saved_too(tmp_path):
    # Not something the engine does; the files must follow all the same.
    store = TranscriptStore(tmp_path)
    runner = make(store, follow_ups=0)
    await runner.begin()
    for n in range(2):
        await runner.answer(f"answer {n}")
        await runner.wait_for_judging()
    runner.session.questions[0].turns.pop()  # the question is written again
    runner.session.questions[0].scoring_runs.clear()  # (a verdict on no answer: inconsistent)
    runner.session.questions[1].topics.append("another")
    store.save(runner.session)
    assert on_disk(store, runner) == runner.session
    runner.session.questions.pop()  # the transcript is written whole
    store.save(runner.session)
    assert not journal_path(store.path_for(runner.session.id)).exists()
    assert on_disk(store, runner) == runner.session
