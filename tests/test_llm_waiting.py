"""Waiting on a model: plain mode says when it waits, and the calls after an answer do not
queue behind each other needlessly (no follow-up choice when no follow-up can come; the
verdict asked for after the next turn, which the candidate is waiting for)."""

import json

import pytest

from interviewer.backends import make_backend
from interviewer.domain.session import Mode
from interviewer.session_factory import (
    NewInterview,
    content_for,
    create_session,
    make_runner,
    store_for,
)
from interviewer.settings import Settings
from tests.fake_openai import FakeOpenAIServer, ServerBehaviour, caller_of
from tests.plain_driver import PlainSession

QUESTIONS = ("breadth.regularization.overview", "breadth.bias_variance.definitions")


def scenario(max_follow_ups: int) -> dict:
    return {
        "id": "waiting_check",
        "title": "Waiting check",
        "description": "Two breadth questions.",
        "role": "ml_engineer",
        "rounds": [
            {
                "kind": "breadth",
                "rubric": "breadth",
                "title": "ML breadth",
                "questions": 2,
                "max_follow_ups": max_follow_ups,
                "pool": {"ids": [QUESTIONS[0], QUESTIONS[1]]},
            }
        ],
    }


def kind_of(body: dict) -> str:
    schema = ((body.get("response_format") or {}).get("json_schema") or {}).get("name", "")
    if schema == "ProbeChoice":
        return "probe"
    caller = caller_of(body)
    return "turn" if caller == "interviewer" else caller


async def calls_after_one_answer(tmp_path, max_follow_ups: int) -> list[str]:
    """The kinds of call the server saw, in order: preflight, first turn, one answer."""
    folder = tmp_path / "content" / "scenarios"
    folder.mkdir(parents=True)
    (folder / "waiting_check.yaml").write_text(json.dumps(scenario(max_follow_ups)))
    with FakeOpenAIServer() as srv:
        settings = Settings(
            backend="openai",
            base_url=srv.url,
            model="fake-interviewer",
            transcripts_dir=tmp_path / "transcripts",
            content_path=[tmp_path / "content"],
        )
        backend = make_backend(settings)
        assert backend.readiness is not None
        assert (await backend.readiness.check()).ok
        content = content_for(settings)
        request = NewInterview(scenario_id="waiting_check", mode=Mode.mock, seed=1, candidate="w")
        session = create_session(content, request, backend)
        runner = make_runner(session, content, store_for(settings), backend)
        await runner.begin()
        await runner.answer("L1 adds the absolute weights and L2 the squared weights.")
        await runner.wait_for_judging()
        runner.close()
        for side in (backend.conductor, backend.judge):
            await side.provider.aclose()
        return [kind_of(r["body"]) for r in srv.requests]


async def test_no_follow_up_choice_is_asked_for_when_none_can_come(tmp_path):
    calls = calls_after_one_answer(tmp_path, max_follow_ups=0)
    kinds = [k for k in await calls if k != "preflight"]
    assert kinds == ["turn", "turn", "judge"]  # first question, the next one, the verdict


async def test_the_verdict_is_asked_for_after_the_turn_the_candidate_waits_for(tmp_path):
    kinds = [k for k in await calls_after_one_answer(tmp_path, 1) if k != "preflight"]
    # The follow-up choice comes first (the next turn depends on it), then the turn, and
    # only then the verdict: a server serving one request at a time serves the turn first.
    assert kinds == ["turn", "probe", "turn", "judge"]


@pytest.mark.slow
def test_plain_mode_says_when_it_is_waiting_for_the_model(tmp_path):
    with FakeOpenAIServer(behaviour=ServerBehaviour(voice="(model) ")) as srv:
        # The first turn takes longer than plain mode waits before it says so (2 s).
        srv.enqueue({"for": "interviewer", "delay": 3.0})
        session = PlainSession(
            [
                *("start", "--plain", "--rounds", "breadth", "--seed", "1"),
                *("--backend", "openai", "--base-url", srv.url),
            ],
            tmp_path / "transcripts",
        )
        try:
            first = session.next_prompt()
            session.send("/quit\n")
            session.proc.communicate(timeout=60)
        finally:
            if session.proc.poll() is None:
                session.proc.kill()
    shown = "".join(session.transcript)
    assert first.startswith("(model) ")
    assert "(waiting for the model…)" in shown
    assert shown.index("(waiting for the model…)") < shown.index("Interviewer: (model) ")
