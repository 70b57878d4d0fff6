"""Running the app from the command line."""

import contextlib
import os
import sys
from pathlib import Path

from interviewer.runner import InterviewRunner
from interviewer.safe_text import echo
from interviewer.session_factory import store_for
from interviewer.settings import Settings
from interviewer.store.transcripts import TranscriptError
from interviewer.tui.app import build_app


def run_app(
    settings: Settings, runner: InterviewRunner | None = None, replay: Path | None = None
) -> int:
    """Run the app: straight into the interview when a runner is given, into the replay of
    a saved transcript when `replay` is, else on Home. Returns the exit code."""
    session = None
    store = runner.store if runner is not None else store_for(settings)
    if replay is not None:
        try:
            session = store.load(Path(replay))
        except TranscriptError as exc:
            echo(f"error: {exc}", err=True)
            return 2
        store.adopt(session, Path(replay))  # a re-score is saved back to this very file
    app = build_app(settings, runner=runner, replay=session, store=store)
    result = app.run()
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
