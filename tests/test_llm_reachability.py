"""The app's reachability check: a live endpoint says nothing, a dead one says what to do."""

import socket

from interviewer.conductor.llm_conductor import LLMConductor
from interviewer.llm.base import make_provider

SECRET = "sk-reach-SECRET-0123456789"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def test_a_live_endpoint_is_ready(server):
    conductor = LLMConductor(make_provider("openai", model="m", base_url=server.url))
    assert await conductor.check_ready() is None


async def test_a_dead_endpoint_says_what_to_do_without_the_key():
    url = f"http://127.0.0.1:{free_port()}/v1"
    provider = make_provider(
        "openai", model="m", base_url=url, api_key=SECRET, send_key_to_custom_base_url=True
    )
    problem = await LLMConductor(provider).check_ready()
    assert problem is not None and "not reachable" in problem and "--base-url" in problem
    assert SECRET not in problem
