"""Running the app from the command line."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from interviewer.safe_text import echo
from interviewer.tui.app import InterviewerApp, build_app

if TYPE_CHECKING:
    from interviewer.quickstart import FirstQuestion
    from interviewer.runner import InterviewRunner
    from interviewer.settings import Settings


def run_app(
    settings: Settings, runner: InterviewRunner | None = None, replay: Path | None = None
) -> int:
    """Run the app: straight into the interview when a runner is given, into the replay of
    a saved transcript when `replay` is, else on Home. Returns the exit code."""
    from interviewer.session_factory import store_for
    from interviewer.store.transcripts import TranscriptError

    session = None
    store = runner.store if runner is not None else store_for(settings)
    if replay is not None:
        try:
            session = store.load(Path(replay))
        except TranscriptError as exc:
            echo(f"error: {exc}", err=True)
            return 2
        store.adopt(session, Path(replay))  # a re-score is saved back to this very file
    return _run(build_app(settings, runner=runner, replay=session, store=store))


def run_first_question(args: argparse.Namespace, first: FirstQuestion) -> int:
    """`interviewer start` with its first question shown before the interview is built
    (quickstart.py); the interview is built behind it, as `interviewer start` builds it."""
    from interviewer.quickstart import build_runner

    app = build_app(None, first=first, build=lambda: build_runner(args, first))
    try:
        return _run(app)
    finally:
        app.join_build()
        if app.built_runner is not None:
            # As `interviewer start`: a start that never wrote leaves not even a lock.
            app.built_runner.close_unwritten()


def _run(app: InterviewerApp) -> int:
    result = app.run()
    if app.start_error:
        echo(app.start_error, err=True)
    if app.hung_up:
        _quiet_terminal()  # nobody to tell; the exit code (129) and the files say it all
    elif app.exit_message:
        try:
            echo(app.exit_message)
        except OSError:
            _quiet_terminal()
    return int(result or 0) if app.return_code in (None, 0) else int(app.return_code or 1)


def _quiet_terminal() -> None:
    """Point stdout and stderr (where Textual draws) at /dev/null: the terminal is gone,
    and writing to it at exit would fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            os.dup2(devnull, stream.fileno())
