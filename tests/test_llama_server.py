"""Opt-in: a practice round against a real llama.cpp server (skipped unless LLAMA_SERVER_BIN
and LLAMA_GGUF name a `llama-server` binary and a GGUF model; see the README).

It checks what a fake server cannot: the real server's streaming, its grammar-constrained
structured output, its usage and context reports, and that a tiny model's unusable verdicts
come back unscored with a reason that says exactly what was wrong.
"""

import pytest

from tests.llama_server import ANSWERS, configured, run_round

pytestmark = [
    pytest.mark.slow,
    pytest.mark.llama_server,
    pytest.mark.skipif(
        configured() is None,
        reason="set LLAMA_SERVER_BIN and LLAMA_GGUF to run against a real llama.cpp server",
    ),
]
# What an unscored verdict may say: every reason names the fault exactly.
EXACT_REASONS = (
    "cut off at",
    "lacks fields",
    "unknown criterion ids",
    "unknown key-point ids",
    "no level for criteria",
    "does not match the schema",
    "the reply is empty",
)


def test_a_practice_round_against_llama_cpp(tmp_path):
    located = configured()
    assert located is not None
    started, result = run_round(*located, tmp_path, ctx=8192, threads=2)
    report = result.preflight
    print(f"\nserver ready in {started:.1f} s; round in {result.seconds:.1f} s")
    for call in result.calls:
        first = "-" if call.first_token_s is None else f"{call.first_token_s:.1f}"
        print(
            f"  {call.kind:<8} prompt {call.prompt_tokens:>5}  completion "
            f"{call.completion_tokens:>4}  first token {first:>6} s  total {call.total_s:6.1f} s"
            f"  {call.finish_reason or call.outcome}"
        )
    for verdict in result.verdicts():
        print(f"  verdict: {verdict.status.value} {verdict.reason}")

    # The preflight learned the server: grammar-backed structured output, its context.
    assert report.ok and report.structured_mode == "json_schema"
    assert report.context.tokens == 8192 and report.context.source == "llama.cpp /props"
    kinds = [c.kind for c in result.calls]
    assert kinds[0] == "ping" and {"turn", "probe", "verdict"} <= set(kinds)

    # Streaming: the first question arrived in pieces, or the bank's words replaced it
    # with the reason recorded.
    assert result.chunks_per_turn[0] > 1 or result.fallbacks

    # Usage comes from the server (llama.cpp reports it in streams), never a bare 0.
    for call in result.calls:
        if call.outcome == "ok":
            assert not call.usage_estimated and call.prompt_tokens > 0

    # Every answer was kept; every verdict is scored with quotes from the answer, or
    # unscored with an exact reason (grammar-constrained JSON is never "no JSON").
    said = [a.text for q in result.session.questions for a in q.answers]
    assert said == list(ANSWERS[: len(said)]) and said
    verdicts = result.verdicts()
    assert verdicts
    answer_text = " ".join(ANSWERS).lower()
    for verdict in verdicts:
        if verdict.is_scored:
            for score in verdict.criteria:
                assert all(" ".join(q.lower().split()) in answer_text for q in score.evidence)
            for stated in verdict.misconceptions:
                assert " ".join(stated.quote.lower().split()) in answer_text
        else:
            assert any(reason in verdict.reason for reason in EXACT_REASONS), verdict.reason
            assert "no JSON object" not in verdict.reason
            if "invalid at character" in verdict.reason or "breaks off" in verdict.reason:
                assert "cut off at" in verdict.reason
