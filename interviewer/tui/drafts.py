"""Answer drafts kept beside the transcripts, so closing the app never loses typing.

One small text file a session under <transcripts_dir>/.drafts/; written atomically so a
kill mid-write leaves the previous draft, and deleted once the answer is submitted.
"""

import os
from pathlib import Path


class DraftStore:
    def __init__(self, transcripts_dir: Path):
        self.root = Path(transcripts_dir) / ".drafts"

    def path_for(self, session_id: str, part: str = "") -> Path:
        """`part` names a second draft of the same turn (the coding round's "code")."""
        suffix = f".{part}" if part else ""
        return self.root / f"{session_id}{suffix}.txt"

    def load(self, session_id: str, part: str = "") -> str:
        try:
            return self.path_for(session_id, part).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return ""

    def save(self, session_id: str, text: str, part: str = "") -> None:
        if not text.strip():
            self.clear(session_id, part)
            return
        self.root.mkdir(parents=True, exist_ok=True)
        target = self.path_for(session_id, part)
        tmp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, target)

    def clear(self, session_id: str, part: str = "") -> None:
        self.path_for(session_id, part).unlink(missing_ok=True)
