"""Session ids: what may become part of a file name."""

import re

# Session ids become file names: letters, digits, '-' and '_' only, so that no id can name
# a path elsewhere ('/', '..'), a hidden file, or another file's extension.
SESSION_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,79}")


class InvalidSessionId(ValueError):
    pass


def check_session_id(session_id: str) -> str:
    if not SESSION_ID.fullmatch(session_id):
        raise InvalidSessionId(
            f"invalid session id {session_id[:80]!r}: an id is 1-80 letters, digits, '-' "
            "or '_', starting with a letter or digit"
        )
    return session_id


def is_session_id(text: str) -> bool:
    return SESSION_ID.fullmatch(text) is not None
