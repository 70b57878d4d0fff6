"""Shared fixtures. Every test runs with user paths pointed at a temporary folder and no
LLM endpoint configured, so nothing reads or writes the real home or reaches a network."""

import socket
import tempfile

import pytest

from tests.fake_openai import FakeOpenAIServer


@pytest.fixture(autouse=True)
def isolated_user_paths(tmp_path, monkeypatch):
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    # Rescue folders (where a session goes when its own folder refuses it) stay in the test.
    monkeypatch.setenv("XDG_STATE_HOME", str(home / ".local" / "state"))
    (tmp_path / "tmp").mkdir()
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    monkeypatch.setenv("INTERVIEWER_TRANSCRIPTS_DIR", str(tmp_path / "transcripts"))
    for name in (
        "XDG_CACHE_HOME",
        "INTERVIEWER_CACHE_DIR",
        "OPENAI_API_KEY",
        "OPENAI_BASE_URL",
        "INTERVIEWER_BACKEND",
        "INTERVIEWER_BASE_URL",
        "INTERVIEWER_CONFIG",
        "INTERVIEWER_MODEL",
        "INTERVIEWER_CONTENT_PATH",
    ):
        monkeypatch.delenv(name, raising=False)
    return home


@pytest.fixture
def server():
    """The OpenAI-compatible test server on a free loopback port."""
    srv = FakeOpenAIServer("127.0.0.1", 0).start()
    yield srv
    srv.stop()


@pytest.fixture
def closed_port():
    """A loopback port where nothing answers: bound for the whole test but never listening,
    so no other test's server can take it between choosing it and connecting to it."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        yield int(sock.getsockname()[1])
