"""`interviewer` with no subcommand: the Textual app on its home screen."""

import argparse

from interviewer.settings import settings_from_args


def run(args: argparse.Namespace) -> int:
    from interviewer.tui.launch import run_app

    return run_app(settings=settings_from_args(args))
