"""`interviewer rescore SESSION`: judge a saved interview again, keeping earlier runs."""

import argparse
import asyncio

from interviewer.commands.content_notes import warn_content
from interviewer.runner import SaveFailed
from interviewer.safe_text import echo
from interviewer.session_factory import (
    SetupError,
    backend_for,
    content_for,
    make_runner,
    store_for,
)
from interviewer.settings import settings_from_args
from interviewer.store.locks import SessionLocked
from interviewer.store.transcripts import TranscriptError


def run(args: argparse.Namespace) -> int:
    settings = settings_from_args(args)
    store = store_for(settings)
    try:
        session = store.open(args.session)
    except TranscriptError as exc:
        echo(f"error: {exc}", err=True)
        return 2
    try:
        backend = backend_for(settings)
    except (SetupError, ValueError) as exc:
        echo(f"error: {exc}", err=True)
        return 2
    content = content_for(settings)
    warn_content(content)
    try:
        runner = make_runner(session, content, store, backend, command="rescore")
    except SessionLocked as exc:
        echo(f"error: {exc}", err=True)
        return 2
    if backend.readiness is not None:
        # The model is asked first: a backend that cannot judge says why at once, and no
        # answer gets a failed run for it.
        report = asyncio.run(backend.readiness.check())
        if not report.ok:
            for line in report.lines(plain=True):
                echo(f"error: {line}", err=True)
            echo("Nothing was re-scored; the earlier scores stand.", err=True)
            runner.close()
            return 2
    before = {id(q): len(q.scoring_runs) for q in session.questions}
    try:
        count = asyncio.run(runner.rescore(only_unscored=args.only_unscored))
    except SaveFailed as failure:
        echo(f"error: {failure.describe()}", err=True)
        echo("The new scoring runs were not added to the transcript.", err=True)
        return 1
    new_runs = [run for q in session.questions for run in q.scoring_runs[before.get(id(q), 0) :]]
    failed = [run for run in new_runs if not run.result.is_scored]
    if failed:
        # Said as a failure, with its reason: the earlier runs that worked are still the
        # ones `list`, `report` and the app show.
        reasons = list(dict.fromkeys(run.result.reason for run in failed))
        echo(
            f"error: re-scoring {session.id} with {backend.description} failed for "
            f"{len(failed)} of {len(new_runs)} answer(s): {reasons[0]}",
            err=True,
        )
        for reason in reasons[1:3]:
            echo(f"  also: {reason}", err=True)
        echo(
            "The failed runs are kept beside the earlier ones; the scores shown stay those of "
            "the last run that worked. Fix the backend and run this again.",
            err=True,
        )
        return 1
    echo(
        f"re-scored {count} question(s) of {session.id} with {backend.description}. "
        "Earlier scoring runs are kept."
    )
    return 0
