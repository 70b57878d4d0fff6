"""What every command says about the content it loaded: user layers' overrides, problems."""

import sys

from interviewer.content.loader import Content


def print_notices(content: Content) -> None:
    """Which user file replaced which shipped one: a user must see which file wins."""
    for notice in content.notices:
        print(f"note: {notice}", file=sys.stderr)


def warn_content(content: Content) -> None:
    print_notices(content)
    if content.errors:
        print(
            f"warning: {len(content.errors)} content problem(s) skipped "
            "(run `interviewer validate` for details)",
            file=sys.stderr,
        )
