"""Transcripts on disk: one JSON file a session, and a journal of the changes since.

A transcript is written whole when an interview starts, resumes, finishes or stops: the
new content goes to a temporary file in the same folder, is fsynced, then renamed over
the old file and the folder is fsynced, so a kill at any moment leaves either the previous
or the new transcript, never a torn one. In between, each save appends what changed to
the session's journal (journal.py), fsynced when the caller asks for a durable save (the
candidate's answers), so a save costs what changed rather than the whole session.

Beside the transcripts, a SQLite history index (index.py) answers `list`, Home, History
and question selection; the store records each transcript it writes there.

Pydantic and the models are imported when a transcript is actually read or written, so
that listing from the index stays a light command.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from interviewer.store.errors import TranscriptError
from interviewer.store.files import INDEX_FILE, TRANSCRIPT_SUFFIX
from interviewer.store.journal import JournalError, JournalWriter, fsync_dir, journal_path, replay
from interviewer.store.summary import SessionSummary

if TYPE_CHECKING:
    from interviewer.domain.session import Session
    from interviewer.store.index import HistoryIndex

SUFFIX = TRANSCRIPT_SUFFIX

__all__ = ["SUFFIX", "Listing", "SessionSummary", "TranscriptError", "TranscriptStore"]


@dataclass(frozen=True)
class Listing:
    sessions: list[tuple[Path, Session]]  # newest first
    broken: list[TranscriptError]


@dataclass(frozen=True)
class Summaries:
    sessions: list[SessionSummary]  # newest first
    broken: list[TranscriptError]


def new_session_id(now: datetime) -> str:
    import secrets

    return f"{now:%Y%m%d-%H%M%S}-{secrets.token_hex(2)}"


def _has_sessions(root: Path) -> bool:
    """Whether the folder holds a transcript or an index (which may list broken files)."""
    try:
        with os.scandir(root) as entries:
            return any(e.name.endswith(SUFFIX) or e.name == INDEX_FILE for e in entries)
    except OSError:
        return False


class TranscriptStore:
    def __init__(self, root: Path):
        self.root = Path(root)
        self._index: HistoryIndex | None = None
        self._journals: dict[str, JournalWriter] = {}  # session id -> what the files hold
        self.bytes_written = 0  # to transcripts and journals, for the benchmarks

    @property
    def index(self) -> HistoryIndex:
        if self._index is None:
            from interviewer.store.index import HistoryIndex  # sqlite3: only when needed

            self._index = HistoryIndex(self.root, self.load)
        return self._index

    def path_for(self, session_id: str) -> Path:
        return self.root / f"{session_id}{SUFFIX}"

    def save(self, session: Session, *, durable: bool = True) -> Path:
        """Make the files hold the session: append what changed to its journal (fsynced
        when `durable`), or write the transcript whole the first time this store saves
        this session object."""
        target = self.path_for(session.id)
        writer = self._journals.get(session.id)
        if writer is None or writer.session is not session or not target.exists():
            return self.compact(session)
        ops = writer.changes()
        if ops is None:
            return self.compact(session)
        if ops:
            try:
                self.bytes_written += writer.append(ops, durable=durable)
            except BaseException:
                del self._journals[session.id]  # the next save writes the transcript whole
                raise
        return target

    def compact(self, session: Session, *, more_to_come: bool = False) -> Path:
        """Write the transcript whole (durably) and drop its journal; `more_to_come`
        begins a new one at once, so the first answer's save need not create a file."""
        target = self.path_for(session.id)
        journal = journal_path(target)
        writer = self._journals.pop(session.id, None)
        if (
            writer is not None
            and writer.session is session
            and writer.lines == 0
            and writer.changes() == []
            and target.exists()
        ):
            # Nothing new since the last whole write.
            self._journals[session.id] = writer
            if writer.started and not more_to_come:
                journal.unlink(missing_ok=True)
                writer.started = False
            return target
        self.root.mkdir(parents=True, exist_ok=True)
        # A session's first transcript holds nothing the candidate said: it is synced with
        # the first durable save rather than before the first question can be shown.
        new = not target.exists() and not journal.exists()
        durable = not (new and more_to_come)
        tmp = self.root / f".{session.id}.{os.getpid()}.tmp"
        payload = session.model_dump_json(indent=1).encode("utf-8")
        with open(tmp, "wb") as fh:
            fh.write(payload)
            if durable:
                fh.flush()
                os.fsync(fh.fileno())
        os.replace(tmp, target)
        self.bytes_written += len(payload)
        writer = JournalWriter(session, journal)
        if more_to_come:
            self.bytes_written += writer.start()  # replaces the old journal
        else:
            journal.unlink(missing_ok=True)  # a crash before this replays it harmlessly
        if durable:
            fsync_dir(self.root)
        else:
            writer.unsynced = target
        self._journals[session.id] = writer
        self.index.record(target, session)
        return target

    def load(self, path: Path) -> Session:
        from pydantic import ValidationError

        from interviewer.store.schema import TranscriptVersionError, session_from_json

        try:
            raw = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise TranscriptError(path, f"cannot read: {exc}") from exc
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise TranscriptError(
                path, f"not valid JSON (truncated or corrupt) at line {exc.lineno}: {exc.msg}"
            ) from exc
        try:
            if isinstance(data, dict):
                data = replay(data, journal_path(path))
            return session_from_json(data)
        except JournalError as exc:
            raise TranscriptError(path, f"its journal is damaged: {exc}") from exc
        except TranscriptVersionError as exc:
            raise TranscriptError(path, str(exc)) from exc
        except ValidationError as exc:
            first = exc.errors()[0]
            loc = ".".join(str(p) for p in first["loc"])
            raise TranscriptError(
                path, f"does not match the transcript schema: {loc}: {first['msg']}"
            ) from exc

    def resolve(self, ref: str) -> Path:
        """A session id, a unique id prefix, or a path to a transcript file."""
        candidate = Path(ref)
        if candidate.suffix == SUFFIX and candidate.exists():
            return candidate
        exact = self.path_for(ref)
        if exact.exists():
            return exact
        matches = sorted(self.root.glob(f"{ref}*{SUFFIX}")) if self.root.is_dir() else []
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            names = ", ".join(m.stem for m in matches[:5])
            raise TranscriptError(exact, f"'{ref}' matches several sessions: {names}")
        raise TranscriptError(exact, f"no session '{ref}' in {self.root}")

    def open(self, ref: str) -> Session:
        return self.load(self.resolve(ref))

    def summaries(self, *, with_scores: bool = False) -> Summaries:
        """Every session newest first, from the index: only changed or new transcripts are
        read. with_scores adds each round's and criterion's scores (History's chart)."""
        if self._index is None and not _has_sessions(self.root):
            return Summaries([], [])  # nothing to list: no index to open or create
        sessions, broken = self.index.summaries(with_scores=with_scores)
        return Summaries(sessions, broken)

    def reindex(self) -> Summaries:
        """Rebuild the index from the transcripts alone."""
        self.index.rebuild()
        return self.summaries()

    def listing(self) -> Listing:
        """Every session loaded in full (newest first). Reads every transcript: for tools
        and tests; screens and commands use summaries()."""
        summaries = self.summaries()
        sessions: list[tuple[Path, Session]] = []
        broken = list(summaries.broken)
        for summary in summaries.sessions:
            try:
                sessions.append((summary.path, self.load(summary.path)))
            except TranscriptError as exc:
                broken.append(exc)
        return Listing(sessions, broken)
