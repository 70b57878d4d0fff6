"""YAML errors name the file, the line and the field; other files still load."""

from pathlib import Path

from interviewer.cli import main
from interviewer.content.loader import load_content

GOOD_RUBRIC = """\
id: tiny
title: Tiny
criteria:
  - id: correctness
    name: Correctness
    weight: 2
    description: Says true things about the topic.
    offline_signal: coverage
    levels:
      - {level: 1, description: Wrong or missing entirely., example: "no idea"}
      - {level: 2, description: Partly right with gaps., example: "some of it"}
      - {level: 3, description: Right on the main points., example: "most of it"}
      - {level: 4, description: Right and complete with nuance., example: "all of it"}
"""


def write(root: Path, rel: str, text: str) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_unknown_field_names_file_line_and_field(tmp_path):
    bad = GOOD_RUBRIC.replace("    weight: 2\n", "    weight: 2\n    wieght: 3\n")
    path = write(tmp_path, "rubrics/tiny.yaml", bad)
    content = load_content([tmp_path])
    [error] = content.errors
    assert error.path == path
    assert error.line == 7
    assert error.field == "criteria[0].wieght"
    assert "unknown field" in error.message


def test_wrong_value_points_at_its_line(tmp_path):
    bad = GOOD_RUBRIC.replace("{level: 3,", "{level: 7,")
    write(tmp_path, "rubrics/tiny.yaml", bad)
    [error] = load_content([tmp_path]).errors
    assert error.line == 12
    assert error.field.startswith("criteria[0].levels")


def test_yaml_syntax_error_has_a_line(tmp_path):
    write(tmp_path, "rubrics/tiny.yaml", GOOD_RUBRIC.replace("title: Tiny", "title: [Tiny"))
    [error] = load_content([tmp_path]).errors
    assert "YAML syntax" in error.message and error.line is not None


def test_a_broken_file_does_not_stop_the_others(tmp_path):
    write(tmp_path, "rubrics/tiny.yaml", GOOD_RUBRIC)
    write(tmp_path, "rubrics/broken.yaml", "id: broken\ntitle: x\ncriteria: 5\n")
    content = load_content([tmp_path])
    assert "tiny" in content.rubrics
    assert len(content.errors) == 1 and content.errors[0].path.name == "broken.yaml"


def test_follow_up_must_name_a_key_point(tmp_path):
    write(
        tmp_path,
        "scenarios/bank/breadth/x.yaml",
        """\
questions:
  - id: breadth.x.one
    round: breadth
    prompt: What is a thing and why does it matter?
    topics: [x]
    difficulty: easy
    key_points:
      - {id: a, text: The first point to make}
      - {id: b, text: The second point to make}
      - {id: c, text: The third point to make}
    follow_ups:
      - {probes: nope, prompt: Tell me more about it.}
""",
    )
    [error] = load_content([tmp_path]).errors
    assert "'nope'" in error.message and error.line == 2


def test_scenario_must_name_an_existing_rubric(tmp_path):
    write(tmp_path, "rubrics/tiny.yaml", GOOD_RUBRIC)
    write(
        tmp_path,
        "scenarios/loop.yaml",
        "id: loop\ntitle: Loop\nrounds:\n  - {kind: breadth, rubric: missing, questions: 1}\n",
    )
    [error] = load_content([tmp_path]).errors
    assert "no rubric 'missing'" in error.message


def test_validate_command_prints_file_and_line_and_fails(tmp_path, capsys):
    bad = GOOD_RUBRIC.replace("    weight: 2\n", "    weight: heavy\n")
    path = write(tmp_path, "rubrics/tiny.yaml", bad)
    assert main(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}:6: criteria[0].weight:" in err


def test_validate_passes_on_a_good_file(tmp_path, capsys):
    path = write(tmp_path, "rubrics/tiny.yaml", GOOD_RUBRIC)
    assert main(["validate", str(path)]) == 0
    assert "all valid" in capsys.readouterr().out


QUESTION_WITH_MISCONCEPTION = """\
questions:
  - id: tiny.learning_rate
    round: breadth
    prompt: What happens when the learning rate is too high?
    topics: [gradient_descent]
    difficulty: easy
    key_points:
      - id: too_high
        text: Too high a learning rate overshoots the minimum and can diverge.
        weight: 3
        misconceptions:
          - id: high_is_slow
            claim: A high learning rate makes training converge slowly.
            cues: [high learning rate converges slowly]
            correction: Too high a rate overshoots or diverges; too low a rate is slow.
      - id: too_low
        text: Too low a learning rate converges slowly.
      - id: schedules
        text: Schedules lower the rate as training goes on.
"""


def test_a_misconception_is_loaded_with_its_key_point(tmp_path):
    write(tmp_path, "scenarios/bank/tiny/q.yaml", QUESTION_WITH_MISCONCEPTION)
    content = load_content([tmp_path])
    assert content.ok, content.errors
    [wrong] = content.questions["tiny.learning_rate"].key_point("too_high").misconceptions
    assert wrong.id == "high_is_slow" and "overshoots" in wrong.correction


def test_a_misconception_without_its_correction_names_its_line(tmp_path):
    bad = QUESTION_WITH_MISCONCEPTION.replace(
        "            correction: Too high a rate overshoots or diverges; too low a rate is slow.\n",
        "",
    )
    path = write(tmp_path, "scenarios/bank/tiny/q.yaml", bad)
    [error] = load_content([tmp_path]).errors
    assert error.path == path
    assert error.line == 12  # the misconception that lacks it
    assert error.field == "questions[0].key_points[0].misconceptions[0].correction"
