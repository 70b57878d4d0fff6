"""Whole interviews through the command line, in subprocesses, with scripted stdin."""

import json
import signal

import pytest

from tests.plain_driver import PlainSession, run_cli

pytestmark = pytest.mark.slow

ANSWER = (
    "I would start from the goal and the metric, then the data and a simple baseline. "
    "For example, a logistic regression on the main features, evaluated on a held-out set "
    "with precision and recall, because the classes are imbalanced. I measured a 12% lift."
)


def only_session(transcripts):
    [path] = sorted(transcripts.glob("*.json"))
    return path.stem


def test_five_round_interview_then_list_replay_report(tmp_path):
    transcripts = tmp_path / "t"
    script = (ANSWER + "\n.\n") * 40
    done = run_cli(
        ["start", "--plain", "--scenario", "ml_engineer", "--seed", "3"], transcripts, script
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout
    for n in range(1, 6):
        assert f"Round {n} of 5" in out
    assert "# Scorecard" in out and "Overall:" in out
    sid = only_session(transcripts)

    listed = json.loads(run_cli(["list", "--json"], transcripts).stdout)
    [row] = listed["sessions"]
    assert row["id"] == sid and row["status"] == "finished" and row["unscored"] == 0

    replay = run_cli(["replay", sid, "--plain"], transcripts)
    assert replay.returncode == 0 and ANSWER in replay.stdout and "Scoring run 1" in replay.stdout

    report = json.loads(run_cli(["report", sid, "--format", "json"], transcripts).stdout)
    assert [r["kind"] for r in report["rounds"]] == [
        "breadth",
        "coding",
        "system_design",
        "deep_dive",
        "behavioral",
    ]
    assert all(q["status"] == "scored" for r in report["rounds"] for q in r["questions"])
    assert report["overall"] is not None


def test_end_of_input_saves_and_resume_continues(tmp_path):
    transcripts = tmp_path / "t"
    first = run_cli(
        ["start", "--plain", "--scenario", "practice_breadth", "--seed", "1"],
        transcripts,
        ANSWER + "\n.\n",
    )
    assert first.returncode == 0, first.stderr
    assert "interviewer resume" in first.stdout
    sid = only_session(transcripts)
    resumed = run_cli(["resume", sid, "--plain"], transcripts, "/end\n")
    assert resumed.returncode == 0, resumed.stderr
    report = json.loads(run_cli(["report", sid, "--format", "json"], transcripts).stdout)
    answers = [a for r in report["rounds"] for q in r["questions"] for a in q["answers"]]
    assert answers == [ANSWER]
    assert report["status"] == "finished"


def test_text_typed_before_quit_is_kept(tmp_path):
    transcripts = tmp_path / "t"
    run_cli(
        ["start", "--plain", "--scenario", "practice_breadth", "--seed", "1"],
        transcripts,
        "half an answer\nstill typing\n/quit\n",
    )
    report = json.loads(
        run_cli(["report", only_session(transcripts), "--format", "json"], transcripts).stdout
    )
    answers = [a for r in report["rounds"] for q in r["questions"] for a in q["answers"]]
    assert answers == ["half an answer\nstill typing"]


def test_sigkill_after_the_third_answer_loses_nothing(tmp_path):
    transcripts = tmp_path / "t"
    live = PlainSession(
        ["start", "--plain", "--scenario", "ml_engineer", "--seed", "5"], transcripts
    )
    live.next_prompt()
    answers = [f"Answer number {n}: {ANSWER}" for n in (1, 2, 3)]
    for text in answers:
        live.answer(text)  # returns once the next question is on screen
    live.proc.send_signal(signal.SIGKILL)
    live.proc.wait(timeout=10)
    sid = only_session(transcripts)

    resumed = run_cli(["resume", sid, "--plain"], transcripts, "/end\n")
    assert resumed.returncode == 0, resumed.stderr
    report = json.loads(run_cli(["report", sid, "--format", "json"], transcripts).stdout)
    kept = [a for r in report["rounds"] for q in r["questions"] for a in q["answers"]]
    assert kept == answers
    answered = [q for r in report["rounds"] for q in r["questions"] if q["answers"]]
    assert answered and all(q["status"] == "scored" for q in answered)


def kill(live: PlainSession) -> None:
    live.proc.send_signal(signal.SIGKILL)
    live.proc.communicate(timeout=10)  # and close its pipes


def test_sigkill_twice_and_mid_answer_loses_no_confirmed_answer(tmp_path):
    transcripts = tmp_path / "t"
    live = PlainSession(
        ["start", "--plain", "--scenario", "ml_engineer", "--seed", "8"], transcripts
    )
    live.next_prompt()
    confirmed = [f"Answer number {n}: {ANSWER}" for n in range(1, 5)]
    for text in confirmed[:2]:
        live.answer(text)
    kill(live)
    sid = only_session(transcripts)

    live = PlainSession(["resume", sid, "--plain"], transcripts)
    live.next_prompt()
    for text in confirmed[2:]:
        live.answer(text)
    live.send("Typed but never confirmed.\n.\n")
    kill(live)  # at once: the save may or may not have happened

    resumed = run_cli(["resume", sid, "--plain"], transcripts, "/end\n")
    assert resumed.returncode == 0, resumed.stderr
    report = json.loads(run_cli(["report", sid, "--format", "json"], transcripts).stdout)
    kept = [a for r in report["rounds"] for q in r["questions"] for a in q["answers"]]
    assert kept[:4] == confirmed and kept[4:] in ([], ["Typed but never confirmed."])
    assert not list(transcripts.glob("*.journal"))  # folded into the transcript at the end


def test_unknown_scenario_is_a_clear_error(tmp_path):
    done = run_cli(["start", "--plain", "--scenario", "nope"], tmp_path / "t", "")
    assert done.returncode == 2
    assert "no scenario 'nope'" in done.stderr and "ml_engineer" in done.stderr
    assert "Traceback" not in done.stderr


def test_missing_project_file_is_a_clear_error(tmp_path):
    done = run_cli(
        ["start", "--plain", "--project-file", str(tmp_path / "missing.md")], tmp_path / "t", ""
    )
    assert done.returncode == 2 and "project file not found" in done.stderr
