"""`interviewer replay` and `report`: reading saved sessions back (`list`: listing.py)."""

import argparse
from pathlib import Path

from interviewer.domain.session import Session
from interviewer.report import render_json, render_markdown
from interviewer.safe_text import echo, write
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
        write(render_replay(session))
        return 0
    from interviewer.tui.launch import run_app

    return run_app(settings=settings, replay=path)


def render_replay(session: Session) -> str:
    out = [f"Replay of {session.id} — {session.scenario.title} ({session.status.value})"]
    for record in session.rounds:
        out.append(f"\n=== Round {record.index + 1}: {record.title} ===")
        rubric = session.rubrics[record.rubric_id]
        for asked in session.questions_in_round(record.index):
            for turn in asked.turns:
                who = "Interviewer" if turn.role == "interviewer" else "You"
                label = "" if turn.kind.value in ("question", "answer") else f" ({turn.kind.value})"
                text = turn.text if turn.text else "(skipped)"
                out.append(f"\n{who}{label} [{turn.at:%H:%M:%S}]: {text}")
            for n, run in enumerate(asked.scoring_runs, 1):
                judge = run.judge
                who = f"{judge.kind}{'/' + judge.model if judge.model else ''}"
                result = run.result
                if result.is_scored:
                    levels = ", ".join(f"{c.criterion_id}={c.level}" for c in result.criteria)
                    out.append(
                        f"  score run {n} by {who} on {run.answers_judged} answer(s): "
                        f"{result.percent(rubric):.0f}/100 ({levels})"
                    )
                else:
                    out.append(f"  score run {n} by {who}: unscored — {result.reason}")
    return "\n".join(out) + "\n"
