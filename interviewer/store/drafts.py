"""Answer drafts kept beside the transcripts, so closing the app (or a signal in plain
mode) never loses typing.

One small text file a session under <transcripts_dir>/.drafts/ (0600 in a 0700 folder);
written atomically so a kill mid-write leaves the previous draft, and deleted once the
answer is submitted and saved. When the transcripts folder refuses a draft (read-only,
full), it goes to the first rescue folder that takes it, and `load` finds the newest copy
wherever it is.
"""

import contextlib
from pathlib import Path

from interviewer.store.files import rescue_folders, write_atomic
from interviewer.store.ids import check_session_id

DRAFTS = ".drafts"


class DraftNotSaved(OSError):
    """No folder took the draft; `reasons` says why, folder by folder."""

    def __init__(self, reasons: list[str]):
        self.reasons = reasons
        super().__init__("; ".join(reasons))


class DraftStore:
    def __init__(self, transcripts_dir: Path, rescue_dirs: list[Path] | None = None):
        self.root = Path(transcripts_dir) / DRAFTS
        self.rescue_dirs = rescue_dirs  # None: rescue_folders()
        self.rescued_to: Path | None = None  # where the last save went, when not root

    def path_for(self, session_id: str, part: str = "") -> Path:
        """`part` names a second draft of the same turn (the coding round's "code")."""
        suffix = f".{check_session_id(part)}" if part else ""
        return self.root / f"{check_session_id(session_id)}{suffix}.txt"

    def _folders(self, create: bool) -> list[Path]:
        rescue = self.rescue_dirs if self.rescue_dirs is not None else rescue_folders(create)
        return [self.root, *(folder / "drafts" for folder in rescue)]

    def load(self, session_id: str, part: str = "") -> str:
        """The newest draft of the session, wherever it was kept; "" when there is none."""
        name = self.path_for(session_id, part).name
        best: tuple[float, str] | None = None
        for folder in self._folders(create=False):
            path = folder / name
            try:
                mtime = path.stat().st_mtime
                text = path.read_bytes().decode("utf-8", errors="replace")
            except OSError:
                continue
            if best is None or mtime > best[0]:
                best = (mtime, text)
        return best[1] if best else ""

    def save(self, session_id: str, text: str, part: str = "") -> Path | None:
        """Keep `text` as the session's draft; returns where (None for an empty draft,
        which clears it). Raises DraftNotSaved when no folder would take it."""
        if not text.strip():
            self.clear(session_id, part)
            return None
        name = self.path_for(session_id, part).name
        payload = text.encode("utf-8", errors="surrogatepass")
        reasons = []
        for folder in self._folders(create=True):
            target = folder / name
            try:
                write_atomic(target, payload)
            except OSError as exc:
                reasons.append(f"{target}: {exc.strerror or exc}")
                continue
            self.rescued_to = None if folder == self.root else target
            return target
        raise DraftNotSaved(reasons)

    def clear(self, session_id: str, part: str = "") -> None:
        name = self.path_for(session_id, part).name
        for folder in self._folders(create=False):
            # A read-only folder keeps a stale draft; the next answer replaces it.
            with contextlib.suppress(OSError):
                (folder / name).unlink(missing_ok=True)
