"""Judging a coding answer on what the code does.

Correctness is the share of hidden tests the submitted code passed; efficiency comes from
the large-input tests and the complexity the candidate stated; code quality from the
code's syntax tree. These criteria come from the run, so both judges give them the same
level. The approach and the communication are read from the candidate's explanation
against the key points, by whichever judge is scoring.
"""

import ast
import re
from collections.abc import Callable

from interviewer.domain.coding import CodeRun, Outcome, RunStatus
from interviewer.domain.judging import (
    CodingEvidence,
    CriterionScore,
    JudgeRequest,
    JudgeResult,
    ScoreStatus,
)
from interviewer.domain.rubric import Criterion, OfflineSignal, Rubric

# Share of hidden tests passed for levels 2, 3 and 4.
CORRECTNESS_LEVELS = (0.4, 0.8, 1.0)
# Single-letter names that are conventions rather than unclear (indices, sizes, points,
# graph vertices, rows and columns, the two ends of a search, a numpy alias).
CONVENTIONAL_NAMES = frozenset(
    {"i", "j", "k", "n", "m", "x", "y", "u", "v", "w", "p", "q", "r", "c", "a", "b", "d"}
    | {"_", "lo", "hi", "np", "dp", "df"}
)
VAGUE_NAMES = frozenset(
    {"tmp", "temp", "tmp1", "tmp2", "foo", "bar", "baz", "thing", "stuff", "data2", "var"}
    | {"val1", "val2", "l", "O", "I", "res2", "xx", "yy"}
)
LONG_FUNCTION_STATEMENTS = 40
DEEP_NESTING = 5
_BIG_O = re.compile(r"O\s*\(\s*([^()]*(?:\([^()]*\)[^()]*)*)\)", re.IGNORECASE)
CodeScorer = Callable[[JudgeRequest], JudgeResult]


def reads_code(rubric: Rubric) -> bool:
    return any(c.offline_signal.reads_code for c in rubric.criteria)


# --- correctness and efficiency, from the run --------------------------------------------


def _scored_hidden(run: CodeRun) -> list:
    """Hidden tests that count for correctness: a large input that ran out of time or
    memory measures efficiency (scored there), not whether the answer is right."""
    return [
        r
        for r in run.results
        if r.hidden and not (r.large and r.outcome in (Outcome.timeout, Outcome.memory))
    ]


def correctness(evidence: CodingEvidence | None) -> tuple[int, float | None, str]:
    run = evidence.run if evidence else None
    if run is None:
        reason = evidence.run_missing_reason if evidence else "no code was submitted"
        return 1, None, reason or "the code was not run"
    counted = _scored_hidden(run)
    if not counted:
        return 1, None, run.message or "no hidden test ran"
    passed = sum(r.passed for r in counted)
    share = passed / len(counted)
    level = 1 + sum(1 for bar in CORRECTNESS_LEVELS if share >= bar)
    bounds = (0.0, *CORRECTNESS_LEVELS)
    progress = None
    if level < 4:
        low, high = bounds[level - 1], bounds[level]
        progress = min(0.999, max(0.0, (share - low) / (high - low)))
    failing = [r.name for r in counted if not r.passed]
    detail = f"; failing: {', '.join(failing[:4])}" if failing else ""
    return level, progress, f"{passed} of {len(counted)} hidden tests passed{detail}"


def normalise_big_o(text: str) -> str:
    text = text.lower().replace("²", "^2").replace("³", "^3")
    text = re.sub(r"[\s*·×⋅]", "", text)
    return text.replace("^", "").replace("log(n)", "logn").replace("lg", "log")


def stated_complexities(explanation: str) -> list[str]:
    return [normalise_big_o(m.group(1)) for m in _BIG_O.finditer(explanation)]


def efficiency(evidence: CodingEvidence | None, explanation: str) -> tuple[int, str]:
    run = evidence.run if evidence else None
    if evidence is None or run is None:
        return 1, "the code was not run, so its efficiency is unknown"
    large = [r for r in run.results if r.large]
    expected = normalise_big_o(_BIG_O.sub(r"\1", evidence.complexity.time))
    stated_right = expected in stated_complexities(explanation)
    said = (
        f"stated the expected {evidence.complexity.time}"
        if stated_right
        else f"did not state the expected time, {evidence.complexity.time}"
    )
    if not large:
        return (2 if stated_right else 1), f"no large-input test ran; {said}"
    if all(r.outcome is Outcome.not_run for r in large):
        return 1, f"the large inputs never ran ({run.message or 'the run stopped'}); {said}"
    passed = sum(r.passed for r in large)
    too_slow = [r for r in large if r.outcome in (Outcome.timeout, Outcome.memory, Outcome.not_run)]
    if passed == len(large):
        level = 4 if stated_right else 3
        slowest = max((r.seconds or 0.0) for r in large)
        return level, f"all {len(large)} large-input tests passed (slowest {slowest:.3f} s); {said}"
    if passed:
        return 2, f"{passed} of {len(large)} large-input tests passed; {said}"
    if too_slow:
        names = ", ".join(f"{r.name} ({r.outcome.value})" for r in too_slow[:3])
        return (2 if stated_right else 1), f"large input not handled in time: {names}; {said}"
    return 2, f"the large inputs finished in time but gave wrong answers; {said}"


# --- code quality, from the syntax tree ------------------------------------------------


def _assigned_names(target: ast.AST) -> list[ast.Name]:
    return [n for n in ast.walk(target) if isinstance(n, ast.Name)]


def _after_exit(body: list[ast.stmt]) -> list[ast.stmt]:
    for index, stmt in enumerate(body[:-1]):
        if isinstance(stmt, ast.Return | ast.Raise | ast.Break | ast.Continue):
            return body[index + 1 :]
    return []


def _depth(node: ast.AST, level: int = 0) -> int:
    nested = (ast.For, ast.While, ast.If, ast.With, ast.Try, ast.FunctionDef)
    deepest = level
    for child in ast.iter_child_nodes(node):
        inner = level + 1 if isinstance(child, nested) else level
        deepest = max(deepest, _depth(child, inner))
    return deepest


def _is_stub(function: ast.FunctionDef) -> bool:
    body = [
        s
        for s in function.body
        if not (isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant))
    ]
    return all(isinstance(s, ast.Pass) for s in body)


def quality_findings(code: str, function: str) -> tuple[list[str], list[str]] | None:
    """(findings, offending lines); None when there is no real code to judge."""
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return None
    functions = [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)]
    main = next((f for f in functions if f.name == function), None)
    if main is None or _is_stub(main):
        return None
    lines = code.splitlines()
    findings: list[str] = []
    quotes: list[str] = []

    def quote(node: ast.AST) -> None:
        line = getattr(node, "lineno", 0)
        if 0 < line <= len(lines) and lines[line - 1].strip():
            quotes.append(lines[line - 1].strip())

    unclear: list[str] = []
    unused: list[str] = []
    dead: list[ast.stmt] = []
    for fn in functions:
        stored: dict[str, ast.AST] = {}
        loaded: set[str] = set()
        for arg in [*fn.args.args, *fn.args.kwonlyargs, *fn.args.posonlyargs]:
            if (len(arg.arg) == 1 and arg.arg not in CONVENTIONAL_NAMES) or arg.arg in VAGUE_NAMES:
                unclear.append(arg.arg)
        for node in ast.walk(fn):
            if isinstance(node, ast.Name):
                if isinstance(node.ctx, ast.Store):
                    stored.setdefault(node.id, node)
                else:
                    loaded.add(node.id)
            if (
                isinstance(node, ast.If | ast.While)
                and isinstance(node.test, ast.Constant)
                and not node.test.value
            ):
                dead.append(node)
            for field in ("body", "orelse", "finalbody"):
                block = getattr(node, field, None)
                if isinstance(block, list) and block and isinstance(block[0], ast.stmt):
                    dead += _after_exit(block)
        nonlocal_names = {
            name
            for node in ast.walk(fn)
            if isinstance(node, ast.Nonlocal | ast.Global)
            for name in node.names
        }
        for name, node in stored.items():
            if (len(name) == 1 and name not in CONVENTIONAL_NAMES) or name in VAGUE_NAMES:
                unclear.append(name)
            if name not in loaded and not name.startswith("_") and name not in nonlocal_names:
                unused.append(name)
                quote(node)
        if sum(isinstance(n, ast.stmt) for n in ast.walk(fn)) > LONG_FUNCTION_STATEMENTS:
            findings.append(f"`{fn.name}` is long ({LONG_FUNCTION_STATEMENTS}+ statements)")
        if _depth(fn) >= DEEP_NESTING:
            findings.append(f"`{fn.name}` nests {_depth(fn)} levels deep")
    imported = {
        (alias.asname or alias.name).split(".")[0]: node
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    }
    used = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
    unused_imports = [name for name in imported if name not in used]
    if unclear:
        findings.append("unclear names: " + ", ".join(sorted(set(unclear))[:5]))
    if unused or unused_imports:
        findings.append("unused: " + ", ".join(sorted({*unused, *unused_imports})[:5]))
    if dead:
        findings.append("unreachable or dead code")
        for node in dead[:2]:
            quote(node)
    names = [f.name for f in tree.body if isinstance(f, ast.FunctionDef | ast.ClassDef)]
    twice = sorted({name for name in names if names.count(name) > 1})
    if twice:
        findings.append("defined more than once: " + ", ".join(twice))
    bare = [n for n in ast.walk(tree) if isinstance(n, ast.ExceptHandler) and n.type is None]
    if bare:
        findings.append("a bare `except:` hides errors")
        quote(bare[0])
    prints = [
        n
        for n in ast.walk(main)
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "print"
    ]
    if prints:
        findings.append("debugging prints left in")
        quote(prints[0])
    return findings, quotes


def code_quality(evidence: CodingEvidence | None) -> tuple[int, list[str], str]:
    if evidence is None:
        return 1, [], "no code was submitted"
    found = quality_findings(evidence.code, evidence.function)
    if found is None:
        return 1, [], f"no working `{evidence.function}` to judge (a stub or a syntax error)"
    findings, quotes = found
    level = 4 - min(2, len(findings))
    rationale = "; ".join(findings) if findings else "clear names, small functions, no dead code"
    return level, quotes[:3], rationale


# --- putting it together -----------------------------------------------------------------


def code_criterion(criterion: Criterion, request: JudgeRequest) -> CriterionScore:
    evidence = request.coding
    signal = criterion.offline_signal
    progress: float | None = None
    quotes: list[str] = []
    if signal is OfflineSignal.tests_passed:
        level, progress, rationale = correctness(evidence)
    elif signal is OfflineSignal.efficiency:
        level, rationale = efficiency(evidence, request.answer)
    elif signal is OfflineSignal.code_quality:
        level, quotes, rationale = code_quality(evidence)
    else:
        raise ValueError(f"{signal} is not read from code")
    return CriterionScore(
        criterion_id=criterion.id,
        level=level,
        evidence=quotes,
        rationale=rationale,
        progress=progress,
    )


def judged_request(request: JudgeRequest, *, quality_by_reading: bool) -> JudgeRequest | None:
    """What is left for a judge to read: the rubric's criteria that do not come from the
    run (code quality too, for a judge that reads the code), on the explanation and, for
    such a judge, the code and the test results. None when nothing is left."""
    keep = [
        c
        for c in request.rubric.criteria
        if not c.offline_signal.reads_code
        or (quality_by_reading and c.offline_signal is OfflineSignal.code_quality)
    ]
    if not keep:
        return None
    rubric = request.rubric.model_copy(update={"criteria": keep})
    if not quality_by_reading or request.coding is None:
        return request.model_copy(update={"rubric": rubric, "coding": None})
    answer = f"{request.answer.strip()}\n\nCode:\n{request.coding.code}".strip()
    results = f"Test results (from running the code): {run_summary(request.coding.run)}"
    context = [*request.context, results]
    return request.model_copy(
        update={"rubric": rubric, "coding": None, "answer": answer, "context": context}
    )


def run_summary(run: CodeRun | None) -> str:
    if run is None:
        return "The code was not run."
    passed, total = run.counts(hidden=True)
    text = f"Hidden tests: {passed} of {total} passed."
    if run.status is not RunStatus.completed:
        text += f" The run {run.message}."
    failing = [r for r in run.results if r.hidden and not r.passed]
    if failing:
        text += " Failing: " + "; ".join(f"{r.name} ({r.outcome.value})" for r in failing[:4])
    return text


def _cap_explanation(rubric: Rubric, by_id: dict[str, CriterionScore]) -> None:
    """An explanation is worth at most one level more than the code's correctness: a fine
    account of code that fails the tests (or of code never written) is still a weak answer."""
    tested = [
        by_id[c.id] for c in rubric.criteria if c.offline_signal is OfflineSignal.tests_passed
    ]
    if not tested:
        return
    ceiling = min(cs.level for cs in tested) + 1
    for criterion in rubric.criteria:
        score = by_id[criterion.id]
        if criterion.offline_signal.reads_code or score.level <= ceiling:
            continue
        by_id[criterion.id] = score.model_copy(
            update={
                "level": ceiling,
                "progress": None,
                "rationale": f"{score.rationale} (capped one level above the tests' correctness)",
            }
        )


def merge(request: JudgeRequest, judged: JudgeResult | None, method: str) -> JudgeResult:
    """The coding verdict: what a judge read (`judged`, possibly None when there was no
    explanation) plus the criteria that come from the run and the syntax tree."""
    if judged is not None and not judged.is_scored:
        return judged
    by_id = {cs.criterion_id: cs for cs in judged.criteria} if judged else {}
    feedback = [run_summary(request.coding.run if request.coding else None)]
    if judged is not None and judged.feedback:
        feedback.append(judged.feedback)
    if not request.answer.strip():
        feedback.append("Explain your approach and its time and space complexity.")
    for criterion in request.rubric.criteria:
        if criterion.id in by_id:
            continue
        if criterion.offline_signal.reads_code:
            by_id[criterion.id] = code_criterion(criterion, request)
        else:
            by_id[criterion.id] = CriterionScore(
                criterion_id=criterion.id,
                level=1,
                rationale="no explanation of the approach or its complexity was given",
            )
    _cap_explanation(request.rubric, by_id)
    heaviest_first = [kp.id for kp in sorted(request.key_points, key=lambda kp: -kp.weight)]
    return JudgeResult(
        status=ScoreStatus.scored,
        criteria=[by_id[c.id] for c in request.rubric.criteria],
        covered_key_points=judged.covered_key_points if judged else [],
        missed_key_points=judged.missed_key_points if judged else heaviest_first,
        feedback="\n".join(feedback),
        method=method,
    )
