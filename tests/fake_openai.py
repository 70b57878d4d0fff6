"""A scripted OpenAI-compatible HTTP server on loopback: a test double, not a provider.

It lives with the tests (the product never imports it) and serves tests, benchmarks and
trying the app out without a model:

    python -m tests.fake_openai --port 8765            # from the repository root
    python -m tests.fake_openai --require-key sk-x     # every call answers 401 without it
    python -m tests.fake_openai --strict-models        # unknown models answer 404

It speaks POST /v1/chat/completions (streaming SSE and plain JSON, usage included) and
GET /v1/models, plus what local servers add: llama.cpp's GET /props (its context size)
and Ollama's GET /api/version and POST /api/show, when told to. Replies come from a script
queue (POST /_script with a JSON list, or `enqueue()` from Python); with nothing queued it
answers sensibly: the interviewer says the text it was given to phrase, the judge gets
valid JSON for the rubric and key points in the prompt. An item may say whom it is for
("for": "judge" or "interviewer"), as judge and interviewer calls interleave.

Faults, queued like replies (keys of an item):
    delay: seconds before the response starts
    fault: rate_limit (429 + Retry-After) | server_error (500, or "status") | echo_auth
           (401 quoting the Authorization header) | unauthorized (401) | model_not_found
           (404, Ollama's words) | bad_request_on_schema | bad_request_on_json_object |
           bad_request_on_stream_options | cut (the connection drops half way) |
           malformed (half a JSON body, or a garbled stream event) | stall (a stream that
           stops sending after `stall_after` pieces, connection open)
    first_token_delay / token_delay: seconds before the first / between streamed pieces
    reasoning: text sent first as reasoning (`reasoning_content` deltas)
    finish_reason: reported instead of "stop"
and server-wide behaviour (`ServerBehaviour`): a required key, strict model names, parts of
the request refused (json_schema, json_object, stream_options), no usage, a context size.
A request's max_tokens is honoured: a longer reply is cut there with finish_reason
"length". Every request is logged (GET /_requests) so tests can assert what the model saw.
"""

import argparse
import contextlib
import json
import re
import socket
import sys
import threading
import time
from dataclasses import dataclass, field
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


@dataclass
class ServerBehaviour:
    """How the whole server behaves, whatever is queued."""

    require_key: str | None = None  # requests without "Bearer <key>" get 401
    models: tuple[str, ...] = MODELS
    strict_models: bool = False  # a chat naming a model not in `models` gets 404
    refuse: frozenset[str] = frozenset()  # "json_schema", "json_object", "stream_options"
    usage: bool = True  # False: replies carry no usage, as some servers do
    n_ctx: int | None = None  # served at /props, as llama.cpp does
    ollama_num_ctx: int | None = None  # Ollama's /api/show parameters (0: none set)
    max_model_len: int | None = None  # in /v1/models entries, as vLLM does
    voice: str = ""  # said before every spoken turn, to tell the model's turns apart


def default_reply(body: dict[str, Any], voice: str = "") -> str:
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
        return voice + source.group(1).strip()
    if "ping" in last_user.lower():
        return '{"ok": true}'
    return "Tell me more about that."


def _schema_name(body: dict[str, Any]) -> str:
    response_format = body.get("response_format") or {}
    return str((response_format.get("json_schema") or {}).get("name", ""))


def caller_of(body: dict[str, Any]) -> str:
    """Who is calling: the judge (grades against a rubric), the interviewer (speaks, or
    chooses what to probe) or the preflight (its tiny "ping" completion)."""
    if _schema_name(body) == "Ping":
        return "preflight"
    if _schema_name(body).startswith("JudgeReply"):
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
                "evidence": [quote] if quote else [],
                "rationale": "Default scoring by the fake server.",
                "level": level,
            }
            for cid in criteria
        ],
        "covered_key_points": covered,
        "missed_key_points": [k for k in key_points if k not in covered],
        "misconceptions": [],
        "feedback": "A reasonable start; say more about the missed points.",
    }


def cut_to_tokens(text: str, limit: int) -> str:
    """The head of `text` that fits in `limit` tokens (whole words)."""
    pieces = re.findall(r"\S+\s*|\s+", text)
    kept = ""
    for piece in pieces:
        if count_tokens(kept + piece) > limit:
            break
        kept += piece
    return kept


class ScriptedServerState:
    def __init__(self, behaviour: ServerBehaviour | None = None) -> None:
        self.lock = threading.Lock()
        self.behaviour = behaviour or ServerBehaviour()
        self.script: list[dict[str, Any]] = []
        self.requests: list[dict[str, Any]] = []
        self.prompts: list[str] = []
        self.stopping = threading.Event()  # wakes handlers that are delaying or stalling

    def next_item(self, caller: str) -> dict[str, Any] | None:
        """The first queued item meant for this caller ("judge" or "interviewer") or anyone.
        The preflight's pings take only items meant for them ("for": "preflight")."""
        with self.lock:
            for i, item in enumerate(self.script):
                if item.get("for") == caller or (item.get("for") is None and caller != "preflight"):
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

    def wait(self, seconds: float) -> None:
        self.stopping.wait(max(0.0, seconds))


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

    def _error(self, status: int, message: str, code: str | None = None) -> None:
        error = {"message": message, "type": "invalid_request_error", "param": None, "code": code}
        self._json(status, {"error": error})

    def _body(self) -> Any:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        return json.loads(raw) if raw else None

    def _authorised(self) -> bool:
        key = self.server.state.behaviour.require_key
        sent = self.headers.get("Authorization", "")
        if key is None or sent == f"Bearer {key}":
            return True
        shown = sent.removeprefix("Bearer ")
        masked = shown[:6] + "*" * 4 + shown[-4:] if len(shown) > 10 else "***"
        self._error(401, f"Incorrect API key provided: {masked}.", "invalid_api_key")
        return False

    # --- routes -----------------------------------------------------------------------

    def do_GET(self) -> None:
        state = self.server.state
        behaviour = state.behaviour
        path = self.path.rstrip("/")
        if path == "/v1/models":
            if not self._authorised():
                return
            data: list[dict[str, Any]] = []
            for m in behaviour.models:
                entry: dict[str, Any] = {"id": m, "object": "model", "owned_by": "fake"}
                if behaviour.max_model_len:
                    entry["max_model_len"] = behaviour.max_model_len
                data.append(entry)
            self._json(200, {"object": "list", "data": data})
        elif path == "/props" and behaviour.n_ctx:
            self._json(200, {"default_generation_settings": {"n_ctx": behaviour.n_ctx}})
        elif path == "/api/version" and behaviour.ollama_num_ctx is not None:
            self._json(200, {"version": "0.0.0-fake"})
        elif self.path == "/_requests":
            with state.lock:
                self._json(200, list(state.requests))
        else:
            self._error(404, f"no route {self.path}")

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
        if self.path == "/api/show" and state.behaviour.ollama_num_ctx is not None:
            num_ctx = state.behaviour.ollama_num_ctx
            parameters = f"num_ctx                        {num_ctx}" if num_ctx else ""
            info = {"general.architecture": "llama", "llama.context_length": 131072}
            self._json(200, {"parameters": parameters, "model_info": info})
            return
        if self.path.rstrip("/") != "/v1/chat/completions":
            self._error(404, f"no route {self.path}")
            return
        with state.lock:
            state.requests.append(
                {
                    "path": self.path,
                    "authorization": self.headers.get("Authorization"),
                    "body": body,
                    "at": time.monotonic(),
                }
            )
        if not self._authorised():
            return
        body = body or {}
        refused = self._refused(body, None)  # the server's own refusals consume no script
        if refused:
            self._error(400, refused)
            return
        self._chat(body, state.next_item(caller_of(body)) or {})

    def _refused(self, body: dict[str, Any], fault: Any) -> str | None:
        """What part of the request this server will not take, if any."""
        refuse = self.server.state.behaviour.refuse
        kind = (body.get("response_format") or {}).get("type")
        if kind == "json_schema" and ("json_schema" in refuse or fault == "bad_request_on_schema"):
            return "response_format json_schema is not supported"
        if kind == "json_object" and (
            "json_object" in refuse or fault in ("bad_request_on_json_object",)
        ):
            return "response_format json_object is not supported"
        if "stream_options" in body and (
            "stream_options" in refuse or fault == "bad_request_on_stream_options"
        ):
            return "stream_options is not supported"
        return None

    def _chat(self, body: dict[str, Any], item: dict[str, Any]) -> None:
        state = self.server.state
        behaviour = state.behaviour
        if item.get("delay"):
            state.wait(float(item["delay"]))
        fault = item.get("fault")
        model = str(body.get("model") or behaviour.models[0])
        unknown = behaviour.strict_models and model not in behaviour.models
        if fault == "model_not_found" or unknown:
            self._error(404, f'model "{model}" not found, try pulling it first', "model_not_found")
            return
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
        if fault == "unauthorized":
            self._error(401, "Invalid authentication credentials.", "invalid_api_key")
            return
        refused = self._refused(body, fault)
        if refused:
            self._error(400, refused)
            return
        text = item["content"] if "content" in item else default_reply(body, behaviour.voice)
        finish_reason = str(item.get("finish_reason", "stop"))
        limit = body.get("max_completion_tokens") or body.get("max_tokens")
        if isinstance(limit, int) and count_tokens(text) > limit:
            text, finish_reason = cut_to_tokens(text, limit), "length"
        messages = body.get("messages") or []
        prompt = "".join(f"{m.get('role')}\n{m.get('content')}\n" for m in messages)
        prompt_tokens = count_message_tokens(messages)
        completion_tokens = count_tokens(text)
        usage: dict[str, Any] | None = None
        if behaviour.usage:
            usage = {
                "prompt_tokens": prompt_tokens,
                "completion_tokens": completion_tokens,
                "total_tokens": prompt_tokens + completion_tokens,
                "prompt_tokens_details": {"cached_tokens": state.cached_tokens(prompt)},
            }
        reply = Reply(text, model, usage, finish_reason, str(item.get("reasoning") or ""))
        if body.get("stream"):
            self._stream(reply, body, item)
        else:
            self._complete(reply, fault)

    def _complete(self, reply: "Reply", fault: Any) -> None:
        message: dict[str, Any] = {"role": "assistant", "content": reply.text}
        if reply.reasoning:
            message["reasoning_content"] = reply.reasoning
        payload: dict[str, Any] = {
            "id": "chatcmpl-fake",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": reply.model,
            "choices": [{"index": 0, "message": message, "finish_reason": reply.finish_reason}],
        }
        if reply.usage is not None:
            payload["usage"] = reply.usage
        data = json.dumps(payload).encode()
        if fault == "malformed":
            data = data[: len(data) // 2]  # a complete HTTP body that is not JSON
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if fault == "cut":
            self.wfile.write(data[: len(data) // 2])
            self._drop_connection()
            return
        self.wfile.write(data)

    def _stream(self, reply: "Reply", body: dict[str, Any], item: dict[str, Any]) -> None:
        state = self.server.state
        fault = item.get("fault")
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        pieces = re.findall(r"\S+\s*|\s+", reply.text) or [""]
        base = {"id": "chatcmpl-fake", "object": "chat.completion.chunk", "model": reply.model}

        def send(payload: Any) -> None:
            data: str = payload if isinstance(payload, str) else json.dumps(payload)
            self.wfile.write(f"data: {data}\n\n".encode())
            self.wfile.flush()

        send({**base, "choices": [{"index": 0, "delta": {"role": "assistant"}}]})
        if item.get("first_token_delay"):
            state.wait(float(item["first_token_delay"]))
        for piece in re.findall(r"\S+\s*|\s+", reply.reasoning):
            send({**base, "choices": [{"index": 0, "delta": {"reasoning_content": piece}}]})
        stall_after = int(item.get("stall_after", len(pieces) // 2))
        for i, piece in enumerate(pieces):
            if i and item.get("token_delay"):
                state.wait(float(item["token_delay"]))
            if fault == "cut" and i >= max(1, len(pieces) // 2):
                self._drop_connection()
                return
            if fault == "stall" and i >= stall_after:
                state.wait(float(item.get("stall_s", 30)))
                self._drop_connection()
                return
            if fault == "malformed" and i == len(pieces) // 2:
                send("{not json")
                continue
            delta = {"index": 0, "delta": {"content": piece}, "finish_reason": None}
            send({**base, "choices": [delta]})
        finish = {"index": 0, "delta": {}, "finish_reason": reply.finish_reason}
        send({**base, "choices": [finish]})
        if reply.usage is not None and (body.get("stream_options") or {}).get("include_usage"):
            send({**base, "choices": [], "usage": reply.usage})
        send("[DONE]")

    def _drop_connection(self) -> None:
        with contextlib.suppress(OSError):
            self.wfile.flush()
            self.connection.shutdown(socket.SHUT_RDWR)
        self.close_connection = True


@dataclass(frozen=True)
class Reply:
    text: str
    model: str
    usage: dict[str, Any] | None
    finish_reason: str
    reasoning: str = ""


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # stop() must not wait for a handler that is stalling on purpose
    state: ScriptedServerState

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that gave up (its timeout) closes the socket under a delayed reply:
        # expected in fault tests, not worth a traceback.
        if isinstance(sys.exc_info()[1], ConnectionError | OSError):
            return
        super().handle_error(request, client_address)


@dataclass
class FakeOpenAIServer:
    """Start with `start()` (port 0 picks a free port); `url` is the base URL (…/v1)."""

    host: str = "127.0.0.1"
    port_wanted: int = 0
    behaviour: ServerBehaviour = field(default_factory=ServerBehaviour)

    def __post_init__(self) -> None:
        self._server = _Server((self.host, self.port_wanted), _Handler)
        self._server.state = ScriptedServerState(self.behaviour)
        self._thread: threading.Thread | None = None

    @property
    def state(self) -> ScriptedServerState:
        return self._server.state

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}/v1"

    def start(self) -> "FakeOpenAIServer":
        # A short poll interval: stop() (and so each test's teardown) returns quickly.
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self.state.stopping.set()
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
    parser.add_argument("--require-key", metavar="KEY", help="answer 401 without this key")
    parser.add_argument(
        "--strict-models", action="store_true", help="answer 404 for unknown model names"
    )
    parser.add_argument("--n-ctx", type=int, help="serve /props with this context size")
    args = parser.parse_args(argv)
    behaviour = ServerBehaviour(
        require_key=args.require_key, strict_models=args.strict_models, n_ctx=args.n_ctx
    )
    server = FakeOpenAIServer(args.host, args.port, behaviour)
    print(server.url, flush=True)
    with contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()


if __name__ == "__main__":
    main()
