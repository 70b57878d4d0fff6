"""Running the app from the command line."""

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
    if replay is not None:
        try:
            session = store_for(settings).load(Path(replay))
        except TranscriptError as exc:
            echo(f"error: {exc}", err=True)
            return 2
    app = build_app(settings, runner=runner, replay=session)
    result = app.run()
    if app.exit_message:
        echo(app.exit_message)
    return int(result or 0) if app.return_code in (None, 0) else int(app.return_code or 1)
