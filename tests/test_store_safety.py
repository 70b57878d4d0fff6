"""The store against hostile and unlucky files: ids as paths, inconsistent transcripts,
failed writes, orphaned temporary files, file modes (issue 12, points 3, 5, 6, 10)."""

import errno
import json
import os
import stat
import time

import pytest

from interviewer.store import files
from interviewer.store.drafts import DraftStore
from interviewer.store.transcripts import SaveError, TranscriptError, TranscriptStore
from tests.test_store import saved_session


def mode(path):
    return stat.S_IMODE(path.stat().st_mode)


def write_json(path, data):
    path.write_text(json.dumps(data))


# --- point 3: file names come from the store ----------------------------------------------


@pytest.mark.parametrize(
    "crafted", ["/../../../elsewhere/x", "../x", "a/b", ".hidden", "x.json", "", "a b", "é"]
)
def test_an_id_that_is_not_a_plain_name_is_refused_at_load(tmp_path, crafted):
    store = TranscriptStore(tmp_path / "t")
    s = saved_session(store, "good")
    data = json.loads(store.path_for(s.id).read_text())
    data["id"] = crafted
    write_json(store.root / "crafted.json", data)
    listing = store.listing()
    assert [x.id for _, x in listing.sessions] == ["good"]
    [broken] = listing.broken
    assert broken.path.name == "crafted.json" and "invalid session id" in broken.reason
    with pytest.raises(TranscriptError, match="invalid session id"):
        store.open(str(store.root / "crafted.json"))
    assert not (tmp_path / "elsewhere").exists()


def test_a_copy_opened_by_path_is_saved_back_to_that_path(tmp_path):
    store = TranscriptStore(tmp_path / "t")
    original = saved_session(store, "20260105-090000-abcd")
    before = store.path_for(original.id).read_bytes()
    copy = tmp_path / "elsewhere" / "copy.json"
    copy.parent.mkdir()
    copy.write_bytes(before)

    opened = store.open(str(copy))
    opened.questions[0].turns[-1].text = "changed in the copy"
    assert store.save(opened) == copy
    assert store.path_for(original.id).read_bytes() == before
    assert "changed in the copy" in copy.read_text()


def test_a_renamed_transcript_in_the_folder_is_saved_under_its_own_name(tmp_path):
    store = TranscriptStore(tmp_path / "t")
    s = saved_session(store, "s1")
    store.path_for("s1").rename(store.root / "renamed.json")
    [(path, listed)] = store.listing().sessions
    assert path.name == "renamed.json"
    store.save(listed)
    assert sorted(p.name for p in store.root.glob("*.json")) == ["renamed.json"]
    assert listed.id == s.id


def test_a_second_file_claiming_an_id_is_listed_as_a_copy_not_merged(tmp_path):
    store = TranscriptStore(tmp_path / "t")
    saved_session(store, "s1")
    (store.root / "b-copy.json").write_bytes(store.path_for("s1").read_bytes())
    listing = store.listing()
    assert [(p.name, s.id) for p, s in listing.sessions] == [("s1.json", "s1")]
    [broken] = listing.broken
    assert broken.path.name == "b-copy.json" and "s1.json holds too" in broken.reason


def test_path_for_refuses_an_id_that_would_leave_the_folder(tmp_path):
    store = TranscriptStore(tmp_path)
    with pytest.raises(ValueError, match="invalid session id"):
        store.path_for("../../etc/x")


# --- point 5: a bad transcript is listed as broken, never fatal ---------------------------


def inconsistent_variants(data):
    """(what is wrong, the transcript with that wrong) for a valid transcript `data`."""

    def variant(change):
        copy = json.loads(json.dumps(data))
        change(copy)
        return copy

    def set_round_index(d):
        d["questions"][0]["round_index"] = 7

    def empty_rubrics(d):
        d["rubrics"] = {}

    def round_record_index(d):
        d["rounds"][0]["index"] = 3

    def foreign_rubric(d):
        d["rounds"][0]["rubric_id"] = "nowhere"

    def judged_more_than_answered(d):
        d["questions"][0]["scoring_runs"] = [
            {
                "judge": {"kind": "scripted", "rubric_id": "breadth", "rubric_hash": "x"},
                "result": {"status": "scored", "criteria": [], "feedback": ""},
                "at": "2026-01-05T09:00:00Z",
                "answers_judged": 9,
            }
        ]

    def unknown_criterion(d):
        d["questions"][0]["scoring_runs"] = [
            {
                "judge": {"kind": "scripted", "rubric_id": "breadth", "rubric_hash": "x"},
                "result": {
                    "status": "scored",
                    "criteria": [{"criterion_id": "made_up", "level": 3}],
                },
                "at": "2026-01-05T09:00:00Z",
                "answers_judged": 1,
            }
        ]

    def no_turns(d):
        d["questions"][0]["turns"] = []

    def candidate_asks(d):
        d["questions"][0]["turns"][0]["role"] = "candidate"

    def no_scenario_rounds(d):
        d["scenario"]["rounds"] = []

    return [
        ("is in round 8, which has no round record", variant(set_round_index)),
        ("uses rubric 'breadth', not in the file", variant(empty_rubrics)),
        ("round record 1 says it is round 4", variant(round_record_index)),
        ("uses rubric 'nowhere', not in the file", variant(foreign_rubric)),
        ("judged 9 answers of 1", variant(judged_more_than_answered)),
        ("scores criteria not in rubric 'breadth': made_up", variant(unknown_criterion)),
        ("has no turns", variant(no_turns)),
        ("starts with the candidate speaking", variant(candidate_asks)),
        ("scenario.rounds", variant(no_scenario_rounds)),
    ]


def test_each_inconsistent_transcript_is_named_broken_and_the_others_still_list(tmp_path):
    store = TranscriptStore(tmp_path / "t")
    s = saved_session(store, "good")
    data = json.loads(store.path_for(s.id).read_text())
    variants = inconsistent_variants(data)
    for n, (_, bad) in enumerate(variants):
        bad["id"] = f"bad{n}"
        write_json(store.root / f"bad{n}.json", bad)
    listing = store.listing()
    assert [x.id for _, x in listing.sessions] == ["good"]
    reasons = {e.path.name: e.reason for e in listing.broken}
    assert sorted(reasons) == sorted(f"bad{n}.json" for n in range(len(variants)))
    for n, (expected, _) in enumerate(variants):
        reason = reasons[f"bad{n}.json"]
        assert expected in reason, reason
        assert "my answer" not in reason  # a reason never carries the candidate's words


def test_a_broken_transcript_does_not_stop_start_list_or_resume(tmp_path):
    from tests.plain_driver import run_cli

    transcripts = tmp_path / "t"
    store = TranscriptStore(transcripts)
    s = saved_session(store, "good")
    data = json.loads(store.path_for(s.id).read_text())
    data["id"] = "bad"
    data["questions"][0]["round_index"] = 5
    data["questions"][0]["turns"][-1]["text"] = "SECRET ANSWER TEXT"
    write_json(transcripts / "bad.json", data)

    listed = run_cli(["list"], transcripts)
    assert listed.returncode == 0 and "good" in listed.stdout
    assert "BROKEN" in listed.stderr and "bad.json" in listed.stderr
    resumed = run_cli(["resume", "bad", "--plain"], transcripts, "/quit\n")
    started = run_cli(
        ["start", "--plain", "--scenario", "practice_breadth", "--seed", "1"],
        transcripts,
        "/quit\n",
    )
    assert started.returncode == 0, started.stderr
    assert resumed.returncode == 2 and "inconsistent transcript" in resumed.stderr
    for done in (listed, resumed, started):
        assert "Traceback" not in done.stderr
        assert "SECRET ANSWER TEXT" not in done.stdout + done.stderr


# --- point 6: failed writes leave nothing behind; orphans are cleaned ---------------------


def test_a_write_that_fails_leaves_the_old_transcript_and_no_temporary_file(tmp_path, monkeypatch):
    store = TranscriptStore(tmp_path / "t")
    s = saved_session(store, "s1")
    before = store.path_for("s1").read_bytes()
    real_fsync = os.fsync

    def full(fd):
        if stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_fsync(fd)

    monkeypatch.setattr(os, "fsync", full)
    store = TranscriptStore(store.root)  # a fresh store writes the transcript whole
    with pytest.raises(SaveError, match="No space left on device") as caught:
        store.save(s)
    assert caught.value.path == store.path_for("s1")
    assert [p.name for p in store.root.iterdir() if ".history" not in p.name] == ["s1.json"]
    assert store.path_for("s1").read_bytes() == before


def test_orphaned_temporary_files_are_removed_at_the_next_listing(tmp_path):
    store = TranscriptStore(tmp_path / "t")
    saved_session(store, "s1")
    dead_pid = 2**22 + 12345  # above pid_max: never a live process
    old = time.time() - 600
    orphan = store.root / f".s1.json.{dead_pid}.ab12cd.tmp"
    orphan.write_bytes(b'{"partial')
    os.utime(orphan, (old, old))
    older_form = store.root / f".s1.{dead_pid}.tmp"
    older_form.write_bytes(b"{")
    os.utime(older_form, (old, old))
    in_flight = store.root / f".s1.json.{os.getpid()}.ee11ff.tmp"  # a live writer's
    in_flight.write_bytes(b"{")
    os.utime(in_flight, (old, old))
    just_written = store.root / f".s1.json.{dead_pid}.cc22dd.tmp"  # too young to judge
    just_written.write_bytes(b"{")

    listing = store.listing()
    assert sorted(p.name for p in listing.cleaned) == sorted([orphan.name, older_form.name])
    assert in_flight.exists() and just_written.exists()
    assert not orphan.exists() and not older_form.exists()
    assert [s.id for _, s in listing.sessions] == ["s1"] and not listing.broken


# --- point 10: private files --------------------------------------------------------------


def test_transcripts_drafts_and_locks_are_private(tmp_path):
    store = TranscriptStore(tmp_path / "t")
    s = saved_session(store, "s1")
    lock = store.lock(s, "test")
    try:
        drafts = DraftStore(store.root)
        draft = drafts.save("s1", "half an answer")
        assert draft is not None
        assert mode(store.root) == 0o700
        assert mode(store.path_for("s1")) == 0o600
        assert mode(draft) == 0o600 and mode(draft.parent) == 0o700
        assert mode(lock.path) == 0o600
    finally:
        lock.release()


def test_an_existing_world_readable_transcript_becomes_private_when_saved(tmp_path):
    store = TranscriptStore(tmp_path / "t")
    s = saved_session(store, "s1")
    os.chmod(store.path_for("s1"), 0o644)
    TranscriptStore(store.root).save(s)  # written whole, as when an interview resumes
    assert mode(store.path_for("s1")) == 0o600


def test_a_draft_the_transcripts_folder_refuses_goes_to_a_rescue_folder(tmp_path):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the transcripts folder should be")
    rescue = tmp_path / "rescue"
    drafts = DraftStore(blocked / "t", rescue_dirs=[rescue])
    where = drafts.save("s1", "half an answer")
    assert where == rescue / "drafts" / "s1.txt" and drafts.rescued_to == where
    assert drafts.load("s1") == "half an answer"
    drafts.clear("s1")
    assert drafts.load("s1") == ""


def test_files_module_never_leaves_a_partial_file_on_any_failure(tmp_path, monkeypatch):
    target = tmp_path / "d" / "x.json"

    def broken_write(fd, data):
        raise OSError(errno.EFBIG, "File too large")

    monkeypatch.setattr(os, "write", broken_write)
    with pytest.raises(OSError, match="File too large"):
        files.write_atomic(target, b"data")
    assert list(target.parent.iterdir()) == []
