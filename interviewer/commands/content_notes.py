"""What every command says about the content it loaded: user layers' overrides, problems."""

from typing import TYPE_CHECKING

from interviewer.content.digest import content_warnings
from interviewer.safe_text import echo

if TYPE_CHECKING:
    from interviewer.content.loader import Content


def print_notices(content: "Content") -> None:
    """Which user file replaced which shipped one: a user must see which file wins."""
    for notice in content.notices:
        echo(f"note: {notice}", err=True)


def warn_content(content: "Content") -> None:
    for line in content_warnings(content):
        echo(line, err=True)
