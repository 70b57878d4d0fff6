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
