"""Smaller hostile inputs (issue 12, point 10): what `replay` is given, duplicate YAML
keys, credentials in URLs and keys echoed by servers."""

import pytest

from interviewer.judge.llm_judge import LLMJudge
from interviewer.llm.openai_provider import OpenAICompatibleProvider
from interviewer.llm.redact import Redactor, redact_url
from interviewer.llm.retry import RetryPolicy
from interviewer.settings import Settings
from tests.plain_driver import run_cli
from tests.test_llm_judge import request

KEY = "sk-live-0123456789abcdefXYZ"


# --- replay of things that are not sessions ------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize(
    ("ref", "says"),
    [
        ("/etc/passwd", "not valid JSON"),
        ("/etc", "is a folder"),
        ("*", "no session '*'"),
        ("../../*", "no such transcript file"),
        ("2026*", "no session '2026*'"),
        ("/no/such/file.json", "no such transcript file"),
    ],
)
def test_replay_of_what_is_not_a_session_is_a_clear_error(tmp_path, ref, says):
    transcripts = tmp_path / "t"
    transcripts.mkdir()
    (transcripts / "20260101-000000-aaaa.json").write_text("{}")  # what '*' would glob
    for command in (["replay", ref, "--plain"], ["report", ref]):
        done = run_cli(command, transcripts)
        assert done.returncode == 2, done.stdout + done.stderr
        assert says in done.stderr and done.stderr.startswith("error: ")
        assert "Traceback" not in done.stderr and done.stdout == ""


# --- YAML ------------------------------------------------------------------------------------


@pytest.mark.slow
def test_validate_rejects_a_duplicate_key_with_both_lines(tmp_path):
    rubrics = tmp_path / "mine" / "rubrics"
    rubrics.mkdir(parents=True)
    lines = [
        "id: mine",
        "title: First title",
        "criteria:",
        "  - id: c1",
        "    name: One",
        "    weight: 1",
        "    weight: 2",
        "    description: Says true things.",
        "    levels: []",
        "title: Second title",
    ]
    (rubrics / "mine.yaml").write_text("\n".join(lines) + "\n")
    done = run_cli(["validate", str(tmp_path / "mine")], tmp_path / "t")
    assert done.returncode == 1
    path = rubrics / "mine.yaml"
    assert f"{path}:7: criteria[0].weight: duplicate key 'weight' (first on line 6)" in done.stderr
    assert f"{path}:10: title: duplicate key 'title' (first on line 2)" in done.stderr


# --- secrets ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "echoed",
    [
        f"Incorrect API key provided: {KEY}",
        f"Incorrect API key provided: {KEY[:7]}****************{KEY[-4:]}.",
        f"key {KEY[3:12]} is not valid",  # a fragment, no sk- prefix
        f"bad token ...{KEY[-8:]}",
        "GET https://alice:s3cr3t-pass@llm.example/v1/models failed",
    ],
)
def test_what_a_server_echoes_of_the_key_or_credentials_is_redacted(echoed):
    cleaned = Redactor(KEY)(echoed)
    assert "[redacted]" in cleaned
    for piece in (KEY, KEY[3:12], KEY[-8:], "s3cr3t", "alice:"):
        assert piece not in cleaned


def test_text_without_secrets_is_left_alone():
    text = "Wait... the model said 3 * 4 = 12 at https://llm.example/v1 (see docs)."
    assert Redactor(KEY)(text) == text


def test_the_endpoint_is_named_without_its_credentials():
    assert redact_url("https://alice:pw@llm.example:8443/v1") == (
        "https://[redacted]@llm.example:8443/v1"
    )
    api = OpenAICompatibleProvider("m", base_url="https://alice:pw@llm.example:8443/v1")
    assert api.host == "llm.example:8443"
    from interviewer.llm.factory import make_llm_backend

    settings = Settings().model_copy(
        update={"backend": "openai", "base_url": "https://alice:pw@llm.example/v1"}
    )
    description = make_llm_backend(settings)[2]
    assert "alice" not in description and "pw@" not in description
    assert "llm.example" in description


@pytest.mark.slow
def test_the_plain_banner_names_the_endpoint_without_credentials(tmp_path, server):
    url = server.url.replace("http://", "http://alice:pw@")
    done = run_cli(
        [
            "start",
            "--plain",
            "--backend",
            "openai",
            "--base-url",
            url,
            "--scenario",
            "practice_breadth",
            "--seed",
            "1",
        ],
        tmp_path / "t",
        "/quit\n",
    )
    assert "backend: LLM at 127.0.0.1" in done.stdout, done.stdout + done.stderr
    assert "alice" not in done.stdout + done.stderr and "pw@" not in done.stdout


async def test_a_verdict_keeps_no_part_of_the_key_a_server_echoed(server):
    echo = f"I can't do that with key {KEY[:10]}... please check {KEY[-9:]}"
    server.enqueue(echo, echo)
    api = OpenAICompatibleProvider(
        "fake-judge",
        base_url=server.url,
        api_key=KEY,
        send_key_to_custom_base_url=True,
        policy=RetryPolicy(max_retries=0, base_delay_s=0.01, total_deadline_s=10),
    )
    result = await LLMJudge(api).score(request())
    assert not result.is_scored
    stored = f"{result.reason} {result.raw_reply} {result.feedback}"
    assert "[redacted]" in stored
    assert KEY[:10] not in stored and KEY[-9:] not in stored
