"""The shipped content lives at the top of the repository; a built wheel carries a copy.

A non-editable install must find the rubrics and the bank without the source tree: the
wheel is built here (no network, no build isolation), installed into a folder of its own,
and the content is loaded from there in a fresh interpreter started away from the checkout.
"""

import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from interviewer.content.loader import load_content, shipped_content_root

REPO = Path(__file__).resolve().parent.parent


def test_a_checkout_reads_the_top_level_folders():
    assert shipped_content_root() == REPO
    assert (REPO / "rubrics").is_dir() and (REPO / "scenarios" / "bank").is_dir()
    assert not (REPO / "interviewer" / "rubrics").exists()


@pytest.mark.slow
def test_a_non_editable_install_finds_the_shipped_content(tmp_path):
    # Built from a copy, so the in-tree build leaves nothing in the checkout.
    source = tmp_path / "src"
    source.mkdir()
    for name in ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md"):
        shutil.copy2(REPO / name, source / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "_content")
    for name in ("interviewer", "rubrics", "scenarios"):
        shutil.copytree(REPO / name, source / name, ignore=ignore)
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
         "-w", str(wheels), str(source)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    (wheel,) = wheels.glob("interviewer-*.whl")
    with zipfile.ZipFile(wheel) as packed:
        names = set(packed.namelist())
    assert "interviewer/_content/rubrics/breadth.yaml" in names
    assert "interviewer/_content/scenarios/ml_engineer.yaml" in names
    assert any(n.startswith("interviewer/_content/scenarios/bank/breadth/") for n in names)

    target = tmp_path / "site"
    with zipfile.ZipFile(wheel) as packed:
        packed.extractall(target)
    probe = (
        "import json, interviewer.content.loader as l; c = l.load_content(); "
        "print(json.dumps([str(l.shipped_content_root()), len(c.rubrics), len(c.scenarios), "
        "len(c.questions), len(c.errors)]))"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=tmp_path,
        env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
        check=True, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    root, rubrics, scenarios, questions, errors = json.loads(out.stdout)
    shipped = load_content()
    assert root == str(target / "interviewer" / "_content")
    assert (rubrics, scenarios, questions) == (
        len(shipped.rubrics), len(shipped.scenarios), len(shipped.questions)
    )  # fmt: skip
    assert errors == 0
