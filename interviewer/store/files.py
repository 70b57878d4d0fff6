"""The files a transcripts folder holds, by name."""

TRANSCRIPT_SUFFIX = ".json"  # <session id>.json: the transcript, the source of truth
JOURNAL_SUFFIX = ".journal"  # <session id>.journal: its changes since last written whole
INDEX_FILE = ".history.sqlite3"  # the history index (and its -wal and -shm files)
