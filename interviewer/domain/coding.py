"""Coding questions (their tests and solutions) and what running candidate code produced.

A coding question is a bank question with a `coding` block: the function to write, a
starter, visible examples, hidden tests (edge cases and at least one large input that
only an efficient solution passes in time), the expected complexity, a reference
solution and at least one wrong solution the tests must reject. Large inputs are
produced by a `generate(rng)` function that runs inside the sandbox, never written out.
The format is documented for authors in scenarios/bank/coding/README.md.
"""

import ast
from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any

from pydantic import Field, StringConstraints, model_validator

from interviewer.domain.base import Strict
from interviewer.domain.rubric import Identifier

# Code is kept byte for byte (the models strip other strings): indentation is meaning.
Code = Annotated[str, StringConstraints(strip_whitespace=False)]
PythonName = Annotated[str, Field(pattern=r"^[A-Za-z_][A-Za-z0-9_]*$", max_length=60)]
# A test written out in YAML stays small; big inputs come from a generator.
MAX_LITERAL_CHARS = 4000


class Compare(StrEnum):
    """How a test's result is checked against its expected value."""

    exact = "exact"  # equal, after tuples and arrays become lists
    unordered = "unordered"  # the same elements in any order (one level deep)
    approx = "approx"  # numbers within `tolerance` (relative or absolute), element-wise
    checker = "checker"  # the question's `checker` decides (k-means, attention, any valid answer)


class Complexity(Strict):
    time: str = Field(min_length=3, max_length=40)  # "O(n log n)"
    space: str = Field(min_length=3, max_length=40)


class CodeTest(Strict):
    """One test: literal `args` and `expected`, or a `generate(rng)` function in Python
    returning {"args": [...], "expected": ...} (expected may be left out with a checker)."""

    name: Identifier
    args: list[Any] | None = None
    expected: Any = None
    generate: Code | None = None
    seed: int = 0
    # A large input: only an efficient solution passes it within the time limit.
    large: bool = False

    @model_validator(mode="after")
    def _one_source(self) -> "CodeTest":
        if (self.args is None) == (self.generate is None):
            raise ValueError("a test has either `args` (with `expected`) or `generate`")
        if self.args is not None:
            if self.large:
                raise ValueError("a large test is generated (`generate`), not written out")
            if len(repr(self.args)) + len(repr(self.expected)) > MAX_LITERAL_CHARS:
                raise ValueError(
                    f"args and expected are over {MAX_LITERAL_CHARS} characters: use `generate`"
                )
        if self.generate is not None:
            _check_defines(self.generate, "generate", "generate")
        return self

    @property
    def has_expected(self) -> bool:
        return "expected" in self.model_fields_set


class WrongSolution(Strict):
    """A plausible but wrong or too slow solution that the tests must reject."""

    name: Identifier
    why: str = Field(min_length=5)  # "brute force, O(n^2): times out on the large input"
    fails: list[Identifier] = Field(min_length=1)  # tests it must fail (at least one does)
    code: Code


class CodingSpec(Strict):
    function: PythonName
    starter: Code
    complexity: Complexity
    compare: Compare = Compare.exact
    tolerance: float = Field(default=1e-6, gt=0, le=1)
    # Python source defining check(args, expected, got) -> None when right, else a message.
    checker: Code | None = None
    # Positional arguments turned into float numpy arrays before the call.
    array_args: list[int] = Field(default_factory=list)
    time_limit_s: float = Field(default=1.0, gt=0, le=10)
    memory_mb: int = Field(default=512, ge=128, le=4096)
    examples: list[CodeTest] = Field(min_length=1)  # visible: the candidate runs these
    tests: list[CodeTest] = Field(min_length=2)  # hidden: scored on submission
    reference: Code
    wrong: list[WrongSolution] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> "CodingSpec":
        names = [t.name for t in self.all_tests]
        dupes = sorted({n for n in names if names.count(n) > 1})
        if dupes:
            raise ValueError(f"duplicate test names: {', '.join(dupes)}")
        if not any(t.large for t in self.tests):
            raise ValueError("the hidden tests need at least one `large: true` test")
        if (self.compare is Compare.checker) != (self.checker is not None):
            raise ValueError("`checker` is given exactly when `compare: checker`")
        if self.checker is not None:
            _check_defines(self.checker, "check", "checker")
        else:
            missing = [t.name for t in self.all_tests if t.args is not None and not t.has_expected]
            if missing:
                raise ValueError(f"tests without `expected`: {', '.join(missing)}")
        _check_defines(self.starter, self.function, "starter")
        _check_defines(self.reference, self.function, "reference")
        known = set(names)
        for i, wrong in enumerate(self.wrong):
            _check_defines(wrong.code, self.function, f"wrong[{i}].code")
            unknown = sorted(set(wrong.fails) - known)
            if unknown:
                raise ValueError(f"wrong[{i}].fails names unknown tests: {', '.join(unknown)}")
        return self

    @property
    def all_tests(self) -> list[CodeTest]:
        return [*self.examples, *self.tests]

    def brief(self) -> "CodingBrief":
        return CodingBrief(
            function=self.function,
            starter=self.starter,
            complexity=self.complexity,
            visible_tests=len(self.examples),
            hidden_tests=len(self.tests),
            large_tests=sum(1 for t in self.tests if t.large),
        )


def _check_defines(source: str, name: str, what: str) -> None:
    """The source parses and defines a top-level function `name`."""
    try:
        tree = ast.parse(source)
    except SyntaxError as exc:
        raise ValueError(f"{what}: Python syntax error on line {exc.lineno}: {exc.msg}") from None
    defined = {
        node.name
        for node in tree.body
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
    }
    if name not in defined:
        raise ValueError(f"{what}: defines no top-level function `{name}`")


# --- what a run produced (kept in the transcript) ---------------------------------------


class CodingBrief(Strict):
    """The coding question as asked, snapshotted so replay and re-scoring need no bank."""

    function: str
    starter: Code
    complexity: Complexity
    visible_tests: int = Field(ge=0)
    hidden_tests: int = Field(ge=0)
    large_tests: int = Field(default=0, ge=0)


class Outcome(StrEnum):
    passed = "passed"
    failed = "failed"  # ran, wrong result
    error = "error"  # raised an exception
    timeout = "timeout"  # over the per-test time limit
    memory = "memory"  # over the memory limit
    not_run = "not_run"  # the run stopped before reaching it


class TestResult(Strict):
    __test__ = False  # not a pytest class

    name: str
    hidden: bool = False
    large: bool = False
    outcome: Outcome
    seconds: float | None = Field(default=None, ge=0)
    input: str = ""  # shortened reprs, for the candidate
    expected: str = ""
    got: str = ""
    stdout: Code = ""
    error: str = ""

    @property
    def passed(self) -> bool:
        return self.outcome is Outcome.passed


class RunKind(StrEnum):
    visible = "visible"  # the candidate ran the examples
    submission = "submission"  # every test, on submitting: what the judge scores


class RunStatus(StrEnum):
    completed = "completed"
    stopped = "stopped"  # killed: wall time, CPU time or output over its limit
    failed = "failed"  # could not run at all (no interpreter, bad harness)


class CodeRun(Strict):
    kind: RunKind
    at: datetime
    code: Code
    status: RunStatus = RunStatus.completed
    message: str = ""  # why it stopped, or what the program did that it may not
    results: list[TestResult] = Field(default_factory=list)
    wall_seconds: float = Field(default=0.0, ge=0)
    stray_output: Code = ""  # written past the capture (straight to the file descriptor)

    def share_passed(self, *, hidden: bool | None = None, large: bool | None = None) -> float:
        chosen = [
            r
            for r in self.results
            if (hidden is None or r.hidden == hidden) and (large is None or r.large == large)
        ]
        return sum(r.passed for r in chosen) / len(chosen) if chosen else 0.0

    def counts(self, *, hidden: bool | None = None) -> tuple[int, int]:
        chosen = [r for r in self.results if hidden is None or r.hidden == hidden]
        return sum(r.passed for r in chosen), len(chosen)

    @property
    def first_failure(self) -> TestResult | None:
        return next((r for r in self.results if not r.passed), None)
