"""The answer as its reader sees it.

An interviewer reading an answer does not see a zero-width space, a soft hyphen or a
direction mark, and reads "nоt" written with a Cyrillic "о" as "not". A judge that read
the raw characters would not: "does n\u200bot reduce overfitting" would cover the key
point it denies. So the offline judge reads the answer with the invisible characters
taken out, full-width letters as ordinary ones, and letters of other scripts that are
drawn like Latin ones read as Latin inside a word that has Latin letters. A Greek letter
anywhere else, a symbol in a formula, is read by its name, as a reader says it and as the
key points spell it ("\u03b7" as "eta", "\u03bb_max" as "lambda_max", lexicon
`letter_names`): a right answer that wrote "0 < \u03b7 < 2/\u03bb_max" said nothing the reader
could match against "0 < eta < 2 / lambda_max".

An answer stored by a web form reaches the judge with its symbols as HTML character
references ("ptr-&gt;left", "n &lt; 2", "R&amp;D"); whoever graded it saw the page drawn,
"ptr->left". The UNT short-answer set is stored so, and its code answers read as the words
"gt" and "lt" (an inorder traversal written as code, graded 5 of 5, scored 0). A complete
reference (closed by ";", a name HTML knows or a character number) is read as the
character it draws; a bare "&" ("R&D", "trial & error", "&not") is left as typed.
"""

import html
import re
import unicodedata
from functools import lru_cache

from interviewer.judge.lexicon import lexicon

# Full-width forms of ASCII (U+FF01-FF5E) are ASCII shifted by a fixed offset.
_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}

# Cyrillic and Greek letters drawn like Latin ones (Unicode's confusables, the common few).
_LOOKALIKES = str.maketrans(
    {
        "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o",
        "р": "p", "с": "c", "т": "t", "у": "y", "х": "x", "і": "i", "ї": "i", "ј": "j",
        "ѕ": "s", "ԁ": "d", "ԛ": "q", "ԝ": "w", "һ": "h", "ɡ": "g",
        "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P",
        "С": "C", "Т": "T", "У": "Y", "Х": "X", "І": "I", "Ј": "J", "Ѕ": "S",
        "ο": "o", "ν": "v", "ι": "i", "κ": "k", "ρ": "p", "τ": "t", "υ": "u", "χ": "x",
        "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M",
        "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
    }
)  # fmt: skip
_LOOKALIKE_CHARS = frozenset(chr(c) for c in _LOOKALIKES)
_WORD = re.compile(r"\w+")
_LATIN = re.compile(r"[A-Za-z]")


def _invisible(ch: str) -> bool:
    # Format characters (zero-width spaces and joiners, soft hyphens, direction marks,
    # byte-order marks) are drawn as nothing.
    return unicodedata.category(ch) == "Cf"


def _as_latin(match: re.Match[str]) -> str:
    word = match.group()
    if _LATIN.search(word) and any(ch in _LOOKALIKE_CHARS for ch in word):
        return word.translate(_LOOKALIKES)
    return word


# A character reference: a name, a decimal or a hexadecimal number, closed by ";".
_REFERENCE = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")


def _drawn(match: re.Match[str]) -> str:
    # html.unescape leaves a name it does not know as written ("&foo;" stays "&foo;").
    return html.unescape(match.group())


@lru_cache(maxsize=1)
def _letters() -> re.Pattern[str] | None:
    names = lexicon().letter_names
    return re.compile("|".join(map(re.escape, names))) if names else None


def _named(text: str) -> str:
    """The Greek letters left in `text` written as their names, a space between a name and
    a letter or digit it touches ("\u03b7\u03bb" reads "eta lambda", not "etalambda")."""
    letters = _letters()
    if letters is None:
        return text
    names = lexicon().letter_names

    def name(match: re.Match[str]) -> str:
        a, b = match.start(), match.end()
        before = " " if a and text[a - 1].isalnum() and text[a - 1] not in names else ""
        after = " " if b < len(text) and text[b].isalnum() else ""
        return before + names[match.group()] + after

    return letters.sub(name, text)


def as_seen(text: str) -> str:
    """`text` as a reader sees it; the same string when it has nothing to change."""
    if "&" in text:
        drawn = _REFERENCE.sub(_drawn, text)
        text = text if drawn == text else drawn
    if text.isascii():
        return text
    visible = "".join(ch for ch in text if not _invisible(ch)).translate(_FULL_WIDTH)
    return _named(_WORD.sub(_as_latin, visible))
