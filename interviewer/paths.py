"""Where the user's files are, found without the settings machinery.

`interviewer list` and `reindex` need only the transcripts folder; building the full
Settings (pydantic-settings and pydantic) would cost them more than the listing itself.
The precedence is the one Settings applies, and a test holds the two to it: the flag,
then INTERVIEWER_TRANSCRIPTS_DIR, then `transcripts_dir` in the config file, then
./transcripts.
"""

import os
from pathlib import Path

DEFAULT_TRANSCRIPTS = Path("transcripts")


def config_file() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(os.environ.get("INTERVIEWER_CONFIG", Path(base) / "interviewer" / "config.yaml"))


def _environment(name: str) -> str | None:
    # Settings reads the environment without regard to case, as pydantic-settings does.
    wanted = name.lower()
    found = None
    for key, value in os.environ.items():
        if key.lower() == wanted:
            found = value
    return found


def transcripts_dir(flag: str | Path | None = None) -> Path:
    if flag is not None:
        return Path(flag)
    from_env = _environment("INTERVIEWER_TRANSCRIPTS_DIR")
    if from_env is not None:
        return Path(from_env)
    config = config_file()
    if config.is_file():
        from_file = _from_config(config, "transcripts_dir")
        if from_file is not None:
            return Path(from_file)
    return DEFAULT_TRANSCRIPTS


def _from_config(path: Path, key: str) -> str | None:
    import yaml

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None  # Settings reports a broken file; a listing just uses the default
    value = data.get(key) if isinstance(data, dict) else None
    return str(value) if isinstance(value, (str, os.PathLike)) else None
