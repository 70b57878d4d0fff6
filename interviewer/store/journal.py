"""The save journal: what changed in a session since its transcript was last written whole.

Rewriting the whole transcript after every turn costs the square of the session's length.
Instead, each save appends one line to `<id>.journal` beside `<id>.json`, holding only
what changed since the previous save; the store rewrites the JSON whole (compaction) when
an interview starts, resumes, finishes or stops, and deletes the journal.

A line is a JSON list of operations, each setting a value at a position:

    ["set", {field: value}]            top-level fields of the session
    ["round", i, record]               rounds[i] (replaced or appended)
    ["question", i, question]          questions[i] in full (replaced or appended)
    ["qset", i, {field: value}]        plain fields of questions[i] (closed...)
    ["turns", i, start, [turn...]]     questions[i].turns from `start` on
    ["runs", i, start, [run...]]       questions[i].scoring_runs from `start` on
    ["usage", start, [usage...]]       usage from `start` on

Positions make replay idempotent: a journal replayed over the transcript it was compacted
into (a crash between the rename and the delete) changes nothing. The first line names
the session and the transcript schema the operations are written in. A last line cut
short by a crash was never confirmed and is ignored; any other bad line is an error.

What a turn or a scoring run says is never edited in place (the engine only appends
them); every other field of a question is compared at each save.
"""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from interviewer.store.files import JOURNAL_SUFFIX, fsync_dir

if TYPE_CHECKING:
    from interviewer.domain.session import AskedQuestion, Session

FORMAT = 1
_APPENDED = ("turns", "scoring_runs")
_COLLECTIONS = ("rounds", "questions", "usage")


class JournalError(ValueError):
    pass


def journal_path(transcript: Path) -> Path:
    return transcript.with_suffix(JOURNAL_SUFFIX)


def _dump(model: Any) -> Any:
    return model.model_dump(mode="json")


def _question_mark(asked: AskedQuestion) -> tuple[Any, ...]:
    """What a save compares to find a question's changes: counts of the appended lists,
    the identity of the other containers, and the plain values."""
    values: list[Any] = [id(asked)]
    for name in type(asked).model_fields:
        value = getattr(asked, name)
        if name in _APPENDED:
            values.append(len(value))
        elif isinstance(value, (list, dict, set)) or hasattr(type(value), "model_fields"):
            values.append((id(value), len(value) if hasattr(value, "__len__") else 0))
        else:
            values.append(value)
    return tuple(values)


class JournalWriter:
    """Tracks what of one session (one object in memory) the files already hold."""

    def __init__(self, session: Session, path: Path):
        self.session = session
        self.path = path
        self.lines = 0  # lines appended since the transcript was last written whole
        self.started = False  # whether this writer has begun the journal file
        # A transcript written without fsync (a new session's first): synced, with the
        # folder, before the first durable line.
        self.unsynced: Path | None = None
        self._syncing: threading.Thread | None = None
        self._synced_apart = False
        self._top = self._top_fields(session)
        self._rounds = [_dump(r) for r in session.rounds]
        self._questions = [_question_mark(q) for q in session.questions]
        self._usage = len(session.usage)

    @staticmethod
    def _top_fields(session: Session) -> dict[str, Any]:
        names = {n for n in type(session).model_fields if n not in _COLLECTIONS}
        return session.model_dump(mode="json", include=names)

    def changes(self) -> list[list[Any]] | None:
        """The operations that bring the files up to the session in memory, noted as
        written; None when the change is not an append (then write the transcript whole)."""
        s = self.session
        if len(s.rounds) < len(self._rounds) or len(s.questions) < len(self._questions):
            return None
        ops: list[list[Any]] = []
        top = self._top_fields(s)
        changed = {k: v for k, v in top.items() if self._top.get(k) != v}
        if changed:
            ops.append(["set", changed])
        self._top = top
        rounds = [_dump(r) for r in s.rounds]  # a handful: compared whole
        for i, dumped in enumerate(rounds):
            if i >= len(self._rounds) or self._rounds[i] != dumped:
                ops.append(["round", i, dumped])
        self._rounds = rounds
        for i, asked in enumerate(s.questions):
            ops += self._question_changes(i, asked)
        if len(s.usage) < self._usage:
            return None
        if len(s.usage) > self._usage:
            ops.append(["usage", self._usage, [_dump(u) for u in s.usage[self._usage :]]])
            self._usage = len(s.usage)
        return ops

    def _question_changes(self, i: int, asked: AskedQuestion) -> list[list[Any]]:
        mark = _question_mark(asked)
        if i < len(self._questions) and self._questions[i] == mark:
            return []
        old = self._questions[i] if i < len(self._questions) else None
        if i < len(self._questions):
            self._questions[i] = mark
        else:
            self._questions.append(mark)
        names = list(type(asked).model_fields)
        if old is None or old[0] != mark[0]:
            return [["question", i, _dump(asked)]]
        ops: list[list[Any]] = []
        plain: dict[str, Any] = {}
        for n, name in enumerate(names, start=1):
            before, now = old[n], mark[n]
            if before == now:
                continue
            if name in _APPENDED:
                items = getattr(asked, name)
                if now < before:  # shrank: not an append, write the question whole
                    return [["question", i, _dump(asked)]]
                key = "turns" if name == "turns" else "runs"
                ops.append([key, i, before, [_dump(x) for x in items[before:]]])
            elif isinstance(now, tuple):  # another container changed: write it whole
                return [["question", i, _dump(asked)]]
            else:
                plain[name] = asked.model_dump(mode="json", include={name})[name]
        if plain:
            ops.insert(0, ["qset", i, plain])
        return ops

    def start(self) -> int:
        """Begin the journal: a fresh file holding its header line (any older one, left
        by a crash before the last compaction finished, is replaced). Not fsynced: the
        first durable line is, and that syncs the file; the caller syncs the folder."""
        from interviewer.domain.session import SCHEMA_VERSION

        head = {"journal": FORMAT, "session": self.session.id, "schema": SCHEMA_VERSION}
        header = (json.dumps(head) + "\n").encode()
        fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            _write_all(fd, header)
        finally:
            os.close(fd)
        self.started = True
        return len(header)

    def sync_apart(self) -> None:
        """Sync the unsynced transcript and the folder (the journal's entry in it too) in
        a thread of their own while the first question is read, so that the first
        answer's save costs one fsync like every other."""
        target = self.unsynced
        if target is None or self._syncing is not None:
            return

        def sync() -> None:
            try:
                _fsync_file(target)
                fsync_dir(target.parent)
            except OSError:
                return  # the first durable line syncs them itself, or says why not
            self._synced_apart = True

        self._syncing = threading.Thread(target=sync, name="first-sync", daemon=True)
        self._syncing.start()

    def wait_for_sync(self) -> None:
        """Until sync_apart's thread is done (the unsynced files are synced, or not)."""
        if self._syncing is not None:
            self._syncing.join()
            self._syncing = None
            if self._synced_apart:
                self.unsynced = None

    def append(self, ops: list[list[Any]], *, durable: bool) -> int:
        """Append one line; fsync it when `durable`. Returns the bytes written."""
        written = 0
        if durable:
            self.wait_for_sync()
        created = not self.started
        if created:
            written += self.start()
        line = (json.dumps(ops, ensure_ascii=False, separators=(",", ":")) + "\n").encode()
        if durable and self.unsynced is not None:
            _fsync_file(self.unsynced)
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND)
        try:
            _write_all(fd, line)
            if durable:
                os.fsync(fd)
        finally:
            os.close(fd)
        if durable and (created or self.unsynced is not None):
            fsync_dir(self.path.parent)
            self.unsynced = None
        self.lines += 1
        return written + len(line)


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_all(fd: int, payload: bytes) -> None:
    view = memoryview(payload)
    while view:
        view = view[os.write(fd, view) :]


def replay(data: dict[str, Any], path: Path) -> dict[str, Any]:
    """The transcript's raw JSON with the journal's operations applied (if there is one)."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return data
    except OSError as exc:
        raise JournalError(f"cannot read the journal {path.name}: {exc}") from exc
    lines = raw.split(b"\n")
    complete = raw.endswith(b"\n")
    body = lines[:-1] if complete else lines  # the last piece of an unfinished line
    if not complete and len(body) > 0:
        body = body[:-1]  # written by a crash mid-line: never confirmed, so dropped
    if not body:
        return data
    try:
        head = json.loads(body[0])
    except ValueError:
        raise JournalError(f"{path.name}: line 1 is not a journal header") from None
    if not isinstance(head, dict) or head.get("journal") != FORMAT:
        raise JournalError(f"{path.name}: not a journal of format {FORMAT}")
    if head.get("session") != data.get("id"):
        raise JournalError(f"{path.name} belongs to session {head.get('session')!r}")
    if head.get("schema") != data.get("schema_version"):
        raise JournalError(
            f"{path.name} was written for transcript schema {head.get('schema')}, "
            f"the transcript is schema {data.get('schema_version')}"
        )
    for number, line in enumerate(body[1:], start=2):
        try:
            ops = json.loads(line)
            _apply(data, ops)
        except (ValueError, KeyError, IndexError, TypeError) as exc:
            raise JournalError(f"{path.name}: line {number} cannot be applied: {exc}") from exc
    return data


def _put(items: list[Any], i: int, value: Any) -> None:
    if i < len(items):
        items[i] = value
    elif i == len(items):
        items.append(value)
    else:
        raise IndexError(f"position {i} past the end ({len(items)})")


def _extend(items: list[Any], start: int, values: list[Any]) -> None:
    if start > len(items):
        raise IndexError(f"position {start} past the end ({len(items)})")
    items[start : start + len(values)] = values


def _apply(data: dict[str, Any], ops: list[list[Any]]) -> None:
    if not isinstance(ops, list):
        raise TypeError("a journal line is a list of operations")
    for op in ops:
        kind = op[0]
        if kind == "set":
            data.update(op[1])
        elif kind == "round":
            _put(data.setdefault("rounds", []), op[1], op[2])
        elif kind == "question":
            _put(data.setdefault("questions", []), op[1], op[2])
        elif kind == "qset":
            data["questions"][op[1]].update(op[2])
        elif kind == "turns":
            _extend(data["questions"][op[1]].setdefault("turns", []), op[2], op[3])
        elif kind == "runs":
            _extend(data["questions"][op[1]].setdefault("scoring_runs", []), op[2], op[3])
        elif kind == "usage":
            _extend(data.setdefault("usage", []), op[1], op[2])
        else:
            raise ValueError(f"unknown operation {kind!r}")
