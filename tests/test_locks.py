"""One writer per session (issue 12, point 2): start, resume and rescore hold a lock; a
second process is told who holds it; a dead holder's lock is taken over."""

import json
import os
import signal
import socket
import subprocess
import sys
import textwrap

import pytest

from interviewer.store.locks import SessionLock, SessionLocked, lock_path_for
from interviewer.store.transcripts import TranscriptStore
from tests.plain_driver import PlainSession, run_cli
from tests.test_store import saved_session

HOLDER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from interviewer.store.locks import SessionLock
    SessionLock.acquire(Path(sys.argv[1]), "s1", "resume")
    print("held", flush=True)
    sys.stdin.read()
    """
)


@pytest.fixture
def holder(tmp_path):
    """Another process holding the lock of tmp_path/t/s1.json until killed."""
    store = TranscriptStore(tmp_path / "t")
    saved_session(store, "s1")
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(store.path_for("s1"))],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stdout.readline() == "held\n"
    yield store, proc
    proc.kill()
    proc.wait(timeout=10)


def test_a_second_process_is_refused_and_told_who_holds_the_session(holder):
    store, proc = holder
    with pytest.raises(SessionLocked) as caught:
        SessionLock.acquire(store.path_for("s1"), "s1", "rescore")
    message = str(caught.value)
    assert f"process {proc.pid} on {socket.gethostname()} since " in message
    assert "`interviewer resume`" in message and "session s1" in message


def test_a_killed_holders_lock_is_taken_over(holder):
    store, proc = holder
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    lock = SessionLock.acquire(store.path_for("s1"), "s1", "resume")
    try:
        record = json.loads(lock.path.read_text())
        assert record["pid"] == os.getpid()
    finally:
        lock.release()


def test_a_stale_lock_file_naming_a_dead_process_is_taken_over(tmp_path):
    transcript = tmp_path / "s1.json"
    stale = lock_path_for(transcript)
    stale.write_text(json.dumps({"pid": 2**22 + 7, "host": "gone", "since": "long ago"}))
    lock = SessionLock.acquire(transcript, "s1")
    try:
        assert json.loads(stale.read_text())["pid"] == os.getpid()
    finally:
        lock.release()
    assert stale.exists()  # never deleted: see the module's note on inodes


def test_the_lock_is_reentrant_within_a_process_and_released_by_the_last_holder(tmp_path):
    transcript = tmp_path / "s1.json"
    first = SessionLock.acquire(transcript, "s1")
    second = SessionLock.acquire(transcript, "s1")
    assert first is second
    first.release()
    assert second.held
    second.release()
    assert not second.held


def test_resume_and_rescore_refuse_a_session_another_interview_is_writing(tmp_path):
    transcripts = tmp_path / "t"
    live = PlainSession(
        ["start", "--plain", "--scenario", "practice_breadth", "--seed", "1"], transcripts
    )
    try:
        live.next_prompt()
        [path] = transcripts.glob("*.json")
        for args in (["resume", path.stem, "--plain"], ["rescore", path.stem]):
            refused = run_cli(args, transcripts, "/quit\n")
            assert refused.returncode == 2, refused.stderr
            assert f"is open in another interviewer: process {live.proc.pid}" in refused.stderr
            assert "(`interviewer start`)" in refused.stderr
            assert "Traceback" not in refused.stderr
    finally:
        live.proc.kill()
        live.proc.wait(timeout=10)
    resumed = run_cli(["resume", path.stem, "--plain"], transcripts, "/quit\n")
    assert resumed.returncode == 0, resumed.stderr
