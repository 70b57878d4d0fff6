"""Preflight: a wrong key, a wrong model or a dead server stops an interview before its
first question, fast, with the cause and the fix, writing nothing; `doctor` runs the same
checks; the context window is learned from servers that say it."""

import subprocess
import sys
import time

import pytest

from interviewer.backends import make_backend
from interviewer.llm.context import DEFAULT_LOCAL_CONTEXT
from interviewer.llm.preflight import Problem
from interviewer.settings import Settings
from tests.fake_openai import FakeOpenAIServer, ServerBehaviour
from tests.plain_driver import run_cli

SECRET = "sk-preflight-SECRET-0123456789"
ANSWERS = "".join(f"My answer number {i} about the data and the metric.\n.\n" for i in range(40))


def start_plain(tmp_path, url: str, *extra: str):
    """Runs a plain interview against `url`; returns the process and whether it stopped
    fast: within a few times what an offline start that ends at once takes on this machine
    now (timed in the same test, so a busy machine slows both), never by waiting for its
    check's timeout, which is set far beyond the process's limit."""
    baseline = _timed(["start", "--plain", "--rounds", "breadth", "--seed", "1"], tmp_path / "b")
    done, took = _timed(
        [
            *("start", "--plain", "--rounds", "breadth", "--seed", "1"),
            *("--backend", "openai", "--base-url", url, *extra),
        ],
        tmp_path / "transcripts",
        stdin=ANSWERS,
    )
    return done, took < FAST_FACTOR * baseline[1] + FAST_SLACK_S


# A refused check costs one more import (the SDK) and one connection over an offline start:
# 1.2 s against 0.6 s on a quiet machine, about 10 s against 5 s at a load of 20.
FAST_FACTOR, FAST_SLACK_S = 4.0, 3.0


def _timed(args: list[str], transcripts, stdin: str = ""):
    from tests import plain_driver

    began = time.monotonic()
    # The check's own timeout far beyond the process's limit: one that waits for it fails.
    env = {**plain_driver.cli_env(transcripts), "INTERVIEWER_PREFLIGHT_TIMEOUT_S": "600"}
    done = subprocess.run(
        [sys.executable, "-m", "interviewer", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    return done, time.monotonic() - began


def nothing_written(tmp_path) -> bool:
    """No file at all: no transcript, journal or index, and no lock left by the refused
    session either."""
    folder = tmp_path / "transcripts"
    return not folder.exists() or not [p for p in folder.rglob("*") if p.is_file()]


@pytest.mark.slow
def test_a_server_answering_401_stops_plain_mode_with_the_key_setting_named(tmp_path, monkeypatch):
    # The key is configured but, the URL not being api.openai.com, withheld.
    monkeypatch.setattr("tests.plain_driver.cli_env", _env_with({"OPENAI_API_KEY": SECRET}))
    with FakeOpenAIServer(behaviour=ServerBehaviour(require_key=SECRET)) as srv:
        done, fast = start_plain(tmp_path, srv.url)
    assert done.returncode == 2 and fast
    assert "cannot be used (bad key)" in done.stderr
    assert "Your OPENAI_API_KEY was not sent" in done.stderr
    assert "INTERVIEWER_SEND_KEY_TO_CUSTOM_BASE_URL=1" in done.stderr
    assert "send_key_to_custom_base_url" in done.stderr
    assert "No interview was started; nothing was saved." in done.stderr
    assert SECRET not in done.stdout + done.stderr
    assert "Interviewer:" not in done.stdout
    assert nothing_written(tmp_path)


@pytest.mark.slow
def test_a_server_without_the_model_stops_plain_mode_naming_the_models_it_has(tmp_path):
    with FakeOpenAIServer(behaviour=ServerBehaviour(strict_models=True)) as srv:
        done, fast = start_plain(tmp_path, srv.url, "--model", "llama3:8b")
    assert done.returncode == 2 and fast
    assert "cannot be used (unknown model)" in done.stderr
    assert "has no model 'llama3:8b'. It has: fake-interviewer, fake-judge, gpt-4o-mini" in (
        done.stderr
    )
    assert "--model fake-interviewer" in done.stderr and "ollama pull llama3:8b" in done.stderr
    assert nothing_written(tmp_path)


@pytest.mark.slow
def test_a_closed_port_stops_plain_mode_fast(closed_port, tmp_path):
    url = f"http://127.0.0.1:{closed_port}/v1"
    done, fast = start_plain(tmp_path, url)
    assert done.returncode == 2 and fast
    assert "cannot be used (unreachable)" in done.stderr
    assert f"nothing answers at {url}" in done.stderr
    assert "start the server" in done.stderr and "--fallback offline" in done.stderr
    assert nothing_written(tmp_path)


@pytest.mark.slow
def test_fallback_offline_goes_on_with_the_offline_engine(closed_port, tmp_path):
    url = f"http://127.0.0.1:{closed_port}/v1"
    done, _ = start_plain(tmp_path, url, "--fallback", "offline")
    assert done.returncode == 0, done.stderr[-2000:]
    assert "cannot be used (unreachable)" in done.stderr
    assert "Going on with the offline engine." in done.stdout
    assert "backend: offline engine (no network); the model failed its check" in done.stdout
    [saved] = (tmp_path / "transcripts").glob("*.json")
    assert '"backend": "offline"' in saved.read_text()


def _env_with(extra: dict[str, str]):
    from tests import plain_driver

    original = plain_driver.cli_env

    def env(transcripts):
        return {**original(transcripts), **extra}

    return env


# --- the checks in process --------------------------------------------------------------------


def backend_for(url: str, **settings):
    return make_backend(
        Settings().model_copy(
            update={"backend": "openai", "base_url": url, "model": "fake-interviewer", **settings}
        )
    )


async def test_a_refused_key_that_was_sent_says_so():
    from pydantic import SecretStr

    with FakeOpenAIServer(behaviour=ServerBehaviour(require_key="sk-other-key-000000")) as srv:
        backend = backend_for(
            srv.url, openai_api_key=SecretStr(SECRET), send_key_to_custom_base_url=True
        )
        report = await backend.readiness.check()
    assert report.problem is Problem.bad_key
    assert "refused the API key that was sent" in report.cause
    assert SECRET not in " ".join(report.lines())


async def test_no_key_at_all_says_to_set_one():
    with FakeOpenAIServer(behaviour=ServerBehaviour(require_key=SECRET)) as srv:
        report = await backend_for(srv.url).readiness.check()
    assert report.problem is Problem.bad_key and "none is set" in report.cause


async def test_a_server_that_never_answers_is_a_timeout_with_advice():
    with FakeOpenAIServer() as srv:
        srv.enqueue({"for": "preflight", "first_token_delay": 10})
        report = await backend_for(srv.url, preflight_timeout_s=0.5).readiness.check()
    assert report.problem is Problem.timeout
    assert "sent no reply within 0.5 s" in report.cause
    assert "still be loading the model" in report.fix


async def test_a_success_is_cached_for_the_session():
    with FakeOpenAIServer() as srv:
        backend = backend_for(srv.url, judge_model="fake-judge")
        first = await backend.readiness.check()
        asked = len(srv.requests)
        again = await backend.readiness.check()
    assert first.ok and again is first
    pings = [r for r in srv.requests if r["body"].get("response_format")]
    assert asked == 2 and len(pings) == 2  # one completion per model, nothing the second time
    assert {r["body"]["model"] for r in pings} == {"fake-interviewer", "fake-judge"}


@pytest.mark.parametrize(
    ("behaviour", "expected", "source"),
    [
        (ServerBehaviour(n_ctx=2048), 2048, "llama.cpp /props"),
        (ServerBehaviour(max_model_len=32768), 32768, "vLLM max_model_len"),
        (ServerBehaviour(ollama_num_ctx=8192), 8192, "Ollama num_ctx"),
        (ServerBehaviour(ollama_num_ctx=0), 4096, "Ollama default num_ctx"),
        (ServerBehaviour(), DEFAULT_LOCAL_CONTEXT, "default for servers that do not say"),
    ],
)
async def test_the_context_window_is_learned_from_the_server(behaviour, expected, source):
    with FakeOpenAIServer(behaviour=behaviour) as srv:
        backend = backend_for(srv.url)
        report = await backend.readiness.check()
    assert report.ok and report.context.tokens == expected
    assert report.context.source.startswith(source)
    assert backend.judge.context == report.context == backend.conductor.context


async def test_context_tokens_overrides_what_the_server_says():
    with FakeOpenAIServer(behaviour=ServerBehaviour(n_ctx=2048)) as srv:
        backend = backend_for(srv.url, context_tokens=16384)
        report = await backend.readiness.check()
    assert report.context.tokens == 16384 and report.context.source == "--context-tokens"


async def test_prompts_fit_a_small_window_beside_the_reply():
    from interviewer.conductor.base import SpeakRequest
    from interviewer.domain.session import TurnKind
    from tests import builders
    from tests.answer_sets import request_for

    with FakeOpenAIServer(behaviour=ServerBehaviour(n_ctx=2048)) as srv:
        backend = backend_for(srv.url)
        await backend.readiness.check()
        judge, conductor = backend.judge, backend.conductor
        q = builders.question("breadth.l1")
        await judge.score(
            request_for(
                q,
                builders.rubric(),
                "L1 penalises absolute weights, so small weights become exactly zero.",
            )
        )
        s = builders.session(builders.scenario([("breadth", 2)]))
        [c async for c in conductor.speak(SpeakRequest(TurnKind.question, s, 0, q))]
        bodies = [r["body"] for r in srv.requests if r["body"].get("messages")]
    from interviewer.llm.tokens import count_message_tokens

    for body in bodies[1:]:  # the ping aside, every prompt and its reply fit 2048 tokens
        reply = body.get("max_tokens") or 0
        assert count_message_tokens(body["messages"]) * 1.2 + reply <= 2048


@pytest.mark.parametrize(
    ("refuse", "warning"),
    [
        (frozenset({"json_schema"}), "takes JSON mode but not a JSON schema"),
        (frozenset({"json_schema", "json_object"}), "refuses structured output"),
    ],
)
async def test_missing_structured_output_is_a_warning_not_a_stop(refuse, warning):
    with FakeOpenAIServer(behaviour=ServerBehaviour(refuse=refuse)) as srv:
        report = await backend_for(srv.url).readiness.check()
    assert report.ok and any(warning in w for w in report.warnings)


# --- doctor -----------------------------------------------------------------------------------


@pytest.mark.slow
def test_doctor_prints_every_check(tmp_path):
    with FakeOpenAIServer(behaviour=ServerBehaviour(n_ctx=8192, usage=False)) as srv:
        done = run_cli(
            ["doctor", "--base-url", srv.url, "--model", "fake-interviewer"],
            tmp_path / "transcripts",
        )
    assert done.returncode == 0, done.stdout + done.stderr
    out = done.stdout
    assert "ok   endpoint" in out and "fake-interviewer, fake-judge" in out
    assert "ok   interviewer  fake-interviewer answered" in out
    assert "ok   structured   json_schema" in out
    assert "ok   context      8192 tokens (llama.cpp /props)" in out
    assert "!!" in out and "reports no token usage" in out
    assert "max_tokens: turn 300, follow-up choice 300, verdict 1200" in out
    assert out.rstrip().splitlines()[-1].startswith("Ready")


@pytest.mark.slow
def test_doctor_fails_with_the_cause_and_the_fix(closed_port, tmp_path):
    url = f"http://127.0.0.1:{closed_port}/v1"
    done = run_cli(["doctor", "--base-url", url], tmp_path / "transcripts")
    assert done.returncode == 2
    assert "FAIL" in done.stdout and "Cause: nothing answers at" in done.stdout
    offline = run_cli(["doctor"], tmp_path / "transcripts")
    assert offline.returncode == 0 and "No LLM is configured" in offline.stdout
