"""What a command loads: nothing it does not need (checked in fresh interpreters)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from interviewer import paths
from interviewer.settings import Settings
from tests.plain_driver import cli_env

pytestmark = pytest.mark.slow

REPORT_MODULES = "import sys, json; json.dump(sorted(sys.modules), open({out!r}, 'w'))"


def modules_after(code: str, tmp_path: Path, stdin: str = "") -> set[str]:
    out = tmp_path / "modules.json"
    script = f"{code}\n{REPORT_MODULES.format(out=str(out))}"
    done = subprocess.run(
        [sys.executable, "-c", script],
        input=stdin,
        capture_output=True,
        text=True,
        env=cli_env(tmp_path / "t"),
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return set(json.loads(out.read_text()))


def run_cli(*args: str) -> str:
    return f"from interviewer.cli import main\nmain({list(args)!r})"


def test_list_loads_no_models_no_settings_machinery_and_no_interface(tmp_path):
    answers = "A penalty on the weights keeps the model simple.\n.\n/quit\n"
    modules_after(run_cli("start", "--plain", "--scenario", "practice_breadth"), tmp_path, answers)
    loaded = modules_after(run_cli("list", "--json"), tmp_path)
    assert "sqlite3" in loaded  # the listing did read the index
    for heavy in ("pydantic", "pydantic_settings", "textual", "yaml", "interviewer.domain"):
        assert heavy not in loaded, heavy


def test_an_offline_interview_builds_no_tokenizer_and_one_stemmer_in_the_main_process(
    tmp_path,
):
    answers = "A penalty on the weights keeps the model simple.\n.\n/end\n"
    code = run_cli("start", "--plain", "--scenario", "practice_breadth", "--seed", "2")
    modules_after(code, tmp_path, answers)  # the first run compiles the content cache
    loaded = modules_after(code, tmp_path, answers)
    assert "interviewer.judge.matching" in loaded  # the follow-up signal ran here
    for absent in ("tiktoken", "openai", "textual", "yaml", "snowballstemmer.french_stemmer"):
        assert absent not in loaded, absent
    transcripts = list((tmp_path / "t").glob("*.json"))
    scored = json.loads(transcripts[-1].read_text())["questions"][0]["scoring_runs"]
    assert scored and scored[0]["judge"]["kind"] == "offline"  # by the worker process


def test_the_app_modules_do_not_load_the_judge(tmp_path):
    loaded = modules_after("import interviewer.tui.app, interviewer.tui.interview", tmp_path)
    for absent in ("interviewer.judge.offline", "interviewer.judge.matching", "tiktoken"):
        assert absent not in loaded, absent


@pytest.mark.parametrize(
    "env, config, flag, expected",
    [
        ({}, None, None, "transcripts"),
        ({"INTERVIEWER_TRANSCRIPTS_DIR": "from-env"}, None, None, "from-env"),
        ({"interviewer_transcripts_dir": "lower-case"}, None, None, "lower-case"),
        ({}, "transcripts_dir: from-file\n", None, "from-file"),
        ({"INTERVIEWER_TRANSCRIPTS_DIR": "from-env"}, "transcripts_dir: f\n", None, "from-env"),
        ({"INTERVIEWER_TRANSCRIPTS_DIR": "from-env"}, None, "from-flag", "from-flag"),
        ({}, "model: gpt-4o\n", None, "transcripts"),
    ],
)
def test_the_light_transcripts_folder_agrees_with_settings(
    monkeypatch, isolated_user_paths, env, config, flag, expected
):
    monkeypatch.delenv("INTERVIEWER_TRANSCRIPTS_DIR", raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    if config is not None:
        path = isolated_user_paths / ".config" / "interviewer" / "config.yaml"
        path.parent.mkdir(parents=True)
        path.write_text(config)
    settings = Settings()
    if flag is not None:
        settings = settings.model_copy(update={"transcripts_dir": Path(flag)})
    assert paths.transcripts_dir(flag) == settings.transcripts_dir == Path(expected)
