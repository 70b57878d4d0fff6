"""A whole four-round plain-mode interview against the loopback OpenAI-compatible server,
with faults injected: it completes, nothing answered is lost, the bad verdict is unscored."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.fake_openai import caller_of

SECRET = "sk-e2e-SECRET-abcdef0123456789"
ANSWERS = [
    f"Answer {i}: I would start from the goal and the metric, check the data for leakage, "
    "train a simple baseline, then compare models on a held-out set and monitor drift."
    for i in range(80)
]


@pytest.mark.slow
def test_four_round_plain_interview_survives_faults(server, tmp_path):
    server.enqueue(
        # The first question takes four attempts: a 429, a 500, a stream cut half way.
        {"for": "interviewer", "fault": "rate_limit", "retry_after": 0.2},
        {"for": "interviewer", "fault": "server_error"},
        {"for": "interviewer", "fault": "cut"},
        {"for": "interviewer"},
        # The interviewer's next calls are slow, so that the first verdict (unusable, then
        # unusable again after the repair request), which starts once the next turn is
        # out, is not superseded by the next answer before it lands: piped input answers
        # instantly.
        *[{"for": "interviewer", "delay": 1.0}] * 3,
        {"for": "judge", "content": "The answer is fine, level 4 everywhere."},
        {"for": "judge", "content": "not json, still"},
    )
    transcripts = tmp_path / "transcripts"
    env = {
        **os.environ,
        "INTERVIEWER_TRANSCRIPTS_DIR": str(transcripts),
        "OPENAI_API_KEY": SECRET,
    }
    stdin = "".join(f"{a}\n.\n" for a in ANSWERS)
    done = subprocess.run(
        [
            *(sys.executable, "-m", "interviewer", "start", "--plain"),
            *("--backend", "openai", "--base-url", server.url, "--seed", "3"),
            # The four talking rounds: the coding round's answer is code (tests/test_plain_e2e).
            *("--rounds", "breadth,system_design,deep_dive,behavioral"),
        ],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    files = list(transcripts.glob("*.json"))
    assert len(files) == 1
    session = json.loads(files[0].read_text())
    assert session["status"] == "finished"
    assert len(session["rounds"]) == 4

    said = [t["text"] for q in session["questions"] for t in q["turns"] if t["role"] == "candidate"]
    assert len(said) >= 12
    assert said == ANSWERS[: len(said)]  # every answer kept, in order, none lost

    runs = [r for q in session["questions"] for r in q["scoring_runs"]]
    unscored = [r for r in runs if r["result"]["status"] == "unscored"]
    assert len(unscored) == 1
    assert "after one repair" in unscored[0]["result"]["reason"]
    assert unscored[0]["result"]["raw_reply"] == "not json, still"
    assert all(r["judge"]["kind"] == "llm" for r in runs)

    assert server.pending == 0  # every injected fault was met and survived
    assert server.requests[0]["body"]["response_format"]["json_schema"]["name"] == "Ping"
    calls = [r for r in server.requests if caller_of(r["body"]) != "preflight"]
    first_four = calls[:4]
    assert all(r["body"].get("stream") for r in first_four)  # the first question's attempts
    assert len({json.dumps(r["body"]["messages"]) for r in first_four}) == 1
    interviewer_turns = [
        t["text"] for q in session["questions"] for t in q["turns"] if t["role"] == "interviewer"
    ]
    assert all("connection dropped" not in t for t in interviewer_turns)

    # The key went nowhere: not to this custom endpoint, not to any file or output.
    assert {r["authorization"] for r in server.requests} == {"Bearer sk-no-key-needed"}
    for path in [p for p in tmp_path.rglob("*") if p.is_file()]:
        assert SECRET not in Path(path).read_text(errors="replace")
    assert SECRET not in done.stdout + done.stderr

    # Usage of every call is in the transcript, and the scorecard shows it.
    assert session["usage"] and {u["role"] for u in session["usage"]} == {"interviewer", "judge"}
    report = subprocess.run(
        [sys.executable, "-m", "interviewer", "report", session["id"]],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert "## LLM usage" in report.stdout

    # Later, `rescore` scores the unscored answer and keeps the failed run beside the new one.
    rescored = subprocess.run(
        [
            *(sys.executable, "-m", "interviewer", "rescore", session["id"], "--only-unscored"),
            *("--backend", "openai", "--base-url", server.url),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert rescored.returncode == 0, rescored.stderr[-2000:]
    after = json.loads(files[0].read_text())
    [question] = [
        q
        for q in after["questions"]
        if any(r["result"]["status"] == "unscored" for r in q["scoring_runs"])
    ]
    statuses = [r["result"]["status"] for r in question["scoring_runs"]]
    assert statuses[-1] == "scored" and "unscored" in statuses
