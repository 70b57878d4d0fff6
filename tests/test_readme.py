"""What the README tells a new user to type works from a clone (issue 13 item 12)."""

import json
import re
from pathlib import Path

from interviewer.cli import main

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_set_up_makes_a_virtual_environment_before_installing():
    setup = README[README.index("## Set up") :]
    assert setup.index("git clone") < setup.index("python3 -m venv") < setup.index("pip install")


def test_the_calibrate_example_runs_on_the_sample_shipped_in_the_repository(monkeypatch, capsys):
    [command] = re.findall(r"interviewer (calibrate data/\S+)", README)
    assert (ROOT / command.split()[1]).is_file()
    assert (ROOT / "data" / "README.md").read_text().count("Mohler") >= 1  # its source
    monkeypatch.chdir(ROOT)
    assert main([*command.split(), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["n"] == 48 and report["unscored"] == 0


def test_clarifying_questions_are_explained():
    # Issue 13 item 6: the feature was mentioned nowhere.
    section = README[README.index("**Clarifying questions**") :][:600]
    assert "?" in section and "system design" in section.lower()
