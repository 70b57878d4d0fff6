"""`interviewer list` and `interviewer reindex`: the saved sessions, from the history index.

Light on purpose: the index answers without a transcript being parsed, so nothing here
imports pydantic, the settings machinery or the models (only a transcript that changed
since it was indexed brings them in, to be read).
"""

import argparse
import json
import time
from pathlib import Path

from interviewer.paths import transcripts_dir
from interviewer.safe_text import echo
from interviewer.store.transcripts import SessionSummary, TranscriptStore


def run(args: argparse.Namespace) -> int:
    root = transcripts_dir(getattr(args, "transcripts_dir", None))
    if args.command == "reindex":
        return reindex(root)
    limit = None if args.all else args.limit
    return list_sessions(root, as_json=args.json, limit=limit)


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
        "level": summary.level,
        "answered_questions": summary.answered_questions,
        "planned_questions": summary.planned,
        "unscored": summary.unscored,
        "newest_run_failed": summary.failed,
    }


def _json_document(rows: list[dict[str, object]], broken: list[dict[str, str]]) -> str:
    """{"sessions": [...], "broken": [...]} with one item a line: each line goes through
    the C encoder, where an indented document is encoded in pure Python (a third of a
    second at 5,000 sessions)."""

    def items(values: list[dict[str, object]] | list[dict[str, str]]) -> str:
        if not values:
            return "[]"
        return "[\n" + ",\n".join(f"    {json.dumps(v)}" for v in values) + "\n  ]"

    return f'{{\n  "sessions": {items(rows)},\n  "broken": {items(broken)}\n}}'


DEFAULT_LIMIT = 50


def list_sessions(root: Path, *, as_json: bool, limit: int | None = DEFAULT_LIMIT) -> int:
    """The newest `limit` sessions (None: all of them). A page reads and checks only its own
    rows (and the broken files), so `list` costs the same at 5,000 sessions as at 50; the
    sessions left out are counted on stderr, never in the JSON."""
    store = TranscriptStore(root)
    listing = store.summaries() if limit is None else store.newest(limit)
    rows = [_row(summary) for summary in listing.sessions]
    broken = [{"path": str(e.path), "error": e.reason} for e in listing.broken]
    if listing.cleaned:
        echo(
            f"removed {len(listing.cleaned)} temporary file(s) left by an interrupted save "
            f"in {root}",
            err=True,
        )
    hidden = max(0, listing.total - len(rows)) if limit is not None else 0
    if as_json:
        echo(_json_document(rows, broken))
        _say_hidden(hidden)
        return 0
    if not rows and not broken:
        echo(f"no sessions in {root}")
    for row in rows:
        overall = "—" if row["overall"] is None else f"{row['overall']:.0f}/100"
        answered = f"{row['answered_questions']} of {row['planned_questions']} answered"
        notes = []
        if row["newest_run_failed"]:
            notes.append(f"newest re-score failed on {row['newest_run_failed']}")
        if row["unscored"]:
            notes.append(f"{row['unscored']} unscored")
        note = f"  ({'; '.join(notes)})" if notes else ""
        echo(
            f"{row['id']}  {str(row['created_at'])[:16].replace('T', ' ')}  "
            f"{row['scenario']:<22} {row['status']:<12} {overall:>8}  {answered}{note}"
        )
    for item in broken:
        echo(f"BROKEN  {item['path']}: {item['error']}", err=True)
    _say_hidden(hidden)
    return 0


def _say_hidden(hidden: int) -> None:
    if hidden:
        older = "older session" if hidden == 1 else "older sessions"
        echo(
            f"… {hidden:,} {older} not shown: `interviewer list --all` (or --limit N)",
            err=True,
        )


def reindex(root: Path) -> int:
    started = time.perf_counter()
    listing = TranscriptStore(root).reindex()
    for error in listing.broken:
        echo(f"BROKEN  {error.path}: {error.reason}", err=True)
    broken = f", {len(listing.broken)} broken" if listing.broken else ""
    echo(
        f"indexed {len(listing.sessions)} session(s) in {root}{broken}"
        f" ({time.perf_counter() - started:.1f} s)"
    )
    return 0
