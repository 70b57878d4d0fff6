"""Prompt tokens per LLM call over a 40-answer interview against the loopback server
(not a test).

Runs the real runner, conductor and judge in LLM mode against the fake OpenAI-compatible
server, answering every question with a long, varied answer, and reports from what the
server received: the largest call against the budget, what sending the full history
would have reached, and the share of each prompt that is a stable prefix (the system
message, byte-identical between calls of a round or rubric).

    python benchmarks/bench_llm_tokens.py [--answers 40] [--budget 6000]
"""

import argparse
import asyncio
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from interviewer.backends import make_backend
from interviewer.conductor.base import SpeakRequest
from interviewer.conductor.llm_conductor import LLMConductor, _history
from interviewer.content.loader import load_content
from interviewer.llm.budget import BudgetedPrompt
from interviewer.llm.tokens import count_message_tokens
from interviewer.session_factory import NewInterview, create_session, make_runner, store_for
from interviewer.settings import Settings
from tests.fake_openai import FakeOpenAIServer, caller_of

KINDS = {
    "speak": "the interviewer speaking a turn (streamed)",
    "assess": "the interviewer choosing what to probe",
    "judge": "the judge scoring an answer",
}

SENTENCES = [
    "I would start by pinning down the objective and the metric the business cares about.",
    "Regularisation trades a little bias for lower variance, which helps on small data.",
    "I'd check the label distribution and look for leakage from features built after the event.",
    "A simple baseline such as logistic regression tells us whether the signal is there at all.",
    "For evaluation I would use a time-based split, since random splits leak the future.",
    "Calibration matters when downstream systems consume the probabilities directly.",
    "In production I'd monitor input drift and the live metric, with alerts on both.",
    "Gradient boosting handles mixed tabular features well and needs little preprocessing.",
    "The main trade-off is latency against model size, so I would distil the large model.",
    "We measured a four percent lift in recall at the same precision in the A/B test.",
]


def answer(i: int, words: int = 160) -> str:
    out: list[str] = [f"Answer {i}."]
    k = i
    while len(" ".join(out).split()) < words:
        out.append(SENTENCES[k % len(SENTENCES)])
        k += 3
    return " ".join(out)


def call_kind(body: dict[str, Any]) -> str:
    if caller_of(body) == "judge":
        return "judge"
    return "speak" if body.get("stream") else "assess"


def shared_prefix_tokens(before: list[dict[str, str]], now: list[dict[str, str]]) -> int:
    """Tokens of the leading messages identical to the same caller's previous call: what
    a provider's prompt cache can reuse."""
    same = 0
    for a, b in zip(before, now, strict=False):
        if a != b:
            break
        same += 1
    return count_message_tokens(now[:same]) if same else 0


async def run(answers: int, budget: int, transcripts: Path) -> dict[str, Any]:
    with FakeOpenAIServer() as server:
        # Fields with environment aliases (base_url) are set by copy, as the CLI does.
        settings = Settings().model_copy(
            update={
                "backend": "openai",
                "base_url": server.url,
                "prompt_token_budget": budget,
                "transcripts_dir": transcripts,
            }
        )
        backend = make_backend(settings)
        conductor = backend.conductor
        assert isinstance(conductor, LLMConductor)
        naive: list[int] = []
        build = conductor.build_prompt

        def measured(request: SpeakRequest) -> BudgetedPrompt:
            naive.append(naive_size_of(build, request))
            return build(request)

        def naive_size_of(builder: Any, request: SpeakRequest) -> int:
            budgeted = builder(request)
            system, instruction = budgeted.messages[0], budgeted.messages[-1]
            return count_message_tokens([system, *_history(request.session), instruction])

        conductor.build_prompt = measured  # type: ignore[method-assign]
        content = load_content()
        # A long loop: the shipped scenario with more questions per round, so that 40
        # answers happen before it ends.
        request = NewInterview(scenario_id="ml_engineer", seed=5)
        session = create_session(content, request, backend)
        rounds = [
            r.model_copy(update={"questions": r.questions * 3}) for r in session.scenario.rounds
        ]
        session.scenario = session.scenario.model_copy(update={"rounds": rounds})
        runner = make_runner(session, content, store_for(settings), backend)
        prompt = await runner.begin()
        given = 0
        while prompt is not None and given < answers:
            prompt = await runner.answer(answer(given))
            given += 1
        await runner.finish()
        calls = []
        previous: dict[str, list[dict[str, str]]] = {}
        for r in server.requests:
            messages = r["body"]["messages"]
            who = call_kind(r["body"])
            total = count_message_tokens(messages)
            prefix = count_message_tokens(messages[:1])
            shared = shared_prefix_tokens(previous.get(who, []), messages)
            previous[who] = messages
            calls.append((who, total, prefix / total, messages[0]["content"], shared / total))
        return {"answers": given, "calls": calls, "naive": naive, "session": session}


def report(result: dict[str, Any], budget: int) -> None:
    calls = result["calls"]
    print(f"answers given: {result['answers']}; LLM calls: {len(calls)}; budget: {budget}")
    for who in ("speak", "assess", "judge"):
        sizes = [c[1] for c in calls if c[0] == who]
        shares = [c[2] for c in calls if c[0] == who]
        prefixes = {c[3] for c in calls if c[0] == who}
        if not sizes:
            continue
        print(f"  {who}: {KINDS[who]}")
        print(
            f"  {who:<11} calls {len(sizes):>3}  prompt tokens: "
            f"median {statistics.median(sizes):>6.0f}  max {max(sizes):>6}  "
            f"({max(sizes) / budget:.0%} of budget)"
        )
        print(
            f"  {'':<11} stable prefix share: median {statistics.median(shares):.0%}, "
            f"min {min(shares):.0%}; distinct system prefixes: {len(prefixes)}"
        )
        reused = [c[4] for c in calls if c[0] == who][1:]
        if reused:
            print(
                f"  {'':<11} shared with the previous {who} call (cacheable): "
                f"median {statistics.median(reused):.0%}, mean {statistics.mean(reused):.0%}"
            )
    naive = result["naive"]
    print(
        f"  full history, no budget (speak): last call {naive[-1]} tokens, "
        f"max {max(naive)} ({max(naive) / budget:.1f}x the budget)"
    )
    usage = result["session"].usage
    if usage:
        print(f"  usage entries recorded on the session: {len(usage)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=40)
    parser.add_argument("--budget", type=int, default=6000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        result = asyncio.run(run(args.answers, args.budget, Path(tmp)))
    report(result, args.budget)


if __name__ == "__main__":
    main()
