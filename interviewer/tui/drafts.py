"""Answer drafts kept beside the transcripts, so closing the app never loses typing.

One small text file a session under <transcripts_dir>/.drafts/; written atomically so a
kill mid-write leaves the previous draft, and deleted once the answer is submitted.
"""

import os
from pathlib import Path


class DraftStore:
    def __init__(self, transcripts_dir: Path):
        self.root = Path(transcripts_dir) / ".drafts"

    def path_for(self, session_id: str) -> Path:
        return self.root / f"{session_id}.txt"

    def load(self, session_id: str) -> str:
        try:
            return self.path_for(session_id).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return ""

    def save(self, session_id: str, text: str) -> None:
        if not text.strip():
            self.clear(session_id)
            return
        self.root.mkdir(parents=True, exist_ok=True)
        target = self.path_for(session_id)
        tmp = target.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, target)

    def clear(self, session_id: str) -> None:
        self.path_for(session_id).unlink(missing_ok=True)
