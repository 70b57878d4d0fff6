"""An OpenAI-compatible HTTP server on loopback, for tests, benchmarks and trying things out.

It speaks POST /v1/chat/completions (streaming SSE and plain JSON, usage included) and
GET /v1/models. Replies come from a script queue (POST /_script with a JSON list, or
`enqueue()` from Python); with nothing queued it answers sensibly: the interviewer says
the text it was given to phrase, the judge gets valid JSON for the rubric in the prompt.
Faults can be queued like replies: a delay, 429 with Retry-After, 500, a malformed
body, a stream cut half way, a 401 that echoes the Authorization header. An item may say
whom it is for ("for": "judge" or "interviewer"), as judge and interviewer calls
interleave. Every request is logged (GET /_requests) so tests can assert what the model
saw.

    python -m interviewer.llm.fake_server --port 8765
"""

import argparse
import contextlib
import json
import re
import socket
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from interviewer.llm.tokens import count_message_tokens, count_tokens

MODELS = ("fake-interviewer", "fake-judge", "gpt-4o-mini")
_CRITERION = re.compile(r"Criterion `([a-z0-9][a-z0-9_\-.]*)`")
_KEY_POINT = re.compile(r"Key point `([a-z0-9][a-z0-9_\-.]*)`")
_ANSWER = re.compile(r"<answer-([0-9a-f]+)>\n?(.*?)\n?</answer-\1>", re.DOTALL)
_WORD_CHECK = re.compile(
    r"Key point `([a-z0-9][a-z0-9_\-.]*)` \(weight [^)]*\) \[word check: (\w+)\]"
)
_SOURCE = re.compile(r"<source>\n?(.*?)\n?</source>", re.DOTALL)
CACHE_MIN_TOKENS = 1024  # like OpenAI: prefixes shorter than this are not cached
CACHE_BLOCK = 128


def default_reply(body: dict[str, Any]) -> str:
    """What a well-behaved model would say when nothing is scripted."""
    messages = body.get("messages") or []
    everything = "\n".join(str(m.get("content", "")) for m in messages)
    if _schema_name(body) == "ProbeChoice" or _WORD_CHECK.search(everything):
        missed = [kp for kp, check in _WORD_CHECK.findall(everything) if check == "missed"]
        return json.dumps({"missed_key_points": missed, "reason": "Followed the word check."})
    criteria = list(dict.fromkeys(_CRITERION.findall(everything)))
    if criteria and ("response_format" in body or "JSON" in everything):
        return json.dumps(_judge_reply(everything, criteria))
    last_user = next(
        (str(m.get("content", "")) for m in reversed(messages) if m.get("role") == "user"), ""
    )
    source = _SOURCE.search(last_user)
    if source:
        return source.group(1).strip()
    return "Tell me more about that."


def _schema_name(body: dict[str, Any]) -> str:
    response_format = body.get("response_format") or {}
    return str((response_format.get("json_schema") or {}).get("name", ""))


def caller_of(body: dict[str, Any]) -> str:
    """Who is calling: the judge (grades against a rubric) or the interviewer (speaks, or
    chooses what to probe)."""
    if _schema_name(body) == "JudgeReply":
        return "judge"
    system = next((str(m.get("content", "")) for m in body.get("messages") or []), "")
    return "judge" if _CRITERION.search(system) else "interviewer"


def _judge_reply(prompt: str, criteria: list[str]) -> dict[str, Any]:
    match = _ANSWER.search(prompt)
    answer = match.group(2).strip() if match else ""
    words = answer.split()
    level = 1 if not words else 2 if len(words) < 20 else 3
    quote = " ".join(words[:6])
    key_points = list(dict.fromkeys(_KEY_POINT.findall(prompt)))
    covered = key_points[: len(key_points) // 2] if words else []
    return {
        "criteria": [
            {
                "criterion_id": cid,
                "level": level,
                "evidence": [quote] if quote else [],
                "rationale": "Default scoring by the fake server.",
            }
            for cid in criteria
        ],
        "covered_key_points": covered,
        "missed_key_points": [k for k in key_points if k not in covered],
        "feedback": "A reasonable start; say more about the missed points.",
    }


class ScriptedServerState:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.script: list[dict[str, Any]] = []
        self.requests: list[dict[str, Any]] = []
        self.prompts: list[str] = []

    def next_item(self, caller: str) -> dict[str, Any] | None:
        """The first queued item meant for this caller ("judge" or "interviewer") or anyone."""
        with self.lock:
            for i, item in enumerate(self.script):
                if item.get("for") in (None, caller):
                    return self.script.pop(i)
            return None

    def cached_tokens(self, prompt: str) -> int:
        """Simulated prompt caching: the longest prefix shared with an earlier prompt."""
        with self.lock:
            earlier = list(self.prompts[-50:])
            self.prompts.append(prompt)
        best = 0
        for other in earlier:
            limit = min(len(other), len(prompt))
            i = 0
            while i < limit and other[i] == prompt[i]:
                i += 1
            best = max(best, i)
        tokens = count_tokens(prompt[:best])
        return 0 if tokens < CACHE_MIN_TOKENS else tokens - tokens % CACHE_BLOCK


class _Handler(BaseHTTPRequestHandler):
    server: "_Server"

    def log_message(self, format: str, *args: Any) -> None:
        pass  # keep test output clean; the request log is the record

    # --- plumbing ---------------------------------------------------------------------

    def _json(self, status: int, payload: Any, headers: dict[str, str] | None = None) -> None:
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def _body(self) -> Any:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        return json.loads(raw) if raw else None

    # --- routes -----------------------------------------------------------------------

    def do_GET(self) -> None:
        state = self.server.state
        if self.path.rstrip("/") == "/v1/models":
            data = [{"id": m, "object": "model", "owned_by": "fake"} for m in MODELS]
            self._json(200, {"object": "list", "data": data})
        elif self.path == "/_requests":
            with state.lock:
                self._json(200, list(state.requests))
        else:
            self._json(404, {"error": {"message": f"no route {self.path}"}})

    def do_POST(self) -> None:
        state = self.server.state
        body = self._body()
        if self.path == "/_script":
            items = body if isinstance(body, list) else [body]
            with state.lock:
                state.script.extend(items)
            self._json(200, {"queued": len(items)})
            return
        if self.path == "/_reset":
            with state.lock:
                state.script.clear()
                state.requests.clear()
                state.prompts.clear()
            self._json(200, {"reset": True})
            return
        if self.path.rstrip("/") != "/v1/chat/completions":
            self._json(404, {"error": {"message": f"no route {self.path}"}})
            return
        with state.lock:
            state.requests.append(
                {
                    "path": self.path,
                    "authorization": self.headers.get("Authorization"),
                    "body": body,
                }
            )
        body = body or {}
        self._chat(body, state.next_item(caller_of(body)) or {})

    def _chat(self, body: dict[str, Any], item: dict[str, Any]) -> None:
        if item.get("delay"):
            time.sleep(float(item["delay"]))
        fault = item.get("fault")
        if fault == "rate_limit":
            retry_after = str(item.get("retry_after", 1))
            error = {"error": {"message": "Rate limit reached", "type": "rate_limit"}}
            self._json(429, error, {"Retry-After": retry_after})
            return
        if fault == "server_error":
            self._json(int(item.get("status", 500)), {"error": {"message": "upstream failed"}})
            return
        if fault == "echo_auth":
            auth = self.headers.get("Authorization", "")
            self._json(401, {"error": {"message": f"Incorrect API key provided: {auth}"}})
            return
        if fault == "bad_request_on_schema" and "response_format" in body:
            self._json(400, {"error": {"message": "response_format is not supported"}})
            return
        if fault == "bad_request_on_stream_options" and "stream_options" in body:
            self._json(400, {"error": {"message": "stream_options is not supported"}})
            return
        text = item["content"] if "content" in item else default_reply(body)
        messages = body.get("messages") or []
        prompt = "".join(f"{m.get('role')}\n{m.get('content')}\n" for m in messages)
        prompt_tokens = count_message_tokens(messages)
        completion_tokens = count_tokens(text)
        usage = {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
            "prompt_tokens_details": {"cached_tokens": self.server.state.cached_tokens(prompt)},
        }
        model = str(body.get("model") or MODELS[0])
        if body.get("stream"):
            self._stream(text, model, usage, body, fault)
        else:
            self._complete(text, model, usage, fault)

    def _complete(self, text: str, model: str, usage: dict[str, Any], fault: Any) -> None:
        payload = {
            "id": "chatcmpl-fake",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": model,
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": text},
                    "finish_reason": "stop",
                }
            ],
            "usage": usage,
        }
        data = json.dumps(payload).encode()
        if fault == "malformed":
            data = data[: len(data) // 2]  # a complete HTTP body that is not JSON
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        if fault == "cut":
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data[: len(data) // 2])
            self._drop_connection()
            return
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _stream(
        self, text: str, model: str, usage: dict[str, Any], body: dict[str, Any], fault: Any
    ) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Connection", "close")
        self.end_headers()
        pieces = re.findall(r"\S+\s*|\s+", text) or [""]
        base = {"id": "chatcmpl-fake", "object": "chat.completion.chunk", "model": model}

        def send(payload: Any) -> None:
            data: str = payload if isinstance(payload, str) else json.dumps(payload)
            self.wfile.write(f"data: {data}\n\n".encode())
            self.wfile.flush()

        send({**base, "choices": [{"index": 0, "delta": {"role": "assistant"}}]})
        for i, piece in enumerate(pieces):
            if fault == "cut" and i >= max(1, len(pieces) // 2):
                self._drop_connection()
                return
            if fault == "malformed" and i == len(pieces) // 2:
                send("{not json")
                continue
            delta = {"index": 0, "delta": {"content": piece}, "finish_reason": None}
            send({**base, "choices": [delta]})
        send({**base, "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]})
        if (body.get("stream_options") or {}).get("include_usage"):
            send({**base, "choices": [], "usage": usage})
        send("[DONE]")

    def _drop_connection(self) -> None:
        self.wfile.flush()
        with contextlib.suppress(OSError):
            self.connection.shutdown(socket.SHUT_RDWR)
        self.close_connection = True


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    state: ScriptedServerState

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that gave up (its timeout) closes the socket under a delayed reply:
        # expected in fault tests, not worth a traceback.
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


class FakeOpenAIServer:
    """Start with `start()` (port 0 picks a free port); `url` is the base URL (…/v1)."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        self._host = host
        self._server = _Server((host, port), _Handler)
        self._server.state = ScriptedServerState()
        self._thread: threading.Thread | None = None

    @property
    def state(self) -> ScriptedServerState:
        return self._server.state

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def url(self) -> str:
        return f"http://{self._host}:{self.port}/v1"

    def start(self) -> "FakeOpenAIServer":
        # A short poll interval: stop() (and so each test's teardown) returns quickly.
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def serve_forever(self) -> None:
        self._server.serve_forever()

    def enqueue(self, *items: dict[str, Any] | str) -> None:
        with self.state.lock:
            for item in items:
                self.state.script.append({"content": item} if isinstance(item, str) else item)

    @property
    def requests(self) -> list[dict[str, Any]]:
        with self.state.lock:
            return list(self.state.requests)

    @property
    def pending(self) -> int:
        with self.state.lock:
            return len(self.state.script)

    def __enter__(self) -> "FakeOpenAIServer":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="A scripted OpenAI-compatible server.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args(argv)
    server = FakeOpenAIServer(args.host, args.port)
    print(server.url, flush=True)
    with contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()


if __name__ == "__main__":
    main()
