"""Which files make up the content, found without reading them (and without the models):
the compiled cache's key and the start's first question need only this."""

from collections.abc import Sequence
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent.parent


def shipped_content_root() -> Path:
    """The folder holding the shipped rubrics/ and scenarios/.

    An installed wheel carries them in `interviewer/_content/`; a source checkout (and an
    editable install) has them at the top of the repository, beside the package.
    """
    packed = PACKAGE_DIR / "_content"
    if (packed / "rubrics").is_dir():
        return packed
    return PACKAGE_DIR.parent


def default_roots() -> list[Path]:
    return [shipped_content_root()]


def content_roots(user_dirs: Sequence[Path] = ()) -> list[Path]:
    """The layers to load: the shipped content, then the user's folders in order."""
    return [shipped_content_root(), *user_dirs]


def files_in(root: Path, sub: str, pattern: str = "*.yaml") -> list[Path]:
    base = root / sub
    return sorted(base.glob(pattern)) if base.is_dir() else []


def root_files(root: Path) -> list[Path]:
    """The content files of one layer, in load order."""
    if root.is_file():
        return [root]
    files = files_in(root, "rubrics") + files_in(root, "scenarios")
    files += sorted((root / "scenarios" / "bank").rglob("*.yaml"))
    # A folder inside the bank (bank/python) holds question files directly.
    if root.name in ("rubrics", "scenarios", "bank") or "bank" in root.resolve().parts:
        files += sorted(root.rglob("*.yaml"))
    return files
