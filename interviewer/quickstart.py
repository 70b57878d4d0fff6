"""`interviewer start`'s first question, worked out before the models are loaded.

Importing pydantic, the domain models and pydantic-settings, and unpickling the content,
took longer than the whole of a bare Textual app's start. None of it is needed to choose
and show the first question: the content cache keeps a plain digest of the content
(content/digest.py), the history index answers in plain SQL, and the very code that
chooses questions (domain/selection.py) reads plain records as well as models. So the app
shows the first question from those, and builds the interview behind it (settings,
content, session, runner: `build_runner`, in a thread once the question is on screen); the
interview screen then takes over, looking the same.

This path is taken only when nothing it skips could change the outcome: no config file,
no setting in the environment other than the folders and the candidate (any text is
valid there), the offline engine, a known scenario whose first round is not the deep dive
and whose first question is not a coding question, a current index and a cached digest.
Anything else starts the usual way, which reports errors exactly as before.
"""

from __future__ import annotations

import argparse
import os
import random
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from interviewer.conductor.wording import opening_turn, round_intro_text
from interviewer.content import cache
from interviewer.content.files import content_roots, root_files
from interviewer.domain.selection import CandidateHistory, choose_question, eligible_questions
from interviewer.paths import config_file, transcripts_dir

if TYPE_CHECKING:
    from interviewer.content.loader import Content
    from interviewer.runner import InterviewRunner
    from interviewer.settings import Settings

DEFAULT_SCENARIO = "ml_engineer"
# Environment settings (INTERVIEWER_<name>, any case) that take any text: folders and
# names. Any other INTERVIEWER_ variable may be a setting to validate: the usual start.
# (cache_dir and config are not settings: where the cache and the config file are.)
PLAIN_SETTINGS = frozenset({"transcripts_dir", "candidate", "content_path", "cache_dir", "config"})
OPENAI_ENVIRONMENT = frozenset({"openai_api_key", "openai_base_url"})


@dataclass(frozen=True)
class PlainPool:
    topics: list[str]
    difficulties: list[str]
    ids: list[str]
    roles: list[str]


@dataclass(frozen=True)
class PlainRound:
    kind: str
    rubric: str
    title: str
    questions: int
    minutes: int | None
    track: str | None
    pool: PlainPool


@dataclass(frozen=True)
class PlainQuestion:
    id: str
    round: str
    topics: list[str]
    difficulty: str
    roles: list[str]
    levels: list[str]
    prompt: str
    hints: int
    coding: bool


@dataclass(frozen=True)
class FirstQuestion:
    """The first question as the interview screen shows it, and what the interview behind
    it is built from (the same moment, seed and candidate)."""

    now: datetime
    seed: int
    candidate: str
    transcripts: Path
    question_id: str
    text: str  # the interviewer's turn, round introduction included
    round_index: int
    round_count: int
    round_kind: str
    round_title: str
    round_questions: int
    minutes: int | None
    hints: int
    practice: bool
    warnings: list[str] = field(default_factory=list)  # said on stderr, as a start says them


def plan(args: argparse.Namespace) -> FirstQuestion | None:
    """The first question of a new interview in the app, or None when the usual start
    must run (see the module's docstring)."""
    if args.command != "start" or args.plain or args.project_file or args.track:
        return None
    if not _settings_are_plain(args):
        return None
    content_dirs = _content_path(args)
    digest = cache.read_digest(cache.content_key(content_roots(content_dirs), root_files))
    if digest is None:
        return None
    scenario = digest["scenarios"].get(args.scenario or DEFAULT_SCENARIO)
    if scenario is None:
        return None
    level = args.level or scenario["level"]
    rounds = _rounds(digest, scenario, level, args.rounds)
    if rounds is None or any(r.rubric not in digest["rubrics"] for r in rounds):
        return None
    candidate = args.candidate or _environment("interviewer_candidate")
    candidate = candidate or os.environ.get("USER") or "default"
    folder = transcripts_dir(args.transcripts_dir)
    history = _history(folder, candidate)
    if history is None:
        return None
    seed = args.seed if args.seed is not None else random.randrange(1_000_000)
    bank = {qid: PlainQuestion(id=qid, **fields) for qid, fields in digest["questions"].items()}
    # The engine's choice for a session with nothing asked yet (engine._next_question):
    # the first round with a question left, its first position.
    for index, spec in enumerate(rounds):
        if spec.kind == "deep_dive":
            return None  # it opens on the candidate's project: the usual start
        candidates = eligible_questions(spec, bank, scenario["role"], level)
        question = choose_question(
            candidates,
            asked=set(),
            topics_used=set(),
            seed=seed,
            round_index=index,
            position=0,
            history=history,
        )
        if question is not None:
            break
    else:
        return None
    if question.coding:
        return None  # the code editor comes with it: the usual start
    intro = round_intro_text(index + 1, len(rounds), spec.title, spec.questions, spec.minutes)
    return FirstQuestion(
        now=datetime.now(UTC),
        seed=seed,
        candidate=candidate,
        transcripts=folder,
        question_id=question.id,
        text=opening_turn(intro, question.prompt).strip(),
        round_index=index,
        round_count=len(rounds),
        round_kind=spec.kind,
        round_title=spec.title,
        round_questions=spec.questions,
        minutes=spec.minutes,
        hints=question.hints,
        practice=args.mode == "practice",
        warnings=list(digest["warnings"]),
    )


def _environment(name: str) -> str | None:
    # As pydantic-settings reads it: without regard to case, the last one found.
    found = None
    for key, value in os.environ.items():
        if key.lower() == name:
            found = value
    return found


def _settings_are_plain(args: argparse.Namespace) -> bool:
    """Whether Settings would take these flags and this environment as they are, with
    the offline engine: nothing to validate that could fail, no file to read."""
    if config_file().exists():
        return False
    if args.backend not in (None, "offline"):
        return False
    if args.judge_samples != 1 or args.context_tokens is not None:
        return False
    if args.backend is None and args.base_url:
        return False  # an endpoint given: the openai backend
    for key, value in os.environ.items():
        name = key.lower()
        if name in OPENAI_ENVIRONMENT and args.backend is None:
            return False
        if not name.startswith("interviewer_"):
            continue
        setting = name.removeprefix("interviewer_")
        if setting == "backend":
            if value != "offline":
                return False
        elif setting not in PLAIN_SETTINGS:
            return False
    return True


def _content_path(args: argparse.Namespace) -> list[Path]:
    """Settings.content_path, as settings_from_args makes it."""
    dirs = [
        Path(part)
        for part in (_environment("interviewer_content_path") or "").split(os.pathsep)
        if part.strip()
    ]
    flags = [*(getattr(args, "content_dirs", None) or [])]
    flags += getattr(args, "content_dirs_after", None) or []
    return [*dirs, *(Path(d) for d in flags)]


def _rounds(
    digest: dict[str, Any], scenario: dict[str, Any], level: str, only: str | None
) -> list[PlainRound] | None:
    """The loop at `level`, restricted to the kinds of --rounds (Scenario.at_level, then
    only_rounds); None where the usual start has something to say about it."""
    found = scenario["levels"].get(level)
    if found is None:
        return None
    rounds = [PlainRound(**{**r, "pool": PlainPool(**r["pool"])}) for r in found]
    if only:
        kinds = {part.strip() for part in only.split(",")}
        if not kinds <= set(digest["round_kinds"]):
            return None
        rounds = [r for r in rounds if r.kind in kinds]
    return rounds or None


def _history(folder: Path, candidate: str) -> CandidateHistory | None:
    """The candidate's history from the index, when no transcript needs reading for it."""
    if not folder.is_dir():
        return CandidateHistory()  # no history: nothing to open
    from interviewer.store.index import HistoryIndex

    index = HistoryIndex(folder, _no_reads)
    try:
        found = index.current_candidate_history(candidate)
    except Exception:  # an index we cannot use here: the usual start deals with it
        return None
    finally:
        index.close()
    if found is None:
        return None
    times_asked, topic_scores = found
    return CandidateHistory(times_asked=times_asked, topic_scores=topic_scores)


def _no_reads(path: Path) -> Any:
    raise RuntimeError(f"the start reads no transcript before its first question ({path})")


def build_runner(
    args: argparse.Namespace, first: FirstQuestion
) -> tuple[Settings, Content, InterviewRunner]:
    """The interview behind the first question, as `interviewer start` builds it (run in a
    thread while the question is on screen). Raises with what to say when it cannot."""
    from interviewer.session_factory import (
        backend_for,
        content_for,
        create_session,
        interview_request,
        make_runner,
        store_for,
    )
    from interviewer.settings import settings_from_args

    settings = settings_from_args(args)
    content = content_for(settings)
    store = store_for(settings)
    backend = backend_for(settings)
    request = interview_request(args, settings, first.seed)
    session = create_session(content, request, backend, now=first.now)
    runner = make_runner(session, content, store, backend, command=args.command)
    return settings, content, runner
