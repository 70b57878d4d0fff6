"""`interviewer start` and `interviewer resume`: plain mode here, the app otherwise.

A new interview in the app shows its first question before the models are loaded when it
can (quickstart.py); the rest of this module is the usual start."""

import argparse


def run(args: argparse.Namespace) -> int:
    from interviewer.quickstart import plan

    first = plan(args)
    if first is None:
        return _run(args)
    from interviewer.safe_text import echo

    for line in first.warnings:  # what warn_content says, from the content's digest
        echo(line, err=True)
    from interviewer.tui.launch import run_first_question

    return run_first_question(args, first)


def _run(args: argparse.Namespace) -> int:
    from interviewer.commands.content_notes import warn_content
    from interviewer.domain.session import SessionStatus
    from interviewer.safe_text import echo
    from interviewer.session_factory import (
        SetupError,
        backend_for,
        content_for,
        create_session,
        interview_request,
        make_runner,
        store_for,
    )
    from interviewer.settings import settings_from_args
    from interviewer.store.locks import SessionLocked
    from interviewer.store.transcripts import TranscriptError

    settings = settings_from_args(args)
    content = content_for(settings)
    warn_content(content)
    store = store_for(settings)
    try:
        backend = backend_for(settings)
    except (SetupError, ValueError) as exc:
        echo(f"error: {exc}", err=True)
        return 2
    if args.command == "resume":
        try:
            session = store.open(args.session)
        except TranscriptError as exc:
            echo(f"error: {exc}", err=True)
            return 2
        if session.status is SessionStatus.finished:
            echo(
                f"session {session.id} is finished; see `interviewer report {session.id}`",
                err=True,
            )
            return 1
    else:
        try:
            request = interview_request(args, settings, args.seed)
            session = create_session(content, request, backend)
        except SetupError as exc:
            echo(f"error: {exc}", err=True)
            return 2
    try:
        runner = make_runner(session, content, store, backend, command=args.command)
    except SessionLocked as exc:
        echo(f"error: {exc}", err=True)
        return 2
    try:
        if args.plain:
            from interviewer.plain import run_plain

            return run_plain(runner, fallback=settings.fallback)
        from interviewer.tui.launch import run_app

        return run_app(settings=settings, runner=runner)
    finally:
        # A start refused before the first question (the model failed its check, or the
        # app was quit on Home) leaves nothing in the transcripts folder, not even a lock.
        runner.close_unwritten()
