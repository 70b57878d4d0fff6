"""Running the app from the command line."""

from interviewer.runner import InterviewRunner
from interviewer.settings import Settings
from interviewer.tui.app import build_app


def run_app(settings: Settings, runner: InterviewRunner | None = None) -> int:
    """Run the app (straight into the interview when a runner is given); the exit code."""
    app = build_app(settings, runner=runner)
    result = app.run()
    if app.exit_message:
        print(app.exit_message)
    return int(result or 0) if app.return_code in (None, 0) else int(app.return_code or 1)
