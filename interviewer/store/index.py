"""The history index: one SQLite row per transcript, beside the transcripts.

The JSON transcripts are the source of truth; the index is a cache of what `list`, Home,
History and question selection need, so that none of them parses a transcript it does not
show. Each row remembers the size and modification time of the transcript (and of its
journal) it was read from; `refresh` re-reads only the files whose figures changed, adds
unknown ones and drops vanished ones. A deleted, corrupt or unwritable index is rebuilt
from the transcripts (in memory when the folder is read-only), so nothing is ever lost.

Standard-library sqlite3 in WAL mode: readers never wait for the writer. The schema is
versioned with `PRAGMA user_version` and one migration script a step.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from interviewer.store.files import INDEX_FILE, JOURNAL_SUFFIX, TRANSCRIPT_SUFFIX
from interviewer.store.summary import (
    CriterionLevel,
    RoundScore,
    SessionKey,
    SessionSummary,
    summarize,
)

if TYPE_CHECKING:
    from interviewer.domain.session import Session


# Version N+1 is reached by running MIGRATIONS[N] on a database at version N.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE sessions (
        file TEXT PRIMARY KEY,          -- the transcript's name in the folder
        size INTEGER NOT NULL,          -- what the row was read from: the transcript's
        mtime_ns INTEGER NOT NULL,      --   size and mtime, and its journal's (-1: none)
        journal_size INTEGER NOT NULL,
        journal_mtime_ns INTEGER NOT NULL,
        error TEXT,                     -- set when the transcript cannot be read: why
        id TEXT,
        candidate TEXT,
        scenario_id TEXT,
        scenario_title TEXT,
        mode TEXT,
        backend TEXT,
        status TEXT,
        created_at TEXT,
        created_ts REAL,                -- for ordering: ISO texts with offsets do not sort
        updated_at TEXT,
        finished_at TEXT,
        round_kinds TEXT,               -- JSON list
        answers INTEGER,
        overall REAL,
        unscored INTEGER,
        pending INTEGER
    );
    CREATE INDEX sessions_by_date ON sessions (created_ts DESC);
    CREATE INDEX sessions_by_candidate ON sessions (candidate, id);
    CREATE TABLE rounds (
        file TEXT NOT NULL REFERENCES sessions (file) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        kind TEXT NOT NULL,
        title TEXT NOT NULL,
        rubric_id TEXT NOT NULL,
        rubric_title TEXT NOT NULL,
        percent REAL,
        PRIMARY KEY (file, idx)
    ) WITHOUT ROWID;
    CREATE TABLE criteria (
        file TEXT NOT NULL REFERENCES sessions (file) ON DELETE CASCADE,
        round_idx INTEGER NOT NULL,
        position INTEGER NOT NULL,
        criterion_id TEXT NOT NULL,
        name TEXT NOT NULL,
        mean_level REAL,
        PRIMARY KEY (file, round_idx, position)
    ) WITHOUT ROWID;
    CREATE TABLE asked (
        file TEXT NOT NULL REFERENCES sessions (file) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        question_id TEXT NOT NULL,
        round_idx INTEGER NOT NULL,
        topics TEXT NOT NULL,           -- JSON list
        percent REAL,
        PRIMARY KEY (file, position)
    ) WITHOUT ROWID;
    CREATE TABLE asked_topics (
        file TEXT NOT NULL REFERENCES sessions (file) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        topic TEXT NOT NULL,
        percent REAL,
        PRIMARY KEY (file, position, topic)
    ) WITHOUT ROWID;
    """,
    # 2: History's chart reads the criteria alone: each row says its label, its round's
    # kind and its session's scenario and date. Question selection reads running totals
    # per candidate, kept by triggers, so its cost does not grow with the history. Rows of
    # version 1 lack what these need, and the index is a cache: they are dropped, and the
    # next refresh reads the transcripts again.
    """
    DELETE FROM sessions;
    ALTER TABLE criteria ADD COLUMN label TEXT NOT NULL DEFAULT '';
    ALTER TABLE criteria ADD COLUMN kind TEXT NOT NULL DEFAULT '';
    ALTER TABLE criteria ADD COLUMN scenario_id TEXT NOT NULL DEFAULT '';
    ALTER TABLE criteria ADD COLUMN created_ts REAL NOT NULL DEFAULT 0;
    CREATE INDEX criteria_by_label ON criteria (label, created_ts, mean_level, scenario_id, kind);
    CREATE TABLE criterion_labels (   -- every label ever scored, where (never removed)
        label TEXT NOT NULL,
        scenario_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        PRIMARY KEY (label, scenario_id, kind)
    ) WITHOUT ROWID;
    CREATE TRIGGER criterion_added AFTER INSERT ON criteria WHEN NEW.mean_level IS NOT NULL
    BEGIN
        INSERT OR IGNORE INTO criterion_labels VALUES (NEW.label, NEW.scenario_id, NEW.kind);
    END;
    ALTER TABLE asked ADD COLUMN candidate TEXT NOT NULL DEFAULT '';
    ALTER TABLE asked_topics ADD COLUMN candidate TEXT NOT NULL DEFAULT '';
    ALTER TABLE asked_topics ADD COLUMN tenths INTEGER;  -- percent x 10: exact sums
    CREATE TABLE question_counts (
        candidate TEXT NOT NULL,
        question_id TEXT NOT NULL,
        sessions INTEGER NOT NULL,
        PRIMARY KEY (candidate, question_id)
    ) WITHOUT ROWID;
    CREATE TABLE topic_totals (
        candidate TEXT NOT NULL,
        topic TEXT NOT NULL,
        tenths INTEGER NOT NULL,
        scored INTEGER NOT NULL,
        PRIMARY KEY (candidate, topic)
    ) WITHOUT ROWID;
    CREATE TRIGGER asked_added AFTER INSERT ON asked BEGIN
        INSERT INTO question_counts VALUES (NEW.candidate, NEW.question_id, 1)
        ON CONFLICT (candidate, question_id) DO UPDATE SET sessions = sessions + 1;
    END;
    CREATE TRIGGER asked_removed AFTER DELETE ON asked BEGIN
        UPDATE question_counts SET sessions = sessions - 1
        WHERE candidate = OLD.candidate AND question_id = OLD.question_id;
    END;
    CREATE TRIGGER topic_added AFTER INSERT ON asked_topics WHEN NEW.tenths IS NOT NULL BEGIN
        INSERT INTO topic_totals VALUES (NEW.candidate, NEW.topic, NEW.tenths, 1)
        ON CONFLICT (candidate, topic)
        DO UPDATE SET tenths = tenths + NEW.tenths, scored = scored + 1;
    END;
    CREATE TRIGGER topic_removed AFTER DELETE ON asked_topics WHEN OLD.tenths IS NOT NULL
    BEGIN
        UPDATE topic_totals SET tenths = tenths - OLD.tenths, scored = scored - 1
        WHERE candidate = OLD.candidate AND topic = OLD.topic;
    END;
    """,
    # 3: the overall counts a skipped question as 0 and shows the last scoring run that
    # worked (a failed re-score no longer hides it), so every cached figure is read again.
    # Rows also say how much of the loop was answered, how many newest runs failed, the
    # level, and whether History plots the session (finished, with an answer). The rows
    # cache the scorecard's figures: a change to how the scorecard computes them needs a
    # step like this one.
    """
    DELETE FROM sessions;
    ALTER TABLE sessions ADD COLUMN failed INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE sessions ADD COLUMN answered_questions INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE sessions ADD COLUMN planned INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE sessions ADD COLUMN level TEXT NOT NULL DEFAULT '';
    ALTER TABLE criteria ADD COLUMN charted INTEGER NOT NULL DEFAULT 0;
    """,
    # 4: `list` shows a page of the newest sessions and must tell a session from a copy of
    # it (another file claiming its id) without reading every row: readable rows by id,
    # and the broken ones (always shown) apart.
    """
    CREATE INDEX sessions_by_id ON sessions (id, file) WHERE error IS NULL;
    CREATE INDEX sessions_broken ON sessions (file) WHERE error IS NOT NULL;
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)

ReadSession = Callable[[Path], "Session"]


class NewerIndexError(Exception):
    """The index was written by a newer interviewer."""


@dataclass(frozen=True)
class FileState:
    size: int
    mtime_ns: int
    journal_size: int = -1
    journal_mtime_ns: int = -1

    def key(self) -> tuple[int, int, int, int]:
        return (self.size, self.mtime_ns, self.journal_size, self.journal_mtime_ns)


def scan(root: Path) -> dict[str, tuple[int, int, int, int]]:
    """Every transcript in the folder with its figures and its journal's (FileState.key()),
    by file name. Plain tuples: thousands of files are scanned every time a list is shown."""
    transcripts: dict[str, tuple[int, int]] = {}
    journals: dict[str, tuple[int, int]] = {}
    try:
        entries = os.scandir(root)
    except (FileNotFoundError, NotADirectoryError):
        return {}
    with entries:
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            try:
                if name.endswith(TRANSCRIPT_SUFFIX):
                    st = entry.stat()
                    transcripts[name] = (st.st_size, st.st_mtime_ns)
                elif name.endswith(JOURNAL_SUFFIX):
                    st = entry.stat()
                    journal = name[: -len(JOURNAL_SUFFIX)] + TRANSCRIPT_SUFFIX
                    journals[journal] = (st.st_size, st.st_mtime_ns)
            except OSError:
                continue  # vanished while we looked
    none = (-1, -1)
    return {name: figures + journals.get(name, none) for name, figures in transcripts.items()}


def transcript_names(root: Path) -> set[str]:
    """The transcripts' names in the folder, from its listing alone (nothing is stat'ed):
    enough to see that one appeared or vanished."""
    try:
        with os.scandir(root) as entries:
            return {
                e.name
                for e in entries
                if e.name.endswith(TRANSCRIPT_SUFFIX) and not e.name.startswith(".")
            }
    except (FileNotFoundError, NotADirectoryError):
        return set()


def file_state(path: Path) -> FileState | None:
    """The figures of one transcript and its journal, or None when it is gone."""
    try:
        st = path.stat()
    except OSError:
        return None
    try:
        jst = path.with_suffix(JOURNAL_SUFFIX).stat()
    except OSError:
        return FileState(st.st_size, st.st_mtime_ns)
    return FileState(st.st_size, st.st_mtime_ns, jst.st_size, jst.st_mtime_ns)


class HistoryIndex:
    def __init__(self, root: Path, read_session: ReadSession):
        self.root = Path(root)
        self.path = self.root / INDEX_FILE
        self.read_session = read_session
        self._db: sqlite3.Connection | None = None
        self._lock = threading.RLock()  # the app reads it from worker threads too
        self.in_memory = False  # true when the folder's index could not be used
        # keys() is read several times a screen (the counts, then each page): kept while
        # nothing was written, here or by another process (SQLite's data_version).
        self._writes = 0
        self._keys: tuple[tuple[int, int, int], list[SessionKey]] | None = None

    # --- the connection ------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        if self._db is not None:
            return self._db
        try:
            db = self._open_file()
        except NewerIndexError:
            db = self._open_memory()  # leave it to the version that wrote it
        except (sqlite3.DatabaseError, OSError):
            # Corrupt: the transcripts hold everything, so start the index again.
            self._remove_files()
            try:
                db = self._open_file()
            except (sqlite3.DatabaseError, OSError):
                db = self._open_memory()
        self._db = db
        return db

    def _open_file(self) -> sqlite3.Connection:
        if not self.path.exists():
            self.root.mkdir(parents=True, exist_ok=True)
            # Private from the start: SQLite gives its -wal and -shm files the same mode.
            os.close(os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600))
        db = sqlite3.connect(self.path, timeout=10.0, isolation_level=None, check_same_thread=False)
        try:
            db.execute("PRAGMA journal_mode = WAL")
            # A cache checked against the files: a commit lost to a power cut is re-read.
            db.execute("PRAGMA synchronous = NORMAL")
            self._prepare(db)
        except BaseException:
            db.close()
            raise
        return db

    def _open_memory(self) -> sqlite3.Connection:
        db = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        self._prepare(db)
        self.in_memory = True
        return db

    def _prepare(self, db: sqlite3.Connection) -> None:
        db.execute("PRAGMA foreign_keys = ON")
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise NewerIndexError(f"index schema {version} is newer than this program")
        if version == SCHEMA_VERSION:
            db.execute("SELECT count(*) FROM sessions").fetchone()  # reads a page: corrupt?
            return
        with _transaction(db):
            for step in range(version, SCHEMA_VERSION):
                for statement in _statements(MIGRATIONS[step]):
                    db.execute(statement)
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def _remove_files(self) -> None:
        for suffix in ("", "-wal", "-shm"):
            with contextlib.suppress(OSError):
                Path(f"{self.path}{suffix}").unlink()

    def close(self) -> None:
        self._keys = None
        if self._db is not None:
            self._db.close()
            self._db = None

    def _retrying(self, operation: Callable[[sqlite3.Connection], object]) -> object:
        """Run an operation; if the index turns out corrupt, rebuild it and run it again."""
        with self._lock:
            try:
                return operation(self._connect())
            except sqlite3.DatabaseError as exc:
                if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):
                    raise
                self.close()
                if not self.in_memory:
                    self._remove_files()
                return operation(self._connect())

    # --- keeping it current --------------------------------------------------------------

    def record(self, path: Path, session: Session) -> None:
        """After the store wrote a transcript: its row, from the session in memory."""
        state = file_state(path)
        if state is None:
            return

        def write(db: sqlite3.Connection) -> None:
            with _transaction(db):
                _upsert(db, path.name, state, summarize(path, session), None)
            self._writes += 1

        self._retrying(write)

    def refresh(self) -> None:
        """Bring the index in line with the folder, reading only changed or unknown files."""
        self._retrying(self._refresh)

    def is_empty(self) -> bool:
        """No transcript and no index yet: nothing to list, nothing to create."""
        return self._db is None and not self.path.exists() and not transcript_names(self.root)

    def refresh_names(self) -> None:
        """Add the transcripts the index does not know and drop the vanished ones, from the
        folder's names alone: the rows already known are not checked (refresh_files checks
        the ones about to be shown), so this costs a directory listing however many there
        are."""
        self._retrying(self._refresh_names)

    def _refresh_names(self, db: sqlite3.Connection) -> None:
        on_disk = transcript_names(self.root)
        known = {file for (file,) in db.execute("SELECT file FROM sessions")}
        gone = known - on_disk
        self._update(db, gone, sorted(on_disk - known))

    def refresh_files(self, files: Iterable[str]) -> bool:
        """Re-read those of these transcripts whose size or mtime (or their journal's)
        changed since they were indexed, and drop the vanished ones; whether any was."""
        names = list(files)
        return bool(names) and bool(self._retrying(lambda db: self._refresh_files(db, names)))

    def _refresh_files(self, db: sqlite3.Connection, names: list[str]) -> bool:
        known: dict[str, tuple[int, ...]] = {}
        for start in range(0, len(names), 500):  # SQLite's limit on parameters
            chunk = names[start : start + 500]
            for file, *state in db.execute(
                "SELECT file, size, mtime_ns, journal_size, journal_mtime_ns FROM sessions "
                f"WHERE file IN ({','.join('?' * len(chunk))})",
                chunk,
            ):
                known[file] = tuple(state)
        gone, stale = set(), []
        for name in names:
            state = file_state(self.root / name)
            if state is None:
                gone.add(name)
            elif known.get(name) != state.key():
                stale.append(name)
        return self._update(db, gone, stale)

    def _update(self, db: sqlite3.Connection, gone: set[str], stale: list[str]) -> bool:
        """Drop the rows of `gone`, read the transcripts `stale` again (each stat'ed before
        it is read: a change while it is read shows at the next check)."""
        states = []
        for name in stale:
            state = file_state(self.root / name)
            if state is None:
                gone.add(name)
            else:
                states.append((name, state))
        return self._apply(db, gone, states)

    def _apply(
        self, db: sqlite3.Connection, gone: Iterable[str], states: list[tuple[str, FileState]]
    ) -> bool:
        """Read each transcript of `states` (as of its state) and, in one transaction, drop
        the rows of `gone` and write the ones read; whether anything changed."""
        dropped = [(name,) for name in gone]
        read = [(name, state, *self._read(name)) for name, state in states]
        if not dropped and not read:
            return False
        with _transaction(db):
            db.executemany("DELETE FROM sessions WHERE file = ?", dropped)
            for name, state, summary, error in read:
                _upsert(db, name, state, summary, error)
        self._writes += 1
        return True

    def _refresh(self, db: sqlite3.Connection) -> None:
        on_disk = scan(self.root)
        known = {
            row[0]: row[1:]
            for row in db.execute(
                "SELECT file, size, mtime_ns, journal_size, journal_mtime_ns FROM sessions"
            )
        }
        gone = [name for name in known if name not in on_disk]
        stale = [name for name, state in on_disk.items() if known.get(name) != state]
        self._apply(db, gone, [(name, FileState(*on_disk[name])) for name in sorted(stale)])

    def _read(self, name: str) -> tuple[SessionSummary | None, str | None]:
        path = self.root / name
        try:
            return summarize(path, self.read_session(path)), None
        except Exception as exc:  # one broken file must not hide the others
            return None, str(getattr(exc, "reason", exc)) or type(exc).__name__

    def rebuild(self) -> None:
        """Forget everything and read every transcript again."""
        self.close()
        if not self.in_memory:
            self._remove_files()
        self.in_memory = False
        self.refresh()

    # --- reading -------------------------------------------------------------------------

    def keys(self, *, refresh: bool = True) -> list[SessionKey]:
        """Every row newest first (broken files last, each with its error), reduced to
        what filtering needs; `refresh` first brings the index in line with the folder."""
        if self.is_empty():
            return []
        if refresh:
            self.refresh()

        def query(db: sqlite3.Connection) -> list[SessionKey]:
            version = (id(db), self._writes, db.execute("PRAGMA data_version").fetchone()[0])
            if self._keys is not None and self._keys[0] == version:
                return self._keys[1]
            keys = [
                SessionKey(
                    file,
                    error,
                    sid or "",
                    scenario or "",
                    title or "",
                    status or "",
                    _kinds(kinds) if kinds else (),
                    mode or "",
                    answers or 0,
                )
                for file, error, sid, scenario, title, status, kinds, mode, answers in db.execute(
                    "SELECT file, error, id, scenario_id, scenario_title, status, round_kinds, "
                    "mode, answers FROM sessions ORDER BY error IS NOT NULL, created_ts DESC, file"
                )
            ]
            self._keys = (version, keys)
            return keys

        return self._retrying(query)  # type: ignore[return-value]

    def newest(self, limit: int) -> tuple[list[str], int]:
        """The files of the `limit` newest sessions, in keys()' order, and how many sessions
        there are in all. A file claiming the id of another (a copy) is not a session: the
        file named after the id keeps it, else the first by name, as in keys()' users."""

        def query(db: sqlite3.Connection) -> tuple[list[str], int]:
            files = [
                file
                for (file,) in db.execute(
                    "SELECT s.file FROM sessions AS s WHERE s.error IS NULL AND NOT EXISTS ("
                    "  SELECT 1 FROM sessions AS o WHERE o.error IS NULL AND o.id = s.id"
                    "  AND (o.file != o.id || ?1, o.file) < (s.file != s.id || ?1, s.file)"
                    ") ORDER BY s.created_ts DESC, s.file LIMIT ?2",
                    (TRANSCRIPT_SUFFIX, limit),
                )
            ]
            (total,) = db.execute(
                "SELECT count(DISTINCT id) FROM sessions WHERE error IS NULL"
            ).fetchone()
            return files, total

        return self._retrying(query)  # type: ignore[return-value]

    def unlisted_keys(self) -> list[SessionKey]:
        """The rows that are shown as broken whatever the page: unreadable transcripts, and
        every readable row whose id another readable row claims too (a copy, or its
        original), by file name."""

        def query(db: sqlite3.Connection) -> list[SessionKey]:
            return [
                SessionKey(file, error, sid or "", "", "", "", ())
                for file, error, sid in db.execute(
                    "SELECT file, error, id FROM sessions WHERE error IS NOT NULL "
                    "UNION ALL SELECT file, NULL, id FROM sessions WHERE error IS NULL AND id IN ("
                    "  SELECT id FROM sessions WHERE error IS NULL GROUP BY id HAVING count(*) > 1"
                    ") ORDER BY file"
                )
            ]

        return self._retrying(query)  # type: ignore[return-value]

    def materialize(self, files: list[str], *, with_scores: bool = False) -> list[SessionSummary]:
        """The summaries of these transcripts (readable ones), in the order given."""
        found: dict[str, SessionSummary] = {}

        def query(db: sqlite3.Connection) -> None:
            if len(files) > 500:  # most of the table (`list`): one pass, not IN (...) x N/500
                wanted = set(files)
                for file, summary in _select(db, self.root, None, with_scores):
                    if file in wanted:
                        found[file] = summary
                return
            for file, summary in _select(db, self.root, files, with_scores):
                found[file] = summary

        self._retrying(query)
        return [found[f] for f in files if f in found]

    def criterion_levels(
        self, files: list[str], kind: str | None = None
    ) -> dict[str, list[tuple[str, float | None]]]:
        """Per transcript file, each criterion's mean level ("rubric title · criterion
        name", level) in its rounds (of `kind` only, if given): a chart's window."""

        def query(db: sqlite3.Connection) -> dict[str, list[tuple[str, float | None]]]:
            found: dict[str, list[tuple[str, float | None]]] = {}
            for start in range(0, len(files), 500):  # SQLite's limit on parameters
                chunk = files[start : start + 500]
                marks = ",".join("?" * len(chunk))
                rows = db.execute(
                    f"SELECT file, label, mean_level FROM criteria WHERE file IN ({marks}) "
                    "AND (? IS NULL OR kind = ?) ORDER BY file, round_idx, position",
                    (*chunk, kind, kind),
                )
                for file, label, level in rows:
                    found.setdefault(file, []).append((label, level))
            return found

        return self._retrying(query)  # type: ignore[return-value]

    def round_percents(self, kind: str) -> dict[str, float | None]:
        """Per transcript file, the mean score of its rounds of `kind` (None: unscored)."""

        def query(db: sqlite3.Connection) -> dict[str, float | None]:
            rows = db.execute(
                "SELECT file, avg(percent) FROM rounds WHERE kind = ? GROUP BY file", (kind,)
            )
            return dict(rows.fetchall())

        return self._retrying(query)  # type: ignore[return-value]

    def latest_levels(
        self, scenario_id: str | None = None, kind: str | None = None
    ) -> dict[str, float]:
        """Every criterion ("rubric title · criterion name") that any matching session
        scored, with its level in the newest of them."""

        def query(db: sqlite3.Connection) -> dict[str, float]:
            filters = "(?1 IS NULL OR scenario_id = ?1) AND (?2 IS NULL OR kind = ?2)"
            labels = [
                label
                for (label,) in db.execute(
                    f"SELECT DISTINCT label FROM criterion_labels WHERE {filters}",
                    (scenario_id, kind),
                )
            ]
            latest: dict[str, float] = {}
            for label in labels:  # each the newest scored row, found from the index's end
                row = db.execute(
                    "SELECT mean_level FROM criteria WHERE label = ?3 AND mean_level IS NOT "
                    f"NULL AND charted = 1 AND {filters} ORDER BY created_ts DESC LIMIT 1",
                    (scenario_id, kind, label),
                ).fetchone()
                if row is not None:
                    latest[label] = row[0]
            return latest

        return self._retrying(query)  # type: ignore[return-value]

    def candidate_history(
        self, candidate: str, exclude_id: str = ""
    ) -> tuple[dict[str, int], dict[str, float]]:
        """How many of the candidate's sessions asked each question, and the mean score of
        each topic over the candidate's scored questions. What it costs does not grow with
        the history beyond a directory listing: new and vanished transcripts are found by
        name, and of the rows already indexed only the ones that may still change are
        checked against their files (LIVE_ROWS); finished sessions are neither stat'ed nor
        read (every save of ours records its row)."""
        if self.is_empty():
            return {}, {}
        self.refresh_names()
        self.refresh_files(self._retrying(_live_files))  # type: ignore[arg-type]
        return self._retrying(lambda db: _history(db, candidate, exclude_id))  # type: ignore[return-value]

    def current_candidate_history(
        self, candidate: str, exclude_id: str = ""
    ) -> tuple[dict[str, int], dict[str, float]] | None:
        """candidate_history's figures when they need no transcript read (no file is new,
        vanished, or a live row's changed), else None: what a start can use before the
        transcript models are loaded. It is the same answer candidate_history gives then."""
        if self.is_empty():
            return {}, {}

        def query(db: sqlite3.Connection) -> tuple[dict[str, int], dict[str, float]] | None:
            known = {file for (file,) in db.execute("SELECT file FROM sessions")}
            if known != transcript_names(self.root):
                return None
            for file, *state in db.execute(
                "SELECT file, size, mtime_ns, journal_size, journal_mtime_ns FROM sessions "
                f"WHERE {LIVE_ROWS}"
            ).fetchall():
                now = file_state(self.root / file)
                if now is None or now.key() != tuple(state):
                    return None
            return _history(db, candidate, exclude_id)

        return self._retrying(query)  # type: ignore[return-value]


# Rows that may change after they were recorded: sessions still being written (their
# journals grow between whole saves) and broken files (which may be repaired). A finished
# session's file is rewritten only by our own saves (a re-score), which record its row.
LIVE_ROWS = "error IS NOT NULL OR status IS NOT 'finished'"


def _live_files(db: sqlite3.Connection) -> list[str]:
    return [file for (file,) in db.execute(f"SELECT file FROM sessions WHERE {LIVE_ROWS}")]


def _history(
    db: sqlite3.Connection, candidate: str, exclude_id: str
) -> tuple[dict[str, int], dict[str, float]]:
    # Running totals over all the candidate's sessions, less the excluded one's.
    times = dict(
        db.execute(
            "SELECT question_id, sessions FROM question_counts "
            "WHERE candidate = ? AND sessions > 0",
            (candidate,),
        ).fetchall()
    )
    totals = {
        topic: [tenths, scored]
        for topic, tenths, scored in db.execute(
            "SELECT topic, tenths, scored FROM topic_totals WHERE candidate = ?",
            (candidate,),
        )
    }
    own = "SELECT file FROM sessions WHERE id = ? AND candidate = ? AND error IS NULL"
    for (question_id,) in db.execute(
        f"SELECT question_id FROM asked WHERE file IN ({own})", (exclude_id, candidate)
    ):
        times[question_id] -= 1
    for topic, tenths in db.execute(
        f"SELECT topic, tenths FROM asked_topics WHERE file IN ({own}) AND tenths IS NOT NULL",
        (exclude_id, candidate),
    ):
        totals[topic][0] -= tenths
        totals[topic][1] -= 1
    means = {t: tenths / 10 / n for t, (tenths, n) in totals.items() if n > 0}
    return {q: n for q, n in times.items() if n > 0}, means


# --- SQL helpers ---------------------------------------------------------------------------


@contextlib.contextmanager
def _transaction(db: sqlite3.Connection) -> Iterator[None]:
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def _statements(script: str) -> Iterable[str]:
    # sqlite3.executescript commits on its own; one statement at a time stays in our
    # transaction. Comments are stripped first; a trigger's body holds semicolons, so a
    # statement ends where SQLite says it is complete.
    lines = [line.split("--", 1)[0] for line in script.splitlines()]
    statements, current = [], ""
    for piece in "\n".join(lines).split(";"):
        current += piece + ";"
        if sqlite3.complete_statement(current):
            if current.strip(" \n;"):
                statements.append(current.strip())
            current = ""
    return statements


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _upsert(
    db: sqlite3.Connection,
    name: str,
    state: FileState,
    summary: SessionSummary | None,
    error: str | None,
) -> None:
    db.execute("DELETE FROM sessions WHERE file = ?", (name,))  # children cascade
    if summary is None:
        db.execute(
            "INSERT INTO sessions (file, size, mtime_ns, journal_size, journal_mtime_ns, error) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (name, *state.key(), error or "cannot be read"),
        )
        return
    s = summary
    db.execute(
        "INSERT INTO sessions (file, size, mtime_ns, journal_size, journal_mtime_ns, error, id, "
        "candidate, scenario_id, scenario_title, mode, backend, status, created_at, created_ts, "
        "updated_at, finished_at, round_kinds, answers, overall, unscored, pending, failed, "
        "answered_questions, planned, level) VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, "
        "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            name,
            *state.key(),
            s.id,
            s.candidate,
            s.scenario_id,
            s.scenario_title,
            s.mode,
            s.backend,
            s.status,
            _iso(s.created_at),
            s.created_at.timestamp(),
            _iso(s.updated_at),
            _iso(s.finished_at),
            json.dumps(list(s.round_kinds)),
            s.answers,
            s.overall,
            s.unscored,
            s.pending,
            s.failed,
            s.answered_questions,
            s.planned,
            s.level,
        ),
    )
    db.executemany(
        "INSERT INTO rounds VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (name, r.index, r.kind, r.title, r.rubric_id, r.rubric_title, r.percent)
            for r in s.rounds
        ],
    )
    created_ts = s.created_at.timestamp()
    db.executemany(
        "INSERT INTO criteria (file, round_idx, position, criterion_id, name, mean_level, "
        "label, kind, scenario_id, created_ts, charted) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                name,
                r.index,
                i,
                c.criterion_id,
                c.name,
                c.mean_level,
                f"{r.rubric_title} · {c.name}",
                r.kind,
                s.scenario_id,
                created_ts,
                int(s.charted),
            )
            for r in s.rounds
            for i, c in enumerate(r.criteria)
        ],
    )
    db.executemany(
        "INSERT INTO asked (file, position, question_id, round_idx, topics, percent, "
        "candidate) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (
                name,
                i,
                a.question_id,
                a.round_index,
                json.dumps(list(a.topics)),
                a.percent,
                s.candidate,
            )
            for i, a in enumerate(s.asked)
        ],
    )
    db.executemany(
        "INSERT OR IGNORE INTO asked_topics (file, position, topic, percent, candidate, "
        "tenths) VALUES (?, ?, ?, ?, ?, ?)",
        [
            (name, i, t, a.percent, s.candidate, _tenths(a.percent))
            for i, a in enumerate(s.asked)
            for t in a.topics
        ],
    )


def _tenths(percent: float | None) -> int | None:
    return None if percent is None else round(percent * 10)


@functools.lru_cache(maxsize=256)
def _kinds(text: str) -> tuple[str, ...]:
    """A row's round kinds: a few loops' lists, repeated over thousands of rows."""
    return tuple(json.loads(text))


def _when(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _select(
    db: sqlite3.Connection, root: Path, files: list[str] | None, with_scores: bool
) -> list[tuple[str, SessionSummary]]:
    """(file, summary) of these transcripts (at most 500: SQLite's limit on parameters),
    or of every readable one (None)."""
    where = "1" if files is None else f"file IN ({','.join('?' * len(files))})"
    params = () if files is None else files
    rounds: dict[str, list[RoundScore]] = {}
    if with_scores:
        criteria: dict[tuple[str, int], list[CriterionLevel]] = {}
        for file, round_idx, cid, cname, level in db.execute(
            "SELECT file, round_idx, criterion_id, name, mean_level FROM criteria "
            f"WHERE {where} ORDER BY file, round_idx, position",
            params,
        ):
            criteria.setdefault((file, round_idx), []).append(CriterionLevel(cid, cname, level))
        for file, idx, kind, title, rubric_id, rubric_title, percent in db.execute(
            "SELECT file, idx, kind, title, rubric_id, rubric_title, percent FROM rounds "
            f"WHERE {where} ORDER BY file, idx",
            params,
        ):
            rounds.setdefault(file, []).append(
                RoundScore(
                    idx,
                    kind,
                    title,
                    rubric_id,
                    rubric_title,
                    percent,
                    tuple(criteria.get((file, idx), ())),
                )
            )
    sessions: list[tuple[str, SessionSummary]] = []
    for row in db.execute(
        "SELECT file, id, candidate, scenario_id, scenario_title, mode, backend, status, "
        "created_at, updated_at, finished_at, round_kinds, answers, overall, unscored, pending, "
        f"failed, answered_questions, planned, level FROM sessions WHERE error IS NULL AND {where}",
        params,
    ):
        file = row[0]
        created = _when(row[8])
        updated = _when(row[9])
        assert created is not None and updated is not None
        sessions.append(
            (
                file,
                SessionSummary(
                    id=row[1],
                    path=root / file,
                    candidate=row[2],
                    scenario_id=row[3],
                    scenario_title=row[4],
                    mode=row[5],
                    backend=row[6],
                    status=row[7],
                    created_at=created,
                    updated_at=updated,
                    finished_at=_when(row[10]),
                    round_kinds=_kinds(row[11]),
                    answers=row[12],
                    overall=row[13],
                    unscored=row[14],
                    pending=row[15],
                    failed=row[16],
                    answered_questions=row[17],
                    planned=row[18],
                    level=row[19],
                    rounds=tuple(rounds.get(file, ())),
                ),
            )
        )
    return sessions
