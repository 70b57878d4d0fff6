"""Creating and reopening interviews: the one path the CLI, the app and the tests share."""

import argparse
import random
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from interviewer.backends import Backend, make_backend
from interviewer.content.loader import Content, content_roots, load_content
from interviewer.domain.levels import CareerLevel
from interviewer.domain.question import RoundKind
from interviewer.domain.session import Mode, Session
from interviewer.runner import InterviewRunner, ScoredCallback, utc_now
from interviewer.settings import Settings
from interviewer.store.history import indexed_history
from interviewer.store.locks import SessionLock
from interviewer.store.transcripts import TranscriptStore, new_session_id

DEFAULT_SCENARIO = "ml_engineer"
MAX_PROJECT_CHARS = 20_000


class SetupError(ValueError):
    """A request that cannot start an interview, with what to do about it."""


def read_project_file(path: Path) -> str:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SetupError(f"project file not found: {path}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise SetupError(f"cannot read project file {path}: {exc}") from exc
    text = text.strip()
    if not text:
        raise SetupError(f"project file {path} is empty")
    if len(text) > MAX_PROJECT_CHARS:
        raise SetupError(
            f"project file {path} has {len(text)} characters; keep it under {MAX_PROJECT_CHARS} "
            "(a page or two about one project is what the deep dive needs)"
        )
    return text


def parse_rounds(text: str | None) -> list[RoundKind] | None:
    if not text:
        return None
    kinds = []
    for part in text.split(","):
        name = part.strip()
        try:
            kinds.append(RoundKind(name))
        except ValueError:
            known = ", ".join(k.value for k in RoundKind)
            raise SetupError(f"unknown round kind '{name}' (known: {known})") from None
    return kinds


@dataclass
class NewInterview:
    scenario_id: str = DEFAULT_SCENARIO
    rounds: list[RoundKind] | None = None
    mode: Mode = Mode.mock
    seed: int | None = None
    candidate: str = "default"
    project_file: Path | None = None
    level: CareerLevel | None = None  # None: the scenario's own level
    track: str | None = None  # the domain rounds' track; None: the scenario's own


def interview_request(
    args: argparse.Namespace, settings: Settings, seed: int | None
) -> NewInterview:
    """The new interview `interviewer start` asks for with these flags (the usual start
    and the quick one share it). Raises SetupError for an unknown round kind or level."""
    return NewInterview(
        scenario_id=args.scenario or DEFAULT_SCENARIO,
        mode=Mode(args.mode),
        seed=seed,
        candidate=settings.resolved_candidate,
        project_file=Path(args.project_file) if args.project_file else None,
        rounds=parse_rounds(args.rounds),
        level=parse_level(args.level),
        track=args.track,
    )


def parse_level(text: str | None) -> CareerLevel | None:
    if not text:
        return None
    try:
        return CareerLevel(text.strip().lower())
    except ValueError:
        known = ", ".join(level.value for level in CareerLevel)
        raise SetupError(f"unknown level '{text}' (known: {known})") from None


def domain_tracks(content: Content) -> list[str]:
    """The tracks a domain round can be put on: the topics of the domain questions."""
    return sorted(
        {t for q in content.questions.values() if q.round is RoundKind.domain for t in q.topics}
    )


def create_session(
    content: Content, request: NewInterview, backend: Backend, now: datetime | None = None
) -> Session:
    now = now or utc_now()
    try:
        scenario = content.scenario(request.scenario_id)
    except KeyError as exc:
        raise SetupError(str(exc.args[0])) from None
    try:
        if request.track:
            tracks = domain_tracks(content)
            if request.track not in tracks:
                raise SetupError(
                    f"unknown track '{request.track}' (known: {', '.join(tracks) or 'none'})"
                )
            scenario = scenario.with_track(request.track)
        scenario = scenario.at_level(request.level or scenario.level)
        if request.rounds:
            scenario = scenario.only_rounds(request.rounds)
    except ValueError as exc:
        raise SetupError(str(exc)) from None
    missing = [r.rubric for r in scenario.rounds if r.rubric not in content.rubrics]
    if missing:
        raise SetupError(f"scenario '{scenario.id}' needs missing rubrics: {', '.join(missing)}")
    project = read_project_file(request.project_file) if request.project_file else None
    return Session(
        id=new_session_id(now),
        candidate=request.candidate,
        scenario=scenario,
        rubrics={
            r.rubric: content.rubrics[r.rubric].at_level(scenario.level) for r in scenario.rounds
        },
        mode=request.mode,
        backend=backend.name,
        interviewer_model=getattr(backend.conductor, "model", "") or "",
        judge_model=backend.judge.model,
        seed=request.seed if request.seed is not None else random.randrange(1_000_000),
        project_description=project,
        created_at=now,
        updated_at=now,
    )


def make_runner(
    session: Session,
    content: Content,
    store: TranscriptStore,
    backend: Backend,
    on_scored: ScoredCallback | None = None,
    command: str = "",
) -> InterviewRunner:
    """A runner holding the session's lock: raises SessionLocked when another process is
    writing the session (one writer per session; `command` says who we are to others)."""
    try:
        lock: SessionLock | None = store.lock(session, command)
    except OSError:
        # No lock file where the transcript lives (a read-only folder): no save can happen
        # there either, and the runner's failing saves say so and offer another folder.
        lock = None
    store.clean_orphans()
    history = indexed_history(store, session.candidate, exclude_id=session.id)
    runner = InterviewRunner(
        session, content.questions, backend, store, history=history, on_scored=on_scored
    )
    runner.lock = lock
    return runner


def content_for(settings: Settings) -> Content:
    """The shipped content with the user's folders layered over it."""
    return load_content(content_roots(settings.content_path))


def store_for(settings: Settings) -> TranscriptStore:
    return TranscriptStore(settings.transcripts_dir)


def backend_for(settings: Settings) -> Backend:
    return make_backend(settings)
