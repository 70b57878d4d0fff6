"""The one sanitiser for text that reaches a terminal or a rendered document.

Answers, model replies, judge reasons and everything read back from a transcript file are
data from someone else. Printed raw, an escape sequence in them can set the window title
(OSC 0), clear the screen (CSI 2J), forge a link (OSC 8), write the clipboard (OSC 52), or
move the cursor to fake what the interviewer said; a bidi override can make text read
differently from what it is. So every such text passes through `for_terminal` (and
`echo`, which prints through it), and Markdown made from it through `for_markdown`.

`for_terminal` keeps newlines and tabs, turns carriage returns into newlines, removes
every other C0 and C1 control character and whole escape sequences (CSI, OSC, DCS, SOS,
PM, APC and two-character ESC sequences, in their 7- and 8-bit forms), and shows bidi
overrides and isolates as visible ‹U+202E› markers instead of letting them act.
"""

import re
import sys
from typing import TextIO

# Whole, terminated sequences first, so that their parameters do not survive as text.
_SEQUENCE = re.compile(
    r"""
      \x1b\[[0-?]*[ -/]*[@-~]                 # CSI: ESC [ params intermediates final
    | \x9b[0-?]*[ -/]*[@-~]                   # CSI, 8-bit
    | \x1b\][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)  # OSC ... BEL or ST
    | \x9d[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)    # OSC, 8-bit
    | \x1b[PX^_][^\x1b\x9c]*(?:\x1b\\|\x9c)   # DCS, SOS, PM, APC ... ST
    | [\x90\x98\x9e\x9f][^\x1b\x9c]*(?:\x1b\\|\x9c)  # the same, 8-bit
    | \x1b[ -/]*[0-~]                         # any other ESC sequence (nF, Fp, Fe, Fs)
    """,
    re.VERBOSE,
)
# Whatever control characters are left (an unterminated sequence's introducer included):
# C0 but tab and newline, DEL, C1.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Bidi embeddings, overrides and isolates: shown, never obeyed.
_BIDI = re.compile(r"[\u202a-\u202e\u2066-\u2069]")
# Anything the three passes below would change (every sequence starts with ESC or a C1
# character): one scan of a long text (a JSON listing) instead of three substitutions.
_ACTIVE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# Code points that are not control characters but still act on a terminal or a JSON
# consumer when raw: C1 (JSON leaves them raw), bidi controls, line/paragraph separators.
_JSON_UNSAFE = re.compile(r"[\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def _visible(match: re.Match[str]) -> str:
    return f"‹U+{ord(match.group()):04X}›"


def for_terminal(text: str) -> str:
    """`text` with nothing left that a terminal would obey rather than show."""
    if text.isprintable():  # the common case: no control, no bidi, no newline
        return text
    if not _ACTIVE.search(text):  # only newlines and tabs (a carriage return is active)
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _SEQUENCE.sub("", text)
    text = _CONTROL.sub("", text)
    return _BIDI.sub(_visible, text)


# `<` that could open an HTML tag, comment, declaration or autolink in CommonMark.
_HTML_START = re.compile(r"<(?=[A-Za-z/!?])")
# An inline link or image destination: `](dest`.
_INLINE_LINK = re.compile(r"\]\(\s*<?([^\s)>]*)")
# A link reference definition, `[label]: dest`, also inside block quotes.
_REFERENCE = re.compile(r"(?m)^((?:[ ]{0,3}>[ ]?)*[ ]{0,3})\[([^\]\n]+)\]:[ \t]*<?(\S*)")
_WEB = re.compile(r"(?i)https?://")


def _safe_destination(destination: str) -> bool:
    return bool(_WEB.match(destination))


def _inline(match: re.Match[str]) -> str:
    if _safe_destination(match.group(1)):
        return match.group()
    return "]\\(" + match.group()[2:]  # `]\(`: no longer a link, shown as written


def _reference(match: re.Match[str]) -> str:
    if _safe_destination(match.group(3)):
        return match.group()
    lead, label = match.group(1), match.group(2)
    rest = match.group()[len(lead) + len(label) + 3 :]  # after `[label]:`
    return f"{lead}\\[{label}]:{rest}"


def for_markdown(text: str) -> str:
    """Markdown (a whole document or a piece of one) safe to render or to open in a
    browser: terminal-safe, raw HTML shown as text, and links other than http(s) shown as
    text instead of links (`javascript:`, `data:`, `file:`...)."""
    text = for_terminal(text)
    text = _HTML_START.sub("&lt;", text)
    text = _INLINE_LINK.sub(_inline, text)
    return _REFERENCE.sub(_reference, text)


def json_for_terminal(text: str) -> str:
    """JSON text (from json.dumps) with every terminal-active code point written as a
    \\u escape: the same data for a JSON reader, inert on a terminal."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def echo(text: str = "", *, err: bool = False, stream: TextIO | None = None) -> None:
    """Print a line of text that may hold someone else's words: the only way the command
    line prints (a test holds every module to it)."""
    out = stream if stream is not None else (sys.stderr if err else sys.stdout)
    out.write(for_terminal(text) + "\n")
    out.flush()


def progress(text: str, *, stream: TextIO | None = None) -> None:
    """A progress line that the next one overwrites (a carriage return, then the text)."""
    out = stream if stream is not None else sys.stderr
    out.write("\r" + for_terminal(text))
    out.flush()


def write(text: str, *, err: bool = False, stream: TextIO | None = None) -> None:
    """Like `echo`, without the newline: for a document that brings its own."""
    out = stream if stream is not None else (sys.stderr if err else sys.stdout)
    out.write(for_terminal(text))
    out.flush()
