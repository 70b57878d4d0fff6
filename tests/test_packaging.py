"""The shipped content lives at the top of the repository; a built wheel carries a copy.

A non-editable install must find the rubrics and the bank without the source tree: the
wheel is built here (no network, no build isolation), installed into a folder of its own
(and into a fresh virtual environment), and run from there, away from the checkout.
"""

import json
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from interviewer.content.loader import load_content, shipped_content_root
from tests.test_content_layers import USER_LOOP, USER_QUESTION

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The project's wheel, built once from a copy, so the in-tree build leaves nothing in
    the checkout."""
    tmp_path = tmp_path_factory.mktemp("build")
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
    (built,) = wheels.glob("interviewer-*.whl")
    return built


def test_a_checkout_reads_the_top_level_folders():
    assert shipped_content_root() == REPO
    assert (REPO / "rubrics").is_dir() and (REPO / "scenarios" / "bank").is_dir()
    assert not (REPO / "interviewer" / "rubrics").exists()


@pytest.mark.slow
def test_a_non_editable_install_finds_the_shipped_content(tmp_path, wheel):
    with zipfile.ZipFile(wheel) as packed:
        names = set(packed.namelist())
    assert "interviewer/_content/rubrics/breadth.yaml" in names
    assert "interviewer/_content/scenarios/ml_engineer.yaml" in names
    assert "interviewer/conductor/deep_dive.yaml" in names  # how the deep dive reads projects
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


@pytest.mark.slow
def test_a_fresh_venv_install_validates_and_interviews_with_a_user_folder(tmp_path, wheel):
    """`pip install` of the wheel (not editable) into a new virtual environment: its own
    `interviewer` command checks a user's folder and asks the user's question."""
    venv = tmp_path / "venv"
    subprocess.run(
        [sys.executable, "-m", "venv", "--without-pip", str(venv)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    python = venv / "bin" / "python"
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet",
         "--no-index", "--no-deps", str(wheel)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    # The dependencies (pydantic, textual...) come from this environment, with no network:
    # a .pth line adds its site-packages as a plain folder, which does not run its .pth
    # files, so the editable install of the checkout stays out.
    site = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            check=True, capture_output=True, text=True, timeout=60,
        ).stdout.strip()
    )  # fmt: skip
    (site / "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")

    mine = tmp_path / "my"
    (mine / "scenarios" / "bank" / "breadth").mkdir(parents=True)
    (mine / "scenarios" / "bank" / "breadth" / "mine.yaml").write_text(USER_QUESTION)
    (mine / "scenarios" / "my_loop.yaml").write_text(USER_LOOP)
    work = tmp_path / "elsewhere"
    work.mkdir()
    env = {"PATH": f"{venv / 'bin'}:/usr/bin:/bin", "HOME": str(tmp_path), "LANG": "C.UTF-8"}

    def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(venv / "bin" / "interviewer"), *args],
            cwd=work, env=env, input=stdin, capture_output=True, text=True, timeout=120,
        )  # fmt: skip

    where = subprocess.run(
        [str(python), "-c", "import interviewer.content.loader as l; print(l.__file__); "
         "print(l.shipped_content_root())"],
        cwd=work, env=env, check=True, capture_output=True, text=True, timeout=60,
    ).stdout.split()  # fmt: skip
    assert all(line.startswith(str(venv)) for line in where), where

    checked = run("--content-dir", str(mine), "validate")
    assert checked.returncode == 0, checked.stderr
    assert "all valid" in checked.stdout
    assert f"{len(load_content().questions) + 1} questions" in checked.stdout

    answer = (
        "A feature store keeps one definition of each feature for training and serving, "
        "so they cannot drift apart.\n.\n"
    )
    interview = run(
        "--content-dir", str(mine), "start", "--plain", "--scenario", "my_loop", "--seed", "1",
        stdin=answer + "/end\n",
    )  # fmt: skip
    assert interview.returncode == 0, interview.stderr
    assert "Why would a team put a feature store" in interview.stdout
    [saved] = (work / "transcripts").glob("*.json")
    assert json.loads(saved.read_text())["questions"][0]["question_id"] == "mine.feature_store.why"
