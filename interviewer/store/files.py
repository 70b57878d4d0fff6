"""The files a transcripts folder holds, by name; and how the store writes them.

Everything the store creates is readable by its owner only (files 0600, folders 0700): an
interview holds a candidate's answers. A replacement is written to a temporary file in the
same folder, fsynced, then renamed over the target, so a kill at any moment leaves the old
file or the new one, never a torn one; a write that fails removes its temporary file, so a
full disk is not kept full by the attempt.
"""

import contextlib
import os
import re
import stat
import time
from pathlib import Path

TRANSCRIPT_SUFFIX = ".json"  # <session id>.json: the transcript, the source of truth
JOURNAL_SUFFIX = ".journal"  # <session id>.journal: its changes since last written whole
INDEX_FILE = ".history.sqlite3"  # the history index (and its -wal and -shm files)

FILE_MODE = 0o600
DIR_MODE = 0o700
TMP_SUFFIX = ".tmp"
# .<name>.<pid>.<random>.tmp (the form this module writes) or <name>.<pid>.tmp (older forms)
_TMP_NAME = re.compile(r"^\.?(?P<base>.+?)\.(?P<pid>\d+)(?:\.[0-9a-f]+)?\.tmp$")
# A temporary file lives for the milliseconds of one write; one this old was orphaned.
ORPHAN_MIN_AGE_S = 60.0
ORPHAN_MAX_AGE_S = 24 * 3600.0


def ensure_private_dir(path: Path) -> None:
    """Create `path` (and its parents) if missing; a folder created here is 0700."""
    if path.is_dir():
        return
    path.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    # mkdir's mode is filtered by the umask; the folder this module creates is 0700 regardless.
    os.chmod(path, DIR_MODE)


def fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some filesystems refuse fsync on a folder; the rename is still atomic
    finally:
        os.close(fd)


def tmp_path_for(target: Path) -> Path:
    return target.with_name(f".{target.name}.{os.getpid()}.{os.urandom(3).hex()}{TMP_SUFFIX}")


def write_atomic(target: Path, payload: bytes, *, durable: bool = True) -> None:
    """Replace `target` with `payload` (fsynced, with its folder, when `durable`); raises
    OSError and leaves no temporary file."""
    ensure_private_dir(target.parent)
    tmp = tmp_path_for(target)
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
        try:
            view = memoryview(payload)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            if durable:
                os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, target)
    except BaseException:
        # Disk full, read-only, over quota, interrupted: whatever part was written goes.
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise
    if durable:
        fsync_dir(target.parent)


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's live process
    return True


def orphaned_tmp_files(folder: Path, now: float | None = None) -> list[Path]:
    """Temporary files a killed save left behind in `folder`: their writer is gone (or they
    are a day old) and they are old enough that no write can still be using them."""
    if not folder.is_dir():
        return []
    now = time.time() if now is None else now
    found = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    for entry in entries:
        match = _TMP_NAME.match(entry.name)
        if match is None or not entry.is_file(follow_symlinks=False):
            continue
        try:
            age = now - entry.stat(follow_symlinks=False).st_mtime
        except OSError:
            continue
        if age < ORPHAN_MIN_AGE_S:
            continue
        if age > ORPHAN_MAX_AGE_S or not _pid_alive(int(match["pid"])):
            found.append(Path(entry.path))
    return sorted(found)


def remove_orphaned_tmp_files(folder: Path) -> list[Path]:
    """Delete what orphaned_tmp_files finds; returns what was removed."""
    removed = []
    for path in orphaned_tmp_files(folder):
        try:
            path.unlink()
        except OSError:
            continue
        removed.append(path)
    return removed


def _private_tmp_folder(create: bool) -> Path | None:
    """<tmp>/interviewer-<uid>, ours alone; None if someone else made (or links) it."""
    import tempfile  # only when a save has failed

    uid = os.getuid() if hasattr(os, "getuid") else 0
    base = Path(tempfile.gettempdir()) / f"interviewer-{uid}"
    try:
        if create:
            base.mkdir(mode=DIR_MODE, exist_ok=True)
        info = os.lstat(base)
    except OSError:
        return None
    if not stat.S_ISDIR(info.st_mode) or (hasattr(os, "getuid") and info.st_uid != uid):
        return None
    return base


def rescue_folders(create: bool = True) -> list[Path]:
    """Where a session goes when its own folder refuses it, best first: the user's state
    folder ($XDG_STATE_HOME/interviewer/unsaved), then a private folder under the system's
    temporary folder (often another disk, or memory, when the home disk is full)."""
    state = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    folders = [Path(state) / "interviewer" / "unsaved"]
    tmp = _private_tmp_folder(create)
    if tmp is not None:
        folders.append(tmp / "unsaved")
    return folders
