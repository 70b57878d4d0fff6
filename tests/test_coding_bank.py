"""Every coding question's tests against its own solutions: the reference passes every
test, and each wrong solution fails at least one of the tests it names (the large input
for brute force, an edge case for a subtle bug). Runs go two at a time (the CI has two
cores), each in the sandbox like a candidate's code."""

import asyncio

import pytest

from interviewer.content.loader import load_content
from interviewer.domain.coding import RunKind
from interviewer.domain.question import Question, RoundKind
from interviewer.sandbox.run import run_code, uses_numpy

PARALLEL_RUNS = 2


def coding_questions() -> list[Question]:
    content = load_content()
    return [q for q in content.questions.values() if q.coding is not None]


async def _check_all(questions: list[Question]) -> list[str]:
    gate = asyncio.Semaphore(PARALLEL_RUNS)
    problems: list[str] = []

    async def check(question: Question, name: str, code: str, must_fail: list[str]) -> None:
        assert question.coding is not None
        numpy = uses_numpy(question.coding, question.round is RoundKind.ml_coding)
        async with gate:
            run = await run_code(question.coding, code, RunKind.submission, numpy=numpy)
        failed = {r.name: r for r in run.results if not r.passed}
        if not must_fail:
            for r in failed.values():
                problems.append(
                    f"{question.id}: the reference fails {r.name} ({r.outcome.value}: "
                    f"{r.error or r.got}) {run.message}"
                )
        elif not set(must_fail) & set(failed):
            problems.append(f"{question.id}: wrong solution '{name}' passes {', '.join(must_fail)}")

    jobs = []
    for q in questions:
        assert q.coding is not None
        jobs.append(check(q, "reference", q.coding.reference, []))
        jobs += [check(q, w.name, w.code, w.fails) for w in q.coding.wrong]
    await asyncio.gather(*jobs)
    return problems


@pytest.mark.slow
def test_reference_solutions_pass_and_wrong_ones_fail():
    questions = coding_questions()
    assert questions, "no coding questions in the bank"
    problems = asyncio.run(_check_all(questions))
    assert not problems, "\n".join(problems)
