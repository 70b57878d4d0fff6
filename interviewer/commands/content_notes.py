"""What every command says about the content it loaded: user layers' overrides, problems."""

from interviewer.content.loader import Content
from interviewer.safe_text import echo


def print_notices(content: Content) -> None:
    """Which user file replaced which shipped one: a user must see which file wins."""
    for notice in content.notices:
        echo(f"note: {notice}", err=True)


def warn_content(content: Content) -> None:
    print_notices(content)
    if content.errors:
        echo(
            f"warning: {len(content.errors)} content problem(s) skipped "
            "(run `interviewer validate` for details)",
            err=True,
        )
