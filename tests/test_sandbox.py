"""Candidate code runs in a separate, limited process: results per test, and hostile code
stopped or contained with a clear message (issue 10's list, one test each)."""

import os

import pytest

from interviewer.domain.coding import Outcome, RunKind, RunStatus
from interviewer.sandbox.run import Limits, run_code_sync
from interviewer.sandbox.summary import run_lines
from tests.builders import SUM_PAIR_BRUTE_FORCE, SUM_PAIR_REFERENCE, coding_question

SPEC = coding_question().coding
assert SPEC is not None


def run(code: str, kind: RunKind = RunKind.visible, **kwargs):
    return run_code_sync(SPEC, code, kind, **kwargs)


def test_the_reference_passes_every_test_with_per_test_times():
    result = run(SUM_PAIR_REFERENCE, RunKind.submission)
    assert result.status is RunStatus.completed
    assert [r.name for r in result.results] == [
        "example_1",
        "example_2",
        "equal_values",
        "negatives",
        "large_input",
    ]
    assert all(r.passed for r in result.results)
    assert all(r.seconds is not None and r.seconds < SPEC.time_limit_s for r in result.results)
    assert [r.hidden for r in result.results] == [False, False, True, True, True]


def test_a_visible_run_runs_only_the_examples():
    result = run(SUM_PAIR_REFERENCE)
    assert [r.name for r in result.results] == ["example_1", "example_2"]


def test_brute_force_fails_the_large_input_on_time_only():
    result = run(SUM_PAIR_BRUTE_FORCE, RunKind.submission)
    outcomes = {r.name: r.outcome for r in result.results}
    assert outcomes["large_input"] is Outcome.timeout
    assert all(o is Outcome.passed for name, o in outcomes.items() if name != "large_input")


def test_a_failing_case_shows_input_expected_got_stdout_and_the_error():
    code = "def two_sum(nums, target):\n    print('looking at', nums)\n    return [0, 0]\n"
    result = run(code)
    first = result.first_failure
    assert first is not None and first.name == "example_1"
    assert first.outcome is Outcome.failed
    assert first.input == "[[2, 7, 11, 15], 9]"
    assert first.expected == "[0, 1]" and first.got == "[0, 0]"
    assert "looking at [2, 7, 11, 15]" in first.stdout
    text = "\n".join(run_lines(result))
    assert "expected: [0, 1]" in text and "got:      [0, 0]" in text


def test_escape_sequences_the_code_prints_reach_no_terminal():
    # A window title (OSC 0), a screen clear (CSI 2J) and a clipboard write (OSC 52).
    code = (
        "def two_sum(nums, target):\n"
        "    print('\\x1b]0;pwned\\x07seen\\x1b[2J', '\\x1b]52;c;ZXZpbA==\\x07done')\n"
        "    return [0, 0]\n"
    )
    text = "\n".join(run_lines(run(code)))
    assert "seen done" in text
    assert "\x1b" not in text and "\x07" not in text and "pwned" not in text


def test_an_exception_names_the_candidates_line():
    code = "def two_sum(nums, target):\n    total = 0\n    return nums[99]\n"
    first = run(code).first_failure
    assert first is not None and first.outcome is Outcome.error
    assert "line 3, in two_sum: return nums[99]" in first.error
    assert "IndexError" in first.error


def test_a_syntax_error_is_reported_with_its_line():
    result = run("def two_sum(nums, target)\n    return []\n")
    assert "syntax error on line 1" in result.message
    assert all(r.outcome is Outcome.not_run for r in result.results)


# --- hostile code ---------------------------------------------------------------------------


def test_an_infinite_loop_is_stopped_at_the_time_limit():
    result = run("def two_sum(nums, target):\n    while True:\n        pass\n")
    first = result.results[0]
    assert first.outcome is Outcome.timeout
    assert "time limit exceeded" in first.error


def test_a_4_gb_allocation_hits_the_memory_limit():
    result = run(
        "def two_sum(nums, target):\n    block = bytearray(4 * 1024**3)\n    return [0, 1]\n"
    )
    first = result.results[0]
    assert first.outcome is Outcome.memory
    assert "memory limit exceeded (the limit is 256 MB)" in first.error


def test_a_fork_loop_is_refused():
    result = run("import os\ndef two_sum(nums, target):\n    while True:\n        os.fork()\n")
    first = result.results[0]
    assert first.outcome is Outcome.error
    assert "sandbox: creating processes is not allowed" in first.error


def test_subprocess_is_refused():
    code = "def two_sum(nums, target):\n    import subprocess\n    return subprocess.run(['ls'])\n"
    first = run(code).results[0]
    assert "sandbox: importing subprocess is not allowed" in first.error


def test_no_secret_of_the_parent_is_visible(monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", "sk-parent-secret-123")
    monkeypatch.setenv("INTERVIEWER_SOMETHING", "user-variable")
    code = (
        "import os\n"
        "def two_sum(nums, target):\n"
        "    print(dict(os.environ))\n"
        "    return [os.environ.get('OPENAI_API_KEY'), sorted(os.environ)]\n"
    )
    first = run(code).results[0]
    assert "sk-parent-secret-123" not in first.got + first.stdout
    assert "INTERVIEWER_SOMETHING" not in first.got + first.stdout
    assert "OPENAI_API_KEY" not in first.stdout
    assert first.got.startswith("[None, ")


def test_the_parents_environment_cannot_be_read_through_proc(monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", "sk-parent-secret-123")
    code = (
        "import os\n"
        "def two_sum(nums, target):\n"
        "    return open(f'/proc/{os.getppid()}/environ', 'rb').read().decode()\n"
    )
    first = run(code).results[0]
    assert first.outcome is Outcome.error
    assert "sandbox: reading /proc/" in first.error
    assert "sk-parent-secret-123" not in first.got


def test_writes_outside_its_folder_are_refused(tmp_path):
    target = tmp_path / "escaped.txt"
    code = (
        "def two_sum(nums, target):\n"
        f"    open({str(target)!r}, 'w').write('x')\n"
        "    return [0, 1]\n"
    )
    first = run(code).results[0]
    assert first.outcome is Outcome.error
    assert f"sandbox: writing {target} is not allowed" in first.error
    assert not target.exists()


def test_writing_inside_its_own_folder_is_allowed():
    code = (
        "def two_sum(nums, target):\n"
        "    with open('scratch.txt', 'w') as f:\n"
        "        f.write('ok')\n"
        "    return [0, 1] if open('scratch.txt').read() == 'ok' else []\n"
    )
    assert run(code).results[0].passed


def test_10_mb_printed_is_cut_and_the_test_still_counts():
    code = "def two_sum(nums, target):\n    print('x' * 10_000_000)\n    return [0, 1]\n"
    result = run(code)
    first = result.results[0]
    assert first.passed
    assert len(first.stdout) < 5000
    assert "[output cut: 10,000,001 characters printed" in first.stdout


def test_10_mb_written_past_the_capture_stops_the_run():
    code = "import os\ndef two_sum(nums, target):\n    os.write(1, b'y' * 10_000_000)\n"
    result = run(code, limits=Limits(output_bytes=200_000))
    assert result.status is RunStatus.stopped
    assert "wrote more than 200,000 bytes of output" in result.message
    assert len(result.stray_output) < 3000


def test_ignoring_the_timer_meets_the_wall_time_limit():
    code = (
        "import signal\n"
        "signal.signal(signal.SIGPROF, signal.SIG_IGN)\n"
        "def two_sum(nums, target):\n"
        "    while True:\n"
        "        pass\n"
    )
    result = run(code, limits=Limits(startup_seconds=1.0))
    assert result.status is RunStatus.stopped
    assert "wall-time limit" in result.message
    assert all(r.outcome is Outcome.not_run for r in result.results)


@pytest.mark.skipif(os.name != "posix", reason="process groups")
def test_nothing_is_left_running_after_a_stopped_run():
    code = (
        "import signal, time\n"
        "signal.signal(signal.SIGPROF, signal.SIG_IGN)\n"
        "def two_sum(nums, target):\n"
        "    time.sleep(60)\n"
    )
    result = run(code, limits=Limits(startup_seconds=0.5))
    assert result.status is RunStatus.stopped
    assert result.wall_seconds < 10
