"""`interviewer validate [PATH ...]`: check content files; non-zero exit on any error."""

import argparse
import sys
from pathlib import Path

from interviewer.content.loader import content_files, default_roots, load_content


def run(args: argparse.Namespace) -> int:
    roots = [Path(p) for p in args.paths] if args.paths else default_roots()
    missing = [r for r in roots if not r.exists()]
    for r in missing:
        print(f"{r}: no such file or directory", file=sys.stderr)
    roots = [r for r in roots if r.exists()]
    # Checking a user's own files still needs the shipped rubrics and bank to resolve references.
    content = load_content(default_roots() + roots if args.paths else roots)
    checked = content_files(roots)
    wanted = {p.resolve() for p in checked}
    errors = [e for e in content.errors if e.path.resolve() in wanted]
    for error in errors:
        print(error, file=sys.stderr)
    summary = (
        f"{len(checked)} files: {len(content.rubrics)} rubrics, {len(content.scenarios)} "
        f"scenarios, {len(content.questions)} questions"
    )
    if errors or missing:
        print(f"{summary}; {len(errors) + len(missing)} errors", file=sys.stderr)
        return 1
    print(f"{summary}; all valid")
    return 0
