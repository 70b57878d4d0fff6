"""One writer per transcript: an advisory lock held while a process may write a session.

The lock is an `fcntl.flock` on a small file beside the transcript (`.<name>.lock`, 0600),
which also records who holds it (pid, host, since, command) so that a second process can
say whom it is waiting for. The kernel drops a flock when its process dies, however it
dies, so a lock file left by a killed process is simply taken over; the file itself is
never deleted, because deleting a lock file that another process has open lets two
processes each lock a different inode of the "same" lock.

Within one process the lock is re-entrant (the app may open the same session twice: a
replay's re-score after the interview), and released when the last holder releases it.
"""

import contextlib
import json
import os
import socket
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from interviewer.store.files import FILE_MODE, ensure_private_dir

try:
    import fcntl
except ImportError:  # not POSIX: no advisory locks; saves stay atomic, one writer is on trust
    fcntl = None  # type: ignore[assignment]

LOCK_SUFFIX = ".lock"


def lock_path_for(transcript: Path) -> Path:
    return transcript.with_name(f".{transcript.name}{LOCK_SUFFIX}")


@dataclass(frozen=True)
class Holder:
    pid: int | None
    host: str
    since: str
    command: str

    def describe(self) -> str:
        if self.pid is None:
            return "another interviewer process (it has not said which yet)"
        where = f" on {self.host}" if self.host else ""
        since = f" since {self.since}" if self.since else ""
        command = f" (`interviewer {self.command}`)" if self.command else ""
        return f"process {self.pid}{where}{since}{command}"


class SessionLocked(Exception):
    """Another process holds the session's lock."""

    def __init__(self, transcript: Path, session_id: str, holder: Holder):
        self.transcript = transcript
        self.session_id = session_id
        self.holder = holder
        super().__init__(
            f"session {session_id} is open in another interviewer: {holder.describe()}. "
            "Finish or quit it there first; its lock is released the moment that process "
            "ends, even if it was killed."
        )


def _read_holder(fd: int) -> Holder:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        raw = os.read(fd, 4096)
        data = json.loads(raw.decode("utf-8")) if raw.strip() else {}
    except (OSError, ValueError):
        data = {}
    if not isinstance(data, dict):
        data = {}
    pid = data.get("pid")
    return Holder(
        pid=pid if isinstance(pid, int) else None,
        host=str(data.get("host", ""))[:100],
        since=str(data.get("since", ""))[:40],
        command=str(data.get("command", ""))[:40],
    )


class SessionLock:
    """A held lock; `release()` gives it up (the process ending does too)."""

    _held: dict[Path, "SessionLock"] = {}  # noqa: RUF012  (this process's locks by file)

    def __init__(self, path: Path, fd: int | None):
        self.path = path
        self._fd = fd
        self._count = 1

    @classmethod
    def acquire(cls, transcript: Path, session_id: str, command: str = "") -> "SessionLock":
        """Lock `transcript` for writing. Raises SessionLocked when another process holds
        it, OSError when the lock file cannot be created (e.g. a read-only folder)."""
        path = lock_path_for(transcript.resolve())
        held = cls._held.get(path)
        if held is not None:
            held._count += 1
            return held
        if fcntl is None:
            lock = cls(path, None)
            cls._held[path] = lock
            return lock
        ensure_private_dir(path.parent)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, FILE_MODE)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _read_holder(fd)
            os.close(fd)
            raise SessionLocked(transcript, session_id, holder) from None
        except BaseException:
            os.close(fd)
            raise
        record = {
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "since": f"{datetime.now(UTC):%Y-%m-%d %H:%M:%S} UTC",
            "command": command,
            "session": session_id,
        }
        try:
            os.ftruncate(fd, 0)
            os.pwrite(fd, json.dumps(record).encode("utf-8"), 0)
        except OSError:
            pass  # the lock holds without its description; others then say "unknown"
        lock = cls(path, fd)
        cls._held[path] = lock
        return lock

    @property
    def held(self) -> bool:
        return self._count > 0

    def discard(self) -> None:
        """Release, and remove the lock file: for a session that was never written (a new
        one whose start was refused), so a refused start leaves nothing in the folder. Safe
        where deleting a lock file in general is not: no transcript names this session, so
        no other process has a reason to open its lock, and the file goes while still held."""
        if self._count == 1 and self._fd is not None:
            with contextlib.suppress(OSError):
                self.path.unlink()
        self.release()

    def release(self) -> None:
        if self._count <= 0:
            return
        self._count -= 1
        if self._count:
            return
        self._held.pop(self.path, None)
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.ftruncate(self._fd, 0)  # nobody to name any more
            os.close(self._fd)  # closing the descriptor drops the flock
            self._fd = None
