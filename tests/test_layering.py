"""DESIGN.md's dependency rules, checked on the source: domain depends on nothing else of
the package; only tui/ imports Textual; only llm/ imports openai."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "interviewer"


def imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def modules(sub: str = "") -> list[Path]:
    return sorted((PACKAGE / sub).rglob("*.py"))


def test_domain_imports_nothing_else_of_the_package():
    for path in modules("domain"):
        for name in imports(path):
            if name.startswith("interviewer"):
                assert name.startswith("interviewer.domain"), f"{path}: imports {name}"


def test_domain_does_no_io_and_imports_no_frameworks():
    forbidden = ("textual", "openai", "httpx", "yaml", "os", "pathlib", "socket", "asyncio")
    for path in modules("domain"):
        for name in imports(path):
            assert name.split(".")[0] not in forbidden, f"{path}: imports {name}"


def test_only_tui_imports_textual():
    for path in modules():
        if "tui" in path.relative_to(PACKAGE).parts:
            continue
        bad = [n for n in imports(path) if n.split(".")[0] == "textual"]
        assert not bad, f"{path} imports {bad}"


def test_only_llm_imports_openai():
    for path in modules():
        if path.relative_to(PACKAGE).parts[0] == "llm":
            continue
        bad = [n for n in imports(path) if n.split(".")[0] == "openai"]
        assert not bad, f"{path} imports {bad}"


def test_the_checker_sees_imports():
    # Guards the guard: the helper must find a known import, or every test above is vacuous.
    assert "interviewer.domain.base" in imports(PACKAGE / "domain" / "rubric.py")


def test_the_product_serves_no_http():
    # The fake OpenAI server is a test double: it lives in tests/, not among the providers.
    for path in modules():
        bad = [n for n in imports(path) if n in ("http.server", "socketserver", "tests")]
        bad += [n for n in imports(path) if n.startswith("tests.")]
        assert not bad, f"{path} imports {bad}"


def calls(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        node.func.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
    }


def test_candidate_code_is_executed_only_by_the_sandboxs_child():
    # exec/eval/compile of code only in the harness, which runs in a separate limited
    # process; the app's process never executes candidate code.
    for path in modules():
        if path == PACKAGE / "sandbox" / "harness.py":
            continue
        bad = calls(path) & {"exec", "eval", "compile", "__import__"}
        assert not bad, f"{path} calls {bad}"
    assert {"exec", "compile"} <= calls(PACKAGE / "sandbox" / "harness.py")  # the guard sees


def test_no_module_of_the_app_imports_the_harness():
    for path in modules():
        assert "interviewer.sandbox.harness" not in imports(path), path


def all_imports(path: Path) -> set[str]:
    """Every module a file names in an import, relative imports resolved, including those
    inside functions and under TYPE_CHECKING (a cycle there is still a cycle to a reader)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = ".".join(("interviewer", *path.relative_to(PACKAGE).parent.parts))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package.rsplit(".", node.level - 1)[0] if node.level else ""
            module = ".".join(p for p in (base, node.module or "") if p)
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return found


def test_no_two_modules_of_the_app_import_each_other():
    names = {
        ".".join(("interviewer", *p.relative_to(PACKAGE).with_suffix("").parts)): p
        for p in modules("tui")
    }
    graph = {name: all_imports(path) & set(names) for name, path in names.items()}
    assert "interviewer.tui.base" in graph["interviewer.tui.interview"]  # the guard sees

    def cycle_from(start: str) -> list[str] | None:
        stack = [(start, [start])]
        while stack:
            node, trail = stack.pop()
            for nxt in graph[node]:
                if nxt == start:
                    return [*trail, nxt]
                if nxt not in trail:
                    stack.append((nxt, [*trail, nxt]))
        return None

    for name in graph:
        assert cycle_from(name) is None, " -> ".join(cycle_from(name) or [])
