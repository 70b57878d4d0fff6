"""Key-point coverage: how much of each reference key point an answer contains.

Each key point is a bag of weighted terms (stemmed, synonym-folded). A term's weight is
its rarity in general English, and it is demoted when it only repeats the question:
saying the question's own words back earns little. Each key point is aligned to the
answer's sentences (windows of one or two), so the best-matching sentence can be quoted
as evidence; misspellings get partial credit. The key point's cue phrases, written by
the question's author, count as a direct hit.
"""

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from interviewer.domain.question import KeyPoint
from interviewer.judge.clauses import (
    NEGATOR_REACH,
    marked_sequence,
    marked_terms,
    marked_word_terms,
)
from interviewer.judge.concepts import concepts_of, term_concepts
from interviewer.judge.text import (
    MIN_TYPO_LETTERS,
    NEGATED,
    STOPWORDS,
    TYPO_MATCH,
    Sentence,
    base_term,
    content_terms,
    negative_twin,
    rarity,
    sentences,
    spelling_similarity,
    stem,
    term,
    term_similarity,
    words,
)

__all__ = [
    "COVERED_AT",
    "STOPWORDS",
    "AnswerTerms",
    "KeyPointMatch",
    "content_stems",
    "coverage_beyond_question",
    "key_point_coverage",
    "match_key_points",
    "missed_key_points",
    "own_words_coverage",
    "stated_text",
    "stating_concepts",
    "stem",
    "units_stating",
]

COVERED_AT = 0.5
# A term the question already says is worth this share of its rarity.
QUESTION_TERM_WEIGHT = 0.3
# A cue phrase names the point in the author's words: one is strong evidence, two settle it.
ONE_CUE_COVERAGE = 0.75
# A key-point word the unit does not say, but whose concept it names in everyday words
# ("kept aside" for "validation"), counts this much of the word (concepts.py). Chosen by
# cross-validation across question groups (benchmarks/cv_offline_judge.py: 1.0 on 5 of 6
# folds' training groups of the dev file, from 0, 0.7, 0.85 and 1.0).
CONCEPT_MATCH = 1.0


@dataclass(frozen=True)
class KeyPointMatch:
    key_point_id: str
    coverage: float  # in [0, 1]
    evidence: str | None  # the answer's sentence(s) that best cover the point, verbatim


@dataclass(frozen=True)
class Piece:
    """A clause of a unit: where it is in the answer, and its terms."""

    start: int
    end: int
    terms: frozenset[str]
    sequence: tuple[str, ...]
    words: tuple[tuple[str, str], ...]
    concepts: frozenset[str] = frozenset()


@dataclass(frozen=True)
class AnswerTerms:
    """The answer, split into units (sentences, or clauses) of terms, ready to be matched
    against key points."""

    text: str
    sentence_texts: tuple[str, ...]
    sentence_terms: tuple[frozenset[str], ...]
    all_terms: frozenset[str]
    # Every word's term, stopwords included, per sentence: cue phrases match in order.
    sentence_sequences: tuple[tuple[str, ...], ...]
    # Per sentence, each content word as written with its term: a misspelling the stemmer
    # cannot undo ("refrence", stem "refrenc") is still one letter from the written word.
    sentence_words: tuple[tuple[tuple[str, str], ...], ...] = ()
    # Per unit, its clauses (when the answer was read as clauses): evidence quotes the
    # clause that states the point, and a clause can be left out for one key point.
    pieces: tuple[tuple[Piece, ...], ...] = ()
    # Per sentence, the concepts it names (concepts.py), negated ones marked.
    sentence_concepts: tuple[frozenset[str], ...] = ()
    # Every term a unit of this answer or of a view of it (without, masked) can hold: its
    # sentences' terms and its clauses'. The same set for every view of one answer, so a
    # term's matches among them (_matched_in) are found once an answer.
    every: frozenset[str] = frozenset()

    @classmethod
    def of(
        cls,
        answer: str,
        parts: Sequence[Sentence] | None = None,
        clause_spans: Sequence[Sequence[tuple[int, int]]] | None = None,
    ) -> "AnswerTerms":
        """`parts`: the units to consider (default: all of the answer's sentences);
        `clause_spans`: per unit, the (start, end) offsets of its clauses."""
        parts = sentences(answer) if parts is None else parts
        terms = tuple(frozenset(marked_terms(s.text)) for s in parts)
        sequences = tuple(marked_sequence(s.text) for s in parts)
        pieces: tuple[tuple[Piece, ...], ...] = ()
        if clause_spans is not None:
            pieces = tuple(tuple(_piece(answer, a, b) for a, b in spans) for spans in clause_spans)
        all_terms = frozenset().union(*terms) if terms else frozenset()
        return cls(
            text=answer,
            sentence_texts=tuple(s.text for s in parts),
            sentence_terms=terms,
            all_terms=all_terms,
            sentence_sequences=sequences,
            sentence_words=tuple(marked_word_terms(s.text) for s in parts),
            pieces=pieces,
            sentence_concepts=tuple(
                concepts_of(t, q) for t, q in zip(terms, sequences, strict=True)
            ),
            every=all_terms.union(*(p.terms for unit in pieces for p in unit)),
        )

    def masked(self, masks: dict[int, frozenset[str]]) -> "AnswerTerms":
        """The answer with, in each clause starting at an offset in `masks`, the terms
        whose base is in that offset's set left unsaid (see CLAUSE_OWNER)."""
        if not masks or not self.pieces:
            return self
        return self._of_units(
            (i, tuple(_masked_piece(p, masks[p.start]) if p.start in masks else p for p in unit))
            if any(p.start in masks for p in unit)
            else (i, unit)
            for i, unit in enumerate(self.pieces)
        )

    def without(self, drop: frozenset[int]) -> "AnswerTerms":
        """The answer without the clauses starting at the offsets in `drop`."""
        if not drop or not self.pieces:
            return self
        kept = (
            (i, tuple(p for p in unit if p.start not in drop)) for i, unit in enumerate(self.pieces)
        )
        return self._of_units(
            (i, self.pieces[i] if len(clauses) == len(self.pieces[i]) else clauses)
            for i, clauses in kept
            if clauses
        )

    def _of_units(self, units: Iterable[tuple[int, tuple[Piece, ...]]]) -> "AnswerTerms":
        """The answer made of these units (each its index here and its clauses): a unit
        whose clauses are this answer's own keeps what was read of it, another is read
        from its clauses."""
        texts, terms, sequences, written, pieces, named = [], [], [], [], [], []
        for i, unit in units:
            texts.append(self.sentence_texts[i])
            pieces.append(unit)
            if unit is self.pieces[i]:
                terms.append(self.sentence_terms[i])
                sequences.append(self.sentence_sequences[i])
                written.append(self.sentence_words[i])
                named.append(self.sentence_concepts[i])
                continue
            terms.append(frozenset().union(*(p.terms for p in unit)))
            sequences.append(tuple(t for p in unit for t in p.sequence))
            written.append(tuple(w for p in unit for w in p.words))
            named.append(frozenset().union(*(p.concepts for p in unit)))
        return AnswerTerms(
            text=self.text,
            sentence_texts=tuple(texts),
            sentence_terms=tuple(terms),
            all_terms=frozenset().union(*terms) if terms else frozenset(),
            sentence_sequences=tuple(sequences),
            sentence_words=tuple(written),
            pieces=tuple(pieces),
            sentence_concepts=tuple(named),
            every=self.every,
        )


def _piece(answer: str, start: int, end: int) -> Piece:
    text = answer[start:end]
    terms, sequence = frozenset(marked_terms(text)), marked_sequence(text)
    return Piece(start, end, terms, sequence, marked_word_terms(text), concepts_of(terms, sequence))


def _masked_piece(piece: Piece, vocabulary: frozenset[str]) -> Piece:
    """The clause with its terms whose base is in `vocabulary` left unsaid: a cue phrase
    that needs one of them no longer matches there."""
    terms = frozenset(t for t in piece.terms if base_term(t) not in vocabulary)
    sequence = tuple("" if base_term(t) in vocabulary else t for t in piece.sequence)
    words = tuple((w, t) for w, t in piece.words if base_term(t) not in vocabulary)
    return Piece(piece.start, piece.end, terms, sequence, words, concepts_of(terms, sequence))


def content_stems(text: str) -> list[str]:
    """The text's content words as comparable terms (kept for callers of the v0 API)."""
    return content_terms(text)


def question_terms(question: str) -> frozenset[str]:
    """The question's terms, negated or not: saying them back earns little either way."""
    return frozenset(base_term(t) for t in content_terms(question))


def weighted_terms(text: str, question_terms: frozenset[str]) -> dict[str, float]:
    weights: dict[str, float] = {}
    for word, t in marked_word_terms(text):
        w = rarity(word) * (QUESTION_TERM_WEIGHT if base_term(t) in question_terms else 1.0)
        weights[t] = max(weights.get(t, 0.0), w)
    return weights


@lru_cache(maxsize=4096)
def stated_text(text: str) -> str:
    """What a key point says an answer states: its text without the verb that opens a
    rubric-style point ("Describes an A/B test...", lexicon `meta_verbs`), which says what
    the answer does, not what it claims: no answer is expected to say "describes"."""
    head, _, rest = text.lstrip().partition(" ")
    if rest and head.lower() in _meta_verbs():
        return rest
    return text


@lru_cache(maxsize=1)
def _meta_verbs() -> frozenset[str]:
    from interviewer.judge.lexicon import lexicon

    return frozenset(v.lower() for v in lexicon().meta_verbs)


@lru_cache(maxsize=4096)
def _key_point_terms(text: str, question_terms: frozenset[str]) -> tuple[tuple[str, float], ...]:
    return tuple(weighted_terms(stated_text(text), question_terms).items())


def word_terms(text: str) -> tuple[str, ...]:
    return tuple(term(w) for w in words(text))


@lru_cache(maxsize=4096)
def _cue_terms(cue: str) -> tuple[str, ...]:
    # Read as answers are: "behaviour rather than knowledge" turns knowledge down in both.
    return marked_sequence(cue)


@lru_cache(maxsize=262144)
def term_match(t: str, terms: frozenset[str]) -> float:
    """How well a term is present in a set of terms (exact, else best fuzzy, or said as the
    negated root of a negative word - "not biased" for "unbiased" - and back)."""
    if t in terms:
        return 1.0
    near = _near(terms)
    # _head(t) and _tail(t), written out: this runs for every term of every unit read.
    negated = t.startswith(NEGATED)
    fuzzy = 0.0  # a similarity is never below 0
    for key in (t[: 1 + negated], NEGATED * negated + "$" + t[-2:]):
        for other in near.get(key, ()):
            similarity = term_similarity(t, other)
            if similarity > fuzzy:
                fuzzy = similarity
    return max(fuzzy, _negative_match(t, terms)) if fuzzy < 1.0 else fuzzy


def _negative_match(t: str, terms: frozenset[str]) -> float:
    """How well a negative word is said as "not" and its root ("impractical": "not
    practical", whose stem the prefix changed, by spelling), or a denied word as a
    negative word; 0 below a typo's match (no look-alike roots)."""
    twin = negative_twin(t)
    if twin is not None:
        pairs: tuple[tuple[str, str], ...] = tuple((twin, o) for o in _negated(terms))
    elif t[:1] == NEGATED:
        pairs = tuple((t, o) for o in _twins(terms))
    else:
        return 0.0
    best = max((term_similarity(a, b) for a, b in pairs), default=0.0)
    return best if best >= TYPO_MATCH else 0.0


@lru_cache(maxsize=16384)
def _negated(terms: frozenset[str]) -> tuple[str, ...]:
    """The set's negated terms: a word with a negative prefix ("input", "improve" among
    them) is held against these alone, not against every term of a question's vocabulary."""
    return tuple(o for o in terms if o[:1] == NEGATED)


@lru_cache(maxsize=16384)
def _twins(terms: frozenset[str]) -> frozenset[str]:
    """The negated terms the set's negative words say ("independ" says "!reli")."""
    return frozenset(twin for other in terms if (twin := negative_twin(other)) is not None)


# Fuzzy matches (a typo, a shared long prefix, most trigrams) share their first letter or
# their last two, bar rare typos in both at once; the others are not worth comparing.
def _head(t: str) -> str:
    return t[: 1 + t.startswith(NEGATED)]


def _tail(t: str) -> str:
    return NEGATED * t.startswith(NEGATED) + "$" + t[-2:]


@lru_cache(maxsize=16384)
def _near(terms: frozenset[str]) -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for other in terms:
        index.setdefault(_head(other), []).append(other)
        index.setdefault(_tail(other), []).append(other)
    return {k: tuple(v) for k, v in index.items()}


# A term's match in a set of terms is the best of its matches with each term of the set
# alone (term_match: the term itself, a fuzzy match among those sharing its first letter or
# last two, a negative word against a negated one), 0 when none matches. So for any set
# within `every` it is the best over the terms of `every` listed here that the set holds.
# Most terms of a key point match no term of a long answer, or one or two: a unit's row
# asks of those alone, not of each of its terms again (95% of term_match's work was
# finding no match).
@lru_cache(maxsize=65536)
def _matched_in(t: str, every: frozenset[str]) -> tuple[tuple[str, float], ...]:
    """The terms of `every` the term matches at all, each with term_match(t, {that term})."""
    if term_match(t, every) == 0.0:
        return ()
    negated = t.startswith(NEGATED)
    near = _near(every)
    candidates = set(near.get(t[: 1 + negated], ()))
    candidates.update(near.get(NEGATED * negated + "$" + t[-2:], ()))
    if t in every:
        candidates.add(t)
    if negative_twin(t) is not None:
        candidates.update(_negated(every))
    elif negated:
        candidates.update(_negative_words(every))
    scored = ((u, term_match(t, frozenset((u,)))) for u in candidates)
    return tuple(sorted((u, m) for u, m in scored if m > 0.0))


@lru_cache(maxsize=16384)
def _negative_words(terms: frozenset[str]) -> tuple[str, ...]:
    """The set's words with a negative prefix (each says a negated term: _twins)."""
    return tuple(o for o in terms if negative_twin(o) is not None)


def _recall(weights: Sequence[tuple[str, float]], terms: frozenset[str]) -> float:
    total = sum(w for _, w in weights)
    if total <= 0 or not terms:
        return 0.0
    return sum(w * term_match(t, terms) for t, w in weights) / total


NOT = term("not")
# How many words back a negator still negates a phrase ("do not really need labels").
NEGATION_REACH = NEGATOR_REACH


def _contains(sequence: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    """Whether the phrase occurs in order. A phrase that does not negate does not match
    where the text negates it: "no labels" says the opposite of "labels"."""
    n = len(phrase)
    if n == 0:
        return False
    negates = NOT in phrase
    first, last = phrase[0], len(sequence) - n
    i = -1
    # Only where the phrase's first term stands (tuple.index scans in C).
    while True:
        try:
            i = sequence.index(first, i + 1, last + 1)
        except ValueError:
            return False
        if sequence[i : i + n] == phrase and (
            negates or NOT not in sequence[max(0, i - NEGATION_REACH) : i]
        ):
            return True


def contains_phrase(sequence: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    return _contains(sequence, phrase)


def _says_cue(cue: str, sequences: Iterable[tuple[str, ...]]) -> bool:
    phrase = _cue_terms(cue)
    return any(_contains(sequence, phrase) for sequence in sequences)


def _cue_coverage(
    cues: Iterable[str],
    answer: AnswerTerms,
    asked: frozenset[str] = frozenset(),
    elsewhere: frozenset[str] = frozenset(),
    own: frozenset[str] | None = None,
) -> float:
    """How far the point's cue phrases cover it: a cue said only in clauses that name it
    and say nothing specific of it (_named_only), or that judge and say none of its other
    words (_said_in_passing), does not count. `asked`: the question's terms; `elsewhere`:
    other key points' terms that are not this point's; `own`: this point's (None: the
    second reading is not made)."""
    # Cues that read the same once stemmed ("dropout", "dropouts") are one cue.
    phrases = {_cue_terms(cue) for cue in cues}
    hits = sum(1 for phrase in phrases if _says_specifically(phrase, answer, asked, elsewhere, own))
    return 0.0 if hits == 0 else (ONE_CUE_COVERAGE if hits == 1 else 1.0)


def _says_specifically(
    phrase: tuple[str, ...],
    answer: AnswerTerms,
    asked: frozenset[str],
    elsewhere: frozenset[str],
    own: frozenset[str] | None = None,
) -> bool:
    for i, sequence in enumerate(answer.sentence_sequences):
        if not _contains(sequence, phrase):
            continue
        units = answer.pieces[i] if i < len(answer.pieces) else ()
        saying = [p for p in units if _contains(p.sequence, phrase)]
        if not saying or not all(
            _named_only(phrase, p, answer.text, asked, elsewhere)
            or _said_in_passing(phrase, p, answer.text, asked, own)
            for p in saying
        ):
            return True
    return False


# Whether a clause that says a cue phrase only names the point's topic: it has a vague
# word ("some", "a few", "things", "trade-offs": lexicon `vague_words`) and nothing
# besides the cue, the question's words and other points' words but empty ones (lexicon
# `empty_words`). "In our project a few of them didn't hold perfectly" says the cue "did
# not hold" of no named assumption; "I've worked with product managers who saw things
# differently" names the partner and no differing view; "there are trade-offs with
# interpretability" names a point's topic. A clause with a word of its own ("the
# residuals were correlated, so independence did not hold") or with no vague word ("use
# cProfile", a cue that is the whole claim) still counts. A setting of
# benchmarks/cv_offline_judge.py's grid `named_only` (the interview, holdout9, holdout10,
# holdout12, holdout13, vague, vague3 and plainest sets, 822 answers, 97 questions, --folds
# 5 --keep-right 10): balanced_mae chose it on 5 of 5 folds (-10.056 against -10.106 off,
# cross-validated -10.056); Spearman chose it off on 5 of 5 (0.819 against 0.818): the
# vague answers it lowers fall among the fooling kinds' scores (graded 12, read 9).
NAMED_ONLY = True


def _named_only(
    phrase: tuple[str, ...],
    piece: Piece,
    text: str,
    asked: frozenset[str],
    elsewhere: frozenset[str],
) -> bool:
    if not NAMED_ONLY or any(ch.isdigit() for t in phrase for ch in t):
        # A cue with a figure in it ("80/10/10", "200 cases a day") states a quantity.
        return False
    vague, empty = _vague_and_empty()
    cue = {base_term(t) for t in phrase}
    # A vague word the cue itself says ("several restarts" for the cue "many restarts")
    # is the cue's: it names a quantity the point asks for.
    said = words(text[piece.start : piece.end])
    if not any(w in vague and term(w) not in cue for w in said):
        return False
    vague_terms = {term(w) for w in vague}
    rest = {base_term(t) for t in piece.terms} - cue - asked - elsewhere - empty - vague_terms
    return not rest


# Whether a clause that says a cue phrase says it in passing, in a general statement: it
# judges or recommends (a word of lexicon `evaluations`: "important", "careful", "good
# practice", "widely used", "standard") instead of saying how, why or how much, and,
# besides the cue, the question's words and empty words, not one of its words is the
# point's ("Since the dataset is small I'd be careful about overfitting" for the point
# "watch validation loss for overfitting, rely on augmentation and early stopping";
# "they're widely used now, for example PPO in RLHF" for "on-policy samples go stale; PPO
# clips the importance ratio"; "it's good practice to keep a checkpoint around" for "restore
# the best checkpoint at the end"). A clause with another of the point's words ("it's
# important to watch the validation loss"), a figure, or no judging word ("stop early to
# avoid overfitting") counts as before; a cue whose clause says nothing else is
# _named_only's. Why a judging word and not any clause without the point's words: right
# answers say a cue beside words of their own story or example ("I asked her why she
# preferred the vendor", "take blanks as they are") that no point's text has; of the 2,750
# graded answers only clauses that judge were found to say a cue of nothing. A setting of
# benchmarks/cv_offline_judge.py's grid `general_cues` (the interview, holdout9, holdout10,
# holdout12, holdout13, holdout14, vague, vague3 and vague4 sets, 924 answers, 107
# questions, --folds 5): balanced_mae chose it on 5 of 5 folds (cross-validated -10.276
# against -10.303 off), Spearman on 4 of 5 (0.802 cross-validated; 0.803 in-sample against
# 0.802 off). Of the 4,687 answers of tests/data and the UNT dev file, nine move:
# eight down, all graded 22 or less, and one right answer up 0.3.
GENERAL_CUES = True


def _said_in_passing(
    phrase: tuple[str, ...],
    piece: Piece,
    text: str,
    asked: frozenset[str],
    own: frozenset[str] | None,
) -> bool:
    if not GENERAL_CUES or own is None:
        return False
    # A figure ("two of those", "a patience of 5"; "one" is as often an article) is specific.
    if any(t.isdigit() and t != "1" for t in piece.terms) or any(
        ch.isdigit() for ch in text[piece.start : piece.end]
    ):
        return False
    vague, empty = _vague_and_empty()
    cue = {base_term(t) for t in phrase}
    said = words(text[piece.start : piece.end])
    if not any(w in _evaluations() and term(w) not in cue for w in said):
        return False
    rest = {base_term(t) for t in piece.terms} - cue - asked - empty - {term(w) for w in vague}
    return bool(rest) and not (rest & own)


@lru_cache(maxsize=1)
def _evaluations() -> frozenset[str]:
    from interviewer.judge.lexicon import lexicon

    return frozenset(lexicon().evaluations)


@lru_cache(maxsize=1)
def _vague_and_empty() -> tuple[frozenset[str], frozenset[str]]:
    """The vague words as written, the empty words as terms."""
    from interviewer.judge.lexicon import lexicon

    lex = lexicon()
    return frozenset(lex.vague_words), frozenset(term(w) for w in lex.empty_words)


@lru_cache(maxsize=4096)
def _written_forms(text: str) -> dict[str, frozenset[str]]:
    """Each of the text's terms with the words that were written for it."""
    forms: dict[str, set[str]] = {}
    for word, t in marked_word_terms(text):
        forms.setdefault(t, set()).add(word)
    return {t: frozenset(ws) for t, ws in forms.items()}


@lru_cache(maxsize=65536)
def _spelling_match(
    negated: bool, forms: frozenset[str], written: tuple[tuple[str, str], ...]
) -> float:
    """How well a key-point term's written words (`forms`) match one of a sentence's words
    by spelling alone; a negated term only a negated word."""
    mine = _typo_keys(forms)
    if not mine:
        return 0.0
    return _spelled(negated, mine, _long_words(written))


def _spelled(
    negated: bool,
    mine: tuple[tuple[str, str, str], ...],
    index: dict[tuple[bool, str], tuple[str, ...]],
) -> float:
    """_spelling_match's comparison, given the key-point term's typo keys (_typo_keys) and
    the unit's long words (_long_words)."""
    best = 0.0  # a similarity is never below 0
    for a, head, tail in mine:
        # Words one edit apart agree on their first two or last two letters.
        for key in ((negated, head), (negated, tail)):
            for b in index.get(key, ()):
                if abs(len(a) - len(b)) <= 1:
                    best = max(best, spelling_similarity(a, b))
    return best


@lru_cache(maxsize=16384)
def _typo_keys(forms: frozenset[str]) -> tuple[tuple[str, str, str], ...]:
    """A key-point term's written words long enough for a typo, each with its first two
    and last two letters: worked out once per term, not once per unit it is held against."""
    return tuple((a, a[:2], "$" + a[-2:]) for a in forms if len(a) >= MIN_TYPO_LETTERS)


@lru_cache(maxsize=16384)
def _long_words(written: tuple[tuple[str, str], ...]) -> dict[tuple[bool, str], tuple[str, ...]]:
    """A sentence's written words long enough for a typo (MIN_TYPO_LETTERS), by whether
    they are negated and by their first two letters, and by their last two ("$" and
    them): each key-point word is compared only with those that may be one edit away."""
    index: dict[tuple[bool, str], list[str]] = {}
    for b, u in written:
        if len(b) < MIN_TYPO_LETTERS:
            continue
        negated = u.startswith(NEGATED)
        index.setdefault((negated, b[:2]), []).append(b)
        index.setdefault((negated, "$" + b[-2:]), []).append(b)
    return {k: tuple(v) for k, v in index.items()}


def present(t: str, key_point: str, answer: AnswerTerms) -> float:
    """How well a term of the key point (text `key_point`) is present anywhere in the
    answer: exactly, or misspelt (by stem, else by the written word)."""
    m = term_match(t, answer.all_terms)
    if m < 1.0 and _denies_once(key_point):
        # As in a unit (see _term_matches): where both deny once, the negator may sit
        # before another word.
        for terms in answer.sentence_terms:
            if _denies(terms):
                m = max(m, term_match(base_term(t), _unmarked(terms)))
    if m < TYPO_MATCH:
        forms = _written_forms(key_point).get(t, frozenset())
        for written in answer.sentence_words:
            m = max(m, _spelling_match(t.startswith(NEGATED), forms, written))
    return m


@lru_cache(maxsize=4096)
def _denies_once(key_point: str) -> bool:
    """Whether the key point's text has one negated term (asked of it for each term)."""
    return sum(1 for k in _written_forms(key_point) if k.startswith(NEGATED)) == 1


def _term_matches(
    weights: Sequence[tuple[str, float]], answer: AnswerTerms, text: str
) -> list[tuple[float, ...]]:
    """Per sentence, how well each key-point term (of the key point `text`) is present:
    exactly, or misspelt (by stem, else by the written word), or by a concept the sentence
    names."""
    denies, prepared = _prepared_terms(tuple(weights), text)
    # Every unit's terms are among the answer's (`every`): each term of the point is held
    # only against the few answer terms it matches at all (_matched_in), found once the
    # first row is worked out. A lone unit is held against its terms as they are.
    found: list[tuple[tuple[tuple[str, float], ...], ...] | None] = []

    def matched() -> tuple[tuple[tuple[str, float], ...], ...] | None:
        if not found:
            many = len(answer.sentence_terms) > 1
            found.append(tuple(_matched_in(p[0], answer.every) for p in prepared) if many else None)
        return found[0]

    out = []
    for i, terms in enumerate(answer.sentence_terms):
        written = answer.sentence_words[i] if answer.sentence_words else ()
        named = answer.sentence_concepts[i] if answer.sentence_concepts else frozenset()
        row = _indexed_row(prepared, denies, terms, written, matched)
        # (min in C, not a generator: a row is asked this of every unit for every point.)
        if named and row and min(row) < CONCEPT_MATCH:
            # Concepts come from their own cache (a reading may switch them off).
            row = tuple(
                CONCEPT_MATCH if m < CONCEPT_MATCH and term_concepts(p[0], text) & named else m
                for p, m in zip(prepared, row, strict=True)
            )
        out.append(row)
    return out


# A unit's row against a key point is asked for again by the readings of one answer (each
# sentence alone, the whole answer, the point's own words, the concepts stating it):
# worked out once.
@lru_cache(maxsize=65536)
def _row(
    prepared: tuple[tuple[str, str, bool, frozenset[str] | None], ...],
    denies: bool,
    terms: frozenset[str],
    written: tuple[tuple[str, str], ...],
) -> tuple[float, ...]:
    """How well each of a key point's prepared terms (_prepared_terms) is present in one
    unit's terms, else by the spelling of its written words."""
    return _row_of(prepared, denies, terms, written, None)


# _row's cache for the rows _term_matches asks for (the same rows: a row does not depend
# on the index it was worked out with, so the key leaves the index out). Emptied when
# full, as lru_cache would drop its oldest: a dropped row is worked out again, the same.
_INDEXED_ROWS: dict[tuple[object, ...], tuple[float, ...]] = {}
_INDEXED_ROWS_MAX = 65536


def _indexed_row(
    prepared: tuple[tuple[str, str, bool, frozenset[str] | None], ...],
    denies: bool,
    terms: frozenset[str],
    written: tuple[tuple[str, str], ...],
    matched: Callable[[], tuple[tuple[tuple[str, float], ...], ...] | None],
) -> tuple[float, ...]:
    """_row, each term held only against the answer terms it matches (what `matched`
    gives when asked, per prepared term: _matched_in over a set of terms that holds
    `terms`; None: against `terms` as they are)."""
    key = (prepared, denies, terms, written)
    row = _INDEXED_ROWS.get(key)
    if row is None:
        if len(_INDEXED_ROWS) >= _INDEXED_ROWS_MAX:
            _INDEXED_ROWS.clear()
        row = _INDEXED_ROWS[key] = _row_of(prepared, denies, terms, written, matched())
    return row


def _row_of(
    prepared: tuple[tuple[str, str, bool, frozenset[str] | None], ...],
    denies: bool,
    terms: frozenset[str],
    written: tuple[tuple[str, str], ...],
    matched: tuple[tuple[tuple[str, float], ...], ...] | None,
) -> tuple[float, ...]:
    """_row's work; with `matched`, a term's match in the unit is the best of its matches
    among the unit's terms (term_match's own value: see _matched_in)."""
    # Where both deny once, the negator may sit before another word: "no constructor
    # is provided" is "you do not provide a constructor".
    plain = _unmarked(terms) if denies and _denies(terms) else None
    # The unit's long words are indexed once a row, not once a term (as _spelling_match
    # would: its cache key hashes the unit's every word for each term asked).
    index = _long_words(written) if written else None
    row = []
    for k, (t, base, negated, forms) in enumerate(prepared):
        if t in terms:
            m = 1.0
        elif matched is None:
            m = term_match(t, terms)
        else:
            m = 0.0  # most terms of a point match no term of a unit: none is asked
            for u, v in matched[k]:
                if v > m and u in terms:
                    m = v
        if m < 1.0 and plain is not None:
            m = max(m, term_match(base, plain))
        # A term with no written form has no spelling to match (it scores 0 there).
        if m < TYPO_MATCH and index is not None and forms is not None:
            keys = _typo_keys(forms)
            m = max(m, _spelled(negated, keys, index) if keys else 0.0)
        row.append(m)
    return tuple(row)


@lru_cache(maxsize=4096)
def _prepared_terms(
    weights: tuple[tuple[str, float], ...], text: str
) -> tuple[bool, tuple[tuple[str, str, bool, frozenset[str] | None], ...]]:
    """What _term_matches asks of each of a key point's terms, worked out once per key
    point rather than once per sentence of every answer: whether the point denies once,
    and per term its unmarked term, whether it is negated and its written forms (None
    when it has none). Not its concepts: they come from the concepts' own cache."""
    forms = _written_forms(text)
    denies = sum(1 for t, _ in weights if t.startswith(NEGATED)) == 1
    return denies, tuple((t, base_term(t), t.startswith(NEGATED), forms.get(t)) for t, _ in weights)


@lru_cache(maxsize=16384)
def _denies(terms: frozenset[str]) -> bool:
    """Whether the unit denies once: one negated word (a unit denied as a whole, or
    denied twice, is not a plain denial)."""
    return sum(1 for t in terms if t.startswith(NEGATED)) == 1


@lru_cache(maxsize=16384)
def _unmarked(terms: frozenset[str]) -> frozenset[str]:
    return frozenset(base_term(t) for t in terms)


def _weighted(
    weights: Sequence[tuple[str, float]],
    matches: Sequence[float],
    slots: "Slots | None" = None,
    total: float | None = None,
) -> float:
    """How much of a key point (its terms `weights`) a unit states, given how well each
    term is present (`matches`); with `slots`, each list of examples the point gives
    counts as one of its items (see _slots). `total`: the sum of the weights, when the
    caller weighs many units against the same point."""
    if slots is not None:
        return _slotted(weights, matches, slots)
    if total is None:
        total = _total(weights)
    if total <= 0:
        return 0.0
    return sum(w * m for (_, w), m in zip(weights, matches, strict=True)) / total


# A story's key point that lists examples of a behaviour ("Made adoption cheap (templates,
# documentation, pairing, automation)", "Reduced the other team's cost - wrote a spec, did
# part of the work, or fitted into their existing plans") asks for one of them, not for
# all: a story that shows the behaviour one way shows it. Each list of two or more items
# counts as one slot, weighing as much as its average item, stated as far as its
# best-stated item. Only for behavioral stories (offline._examples_as_one): a design's, a
# deep dive's or a definition's list names parts that all belong in the answer, and a
# vague design that names one of them ("show the titles it predicts") would pass. A
# setting of benchmarks/cv_offline_judge.py's grid `story`: Spearman chose it on every
# fold, the mean distance did not on 4 of 5 (each by less than 0.03); it ships as the
# reading the rubric-style points ask for.
EXAMPLES_AS_ONE = True
# A slot: its weight, its alternatives (each the indices of its terms in the point's
# weighted terms), and the terms only its list names (counted as usual when no example is
# said). A term of the point outside any list is a slot of its own.
Slots = tuple[tuple[float, tuple[tuple[int, ...], ...], tuple[int, ...]], ...]
_LISTED = re.compile(r"\(([^()]*)\)|\s[-\u2013\u2014]\s(.+?)(?=\s[-\u2013\u2014]\s|$)")
_ITEM_BREAK = re.compile(r"\s*,\s*(?:(?:or|and)\s+)?|\s+or\s+")


def _indices(text: str, index: dict[str, int]) -> tuple[int, ...]:
    """The indices of the text's terms among a key point's weighted terms."""
    return tuple(sorted({index[t] for _, t in marked_word_terms(text) if t in index}))


def _total(weights: Sequence[tuple[str, float]]) -> float:
    return sum(w for _, w in weights)


def _slotted(weights: Sequence[tuple[str, float]], matches: Sequence[float], slots: Slots) -> float:
    stated = total = 0.0
    for weight, alternatives, alone in slots:
        best = 0.0
        for terms in alternatives:
            own = sum(weights[i][1] for i in terms)
            if own > 0:
                best = max(best, sum(weights[i][1] * matches[i] for i in terms) / own)
        if best >= ITEM_STATED or not alone:
            stated += weight * best
            total += weight
            continue
        # No example said: the list's words count as any of the point's do, as without slots.
        stated += sum(weights[i][1] * matches[i] for i in alone)
        total += sum(weights[i][1] for i in alone)
    return stated / total if total > 0 else 0.0


# An example of a list is said when this much of it (by rarity) is: "communicate clearly"
# says no "clear guidelines".
ITEM_STATED = 0.75


@lru_cache(maxsize=4096)
def _slots(text: str, question_terms: frozenset[str]) -> Slots | None:
    """The key point's slots when it lists examples (see EXAMPLES_AS_ONE), else None."""
    weights = _key_point_terms(text, question_terms)
    index = {t: i for i, (t, _) in enumerate(weights)}
    stated = stated_text(text).rstrip(" .")
    lists: list[list[tuple[int, ...]]] = []
    rest = stated
    for found in _LISTED.finditer(stated):
        inside = found.group(1) if found.group(1) is not None else found.group(2)
        named = [_indices(item, index) for item in _ITEM_BREAK.split(inside) if item]
        named = [ids for ids in named if ids]
        if len(named) >= 2:
            lists.append(named)
            rest = rest.replace(found.group(0), " ")
    if not lists:
        return None
    # A term also said outside the lists is asked for in its own right.
    outside = {index[t] for _, t in marked_word_terms(rest) if t in index}
    listed = {i for named in lists for item in named for i in item}
    slots: list[tuple[float, tuple[tuple[int, ...], ...], tuple[int, ...]]] = [
        (w, ((i,),), ()) for i, (_, w) in enumerate(weights) if i in outside or i not in listed
    ]
    counted: set[int] = set(outside)
    for items in lists:
        average = sum(sum(weights[i][1] for i in item) for item in items) / len(items)
        alone = tuple(sorted({i for item in items for i in item} - counted))
        counted.update(alone)
        slots.append((average, tuple(items), alone))
    return tuple(slots)


def match_key_point(
    kp: KeyPoint,
    answer: AnswerTerms,
    question_terms: frozenset[str],
    drop: frozenset[int] = frozenset(),
    examples_as_one: bool = False,
    elsewhere: frozenset[str] = frozenset(),
) -> KeyPointMatch:
    """How much of the key point the answer states; `drop`: the start offsets of clauses
    that may not count for it (they contradict it, or a list already served another);
    `examples_as_one`: a list of examples in the point asks for one of them (_slots);
    `elsewhere`: the other key points' terms that are not this one's (_named_only)."""
    answer = answer.without(drop)
    weights = _key_point_terms(kp.text, question_terms)
    slots = _slots(kp.text, question_terms) if examples_as_one else None
    lexical, in_one_place, evidence = _lexical(weights, answer, kp.text, slots)
    coverage = max(
        lexical,
        _cue_coverage(kp.cues, answer, question_terms, elsewhere, _own_terms(kp, question_terms)),
    )
    if coverage <= 0.0:
        evidence = None
    elif evidence is None or not in_one_place:
        evidence = _evidence_for_cues(kp, answer) or evidence
    return KeyPointMatch(kp.id, min(1.0, coverage), evidence)


def _lexical(
    weights: Sequence[tuple[str, float]],
    answer: AnswerTerms,
    text: str,
    slots: "Slots | None" = None,
) -> tuple[float, bool, str | None]:
    """How much of a key point (its terms `weights`, its text `text`) the answer states in
    its words; whether one place (a unit or two) states that much; the quote from there."""
    per_sentence = _term_matches(weights, answer, text)
    n = len(per_sentence)
    total = _total(weights)  # the same for every window
    whole = (
        _weighted(weights, [max(col) for col in zip(*per_sentence, strict=True)], slots, total)
        if n
        else 0.0
    )
    best_window, quoted = 0.0, None
    singles = [_weighted(weights, m, slots, total) for m in per_sentence]
    for i in range(n):
        for j in (i + 1, i + 2):
            if j > n:
                break
            score = (
                singles[i]
                if j == i + 1
                else _weighted(
                    weights,
                    [max(a, b) for a, b in zip(per_sentence[i], per_sentence[i + 1], strict=True)],
                    slots,
                    total,
                )
            )
            if score > best_window + 1e-9:
                best_window = score
                # Quote the window's stronger unit (its clauses that state the point):
                # always a verbatim slice.
                quoted = i if j == i + 1 or singles[i] >= singles[i + 1] else i + 1
    # Only the best window's quote is kept: it is cut once, not at every better window.
    evidence = None if quoted is None else _quote(answer, quoted, weights, text)
    # A point stated in one place counts fully; scattered words count a little less.
    lexical = max(best_window, 0.85 * whole)
    return lexical, best_window >= lexical, evidence


def own_words_coverage(
    kp: KeyPoint,
    key_points: Sequence[KeyPoint],
    answer: AnswerTerms,
    question_terms: frozenset[str],
    drop: frozenset[int] = frozenset(),
) -> float | None:
    """How much of the key point the answer states in the point's own words: its terms
    that neither the question nor another of its key points uses, or its cue phrases (its
    author's words for it, whatever they share). An answer long and right on the other
    points says many of a point's words without saying anything of it ("8-bit Adam cuts
    what the optimiser keeps around" shares "Adam" and "optimiser" with the point that
    counts Adam's 16 bytes per weight). None when the point has no word of its own."""
    weights = _key_point_terms(kp.text, question_terms)
    shared = {base_term(t) for t in question_terms}
    for other in key_points:
        if other.id != kp.id:
            shared |= {base_term(t) for t, _ in _key_point_terms(other.text, question_terms)}
    own = tuple((t, w) for t, w in weights if base_term(t) not in shared)
    if not own:
        return None
    answer = answer.without(drop)
    lexical, _, _ = _lexical(own, answer, kp.text)
    return min(1.0, max(lexical, _cue_coverage(kp.cues, answer, question_terms)))


def coverage_beyond_question(
    key_points: Sequence[KeyPoint],
    answer: AnswerTerms,
    question_terms: frozenset[str],
    drops: dict[str, frozenset[int]] | None = None,
) -> float:
    """The key points' weighted coverage by their words the question does not say (and
    their cues): what an answer states beyond saying the question back. A clause made of
    the question's words ("bagging and boosting are both ensemble methods that combine
    models") supports a point that names them only as far as the point's other words
    are said."""
    total = stated = 0.0
    for kp in key_points:
        total += kp.weight
        seen = answer.without((drops or {}).get(kp.id, frozenset()))
        weights = tuple(
            (t, w)
            for t, w in _key_point_terms(kp.text, question_terms)
            if base_term(t) not in question_terms
        )
        lexical = _lexical(weights, seen, kp.text)[0] if weights and seen.sentence_terms else 0.0
        stated += kp.weight * min(1.0, max(lexical, _cue_coverage(kp.cues, seen, question_terms)))
    return stated / total if total else 0.0


def units_stating(kp: KeyPoint, answer: AnswerTerms, question_terms: frozenset[str]) -> set[int]:
    """The indices of the answer's units that state the key point on their own: at the
    covering bar in its words, or by one of its cue phrases."""
    weights = _key_point_terms(kp.text, question_terms)
    rows = _term_matches(weights, answer, kp.text)
    phrases = [_cue_terms(cue) for cue in kp.cues]
    total = _total(weights)
    return {
        i
        for i, row in enumerate(rows)
        if _weighted(weights, row, total=total) >= COVERED_AT
        or any(_contains(answer.sentence_sequences[i], p) for p in phrases)
    }


# A unit that states this much of a key point says the point's technical terms by their
# everyday concepts (stating_concepts: "data held back" is validation data there, not in
# a clause about something else). An answer in everyday words states its points in units
# that say a third to a half of their words ("you work out, for every point, how likely
# each group is to have produced it"), so the covering bar (0.5) left their technical
# terms unsaid. Chosen by cross-validation across question groups
# (benchmarks/cv_offline_judge.py, the 23 graded sets of tests/data but the asides, 984
# answers, 200 groups, --grid stating_bar --metric balanced_mae --keep-right 10 --folds 5):
# 0.35 on 4 of 5 folds (0.3 on the other), -11.173 cross-validated against -11.205 at 0.5.
STATING_BAR = 0.35


def stating_concepts(
    kp: KeyPoint, answer: AnswerTerms, question_terms: frozenset[str]
) -> frozenset[str]:
    """The concepts named by the units that state the key point on their own (at
    STATING_BAR): where its technical terms may be said in other words. A concept named
    elsewhere ("an import lock" in a wrong claim) says nothing of this point."""
    if not answer.sentence_concepts:
        return frozenset()
    weights = _key_point_terms(kp.text, question_terms)
    rows = _term_matches(weights, answer, kp.text)
    total = _total(weights)
    return frozenset().union(
        *(
            answer.sentence_concepts[i]
            for i, row in enumerate(rows)
            if _weighted(weights, row, total=total) >= STATING_BAR
        )
    )


def _evidence_for_cues(kp: KeyPoint, answer: AnswerTerms) -> str | None:
    for i, (text, sequence) in enumerate(
        zip(answer.sentence_texts, answer.sentence_sequences, strict=True)
    ):
        if any(_says_cue(cue, [sequence]) for cue in kp.cues):
            for piece in answer.pieces[i] if answer.pieces else ():
                if any(_says_cue(cue, [piece.sequence]) for cue in kp.cues):
                    return answer.text[piece.start : piece.end]
            return text
    return None


# A quote is the shortest run of a unit's clauses that states this much of what the
# whole unit states of the point.
QUOTE_SHARE = 0.9


def _quote(answer: AnswerTerms, k: int, weights: Sequence[tuple[str, float]], text: str) -> str:
    """The clauses of unit k that state the key point (all of it when it is not split)."""
    if not answer.pieces or len(answer.pieces[k]) < 2:
        return answer.sentence_texts[k]
    unit = answer.pieces[k]
    forms = _written_forms(text)
    total = _total(weights)
    # How well a term is present in a run of clauses is the best of how well it is
    # present in each (term_match and _spelling_match take the best over the words they
    # are given, word by word): each clause is held against the point's terms once, not
    # once for every run it is part of.
    present = [tuple(term_match(t, p.terms) for t, _ in weights) for p in unit]
    spelt: dict[tuple[int, int], float] = {}

    def spelling(i: int, j: int, t: str) -> float:
        if (i, j) not in spelt:
            spelt[i, j] = _spelling_match(t.startswith(NEGATED), forms[t], unit[i].words)
        return spelt[i, j]

    def runs(a: int) -> Iterator[tuple[int, float]]:
        """The runs from clause a, each one clause longer, with how much they state: a
        run's best match of a term is the last run's and the new clause's (not the best
        over all its clauses again)."""
        best = [0.0] * len(weights)  # per term, its best in the run (present)
        spelt_best = [0.0] * len(weights)  # per term, its best by spelling in the run
        written = False
        for b in range(a + 1, len(unit) + 1):
            i = b - 1
            written = written or bool(unit[i].words)
            row = []
            for j, (t, _) in enumerate(weights):
                m = best[j] = max(best[j], present[i][j])
                # (A clause of the run before the first with words spells nothing.)
                if m < TYPO_MATCH and written and t in forms:
                    spelt_best[j] = max(spelt_best[j], spelling(i, j, t))
                    m = max(m, spelt_best[j])
                row.append(m)
            yield b, _weighted(weights, row, total=total)

    *_, (_, whole) = runs(0)
    best = (len(unit), 0, len(unit))
    for a in range(len(unit)):
        for b, stated in runs(a):
            if b - a >= best[0]:
                break  # no shorter run is left from a
            if stated >= QUOTE_SHARE * whole:
                best = (b - a, a, b)
                break
    _, a, b = best
    return answer.text[unit[a].start : unit[b - 1].end]


def states_part_of_a_key_point(
    sentence: str, key_points: list[KeyPoint], question: str, share: float, cues: bool = True
) -> bool:
    """Whether the sentence states at least `share` of some key point (question words
    demoted) or, with `cues`, one of its cue phrases."""
    terms = frozenset(marked_terms(sentence))
    asked = question_terms(question)
    sequence = word_terms(sentence)
    for kp in key_points:
        if _recall(_key_point_terms(kp.text, asked), terms) >= share:
            return True
        if cues and any(_says_cue(cue, [sequence]) for cue in kp.cues):
            return True
    return False


def match_key_points(
    answer: str | AnswerTerms,
    key_points: list[KeyPoint],
    question: str = "",
    drops: dict[str, frozenset[int]] | None = None,
    examples_as_one: bool = False,
) -> list[KeyPointMatch]:
    """`drops`: per key point id, clauses that may not count for it; `examples_as_one`:
    see match_key_point."""
    asked = question_terms(question)
    prepared = answer if isinstance(answer, AnswerTerms) else AnswerTerms.of(answer)
    drops = drops or {}
    out = [
        match_key_point(
            kp,
            prepared,
            asked,
            drops.get(kp.id, frozenset()),
            examples_as_one,
            _elsewhere(kp, key_points, asked),
        )
        for kp in key_points
    ]
    # Only a point the answer would be read as covering is read again (see CLAUSE_OWNER).
    again = [
        k
        for k, (kp, m) in enumerate(zip(key_points, out, strict=True))
        if m.coverage >= COVERED_AT and _owner_reads(kp, key_points)
    ]
    masks = _owned_elsewhere(prepared, key_points, asked) if CLAUSE_OWNER and again else {}
    for k in again:
        kp = key_points[k]
        if kp.id not in masks:
            continue
        drop = drops.get(kp.id, frozenset())
        alone = match_key_point(
            kp,
            prepared.masked(masks[kp.id]),
            asked,
            drop,
            examples_as_one,
            _elsewhere(kp, key_points, asked),
        )
        # The quote stays the one read from the whole answer unless the clauses lent by
        # other points were what covered it (later readings look at the quote).
        if alone.coverage < out[k].coverage - 1e-9:
            out[k] = alone
    return out


def _own_terms(kp: KeyPoint, asked: frozenset[str]) -> frozenset[str]:
    """The point's words: its text's and its cue phrases' (_said_in_passing)."""
    return _own_terms_of(kp.text, tuple(kp.cues), asked)


@lru_cache(maxsize=4096)
def _own_terms_of(text: str, cues: tuple[str, ...], asked: frozenset[str]) -> frozenset[str]:
    return frozenset(base_term(t) for t, _ in _key_point_terms(text, asked)) | frozenset(
        base_term(t) for cue in cues for t in _cue_terms(cue) if t not in STOPWORDS
    )


def _elsewhere(
    kp: KeyPoint, key_points: Sequence[KeyPoint], asked: frozenset[str]
) -> frozenset[str]:
    """The other key points' terms that are not this one's: naming another point's topic
    beside a cue says nothing specific of this one ("some human oversight and some
    documentation")."""
    return _elsewhere_terms(kp.text, tuple(k.text for k in key_points), asked)


@lru_cache(maxsize=4096)
def _elsewhere_terms(text: str, texts: tuple[str, ...], asked: frozenset[str]) -> frozenset[str]:
    own = {base_term(t) for t, _ in _key_point_terms(text, asked)}
    return (
        frozenset(base_term(t) for other in texts for t, _ in _key_point_terms(other, asked)) - own
    )


# A clause states the key point it states best; the words it shares with that point say
# nothing of another. An answer right on its other points says many of an omitted point's
# words in clauses about its neighbours: "stage 1 shards the optimizer states" (ZeRO's
# stages) names FSDP's cue "optimizer states", "colour jitter and small geometric
# augmentations" (robustness to lighting) names the few-defects point's cue "augmentation",
# "transform returns a result aligned to the original rows ... a group statistic" (pandas'
# transform) says most of the words of "agg reduces each group to one row". In a clause
# whose best-stated point (its cue phrases, then its share of the point's terms; stated at
# COVERED_AT) is another that it states at least as well both ways, a point counts only its
# words that the other's text and cue phrases do not use, and its cue phrases made of such
# words. Two points stated in one clause, each better one way, keep their words. Only a
# point the answer would otherwise be read as covering is read so: a point said in everyday
# words states some of its words in its neighbours' clauses, and that share below covering
# is what levels' HEAVY_POINT_STATED_AT reads (taken away, right answers in everyday words
# fell 5-15 points). A setting of benchmarks/cv_offline_judge.py's grid `owner`: on the
# pooled holdout10, holdout9, interview, behavioral, omitted2, omitted, story, everyday and
# plain sets (513 answers, 89 questions, --folds 6) Spearman and balanced_mae chose it on 6
# of 6 folds, cross-validated 0.843 and -10.17 against 0.841 and -10.30 off (in-sample).
# Off as shipped: on the whole suite it took their key point from seven right one-sentence
# paraphrases (tests/data/paraphrases: an M step "in proportion to its responsibility",
# off-policy learning "from experience it didn't generate", a recurrence written as a
# formula) whose clause states a neighbouring point as well, which the sets it was chosen
# on do not hold; the cost outweighs holdout10's two good answers it corrects.
CLAUSE_OWNER = False
# ... for the question's heaviest points only (those whose absence holds an answer below
# the top level, levels.WITHOUT_A_HEAVY_POINT), or for every point. Read for every point,
# lighter points said in clauses the judge misreads lost the credit that hid the misreading
# ("defining __eq__ without __hash__ sets __hash__ to None", read as a denial of the point
# it states: a right answer 92.6 -> 63.0). A setting of the same grid: the heaviest only
# on 5 of 6 folds by either measure.
OWNER_HEAVIEST_ONLY = True


def _owner_reads(kp: KeyPoint, key_points: Sequence[KeyPoint]) -> bool:
    # Where every point weighs the same (a reference read one point per sentence, as the
    # UNT set's) no point is the heaviest: reading them all is the every-point setting the
    # grid rejected, and it raised the swapped-terms probe on the UNT dev file (18 -> 23 of
    # 901 answers, over the 2%).
    if not OWNER_HEAVIEST_ONLY:
        return True
    heaviest = max(k.weight for k in key_points)
    return kp.weight >= heaviest and any(k.weight < heaviest for k in key_points)


def _owned_elsewhere(
    answer: AnswerTerms, key_points: Sequence[KeyPoint], asked: frozenset[str]
) -> dict[str, dict[int, frozenset[str]]]:
    """Per key point id, the clauses (by start offset) that state another point better,
    each with that point's vocabulary (the words the clause may not lend)."""
    if len(key_points) < 2 or not answer.pieces:
        return {}
    out: dict[str, dict[int, frozenset[str]]] = {}
    for unit in answer.pieces:
        for piece in unit:
            scores = [_piece_score(kp, piece, asked) for kp in key_points]
            stated = [i for i, (score, _) in enumerate(scores) if score >= COVERED_AT]
            if not stated:
                continue
            best = max(stated, key=lambda i: scores[i])
            owner, (top, share) = key_points[best], scores[best]
            for kp, (score, said) in zip(key_points, scores, strict=True):
                # Only a point the clause states less of both ways, by cue phrases and by
                # share of words: one cue phrase of a point ("defaults") in a clause that
                # says more of another's words ("make the default None and create a brand
                # new list") does not take that clause from it.
                if (
                    kp.id != owner.id
                    and score <= top
                    and said <= share
                    and (score, said) != (top, share)
                ):
                    out.setdefault(kp.id, {})[piece.start] = _point_vocabulary(
                        owner.text, tuple(owner.cues), asked
                    )
    return out


def _piece_score(kp: KeyPoint, piece: Piece, asked: frozenset[str]) -> tuple[float, float]:
    """How well one clause states the point (its cue phrases, else its terms), and the
    share of the point's terms it says."""
    weights = _key_point_terms(kp.text, asked)
    denies, prepared = _prepared_terms(tuple(weights), kp.text)
    row = _row(prepared, denies, piece.terms, piece.words)
    if piece.concepts and any(m < CONCEPT_MATCH for m in row):
        row = tuple(
            CONCEPT_MATCH
            if m < CONCEPT_MATCH and term_concepts(p[0], kp.text) & piece.concepts
            else m
            for p, m in zip(prepared, row, strict=True)
        )
    share = _weighted(weights, row)
    phrases = {_cue_terms(cue) for cue in kp.cues}
    hits = sum(1 for phrase in phrases if _contains(piece.sequence, phrase))
    cue = 0.0 if hits == 0 else (ONE_CUE_COVERAGE if hits == 1 else 1.0)
    return max(share, cue), share


@lru_cache(maxsize=4096)
def _point_vocabulary(text: str, cues: tuple[str, ...], asked: frozenset[str]) -> frozenset[str]:
    """The base terms of a key point's text and of its cue phrases."""
    found = {base_term(t) for t, _ in _key_point_terms(text, asked)}
    for cue in cues:
        found |= {base_term(t) for t in marked_terms(cue)}
    return frozenset(found)


def key_point_coverage(
    answer: str, key_points: list[KeyPoint], question: str = ""
) -> dict[str, float]:
    """Per key point id, a coverage in [0, 1]."""
    return {m.key_point_id: m.coverage for m in match_key_points(answer, key_points, question)}


def missed_key_points(
    answer: str, key_points: list[KeyPoint], question: str | None = None
) -> list[str]:
    """Key point ids not covered, heaviest first (ties keep the question's order).

    `question`: words that only repeat it count for little, so saying the question back
    does not look like coverage when a follow-up is chosen."""
    coverage = key_point_coverage(answer, key_points, question or "")
    missed = [kp for kp in key_points if coverage[kp.id] < COVERED_AT]
    missed.sort(key=lambda kp: -kp.weight)
    return [kp.id for kp in missed]
