"""The validated content, compiled once and kept in the user's cache folder.

Parsing and validating every YAML file took a quarter of the start-up. The result of a
load is pickled under a key made of everything it depends on: the interviewer's version,
the Python and pydantic versions, the source of the code that reads content (so an edit
in a checkout rebuilds it), and each content file's path and SHA-256 in load order. Any
change makes a new key; an unreadable, foreign or damaged cache file is ignored and
replaced. Only files this user owns and no one else can write are unpickled.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import pickle
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from interviewer.content.loader import Content

PACKAGE_DIR = Path(__file__).resolve().parent.parent
# The code whose output the cache holds.
CODE_FOLDERS = ("content", "domain")
DIGEST_FORMAT = 1  # digest.py's layout; another layout is ignored and rewritten
KEEP = 8  # cache files kept (several content folders in use, e.g. tests and a checkout)
T = TypeVar("T")


def cache_dir() -> Path:
    explicit = os.environ.get("INTERVIEWER_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "interviewer"


def _code_fingerprint() -> bytes:
    digest = hashlib.sha256()
    from interviewer import __version__

    versions = [__version__, sys.version, _pydantic_version()]
    digest.update("\0".join(versions).encode())
    for folder in CODE_FOLDERS:
        for path in sorted((PACKAGE_DIR / folder).glob("*.py")):
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.digest()


def _pydantic_version() -> str:
    """pydantic's version module, read rather than imported: a start works the key out
    before it loads pydantic (find_spec finds a top-level package without importing it)."""
    import importlib.util

    spec = importlib.util.find_spec("pydantic")
    if spec is None or spec.origin is None:
        return "no pydantic"
    try:
        return (Path(spec.origin).parent / "version.py").read_text(encoding="utf-8")
    except OSError as exc:
        return repr(exc)


def content_key(roots: Iterable[Path], files_of: Callable[[Path], list[Path]]) -> str:
    """A key that changes whenever what load_content(roots) would return can change."""
    digest = hashlib.sha256(_code_fingerprint())
    for root in roots:
        digest.update(b"\1root\0" + str(root).encode())
        if not root.exists():
            digest.update(b"\0missing")
            continue
        for path in files_of(root):
            digest.update(b"\1file\0" + str(path).encode() + b"\0")
            try:
                digest.update(hashlib.sha256(path.read_bytes()).digest())
            except OSError as exc:  # the loader reports it; the key only has to differ
                digest.update(repr(exc).encode())
    return digest.hexdigest()[:32]


def trusted(path: Path) -> bool:
    """Ours alone: pickles run code when loaded, so no one else may have written them."""
    try:
        for target in (path.parent, path):
            st = target.stat()
            if st.st_uid != os.getuid() or st.st_mode & 0o022:
                return False
    except OSError:
        return False
    return True


def read(key: str) -> Content | None:
    from interviewer.content.loader import Content

    return load_pickle("content", key, Content)


def write(key: str, content: Content) -> None:
    keep_pickle("content", key, content, keep=KEEP)


def read_digest(key: str) -> dict[str, Any] | None:
    """The plain digest of the content for `key` (digest.py), or None when absent,
    untrusted or damaged."""
    path = cache_dir() / f"digest-{key}.json"
    if not trusted(path):
        return None
    try:
        found = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return None
    return found if isinstance(found, dict) and found.get("format") == DIGEST_FORMAT else None


def has_digest(key: str) -> bool:
    return (cache_dir() / f"digest-{key}.json").is_file()


def write_digest(key: str, digest: dict[str, Any]) -> None:
    _keep("digest", key, ".json", json.dumps(digest).encode(), keep=KEEP)


def load_pickle(kind: str, key: str, expected: type[T]) -> T | None:
    """The cached `kind` object for `key`, or None when absent, untrusted, damaged or foreign."""
    path = cache_dir() / f"{kind}-{key}.pickle"
    if not trusted(path):
        return None
    try:
        with path.open("rb") as fh:
            found = pickle.load(fh)
    except Exception:  # damaged, or written by other code: rebuilt by the caller
        return None
    return found if isinstance(found, expected) else None


def keep_pickle(kind: str, key: str, value: object, keep: int) -> None:
    """Best effort: a cache that cannot be written only costs the next start its time.
    The `keep` newest files of this kind stay; older ones are removed."""
    try:
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:
        return
    _keep(kind, key, ".pickle", data, keep)


def _keep(kind: str, key: str, suffix: str, data: bytes, keep: int) -> None:
    folder = cache_dir()
    target = folder / f"{kind}-{key}{suffix}"
    tmp = folder / f".{kind}-{key}.{os.getpid()}.tmp"
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, target)
        _prune(folder, kind, suffix, keep)
    except Exception:
        with contextlib.suppress(OSError):
            tmp.unlink()


def _prune(folder: Path, kind: str, suffix: str, keep: int) -> None:
    entries = sorted(
        folder.glob(f"{kind}-*{suffix}"), key=lambda p: p.stat().st_mtime, reverse=True
    )
    for old in entries[keep:]:
        with contextlib.suppress(OSError):
            old.unlink()
