"""`interviewer replay` and `report`: reading saved sessions back (`list`: listing.py)."""

import argparse
import sys
from pathlib import Path

from interviewer.domain.session import Session
from interviewer.report import render_json, render_markdown, turn_label
from interviewer.safe_text import echo, for_terminal, write
from interviewer.session_factory import store_for
from interviewer.settings import settings_from_args
from interviewer.store.transcripts import TranscriptError


def run(args: argparse.Namespace) -> int:
    settings = settings_from_args(args)
    try:
        path = store_for(settings).resolve(args.session)
        session = store_for(settings).load(path)
    except TranscriptError as exc:
        echo(f"error: {exc}", err=True)
        return 2
    if args.command == "report":
        text = render_json(session) if args.format == "json" else render_markdown(session)
        if args.output:
            try:
                Path(args.output).write_text(text, encoding="utf-8")
            except OSError as exc:
                echo(f"error: cannot write {args.output}: {exc.strerror or exc}", err=True)
                return 1
            echo(f"wrote {args.output}", err=True)
        else:
            write(text)
        return 0
    if args.plain:
        show_long(render_replay(session))
        return 0
    from interviewer.tui.launch import run_app

    return run_app(settings=settings, replay=path)


def render_replay(session: Session) -> str:
    """The interview as it went, turn by turn, with every scoring run of each question."""
    out = [f"Replay of {session.id} — {session.scenario.title} ({session.status.value})"]
    for record in session.rounds:
        out.append(f"\n=== Round {record.index + 1}: {record.title} ===")
        rubric = session.rubrics[record.rubric_id]
        names = {c.id: c.name for c in rubric.criteria}
        for asked in [q for q in session.questions if q.round_index == record.index]:
            for turn in asked.turns:
                text = turn.text if turn.text else "(no answer)"
                out.append(f"\n{turn_label(turn)} [{turn.at:%H:%M:%S}]: {text}")
            for n, run in enumerate(asked.scoring_runs, 1):
                judge = run.judge
                who = f"{judge.kind}{' ' + judge.model if judge.model else ''}"
                result = run.result
                if result.is_scored:
                    levels = ", ".join(
                        f"{names.get(c.criterion_id, c.criterion_id)} {c.level}/4"
                        for c in result.criteria
                    )
                    out.append(
                        f"  Scoring run {n} ({who}, {run.answers_judged} answer(s)): "
                        f"{result.percent(rubric):.0f}/100 — {levels}"
                    )
                else:
                    out.append(f"  Scoring run {n} ({who}): not scored — {result.reason}")
    return "\n".join(out) + "\n"


def show_long(text: str) -> None:
    """A long text through the pager on a terminal ($PAGER, else less or more); written
    as it is when piped or redirected, for scripts."""
    if not (sys.stdout.isatty() and sys.stdin.isatty()):
        write(text)
        return
    import pydoc

    pydoc.pager(for_terminal(text))
