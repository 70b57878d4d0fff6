"""Plain mode as a person meets it (issue 13 items 4 and 10): no follow-up saved that was
never shown, practice feedback that keeps the follow-up's point until it is answered."""

import io
from pathlib import Path

from interviewer.domain.session import Mode, TurnKind
from interviewer.plain import PlainInterview
from tests.test_tui_support import Rig

HALF = "Too high a rate makes the loss jump around."


async def plain(rig: Rig, scenario: str, lines: list[str], mode: Mode = Mode.mock):
    runner = rig.runner(scenario, mode)
    out = io.StringIO()
    code = await PlainInterview(runner, io.StringIO("\n".join(lines) + "\n"), out).run()
    return code, out.getvalue(), rig.store.open(runner.session.id)


async def test_end_with_typed_text_saves_no_follow_up_nobody_saw(tmp_path: Path) -> None:
    code, _, saved = await plain(Rig(tmp_path), "tiny_single", [HALF, "/end"])
    assert code == 0
    asked = saved.questions[0]
    assert [t.kind for t in asked.turns] == [TurnKind.question, TurnKind.answer]
    assert asked.answers[0].text == HALF and asked.scoring_runs


async def test_practice_feedback_waits_for_the_follow_up(tmp_path: Path) -> None:
    rig = Rig(tmp_path)
    code, out, saved = await plain(
        rig,
        "tiny_loop",
        [HALF, ".", "A schedule warms up, then decays.", ".", "/end"],
        Mode.practice,
    )
    assert code == 0
    asked = saved.questions[0]
    follow_up = next(t for t in asked.turns if t.kind is TurnKind.follow_up)
    probed = next(kp for kp in asked.key_points if kp.id == follow_up.probes)
    report = out.index("# Scorecard")
    first, *later = [b.split("\nInterviewer:")[0] for b in out[:report].split("[feedback]")[1:]]
    assert "follow once you answer the follow-up" in first  # printed while it was pending
    assert probed.text not in first and "Model-answer outline" not in first
    assert any("Model-answer outline" in b and probed.text in b for b in later)


async def test_at_a_terminal_lines_wrap_between_words(tmp_path):
    # Seen in tmux at 80 columns: the terminal cut "...(no network\n)" and "final\n approach"
    # in two. Wrapped by words at the terminal's width, piped output left as it is.
    typed = "Overfitting is when the model fits noise in the training data.\n.\n/end\n"
    outputs = []
    for n, width in enumerate((50, 0)):
        rig = Rig(tmp_path / str(n))
        out = io.StringIO()
        interview = PlainInterview(rig.runner("tiny_single"), io.StringIO(typed), out, width=width)
        await interview.run()
        outputs.append(out.getvalue().replace(str(tmp_path / str(n)), "TMP"))
    wrapped, piped = outputs
    assert any(len(line) > 50 for line in piped.splitlines())
    for line in wrapped.splitlines():
        assert len(line) <= 50 or line.startswith("|") or " " not in line.strip(), line
    assert [w for w in wrapped.split() if w != ">"] == [w for w in piped.split() if w != ">"]
