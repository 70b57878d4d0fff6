"""The error every store operation raises about one transcript: which file, and why."""

from pathlib import Path


class TranscriptError(Exception):
    def __init__(self, path: Path, reason: str):
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")
