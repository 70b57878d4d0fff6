"""A practice round against a real llama.cpp server on loopback, with per-call latency
(not a test).

Starts `llama-server` on 127.0.0.1 with a GGUF model, runs one practice-mode breadth
question and its follow-up through the app's LLM path (preflight, streamed turns, the
follow-up choice and the judge, both with grammar-constrained JSON), and reports each
call's prompt and completion tokens, time to first token, total time and finish reason,
the verdicts (scored, or unscored and why) and what the server learned (structured
output mode, context window). Nothing of llama.cpp is in this repository; see the README.

    LLAMA_SERVER_BIN=/path/to/llama-server LLAMA_GGUF=/path/to/model.gguf \\
        python benchmarks/bench_llama_server.py [--ctx 8192] [--threads 2] [--json]
"""

import argparse
import json
import os
import statistics
import sys
import tempfile
from dataclasses import asdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.llama_server import ENV_BINARY, ENV_GGUF, run_round


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--server", default=os.environ.get(ENV_BINARY), help=f"${ENV_BINARY}")
    parser.add_argument("--gguf", default=os.environ.get(ENV_GGUF), help=f"${ENV_GGUF}")
    parser.add_argument("--ctx", type=int, default=8192, help="llama-server -c (default 8192)")
    parser.add_argument("--threads", type=int, default=2, help="llama-server -t (default 2)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if not args.server or not args.gguf:
        parser.error(f"give --server and --gguf (or set {ENV_BINARY} and {ENV_GGUF})")
    with tempfile.TemporaryDirectory() as tmp:
        started, result = run_round(
            Path(args.server), Path(args.gguf), Path(tmp), ctx=args.ctx, threads=args.threads
        )
    report = result.preflight
    verdicts = result.verdicts()
    summary = {
        "server_start_s": round(started, 1),
        "round_s": round(result.seconds, 1),
        "structured_mode": report.structured_mode,
        "context": report.context.describe() if report.context else None,
        "calls": [asdict(c) for c in result.calls],
        "chunks_per_turn": result.chunks_per_turn,
        "turn_fallbacks": result.fallbacks,
        "probe_fallbacks": result.probe_fallbacks,
        "verdicts": [
            {"status": v.status.value, "reason": v.reason, "method": v.method} for v in verdicts
        ],
    }
    if args.json:
        print(json.dumps(summary, indent=2))
        return 0
    print(f"llama-server ready in {started:.1f} s; the round took {result.seconds:.1f} s")
    print(f"structured output: {report.structured_mode}; context: {summary['context']}")
    print(f"{'call':<8} {'prompt':>6} {'compl':>6} {'1st tok s':>9} {'total s':>8}  finish")
    for call in result.calls:
        first = "-" if call.first_token_s is None else f"{call.first_token_s:.1f}"
        print(
            f"{call.kind:<8} {call.prompt_tokens:>6} {call.completion_tokens:>6} {first:>9} "
            f"{call.total_s:>8.1f}  {call.finish_reason or call.outcome}"
        )
    for kind in ("turn", "probe", "verdict"):
        times = [c.total_s for c in result.calls if c.kind == kind and c.outcome == "ok"]
        if times:
            print(
                f"{kind}: median {statistics.median(times):.1f} s, "
                f"range {min(times):.1f}-{max(times):.1f} s over {len(times)} call(s)"
            )
    print(f"streamed pieces per turn: {result.chunks_per_turn}")
    for line in result.fallbacks:
        print(f"turn from the bank: {line}")
    for line in result.probe_fallbacks:
        print(f"follow-up choice from the offline signal: {line}")
    for v in summary["verdicts"]:
        print(f"verdict: {v['status']}{': ' + v['reason'] if v['reason'] else ''}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
