"""Plain mode against unlucky disks, bad bytes and signals, in subprocesses (issue 12,
points 1, 6, 7, 8)."""

import fcntl
import os
import resource
import signal
import struct
import subprocess
import sys
import termios
import time

import pytest

from interviewer.store.transcripts import TranscriptStore
from tests.plain_driver import PlainSession, cli_env, run_cli

pytestmark = pytest.mark.slow
START = ["start", "--plain", "--scenario", "practice_breadth", "--seed", "1"]


def answers(path):
    """The answers the files hold (the transcript and its journal)."""
    session = TranscriptStore(path.parent).load(path)
    return [t.text for q in session.questions for t in q.answers]


def run_bytes(args, transcripts, stdin: bytes, env_extra=None, limit_file_bytes=None):
    env = cli_env(transcripts) | (env_extra or {})

    def limit():
        if limit_file_bytes is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit_file_bytes, limit_file_bytes))

    return subprocess.run(
        [sys.executable, "-m", "interviewer", *args],
        input=stdin,
        capture_output=True,
        env=env,
        timeout=60,
        preexec_fn=limit,
    )


# --- point 1: a folder that refuses the transcript -----------------------------------------


def test_a_refusing_folder_is_said_and_the_candidate_saves_elsewhere(tmp_path):
    blocked = tmp_path / "t"
    blocked.write_text("a file where the transcripts folder should be")
    chosen = tmp_path / "chosen"
    done = run_cli(START, blocked, f"/save-to {chosen}\nmy first answer\n.\n/quit\n")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "NOT SAVED" in out and "Saved. Continue with" not in out.split("NOT SAVED")[0]
    assert f"Saved to {chosen}" in out
    [path] = chosen.glob("*.json")
    assert answers(path) == ["my first answer"]
    assert f"interviewer resume {path} --plain" in out
    assert "Traceback" not in done.stderr


def test_a_session_that_never_landed_exits_non_zero_and_names_the_rescue_copy(tmp_path):
    blocked = tmp_path / "t"
    blocked.write_text("a file where the transcripts folder should be")
    done = run_cli(START, blocked, "/retry\nan answer\n.\n")
    assert done.returncode == 1, done.stdout
    out = done.stdout
    assert "Saved." not in out and "Saved as" not in out
    rescue = tmp_path / "home" / ".local" / "state" / "interviewer" / "unsaved"
    [copy] = rescue.glob("*.json")
    assert f"A copy was saved to {copy}" in out
    assert "Traceback" not in done.stderr
    # what was typed at the NOT SAVED prompt is not dropped either
    [draft] = (rescue / "drafts").glob("*.txt")
    assert draft.read_text() == "an answer" and str(draft) in out


def test_an_answer_typed_at_the_not_saved_prompt_is_the_start_of_the_next_one(tmp_path):
    blocked = tmp_path / "t"
    blocked.write_text("a file where the transcripts folder should be")
    chosen = tmp_path / "chosen"
    script = f"an answer piped in early\n.\n/save-to {chosen}\nand its end\n.\n/quit\n"
    done = run_cli(START, blocked, script)
    assert done.returncode == 0, done.stderr
    assert "(kept as the start of your next answer; first choose: /retry" in done.stdout
    assert done.stdout.count("NOT SAVED") == 1  # lines that are not a choice do not repeat it
    [path] = chosen.glob("*.json")
    assert answers(path) == ["an answer piped in early\nand its end"]


# --- point 6: disk full ----------------------------------------------------------------------


def test_a_full_disk_loses_nothing_leaves_no_temporary_file_and_no_traceback(tmp_path):
    transcripts = tmp_path / "t"
    limit = 64 * 1024
    big = ("This answer fills the disk. " * 3000)[: limit - 100].strip()
    script = f"first answer\n.\n{big}\n.\n/retry\n/quit\n".encode()
    # Files may not grow past 64 KB (EFBIG): neither the journal nor the transcript with the
    # big answer can be written, here or in a rescue folder, but a draft of it alone can.
    done = run_bytes(START, transcripts, script, limit_file_bytes=limit)
    out, err = done.stdout.decode(), done.stderr.decode()
    assert done.returncode == 1, out + err
    assert "Traceback" not in err and "NOT SAVED" in out and "File too large" in out
    assert "No copy could be saved anywhere either" in out
    [path] = transcripts.glob("*.json")
    assert answers(path) == ["first answer"]  # the last transcript that landed, whole
    [draft] = (transcripts / ".drafts").glob("*.txt")
    assert draft.read_text() == big and f"kept as a draft (not judged) in {draft}" in out
    ours = [transcripts, tmp_path / "home", tmp_path / "tmp" / f"interviewer-{os.getuid()}"]
    assert [p for folder in ours for p in folder.rglob("*.tmp")] == []

    resumed = run_cli(["resume", path.stem, "--plain"], transcripts, ".\n/quit\n")
    assert resumed.returncode == 0, resumed.stderr
    assert "Your unfinished answer from last time" in resumed.stdout
    assert answers(path) == ["first answer", big]


# --- point 7: bytes that are not UTF-8 --------------------------------------------------------


def test_bad_bytes_are_kept_as_replacement_characters_with_a_notice(tmp_path):
    transcripts = tmp_path / "t"
    script = b"first answer\n.\nsecond \xff\xfe answer\n.\nthird answer\n.\n/quit\n"
    done = run_bytes(START, transcripts, script)
    assert done.returncode == 0, done.stderr
    assert "not valid UTF-8" in done.stdout.decode()
    [path] = transcripts.glob("*.json")
    assert answers(path) == ["first answer", "second \ufffd\ufffd answer", "third answer"]


# --- point 8: signals ---------------------------------------------------------------------------


def pipe_drained(stream, timeout=10.0):
    """Until the process has read everything written to `stream` (its stdin)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        pending = struct.unpack("i", fcntl.ioctl(stream, termios.FIONREAD, b"\0" * 4))[0]
        if pending == 0:
            return
        time.sleep(0.005)
    raise AssertionError("the process never read its input")


@pytest.mark.parametrize(
    ("signum", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143), (signal.SIGHUP, 129)]
)
def test_a_signal_keeps_the_typed_text_as_a_draft_saves_and_exits_at_once(tmp_path, signum, code):
    transcripts = tmp_path / "t"
    live = PlainSession(START, transcripts)
    live.next_prompt()
    live.answer("a whole first answer")
    live.send("half of the second\nanswer, still typing\n")
    assert live.proc.stdin is not None
    pipe_drained(live.proc.stdin)
    live.proc.send_signal(signum)
    # It exits without Enter (waiting for one would run into the timeout). No stopwatch
    # here: on a loaded machine a fixed number of seconds is a race, not a check.
    assert live.proc.wait(timeout=30) == code
    out = live.proc.stdout.read() if live.proc.stdout else ""
    [path] = transcripts.glob("*.json")
    assert answers(path) == ["a whole first answer"]  # the draft is kept, not judged
    [draft] = (transcripts / ".drafts").glob("*.txt")
    assert draft.read_text() == "half of the second\nanswer, still typing"
    if signum != signal.SIGHUP:  # after a hang-up there may be nobody to read it
        assert f"Saved. Continue with: interviewer resume {path.stem} --plain" in out

    resumed = run_cli(["resume", path.stem, "--plain"], transcripts, "and the end.\n.\n/quit\n")
    assert resumed.returncode == 0, resumed.stderr
    assert answers(path) == [
        "a whole first answer",
        "half of the second\nanswer, still typing\nand the end.",
    ]
    assert not draft.exists()
