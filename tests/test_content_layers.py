"""The user's own content folders, layered over the shipped content.

`--content-dir DIR` (repeatable, before or after the subcommand) and
INTERVIEWER_CONTENT_PATH (os.pathsep-separated) add folders laid out like the shipped
content; an id defined again replaces the earlier one, with a notice naming both files.
"""

import io
import json
import os
from pathlib import Path

import pytest

from interviewer.cli import build_parser, main
from interviewer.content.loader import content_roots, load_content
from interviewer.settings import settings_from_args

SHIPPED_ID = "breadth.bias_variance.definitions"

USER_QUESTION = """\
questions:
  - id: mine.feature_store.why
    round: breadth
    prompt: Why would a team put a feature store between its pipelines and its models?
    topics: [feature_store_basics]
    difficulty: easy
    key_points:
      - id: one_definition
        text: >-
          One definition of each feature is shared by training and serving, so they
          cannot drift apart.
        weight: 3
        cues: [same definition for training and serving]
      - id: point_in_time
        text: Point-in-time correct joins give training rows only the values known at that moment.
        weight: 2
      - id: reuse
        text: Teams reuse features instead of rebuilding them.
    follow_ups:
      - probes: point_in_time
        prompt: How does it keep future values out of a training row?
"""

USER_LOOP = """\
id: my_loop
title: My own loop
role: ml_engineer
rounds:
  - kind: breadth
    rubric: breadth
    questions: 1
    max_follow_ups: 1
    pool:
      ids: [mine.feature_store.why]
"""


def write(root: Path, rel: str, text: str) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def overriding(shipped_prompt_id: str) -> str:
    return f"""\
questions:
  - id: {shipped_prompt_id}
    round: breadth
    prompt: My own wording of the bias-variance question, for my own practice.
    topics: [bias_variance]
    difficulty: medium
    key_points:
      - {{id: bias, text: Bias is error from wrong assumptions in the model.}}
      - {{id: variance, text: Variance is error from sensitivity to the training sample.}}
      - {{id: tradeoff, text: More flexible models trade lower bias for higher variance.}}
"""


@pytest.fixture
def mine(tmp_path: Path) -> Path:
    root = tmp_path / "my"
    write(root, "scenarios/bank/breadth/mine.yaml", USER_QUESTION)
    write(root, "scenarios/my_loop.yaml", USER_LOOP)
    return root


def test_a_user_folder_adds_questions_and_scenarios(mine):
    shipped = load_content()
    content = load_content(content_roots([mine]))
    assert content.ok, content.errors
    assert "mine.feature_store.why" in content.questions
    assert "my_loop" in content.scenarios
    assert len(content.questions) == len(shipped.questions) + 1
    assert content.notices == []


def test_same_id_overrides_the_shipped_one_with_a_notice_naming_both_files(tmp_path):
    shipped = load_content()
    user_file = write(tmp_path / "my", "scenarios/bank/breadth/bv.yaml", overriding(SHIPPED_ID))
    content = load_content(content_roots([tmp_path / "my"]))
    assert content.ok, content.errors
    assert content.questions[SHIPPED_ID].prompt.startswith("My own wording")
    assert len(content.questions) == len(shipped.questions)
    [notice] = content.notices
    assert str(user_file.resolve()) in notice
    assert str(shipped.sources[f"question:{SHIPPED_ID}"]) in notice
    assert content.sources[f"question:{SHIPPED_ID}"] == user_file.resolve()


def test_a_later_folder_overrides_an_earlier_one(tmp_path):
    first = write(tmp_path / "a", "scenarios/bank/breadth/q.yaml", USER_QUESTION)
    second = write(
        tmp_path / "b",
        "scenarios/bank/breadth/q.yaml",
        USER_QUESTION.replace("Why would a team", "Why, in your view, would a team"),
    )
    content = load_content(content_roots([tmp_path / "a", tmp_path / "b"]))
    assert content.questions["mine.feature_store.why"].prompt.startswith("Why, in your view")
    [notice] = content.notices
    assert str(second.resolve()) in notice and str(first.resolve()) in notice


def test_the_same_id_twice_in_one_folder_is_an_error(tmp_path):
    root = tmp_path / "my"
    write(root, "scenarios/bank/breadth/one.yaml", USER_QUESTION)
    two = write(
        root,
        "scenarios/bank/breadth/two.yaml",
        USER_QUESTION.replace("Why would a team", "Why should a team"),
    )
    content = load_content(content_roots([root]))
    [error] = content.errors
    assert error.path == two.resolve() and "already defined" in error.message


def test_a_broken_user_file_names_its_line_and_the_shipped_content_still_loads(tmp_path, mine):
    shipped = load_content()
    broken = write(
        mine, "scenarios/bank/breadth/broken.yaml", USER_QUESTION.replace("weight: 3", "weight: 9")
    )
    content = load_content(content_roots([mine]))
    [error] = content.errors
    assert error.path == broken.resolve()
    assert error.line == 12 and error.field == "questions[0].key_points[0].weight"
    # Everything shipped is there; the broken question is not.
    assert set(shipped.questions) <= set(content.questions)
    assert "my_loop" in content.scenarios


def test_a_missing_folder_is_an_error_and_an_empty_one_a_notice(tmp_path):
    (tmp_path / "empty").mkdir()
    content = load_content(content_roots([tmp_path / "nowhere", tmp_path / "empty"]))
    [error] = content.errors
    assert error.path == tmp_path / "nowhere" and "no such file" in error.message
    [notice] = content.notices
    assert "holds no content" in notice
    assert len(content.questions) == len(load_content().questions)


def test_the_flag_is_global_repeatable_and_joins_the_environment(tmp_path, monkeypatch):
    env_dirs = os.pathsep.join([str(tmp_path / "e1"), "", str(tmp_path / "e2")])
    monkeypatch.setenv("INTERVIEWER_CONTENT_PATH", env_dirs)
    args = build_parser().parse_args(
        ["--content-dir", "f1", "--content-dir", "f2", "bank", "--content-dir", "f3"]
    )
    settings = settings_from_args(args)
    assert settings.content_path == [
        tmp_path / "e1",
        tmp_path / "e2",
        Path("f1"),
        Path("f2"),
        Path("f3"),
    ]


def test_a_global_transcripts_dir_reaches_the_subcommand():
    args = build_parser().parse_args(["--transcripts-dir", "elsewhere", "list"])
    assert settings_from_args(args).transcripts_dir == Path("elsewhere")


def test_validate_covers_the_user_folders(mine, capsys):
    assert main(["--content-dir", str(mine), "validate"]) == 0
    out = capsys.readouterr().out
    assert "all valid" in out
    write(
        mine,
        "scenarios/bank/breadth/bad.yaml",
        USER_QUESTION.replace("mine.feature_store.why", "mine.other").replace("easy", "trivial"),
    )
    assert main(["validate", "--content-dir", str(mine)]) == 1
    err = capsys.readouterr().err
    bad = (mine / "scenarios/bank/breadth/bad.yaml").resolve()
    assert f"{bad}:6: questions[0].difficulty:" in err
    assert "1 errors" in err


def test_validate_reads_the_environment_and_prints_overrides(tmp_path, monkeypatch, capsys):
    write(tmp_path / "my", "scenarios/bank/breadth/bv.yaml", overriding(SHIPPED_ID))
    monkeypatch.setenv("INTERVIEWER_CONTENT_PATH", str(tmp_path / "my"))
    assert main(["validate"]) == 0
    captured = capsys.readouterr()
    assert f"note: question '{SHIPPED_ID}'" in captured.err and "overrides" in captured.err


def test_bank_coverage_counts_the_user_questions(mine, capsys):
    main(["bank", "--coverage", "--json"])
    before = json.loads(capsys.readouterr().out)
    main(["bank", "--coverage", "--json", "--content-dir", str(mine)])
    after = json.loads(capsys.readouterr().out)
    assert after["total"] == before["total"] + 1
    assert after["rounds"]["breadth"]["topics"]["feature_store_basics"]["count"] == 1
    shipped_unlisted = before["coverage"]["unlisted_topics"].get("breadth", [])
    assert after["coverage"]["unlisted_topics"]["breadth"] == sorted(
        [*shipped_unlisted, "feature_store_basics"]
    )


def test_an_interview_asks_the_user_question(mine, tmp_path, monkeypatch, capsys):
    answer = (
        "A feature store keeps one definition of each feature shared by training and "
        "serving, so the two cannot drift apart.\n.\n"
    )
    monkeypatch.setattr("sys.stdin", io.StringIO(answer + "/end\n"))
    code = main(
        ["--content-dir", str(mine), "start", "--plain", "--scenario", "my_loop", "--seed", "1"]
    )
    assert code == 0
    out = capsys.readouterr().out
    assert "Why would a team put a feature store" in out
    [saved] = (tmp_path / "transcripts").glob("*.json")
    data = json.loads(saved.read_text())
    assert data["questions"][0]["question_id"] == "mine.feature_store.why"
