"""`interviewer rescore SESSION`: judge a saved interview again, keeping earlier runs."""

import argparse
import asyncio
import sys

from interviewer.commands.content_notes import warn_content
from interviewer.session_factory import backend_for, content_for, make_runner, store_for
from interviewer.settings import settings_from_args
from interviewer.store.transcripts import TranscriptError


def run(args: argparse.Namespace) -> int:
    settings = settings_from_args(args)
    store = store_for(settings)
    try:
        session = store.open(args.session)
    except TranscriptError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    backend = backend_for(settings)
    content = content_for(settings)
    warn_content(content)
    runner = make_runner(session, content, store, backend)
    count = asyncio.run(runner.rescore(only_unscored=args.only_unscored))
    unscored = sum(
        1
        for q in session.questions
        if q.latest_scoring is not None and not q.latest_scoring.result.is_scored
    )
    print(
        f"re-scored {count} question(s) of {session.id} with {backend.description}; "
        f"{unscored} still unscored. Earlier scoring runs are kept."
    )
    return 0
