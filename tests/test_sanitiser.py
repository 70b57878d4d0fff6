"""One sanitiser for every terminal-bound text (issue 12, point 4): the rules, that the
command line prints only through it, and that each command and screen showing a hostile
transcript puts nothing on the terminal that the terminal would obey."""

import ast
import json
from pathlib import Path

import pytest

from interviewer.safe_text import for_markdown, for_terminal, json_for_terminal
from interviewer.tui.app import InterviewerApp
from tests.hostile import HOSTILE, forbidden_in, write_hostile
from tests.plain_driver import run_cli
from tests.test_tui_support import Rig

PACKAGE = Path(__file__).resolve().parent.parent / "interviewer"
EVIL = "20260101-000000-evil"
OPEN = "20260101-000000-open"


# --- the rules ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("title\x1b]0;owned\x07!", "title!"),  # OSC 0, BEL-terminated
        ("x\x1b]52;c;ZXZpbA==\x1b\\y", "xy"),  # OSC 52, ST-terminated
        ("\x1b]8;;https://evil\x1b\\link\x1b]8;;\x1b\\", "link"),  # OSC 8
        ("a\x1b[2J\x1b[1;31mb\x1b[0m", "ab"),  # CSI
        ("a\x9b2Jb\x9d0;t\x9cc", "abc"),  # 8-bit CSI and OSC
        ("a\x1bP1$r\x1b\\b", "ab"),  # DCS
        ("a\x1b7b\x1bc", "ab"),  # two-character ESC sequences
        ("a\x1b]0;never ended", "a0;never ended"),  # an unterminated OSC: inert text
        ("bell\x07 bs\x08 nul\x00 del\x7f", "bell bs nul del"),
        ("line\r\nnext\rover", "line\nnext\nover"),
        ("tab\tand\nnewline", "tab\tand\nnewline"),
        ("\u202eevil\u202c", "‹U+202E›evil‹U+202C›"),
        ("\u2066\u2067\u2068\u2069", "‹U+2066›‹U+2067›‹U+2068›‹U+2069›"),
        ("plain text, é ü 中文 🙂", "plain text, é ü 中文 🙂"),
    ],
)
def test_for_terminal(raw, shown):
    assert for_terminal(raw) == shown


def test_for_markdown_shows_html_as_text_and_keeps_only_web_links():
    text = (
        "<script>alert(1)</script> a < b\n"
        "[ok](https://example.org) [bad](javascript:alert(1)) [data](data:text/html,x) "
        "![img](file:///etc/passwd) <javascript:alert(1)> <https://fine.example>\n"
        "> [ref]: javascript:alert(1)\n[web]: http://example.org"
    )
    safe = for_markdown(text)
    assert "<script" not in safe and "&lt;script>" in safe and "a < b" in safe
    assert "[ok](https://example.org)" in safe
    for scheme in ("javascript:", "data:", "file:"):
        assert f"]({scheme}" not in safe
    assert "[bad]\\(javascript:alert(1))" in safe
    assert "> \\[ref]: javascript:alert(1)" in safe and "[web]: http://example.org" in safe
    assert "<javascript:" not in safe and "&lt;https://fine.example>" in safe


def test_json_for_terminal_is_the_same_data_and_inert():
    value = {"answer": "a\x9b31m\u202e\u2028b\x1b"}
    text = json_for_terminal(json.dumps(value, ensure_ascii=False))
    assert forbidden_in(text) == [] and "\u2028" not in text
    assert json.loads(text) == value


# --- every terminal output goes through it -----------------------------------------------


def _writes_to_a_terminal(call: ast.Call) -> str | None:
    func = call.func
    if isinstance(func, ast.Name) and func.id == "print":
        return "print()"
    if isinstance(func, ast.Attribute) and func.attr in ("write", "writelines"):
        target = ast.unparse(func.value)
        if target in ("sys.stdout", "sys.stderr", "sys.__stdout__", "sys.__stderr__"):
            return f"{target}.{func.attr}()"
    return None


def test_the_command_line_prints_only_through_the_sanitiser():
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "safe_text.py":
            continue
        tree = ast.parse(path.read_text(), str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and (what := _writes_to_a_terminal(node)):
                offenders.append(f"{path.relative_to(PACKAGE)}:{node.lineno}: {what}")
    assert offenders == [], "print through interviewer.safe_text.echo instead:\n" + "\n".join(
        offenders
    )


def test_every_notification_of_the_app_is_sanitised_and_never_markup(tmp_path):
    seen = []
    app = Rig(tmp_path).app()

    def record(self, message, *, title="", severity="information", timeout=None, markup=True):
        seen.append((message, title, markup))

    from textual.app import App

    original = App.notify
    try:
        App.notify = record  # type: ignore[method-assign]
        app.notify(HOSTILE, title=HOSTILE)
    finally:
        App.notify = original  # type: ignore[method-assign]
    [(message, title, markup)] = seen
    assert forbidden_in(message + title) == [] and markup is False


# --- each command, with a hostile transcript ------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize(
    "args",
    [
        ["replay", EVIL, "--plain"],
        ["report", EVIL],
        ["report", EVIL, "--format", "json"],
        ["list"],
        ["list", "--json"],
        ["rescore", EVIL],
    ],
)
def test_commands_print_nothing_a_terminal_would_obey(tmp_path, args):
    transcripts = tmp_path / "t"
    write_hostile(transcripts)
    done = run_cli(args, transcripts)
    assert done.returncode == 0, done.stderr
    assert forbidden_in(done.stdout + done.stderr) == []
    if args[:2] == ["report", EVIL] and len(args) == 2:
        assert "<script" not in done.stdout and "](javascript:" not in done.stdout
        assert "[bold red]markup[/]" in done.stdout  # shown as written


@pytest.mark.slow
def test_a_markdown_export_to_a_file_is_safe_to_open(tmp_path):
    transcripts = tmp_path / "t"
    write_hostile(transcripts)
    out = tmp_path / "report.md"
    done = run_cli(["report", EVIL, "-o", str(out)], transcripts)
    assert done.returncode == 0, done.stderr
    text = out.read_text()
    assert forbidden_in(text) == []
    assert "<script" not in text and "<img" not in text and "](javascript:" not in text
    assert "](data:" not in text and "<javascript:" not in text


@pytest.mark.slow
def test_plain_mode_shows_a_hostile_session_and_answer_inertly(tmp_path):
    transcripts = tmp_path / "t"
    write_hostile(transcripts, session_id=OPEN, finished=False)
    answer = "my answer \x1b]0;title\x07 \x1b[2J \u202eevil"
    done = run_cli(["resume", OPEN, "--plain"], transcripts, f"{answer}\n.\n/end\n")
    assert done.returncode == 0, done.stderr
    assert "Interviewer: interviewer says pwn" in done.stdout  # the hostile prompt, shown
    assert "# Scorecard" in done.stdout  # the plain scorecard, with the answers in it
    assert forbidden_in(done.stdout + done.stderr) == []


# --- each screen, with a hostile transcript -------------------------------------------------


def screen_text(app: InterviewerApp) -> str:
    return app.export_screenshot().replace("&#160;", " ")


def assert_inert(text: str) -> None:
    assert forbidden_in(text) == []
    assert "‹U+202E›" in text  # the hostile text is on screen, its overrides shown


async def test_replay_scorecard_and_history_screens_show_hostile_text_inertly(tmp_path):
    rig = Rig(tmp_path)
    write_hostile(rig.store.root)
    # A one-line title, so that a table cell shows the whole of it.
    write_hostile(rig.store.root, session_id=OPEN, title="[bold red]markup[/] \x1b[2Jloop")
    app = rig.app()
    async with app.run_test(size=(160, 60)) as pilot:
        await pilot.pause()
        app.open_replay(rig.store.open(EVIL))
        await pilot.pause()
        await pilot.press("right")
        await pilot.pause()
        replay = screen_text(app)
        assert_inert(replay)
        assert "[bold red]markup[/]" in replay  # candidate text is never read as markup
        app.pop_screen()
        app.open_scorecard(rig.store.open(EVIL))
        await pilot.pause()
        await pilot.pause()
        assert_inert(screen_text(app))
        app.pop_screen()
        app.open_history()
        await pilot.pause()
        await pilot.pause()
        history = screen_text(app)
        assert forbidden_in(history) == []
        assert "[bold red]markup[/] loop" in history  # a table cell, not markup


async def test_a_resumed_hostile_interview_shows_its_turns_inertly(tmp_path):
    rig = Rig(tmp_path)
    write_hostile(rig.store.root, session_id=OPEN, finished=False)
    session = rig.store.open(OPEN)
    runner = rig.app().runner_for(session)
    app = rig.app(runner)
    async with app.run_test(size=(160, 60)) as pilot:
        await pilot.pause()
        await pilot.pause()
        text = screen_text(app)
        assert forbidden_in(text) == []
        assert "[bold red]markup[/]" in text
    runner.close()
