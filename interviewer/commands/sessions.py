"""`interviewer list`, `replay` and `report`: reading saved sessions back."""

import argparse
import json
import sys
import time
from pathlib import Path

from interviewer.domain.session import Session
from interviewer.report import render_json, render_markdown
from interviewer.session_factory import store_for
from interviewer.settings import Settings, settings_from_args
from interviewer.store.transcripts import SessionSummary, TranscriptError


def run(args: argparse.Namespace) -> int:
    settings = settings_from_args(args)
    if args.command == "list":
        return list_sessions(settings, as_json=args.json)
    if args.command == "reindex":
        return reindex(settings)
    try:
        path = store_for(settings).resolve(args.session)
        session = store_for(settings).load(path)
    except TranscriptError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.command == "report":
        text = render_json(session) if args.format == "json" else render_markdown(session)
        if args.output:
            Path(args.output).write_text(text, encoding="utf-8")
            print(f"wrote {args.output}", file=sys.stderr)
        else:
            sys.stdout.write(text)
        return 0
    if args.plain:
        sys.stdout.write(render_replay(session))
        return 0
    from interviewer.tui.launch import run_app

    return run_app(settings=settings, replay=path)


def _row(summary: SessionSummary) -> dict[str, object]:
    return {
        "id": summary.id,
        "path": str(summary.path),
        "scenario": summary.scenario_id,
        "candidate": summary.candidate,
        "mode": summary.mode,
        "backend": summary.backend,
        "status": summary.status,
        "created_at": summary.created_at.isoformat(),
        "rounds": list(summary.round_kinds),
        "answers": summary.answers,
        "overall": summary.overall,
        "unscored": summary.unscored,
    }


def list_sessions(settings: Settings, *, as_json: bool) -> int:
    listing = store_for(settings).summaries()
    rows = [_row(summary) for summary in listing.sessions]
    broken = [{"path": str(e.path), "error": e.reason} for e in listing.broken]
    if as_json:
        print(json.dumps({"sessions": rows, "broken": broken}, indent=2))
        return 0
    if not rows and not broken:
        print(f"no sessions in {settings.transcripts_dir}")
    for row in rows:
        overall = "—" if row["overall"] is None else f"{row['overall']:.0f}/100"
        print(
            f"{row['id']}  {str(row['created_at'])[:16].replace('T', ' ')}  "
            f"{row['scenario']:<22} {row['status']:<12} {overall:>8}  {row['answers']} answers"
        )
    for item in broken:
        print(f"BROKEN  {item['path']}: {item['error']}", file=sys.stderr)
    return 0


def reindex(settings: Settings) -> int:
    started = time.perf_counter()
    listing = store_for(settings).reindex()
    for error in listing.broken:
        print(f"BROKEN  {error.path}: {error.reason}", file=sys.stderr)
    print(
        f"indexed {len(listing.sessions)} session(s) in {settings.transcripts_dir}"
        f"{f', {len(listing.broken)} broken' if listing.broken else ''}"
        f" ({time.perf_counter() - started:.1f} s)"
    )
    return 0


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
