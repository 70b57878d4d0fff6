"""The model stops answering in the middle of an interview: the interview says so once,
goes on in the bank's words, keeps every answer (unscored, with the reason), says how to
re-score, and goes back to the model when it returns."""

import json
import time

import pytest

from interviewer.store.transcripts import TranscriptStore
from tests.fake_openai import FakeOpenAIServer, ServerBehaviour
from tests.plain_driver import PlainSession, run_cli

ANSWER = "I would look at the data first, then pick a metric that matches the business goal."


@pytest.fixture
def quick_giving_up(monkeypatch):
    monkeypatch.setenv("INTERVIEWER_MAX_RETRIES", "1")
    monkeypatch.setenv("INTERVIEWER_TOTAL_DEADLINE_S", "5")
    monkeypatch.setenv("INTERVIEWER_MODEL_RECHECK_S", "0")


def start(url: str, transcripts) -> PlainSession:
    return PlainSession(
        [
            *("start", "--plain", "--rounds", "breadth", "--seed", "2"),
            *("--backend", "openai", "--base-url", url),
        ],
        transcripts,
    )


def finish(session: PlainSession) -> str:
    session.send("/end\n")
    out, err = session.proc.communicate(timeout=60)
    assert session.proc.returncode == 0, err[-2000:]
    return "".join(session.transcript) + out


def until_unscored_while_down(transcripts, timeout: float = 30.0) -> None:
    """Until the verdict of the answer given during the outage is saved as unscored (it is
    judged in the background, after the next turn): only then may the server return."""
    store = TranscriptStore(transcripts)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for path in transcripts.glob("*.json"):
            session = store.load(path)
            for asked in session.questions:
                for run in asked.scoring_runs:
                    if run.result.reason.startswith("model unavailable"):
                        return
        time.sleep(0.05)
    raise AssertionError("the answer given during the outage was never judged unscored")


def saved(transcripts) -> dict:
    [path] = transcripts.glob("*.json")
    return json.loads(path.read_text())


@pytest.mark.slow
def test_an_outage_is_announced_once_answers_are_kept_and_the_end_says_how_to_rescore(
    tmp_path, quick_giving_up
):
    transcripts = tmp_path / "transcripts"
    server = FakeOpenAIServer(behaviour=ServerBehaviour(voice="(model) ")).start()
    port = server.port
    session = start(server.url, transcripts)
    try:
        first = session.next_prompt()
        assert first.startswith("(model) ")
        second = session.answer(ANSWER + " (1)")
        server.stop()  # the server goes away mid-interview
        third = session.answer(ANSWER + " (2)")
        fourth = session.answer(ANSWER + " (3)")
        output = finish(session)
    finally:
        if session.proc.poll() is None:
            session.proc.kill()
    assert second.startswith("(model) ")
    assert not third.startswith("(model) ") and not fourth.startswith("(model) ")
    assert output.count("[notice] The model stopped answering") == 1
    notice = output.index("[notice] The model stopped answering")
    assert notice < output.index(third)  # announced above the first turn in the bank's words
    record = saved(transcripts)
    said = [t["text"] for q in record["questions"] for t in q["turns"] if t["role"] == "candidate"]
    assert said == [ANSWER + f" ({i})" for i in (1, 2, 3)]  # every answer kept
    latest = [q["scoring_runs"][-1]["result"] for q in record["questions"] if q["scoring_runs"]]
    waiting = [r for r in latest if r["status"] == "unscored"]
    assert waiting and all(r["reason"].startswith("model unavailable") for r in waiting)
    hint = f"interviewer rescore {record['id']} --only-unscored"
    assert f"answer(s) unscored ({len(waiting)} because the model was unavailable)" in output
    assert output.rstrip().endswith(hint)

    # Later, with the server back, the hint does what it says.
    with FakeOpenAIServer(port_wanted=port) as back:
        done = run_cli(
            [
                *("rescore", record["id"], "--only-unscored"),
                *("--backend", "openai", "--base-url", back.url),
            ],
            transcripts,
        )
    assert done.returncode == 0, done.stderr
    after = saved(transcripts)
    assert all(
        q["scoring_runs"][-1]["result"]["status"] == "scored"
        for q in after["questions"]
        if q["scoring_runs"]
    )


@pytest.mark.slow
def test_when_the_server_returns_the_interview_goes_back_to_the_model(tmp_path, quick_giving_up):
    transcripts = tmp_path / "transcripts"
    server = FakeOpenAIServer(behaviour=ServerBehaviour(voice="(model) ")).start()
    port = server.port
    session = start(server.url, transcripts)
    back = None
    try:
        session.next_prompt()
        server.stop()
        during = session.answer(ANSWER + " (1)")
        until_unscored_while_down(transcripts)
        back = FakeOpenAIServer(port_wanted=port, behaviour=ServerBehaviour(voice="(model) "))
        back.start()
        after = session.answer(ANSWER + " (2)")
        output = finish(session)
    finally:
        if session.proc.poll() is None:
            session.proc.kill()
        if back is not None:
            back.stop()
    assert not during.startswith("(model) ")
    assert after.startswith("(model) ")
    assert output.count("[notice] The model stopped answering") == 1
    assert output.count("[notice] The model answers again") == 1
    assert output.index("The model answers again") < output.index(after)
    record = saved(transcripts)
    runs = record["questions"][0]["scoring_runs"]
    # The answer given while the model was away was unscored, then scored once it was back.
    assert any(r["result"]["reason"].startswith("model unavailable") for r in runs)
    assert all(
        q["scoring_runs"][-1]["result"]["status"] == "scored"
        for q in record["questions"]
        if q["scoring_runs"]
    )
    assert "Score them when the model is back" not in output
