"""Transcripts on disk: one JSON file a session, and a journal of the changes since.

A transcript is written whole when an interview starts, resumes, finishes or stops: the
new content goes to a temporary file in the same folder (0600, in a 0700 folder), is
fsynced, then renamed over the old file and the folder is fsynced (store/files.py), so a
kill at any moment leaves either the previous or the new transcript, never a torn one. In
between, each save appends what changed to the session's journal (journal.py), fsynced
when the caller asks for a durable save (the candidate's answers), so a save costs what
changed rather than the whole session. A save that fails raises SaveError and leaves
nothing behind (the next save writes the transcript whole); nothing here reports a save
that did not happen.

Where a session is written is the store's business, never the file's: a session read from
a path is written back to that path (`home`), a new one to `<root>/<id>.json`, and ids are
checked against a strict pattern before they become part of any file name. A transcript
is checked for internal consistency when it is read (store/consistency.py); one that
fails is reported as broken, by file, and never stops the others.

Beside the transcripts, a SQLite history index (index.py) answers `list`, Home, History
and question selection; the store records each transcript it writes there.

Pydantic and the models are imported when a transcript is actually read or written, so
that listing from the index stays a light command.
"""

from __future__ import annotations

import contextlib
import json
import os
import weakref
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from interviewer.store.errors import TranscriptError
from interviewer.store.files import (
    INDEX_FILE,
    TRANSCRIPT_SUFFIX,
    fsync_dir,
    remove_orphaned_tmp_files,
    write_atomic,
)
from interviewer.store.ids import check_session_id, is_session_id
from interviewer.store.journal import JournalError, JournalWriter, journal_path, replay
from interviewer.store.summary import SessionFilter, SessionKey, SessionSummary

if TYPE_CHECKING:
    from interviewer.domain.session import Session
    from interviewer.store.index import HistoryIndex
    from interviewer.store.locks import SessionLock

SUFFIX = TRANSCRIPT_SUFFIX
# Far above any real interview (a 2 MB answer is kept whole); a file larger than this is
# not read into memory to find out what it is.
MAX_TRANSCRIPT_BYTES = 64 * 1024 * 1024

__all__ = [
    "SUFFIX",
    "Listing",
    "SaveError",
    "SessionFilter",
    "SessionSummary",
    "TranscriptError",
    "TranscriptStore",
]


class SaveError(TranscriptError):
    """A save that did not happen: the session on disk is the previous one (or none)."""


@dataclass(frozen=True)
class Listing:
    sessions: list[tuple[Path, Session]]  # newest first
    broken: list[TranscriptError]
    cleaned: list[Path] = field(default_factory=list)  # orphaned temporary files removed


@dataclass(frozen=True)
class Summaries:
    sessions: list[SessionSummary]  # newest first (those asked for: a page, or all)
    broken: list[TranscriptError]
    cleaned: list[Path] = field(default_factory=list)  # orphaned temporary files removed
    total: int = 0  # sessions that match, on every page
    # (title, id) of every scenario with a readable session, filter or no filter
    scenarios: list[tuple[str, str]] = field(default_factory=list)


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


def _os_reason(exc: OSError) -> str:
    return exc.strerror or str(exc) or type(exc).__name__


class TranscriptStore:
    def __init__(self, root: Path):
        self.root = Path(root)
        self._index: HistoryIndex | None = None
        # Where each session object read from (or moved to) a file lives; by object, so that
        # a copy of a session opened by path never writes over the original, or the reverse.
        self._homes: dict[int, tuple[weakref.ref[Session], Path]] = {}
        self._journals: dict[Path, JournalWriter] = {}  # transcript -> what the files hold
        self.bytes_written = 0  # to transcripts and journals, for the benchmarks
        self._owned_memo: (
            tuple[list[SessionKey], list[SessionKey], list[TranscriptError]] | None
        ) = None

    @property
    def index(self) -> HistoryIndex:
        if self._index is None:
            from interviewer.store.index import HistoryIndex  # sqlite3: only when needed

            self._index = HistoryIndex(self.root, self.load)
        return self._index

    # --- where sessions live -------------------------------------------------------------

    def path_for(self, session_id: str) -> Path:
        return self.root / f"{check_session_id(session_id)}{SUFFIX}"

    def home(self, session: Session) -> Path:
        """The file `session` is saved to."""
        entry = self._homes.get(id(session))
        if entry is not None and entry[0]() is session:
            return entry[1]
        return self.path_for(session.id)

    def adopt(self, session: Session, path: Path) -> None:
        """From now on, save `session` to `path`."""
        key = id(session)

        def forget(ref: weakref.ref[Session]) -> None:
            entry = self._homes.get(key)
            if entry is not None and entry[0] is ref:
                del self._homes[key]

        self._homes[key] = (weakref.ref(session, forget), Path(path))

    def lock(self, session: Session, command: str = "") -> SessionLock:
        """Hold the session's file for writing (raises SessionLocked when another process
        does, OSError when the lock cannot be created)."""
        from interviewer.store.locks import SessionLock

        return SessionLock.acquire(self.home(session), session.id, command)

    # --- writing -------------------------------------------------------------------------

    def save(self, session: Session, *, durable: bool = True) -> Path:
        """Make the files hold the session: append what changed to its journal (fsynced
        when `durable`), or write the transcript whole the first time this store saves
        this session object. Raises SaveError when nothing was written."""
        target = self.home(session)
        writer = self._journals.get(target)
        if writer is None or writer.session is not session or not target.exists():
            return self.compact(session)
        ops = writer.changes()
        if ops is None:
            return self.compact(session)
        if ops:
            self._append(target, writer, ops, durable)
        return target

    def _append(
        self, target: Path, writer: JournalWriter, ops: list[list[Any]], durable: bool
    ) -> None:
        journal = writer.path
        try:
            size = journal.stat().st_size
        except OSError:
            size = 0
        try:
            self.bytes_written += writer.append(ops, durable=durable)
        except BaseException as exc:
            self._journals.pop(target, None)  # the next save writes the transcript whole
            with contextlib.suppress(OSError):
                os.truncate(journal, size)  # no half line left for a later one to follow
            if isinstance(exc, OSError):
                raise SaveError(target, f"not saved: {_os_reason(exc)}") from exc
            raise

    def compact(self, session: Session, *, more_to_come: bool = False) -> Path:
        """Write the transcript whole (durably) and drop its journal; `more_to_come`
        begins a new one at once, so the first answer's save need not create a file.
        When the whole file cannot be written but the journal can still take what
        changed, the session is saved that way (compacted later); raises SaveError when
        neither could be."""
        target = self.home(session)
        journal = journal_path(target)
        writer = self._journals.pop(target, None)
        current = writer is not None and writer.session is session and target.exists()
        ops = writer.changes() if writer is not None and current else None
        if writer is not None and current and writer.lines == 0 and ops == []:
            # Nothing new since the last whole write.
            self._journals[target] = writer
            if writer.started and not more_to_come:
                with contextlib.suppress(OSError):
                    journal.unlink(missing_ok=True)
                    writer.started = False
            return target
        # A session's first transcript holds nothing the candidate said: it is synced with
        # the first durable save rather than before the first question can be shown.
        new = not target.exists() and not journal.exists()
        durable = not (new and more_to_come)
        try:
            self._write(session, target, durable=durable)
        except SaveError:
            if writer is None or ops is None:
                raise
            self._journals[target] = writer
            if ops:
                self._append(target, writer, ops, durable=True)
            return target
        writer = JournalWriter(session, journal)
        # The transcript holds everything now: a journal that cannot be begun is begun by
        # the next save (or says then that it cannot), and an old one that cannot be
        # removed replays harmlessly over what it was compacted into.
        with contextlib.suppress(OSError):
            if more_to_come:
                self.bytes_written += writer.start()  # replaces the old journal
            else:
                journal.unlink(missing_ok=True)
            if durable:
                fsync_dir(target.parent)
        if not durable:
            writer.unsynced = target
            if writer.started:
                writer.sync_apart()
        self._journals[target] = writer
        if target.parent == self.root:
            # After the journal's change: the row records the files as they now are. The
            # index is a cache checked against the files: a row it missed is re-read.
            with contextlib.suppress(Exception):
                self.index.record(target, session)
        return target

    def wait_for_syncs(self) -> None:
        """Until every new transcript this store wrote is synced (or failed to be)."""
        for writer in list(self._journals.values()):
            writer.wait_for_sync()

    def save_to(self, session: Session, folder: Path) -> Path:
        """Write `session` as `<folder>/<id>.json`; raises SaveError if it was not written."""
        return self._write(session, Path(folder) / f"{check_session_id(session.id)}{SUFFIX}")

    def _write(self, session: Session, target: Path, *, durable: bool = True) -> Path:
        payload = session.model_dump_json(indent=1).encode("utf-8")
        try:
            write_atomic(target, payload, durable=durable)
        except OSError as exc:
            raise SaveError(target, f"not saved: {_os_reason(exc)}") from exc
        self.bytes_written += len(payload)
        return target

    # --- reading -------------------------------------------------------------------------

    def load(self, path: Path) -> Session:
        """Read and check one transcript; every failure is a TranscriptError naming it."""
        from pydantic import ValidationError

        from interviewer.store.consistency import problems
        from interviewer.store.schema import TranscriptVersionError, session_from_json

        path = Path(path)
        try:
            if path.is_dir():
                raise TranscriptError(path, "is a folder, not a transcript file")
            size = path.stat().st_size
            if size > MAX_TRANSCRIPT_BYTES:
                raise TranscriptError(path, f"too large for a transcript ({size:,} bytes)")
            raw = path.read_bytes().decode("utf-8")
        except UnicodeDecodeError:
            raise TranscriptError(path, "not a transcript (not UTF-8 text)") from None
        except OSError as exc:
            raise TranscriptError(path, f"cannot read: {_os_reason(exc)}") from None
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise TranscriptError(
                path, f"not valid JSON (truncated or corrupt) at line {exc.lineno}: {exc.msg}"
            ) from None
        except RecursionError:
            raise TranscriptError(path, "not a transcript (nested too deeply)") from None
        try:
            if isinstance(data, dict):
                data = replay(data, journal_path(path))
            session = session_from_json(data)
        except JournalError as exc:
            raise TranscriptError(path, f"its journal is damaged: {exc}") from None
        except TranscriptVersionError as exc:
            raise TranscriptError(path, str(exc)) from None
        except ValidationError as exc:
            first = exc.errors()[0]
            loc = ".".join(str(p) for p in first["loc"])
            raise TranscriptError(
                path, f"does not match the transcript schema: {loc}: {first['msg']}"
            ) from None
        found = problems(session)
        if found:
            more = f" (and {len(found) - 1} more problems)" if len(found) > 1 else ""
            raise TranscriptError(path, f"inconsistent transcript: {found[0]}{more}")
        return session

    def resolve(self, ref: str) -> Path:
        """A session id, a unique id prefix, or a path to a transcript file. Never a
        pattern: what the user typed is matched against file names, not globbed."""
        given = Path(ref)
        looks_like_path = os.sep in ref or ref.endswith(SUFFIX) or ref.startswith(".")
        if given.is_dir():
            raise TranscriptError(
                given, "is a folder; give a transcript file or a session id (`interviewer list`)"
            )
        if given.is_file() and (looks_like_path or not is_session_id(ref)):
            return given
        if not is_session_id(ref):
            if looks_like_path:
                raise TranscriptError(given, "no such transcript file")
            raise TranscriptError(
                self.root,
                f"no session {ref[:80]!r}: a session id is letters, digits, '-' and '_' "
                "(see `interviewer list`), or give a transcript file's path",
            )
        exact = self.path_for(ref)
        if exact.is_file():
            return exact
        matches = [
            self.root / name
            for name in self._names()
            if name.startswith(ref) and is_session_id(name[: -len(SUFFIX)])
        ]
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            names = ", ".join(m.stem for m in sorted(matches)[:5])
            raise TranscriptError(exact, f"'{ref}' matches several sessions: {names}")
        if given.is_file():
            return given
        raise TranscriptError(exact, f"no session '{ref}' in {self.root}")

    def open(self, ref: str) -> Session:
        path = self.resolve(ref)
        session = self.load(path)
        self.adopt(session, path)
        return session

    def open_summary(self, summary: SessionSummary) -> Session:
        """The whole session a summary stands for, saved back to the same file."""
        session = self.load(summary.path)
        self.adopt(session, summary.path)
        return session

    def summaries(
        self,
        *,
        with_scores: bool = False,
        where: SessionFilter | None = None,
        limit: int | None = None,
        offset: int = 0,
        refresh: bool = True,
    ) -> Summaries:
        """Sessions newest first, from the index: only changed or new transcripts are read
        (`refresh`), and only the rows asked for (`where`, `offset`, `limit`) are built, so
        a page costs the same however long the history. with_scores adds each round's and
        criterion's scores. Orphaned temporary files of killed saves are removed on the
        way, and a second file claiming a session's id is listed as broken (a copy), never
        as the session."""
        cleaned = self.clean_orphans() if refresh else []
        if self._index is None and not _has_sessions(self.root):
            return Summaries([], [], cleaned)  # nothing to list: no index to open or create
        keys = self.index.keys(refresh=refresh)
        kept, broken = self._owned(keys)
        broken = list(broken)
        matching = [k for k in kept if where is None or where.admits(k)]
        end = None if limit is None else offset + limit
        page = [k.file for k in matching[offset:end]]
        sessions = self.index.materialize(page, with_scores=with_scores) if page else []
        scenarios = sorted({(k.scenario_title, k.scenario_id) for k in kept})
        return Summaries(sessions, broken, cleaned, len(matching), scenarios)

    def newest(self, limit: int) -> Summaries:
        """The `limit` newest sessions, for `list`: what it costs does not grow with the
        history beyond a directory listing. New and vanished transcripts are found by name;
        of the rows already indexed, only those shown (the page and the broken files) are
        checked against their files and read again if changed; the others are neither
        stat'ed nor read. `total` counts every session."""
        cleaned = self.clean_orphans()
        if self._index is None and not _has_sessions(self.root):
            return Summaries([], [], cleaned)
        index = self.index
        if index.is_empty():
            return Summaries([], [], cleaned)
        index.refresh_names()
        unlisted = index.unlisted_keys()
        if index.refresh_files([k.file for k in unlisted]):
            unlisted = index.unlisted_keys()
        checked: set[str] = set()
        while True:  # a page whose every row was checked (a changed row may leave it)
            page, total = index.newest(limit)
            unchecked = [f for f in page if f not in checked]
            if not unchecked:
                break
            checked.update(unchecked)
            if index.refresh_files(unchecked):
                unlisted = index.unlisted_keys()
        _, broken = self._owned(unlisted)
        return Summaries(index.materialize(page), list(broken), cleaned, total)

    def _owned(self, keys: list[SessionKey]) -> tuple[list[SessionKey], list[TranscriptError]]:
        """The sessions (one file per id) and the broken files among the index's rows;
        worked out again only when the index gives other rows."""
        if self._owned_memo is not None and self._owned_memo[0] is keys:
            return self._owned_memo[1], self._owned_memo[2]
        broken = [TranscriptError(self.root / k.file, k.error) for k in keys if k.error]
        readable = [k for k in keys if not k.error]
        owner: dict[str, SessionKey] = {}
        # The file named after its id keeps the id; another file claiming it is a copy.
        for key in sorted(readable, key=lambda k: (k.file != k.id + SUFFIX, k.file)):
            owner.setdefault(key.id, key)
        kept = []
        for key in readable:
            first = owner[key.id]
            if first is key:
                kept.append(key)
                continue
            broken.append(
                TranscriptError(
                    self.root / key.file,
                    f"holds session {key.id}, which {first.file} holds too (a copy?); "
                    "move it elsewhere to open it by its path",
                )
            )
        broken.sort(key=lambda e: e.path.name)
        self._owned_memo = (keys, kept, broken)
        return kept, broken

    def delete(self, summary: SessionSummary) -> None:
        """Remove a session for good: its transcript, its journal and its drafts. Raises
        SessionLocked when another process is writing it, OSError when a file cannot be
        removed (the transcript goes last, so a failure leaves it listed)."""
        from interviewer.store.drafts import DraftStore
        from interviewer.store.locks import SessionLock, lock_path_for

        path = summary.path
        lock = SessionLock.acquire(path, summary.id, "delete")
        try:
            drafts = DraftStore(self.root)
            for part in ("", "code"):
                drafts.clear(summary.id, part=part)
            journal_path(path).unlink(missing_ok=True)
            self._journals.pop(path, None)
            path.unlink(missing_ok=True)
        finally:
            lock.release()
        with contextlib.suppress(OSError):
            lock_path_for(path.resolve()).unlink()
        self.index.refresh()

    def clean_orphans(self) -> list[Path]:
        """Remove the temporary files that killed saves left here (and in .drafts)."""
        removed = remove_orphaned_tmp_files(self.root)
        return removed + remove_orphaned_tmp_files(self.root / ".drafts")

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
                sessions.append((summary.path, self.open_summary(summary)))
            except TranscriptError as exc:
                broken.append(exc)
        return Listing(sessions, broken, summaries.cleaned)

    def _names(self) -> list[str]:
        try:
            return [
                entry.name
                for entry in os.scandir(self.root)
                if entry.name.endswith(SUFFIX) and not entry.name.startswith(".")
            ]
        except OSError:
            return []
