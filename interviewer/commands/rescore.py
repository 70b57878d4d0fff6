"""`interviewer rescore SESSION`: judge a saved interview again, keeping earlier runs."""

import argparse
import asyncio

from interviewer.commands.content_notes import warn_content
from interviewer.runner import SaveFailed
from interviewer.safe_text import echo
from interviewer.session_factory import backend_for, content_for, make_runner, store_for
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
    backend = backend_for(settings)
    content = content_for(settings)
    warn_content(content)
    try:
        runner = make_runner(session, content, store, backend, command="rescore")
    except SessionLocked as exc:
        echo(f"error: {exc}", err=True)
        return 2
    try:
        count = asyncio.run(runner.rescore(only_unscored=args.only_unscored))
    except SaveFailed as failure:
        echo(f"error: {failure.describe()}", err=True)
        echo("The new scoring runs were not added to the transcript.", err=True)
        return 1
    unscored = sum(
        1
        for q in session.questions
        if q.latest_scoring is not None and not q.latest_scoring.result.is_scored
    )
    echo(
        f"re-scored {count} question(s) of {session.id} with {backend.description}; "
        f"{unscored} still unscored. Earlier scoring runs are kept."
    )
    return 0
