"""The clause reader: what an answer claims, clause by clause.

A rule-based reading, fast enough for thousands of answers a second and with no model to
load. Each sentence is split into clauses at punctuation and connectives ("but", "while",
", so", "which", "and" between two verbs). Each clause knows:
- whether it denies what it says (a negator, "it is not true that...", "people think...");
- whether the speaker disowns it: hedged ("I don't know X", "I've heard of X"), or taken
  back by a later retraction ("I'm wrong about all of this", "scratch that");
- whether it is part of a list of terms rather than a claim (keyword salad), or links its
  terms by no relation ("X is related to A, B and C": grammatical salad);
- which alternatives it names (high or low, training or inference, bagging or
  boosting): the roles a key point's direction is checked against.
The word lists are data (lexicon.yaml).
"""

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache
from itertools import pairwise
from typing import NamedTuple

from interviewer.judge.lexicon import lexicon
from interviewer.judge.text import (
    NEGATED,
    STOPWORDS,
    Sentence,
    base_term,
    content_word_terms,
    rarity,
    sentences,
    stem,
    term,
    words,
)

# Words and numbers (inner apostrophes kept), and the punctuation that shapes clauses.
_TOKEN = re.compile(r"[A-Za-z0-9]+(?:['\u2019][A-Za-z]+)?|[,;:.!?()\[\]]|\s[-\u2013\u2014]+\s")
_EXPANSIONS = {
    "n't": ["not"],
    "'m": ["am"],
    "'re": ["are"],
    "'ve": ["have"],
    "'ll": ["will"],
    "'d": ["would"],
}
_SLOPPY = {
    "dont": ["do", "not"],
    "doesnt": ["does", "not"],
    "didnt": ["did", "not"],
    "isnt": ["is", "not"],
    "arent": ["are", "not"],
    "wasnt": ["was", "not"],
    "werent": ["were", "not"],
    "cant": ["can", "not"],
    "cannot": ["can", "not"],
    "couldnt": ["could", "not"],
    "wouldnt": ["would", "not"],
    "shouldnt": ["should", "not"],
    "im": ["i", "am"],
    "ive": ["i", "have"],
    "thats": ["that", "is"],
    "won't": ["will", "not"],
    "can't": ["can", "not"],
    "shan't": ["shall", "not"],
}
# "it's", "that's": "is"; a possessive ("the model's") is only the noun.
_IS_AFTER = frozenset(["it", "that", "there", "what", "here", "he", "she", "who", "this"])


def _set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Connectives that open a new clause after a comma, and those that do so even without one.
_AFTER_COMMA = _set(
    """and or but so while whereas which who when where because since although though nor
    if unless yet otherwise"""
)
_ALWAYS = _set("but while whereas because although though unless nor which when where if")
# "so" opens a clause when a subject follows it ("so the loss", "so every batch").
_SO_SUBJECTS = _set(
    """that it they the this each every a an we you its their nothing no all both our my i
    there he she these those"""
)
# Negators that deny a verb, not a whole subject ("does not depend" vs "none of them").
_ADVERBIAL = _set("not never")
# Connectives that hang a clause on another one: such a clause says little on its own.
_SUBORDINATE = _set("which who where when if because since unless although though")
# Words that open a condition: what follows, to the next comma, is supposed, not claimed.
_CONDITIONS = _set("if assuming supposing provided unless whenever when given")
# Connectives after which a hedge or a denial no longer reaches.
_CONTRASTIVE = _set("but however although though yet still whereas while")
# A list item at most this many words long is a term, not a claim.
LIST_ITEM_WORDS = 4
# This many terms in a row, with no claim among them, make a list.
LIST_MIN_ITEMS = 5


class Token(NamedTuple):
    """A word or a punctuation mark (a named tuple: the reader makes hundreds of thousands,
    and a tuple is made several times faster than a frozen dataclass)."""

    norm: str  # lower case, contractions expanded ("don't" -> "do", "not")
    stem: str
    start: int  # offsets in the answer
    end: int
    # Whether it is a word (not punctuation): asked of every token many times over.
    is_word: bool


def _token(norm: str, stem: str, start: int, end: int) -> Token:
    return Token(norm, stem, start, end, norm[:1].isalnum())


class Status(StrEnum):
    asserted = "asserted"
    hedged = "hedged"  # the speaker says they do not know it
    retracted = "retracted"  # taken back later
    listed = "listed"  # part of a list of terms with no claim
    vacuous = "vacuous"  # names terms and links them by no relation ("X is central to A, B, C")
    # someone else's claim that the speaker rejects or distances themselves from
    reported = "reported"
    undecided = "undecided"  # said both ways ("X, or the opposite: it can go either way")
    meta = "meta"  # talk about the answer itself ("none of it is true")


@dataclass(frozen=True)
class Role:
    group: str  # which set of alternatives
    side: int  # which alternative


@dataclass
class Clause:
    text: str  # verbatim slice of the answer
    start: int
    sentence: int  # index of its sentence
    tokens: tuple[Token, ...]
    negated: bool = False
    status: Status = Status.asserted
    headed_list: bool = False  # a list introduced by a claim ("I'd use a, b, c, d, e")
    roles: tuple[Role, ...] = ()
    # Where the clause came from: the connective that opened it ("but", "which"...).
    opener: str = ""
    # Positions of its tokens inside a condition ("if X", "assuming X", "when X"): a
    # condition supposes what it says, it does not claim it.
    supposed: frozenset[int] = frozenset()
    # Denied as a whole: by a frame ("it is not true that..."), or as what an answer
    # turns down ("rather than X").
    denied: bool = False
    # Inside what a frame denies ("it is not true that ... , so ..."), whatever its own
    # negators say: it affirms nothing the frame denies.
    framed: bool = False
    # Where its denial starts: the first negator's position (0 when denied as a whole),
    # and where it stops (a claim's denial does not reach the clauses that hang on it).
    denial_from: int | None = None
    denial_to: int | None = None
    # A claim made of several clauses: their (start, end) spans, where it ends, and the
    # clauses themselves (each with its own polarity).
    parts: tuple[tuple[int, int], ...] = ()
    end: int | None = None
    members: tuple["Clause", ...] = ()
    # Report frames that opened it ("people think X"): how often they turned it round, so
    # a report the speaker endorses or rejects can be read as said (reports.py's verdicts).
    report_flips: int = 0
    # Said beside its twin, the same claim with one alternative or its polarity turned
    # (twins.py): undecided, yet what it gets wrong is still read.
    twinned: bool = False
    # Names what it says as a bug, a pitfall or the wrong target (lexicon
    # `pitfall_predicates`): a warning, read for no misconception.
    pitfall: bool = False

    # Its word tokens (no punctuation); those words as normalised, for phrases matched word
    # for word; and as a set. Asked of every clause by the report readings: set once.
    words: tuple[Token, ...] = field(init=False, repr=False, compare=False)
    norms: tuple[str, ...] = field(init=False, repr=False, compare=False)
    vocabulary: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.words = tuple(t for t in self.tokens if t.is_word)
        self.norms = tuple(t.norm for t in self.words)
        self.vocabulary = frozenset(self.norms)

    @property
    def spans(self) -> tuple[tuple[int, int], ...]:
        return self.parts or ((self.start, self.start + len(self.text)),)

    @property
    def stop(self) -> int:
        return self.end if self.end is not None else self.start + len(self.text)

    @property
    def asserted(self) -> bool:
        return self.status is Status.asserted

    @property
    def subordinate(self) -> bool:
        """Opened by a connective that hangs it on another clause ("which", "when"...)."""
        return self.opener in _SUBORDINATE

    def claimed_text(self) -> str:
        """The clause's words outside its conditions, for reading what it claims."""
        return " ".join(
            t.norm for k, t in enumerate(self.tokens) if k not in self.supposed and t.is_word
        )

    def denied_text(self) -> str:
        """The words its denial reaches: from its first negator to its end, or, for "not"
        and "never", to the next verb past the one they deny ("a baseline that does not
        depend on the action | leaves the gradient unbiased")."""
        if self.denial_from is None:
            return ""
        stop = self.denial_stop()
        return " ".join(
            t.norm
            for k, t in enumerate(self.tokens)
            if self.denial_from <= k < stop and k not in self.supposed and t.is_word
        )

    def denial_stop(self) -> int:
        """Where its denial stops (a token position; see denied_text)."""
        if self.denial_from is None:
            return 0
        stop = len(self.tokens) if self.denial_to is None else self.denial_to
        first = self.tokens[self.denial_from] if self.denial_from < len(self.tokens) else None
        if not self.denied:
            # A second predicate of the same subject is not under the first one's denial:
            # "it prevents units from co-adapting and behaves like an ensemble" denies the
            # co-adapting, not the ensemble.
            # A disjunction stays under it: "we didn't look at agreement or audit a
            # sample" denies both ("not (X or Y)").
            for k in range(self.denial_from + 2, stop - 1):
                if (
                    self.tokens[k].norm in _COORDINATORS
                    and self.tokens[k].norm not in _DISJUNCTIONS
                    and _finite(self.tokens[k + 1])
                ):
                    stop = k
                    break
        if not self.denied and first is not None and first.norm in _ADVERBIAL:
            seen = False
            aux = phrases().auxiliaries
            verb = self.denied_verb()
            for k in range(self.denial_from + 1, stop):
                if self.tokens[k].is_word and _finite(self.tokens[k]):
                    if seen and (
                        _disjunct_at(self.tokens, k, verb)
                        or _disjunct_ahead(self.tokens, k, stop, verb)
                    ):
                        # "never checked for features computed after the label or looked
                        # for duplicates": the predicates the disjunction joins, and
                        # what lies between, are denied.
                        continue
                    if (
                        not seen
                        and self.tokens[k].norm in aux
                        and k + 1 < stop
                        and all(t.norm in aux for t in self.tokens[self.denial_from + 1 : k])
                    ):
                        # "cannot be changed", "not have been used": the auxiliary
                        # carries the verb the negator denies.
                        continue
                    if seen:
                        stop = k
                        break
                    seen = True
        return stop

    def denied_verb(self) -> Token | None:
        """The verb its adverbial negator denies ("looked" of "never looked", "audit" of
        "did not audit"), past the auxiliaries; None when there is none."""
        if self.denial_from is None:
            return None
        aux = phrases().auxiliaries
        return next(
            (
                t
                for t in self.tokens[self.denial_from + 1 :]
                if t.is_word and _verbal(t) and t.norm not in aux
            ),
            None,
        )

    def disjoined(self) -> tuple[int, int] | None:
        """The token positions past its first conjunct that its denial reaches when a
        disjunction stands under it (", missing values or noise" of "no duplicates, missing
        values or noise", "or group by user" of "didn't split by time or group by user"):
        every conjunct is denied, not only the words next to the negator; None otherwise."""
        if self.denied or not self.negated or self.denial_from is None:
            return None
        stop = self.denial_stop()
        inside = range(self.denial_from + 1, stop)
        if not any(self.tokens[k].norm in _DISJUNCTIONS for k in inside):
            return None
        # From the list's first comma or its disjunction on, or from past the words a
        # negator is read to reach (NEGATOR_REACH: "not" before them) if that is sooner.
        joined = next(k for k in inside if self.tokens[k].norm in _DISJUNCTIONS)
        negators = phrases().negators | _PRIVATIVES
        if any(t.norm in negators for t in self.tokens[self.denial_from + 1 : joined]):
            # "never replaced it without a comparison or passing a gate": a second denial
            # turns the disjunction back into what is done.
            return None
        first = next(k for k in inside if self.tokens[k].norm in _DISJUNCTIONS | {","})
        after = [k for k in inside if self.tokens[k].is_word]
        if len(after) > NEGATOR_REACH:
            first = min(first, after[NEGATOR_REACH])
        return first, stop

    def as_sentence(self) -> Sentence:
        return Sentence(self.text, self.start)


@dataclass
class Reading:
    """An answer read as clauses, in order, with their sentences."""

    sentences: list[Sentence]
    clauses: list[Clause] = field(default_factory=list)

    def of_sentence(self, index: int) -> list[Clause]:
        return [c for c in self.clauses if c.sentence == index]

    def asserted(self) -> list[Clause]:
        return [c for c in self.clauses if c.asserted]

    def disowned(self, ignore: Sequence[Clause] = ()) -> Status | None:
        """Why nothing the answer says is claimed, or None when something is. `ignore`:
        claimed clauses that say nothing to the question (filler after a retraction)."""
        skipped = {id(c) for c in ignore}
        statuses = {c.status for c in self.clauses if _has_words(c) and id(c) not in skipped}
        if not statuses or Status.asserted in statuses:
            return None
        for status in (
            Status.retracted,
            Status.reported,
            Status.undecided,
            Status.hedged,
            Status.listed,
            Status.vacuous,
        ):
            if status in statuses:
                return status
        return Status.meta


def _has_words(clause: Clause) -> bool:
    return any(t.is_word for t in clause.tokens)


def opens_condition(clause: Clause) -> bool:
    """Whether the clause is opened by a word of condition ("when", "if", "unless")."""
    return clause.opener in _CONDITIONS


def claims(clauses: Sequence[Clause]) -> list[Clause]:
    """Clauses with the clauses that hang on them ("..., which", "when...", "rather than
    ...") folded in: each is one claim, what a key point is compared with. A hanging
    clause is not a claim of its own ("when it is trained on a different sample" says
    nothing without the clause it qualifies)."""
    out: list[list[Clause]] = []
    for clause in clauses:
        if (
            out
            and (clause.subordinate or clause.opener == TURNED_DOWN)
            and out[-1][-1].sentence == clause.sentence
        ):
            out[-1].append(clause)
        else:
            out.append([clause])
    return [group[0] if len(group) == 1 else merge(group) for group in out]


def _content_words(clause: Clause) -> int:
    return sum(1 for t in clause.tokens if t.is_word and t.norm not in STOPWORDS)


def merge(group: list[Clause]) -> Clause:
    """Several clauses of one sentence read as one claim."""
    head = group[0]
    # Its polarity is its first clause's, unless that one only frames the rest ("It is
    # not true that | if the intervals overlap, the difference is not significant"):
    # then that of the clause that says most. What it turns down never sets it.
    main = max(
        (c for c in group if c.opener != TURNED_DOWN),
        key=lambda c: sum(1 for t in c.tokens if t.is_word),
    )
    if _content_words(head) >= 3:
        main = head
    tokens: list[Token] = []
    supposed: set[int] = set()
    for clause in group:
        supposed.update(len(tokens) + k for k in clause.supposed)
        tokens.extend(clause.tokens)
    last = group[-1]
    end = last.start + len(last.text)
    return Clause(
        text=" ".join(c.text for c in group),
        start=head.start,
        sentence=head.sentence,
        tokens=tuple(tokens),
        negated=main.negated,
        framed=main.framed,
        pitfall=any(c.pitfall for c in group),
        status=head.status,
        headed_list=any(c.headed_list for c in group),
        roles=tuple(r for c in group for r in c.roles),
        opener=head.opener,
        supposed=frozenset(supposed),
        denied=head.denied,
        denial_from=head.denial_from,
        denial_to=len(head.tokens),
        twinned=any(c.twinned for c in group),
        parts=tuple((c.start, c.start + len(c.text)) for c in group),
        end=end,
        members=tuple(group),
    )


# ---------------------------------------------------------------------------- tokens


def tokens(text: str, offset: int = 0) -> list[Token]:
    return list(_tokens(text, offset))


# A sentence is read for clauses and again for lists: tokenised once.
@lru_cache(maxsize=16384)
def _tokens(text: str, offset: int) -> tuple[Token, ...]:
    if offset:
        # The same text read on its own (offset 0) and in its answer: read once, moved.
        moved = _tokens(text, 0)
        return tuple(
            Token(norm, stemmed, start + offset, end + offset, is_word)
            for norm, stemmed, start, end, is_word in moved
        )
    out: list[Token] = []
    for m in _TOKEN.finditer(text):
        raw = m.group(0)
        start, end = m.span()
        if raw[0].isspace():  # a dash between spaces: a break, unless in a formula (1 - p)
            before = out[-1].norm if out else ""
            following = _TOKEN.match(text, end)
            after = following.group(0) if following else ""
            if not (_formula_side(before) or _formula_side(after)):
                out.append(_token("-", "-", start, end))
            continue
        # Made here rather than by _token: this runs for every word of every text read.
        for norm, stemmed, is_word in _read_word(raw):
            out.append(Token(norm, stemmed, start, end, is_word))
    return tuple(out)


@lru_cache(maxsize=65536)
def _read_word(raw: str) -> tuple[tuple[str, str, bool], ...]:
    """A written word as the (norm, stem, is_word) of each word it stands for ("don't":
    "do", "not"): the same words recur in text after text."""
    return tuple(
        (norm, _stem(norm), norm[:1].isalnum())
        for norm in _normalise(raw.lower().replace("\u2019", "'"))
    )


def _normalised(phrase: str) -> list[str]:
    """A lexicon phrase's words as the reader normalises them ("don't" -> "do", "not"),
    "*" kept."""
    out: list[str] = []
    for w in phrase.split():
        out.extend(["*"] if w == "*" else [t.norm for t in tokens(w)])
    return out


def _formula_side(word: str) -> bool:
    return word[:1].isdigit() or (len(word) == 1 and word.isalpha())


def _normalise(word: str) -> list[str]:
    if word in _SLOPPY:
        return _SLOPPY[word]
    if "'" in word:
        base, _, tail = word.partition("'")
        tail = "'" + tail
        if tail == "'t" and base.endswith("n"):
            base, tail = base[:-1], "n't"
        if tail in _EXPANSIONS:
            return ([base] if base else []) + _EXPANSIONS[tail]
        if tail == "'s":
            return [base, "is"] if base in _IS_AFTER else [base]
        return [base]
    return [word]


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return stem(word) if word.isalpha() else word


@lru_cache(maxsize=1)
def _inflections() -> tuple[str, ...]:
    """The endings _uninflected strips (lexicon `inflections`, in order). Read from the
    lexicon itself: phrases() is built with _uninflected, so cannot hold them."""
    return tuple(lexicon().inflections)


@lru_cache(maxsize=16384)
def _uninflected(word: str) -> str:
    """The word without a verb's or noun's inflection ("relates", "related", "relating"
    -> "relat"), where a stem also strips what derives one word from another
    ("integrates", "integral" -> "integr")."""
    for suffix in _inflections():
        if word.endswith(suffix) and len(word) - len(suffix) >= 2:
            word = word[: -len(suffix)]
            break
    return word.rstrip("e") or word


# ---------------------------------------------------------------------------- phrases


Phrase = tuple[str | None, ...]


@dataclass(frozen=True)
class Table:
    """Phrases indexed by their first word, so a text is scanned once."""

    by_first: dict[str, tuple[Phrase, ...]]  # each with the wild phrases after it
    wild: tuple[Phrase, ...]  # phrases that open with "*"
    # One word of each phrase, its longest: a text with none of them holds no phrase.
    anchors: frozenset[str] = frozenset()
    # The same, None when some phrase has no word of its own (only gaps): most clauses
    # hold none of a table's anchors, and are then not scanned word by word (_spans).
    required: frozenset[str] | None = None
    # Each phrase's own words (no gaps, no clause end): all must be among a text's stems
    # for the phrase to be there (_links).
    literal: dict[Phrase, frozenset[str]] = field(default_factory=dict)

    @classmethod
    def of(cls, phrases: Sequence[Phrase]) -> "Table":
        by_first: dict[str, list[Phrase]] = {}
        wild: list[Phrase] = []
        anchors: set[str] = set()
        for phrase in phrases:
            if not phrase:
                continue
            anchors.add(max((w for w in phrase if w is not None), key=len, default=""))
            if phrase[0] is None:
                wild.append(phrase)
            else:
                by_first.setdefault(phrase[0], []).append(phrase)
        by = {k: (*v, *wild) for k, v in by_first.items()}
        required = None if "" in anchors else frozenset(anchors)
        literal = {
            phrase: frozenset(w for w in phrase if w is not None and w != CLAUSE_END)
            for phrase in phrases
        }
        return cls(by, tuple(wild), frozenset(anchors), required, literal)

    def candidates(self, first: str) -> tuple[Phrase, ...]:
        return self.by_first.get(first, self.wild)


@dataclass(frozen=True)
class _Phrases:
    """Lexicon phrases as stem tuples (a None element stands for up to four words)."""

    negators: frozenset[str]
    negating_phrases: Table
    not_denials: Table
    denial_frames: Table
    denying_verbs: frozenset[str]  # stems
    denying_predicates: Table
    pitfall_predicates: Table
    empty_links: Table
    loose_links: Table
    idle_links: Table
    light_links: Table  # links only beside another link (`_links`)
    link_adverbs: frozenset[str]  # words
    # The links' own words up to inflection (`_uninflected`): a word that shares a link
    # word's stem only ("integrates" and "integral", "relative" and "relate") is no link.
    link_words: frozenset[str]
    link_breakers: frozenset[str]  # words
    link_trailers: frozenset[str]  # words
    association_verbs: frozenset[str]  # words (`_associating`)
    association_light: frozenset[str]  # words
    association_places: frozenset[str]  # words
    association_marks: frozenset[str]  # words
    association_wholes: frozenset[str]  # words
    association_openers: frozenset[str]  # words
    association_modifiers: frozenset[str]  # words
    relation_verbs: frozenset[str]  # words (`_relating`)
    relation_frames: frozenset[str]  # words
    relation_with_verbs: frozenset[str]  # words (relating straight on with "with")
    cleft_verbs: frozenset[str]  # words (`_cleft`)
    cleft_particles: frozenset[str]  # words
    evaluative_words: frozenset[str]  # words (`_evaluative`)
    topic_nouns: frozenset[str]  # words
    claim_words: frozenset[str]  # words
    report_frames: Table
    hedges: Table
    absolutes: Table
    qualifiers: Table
    retract_all: Table
    retract_last: Table
    retract_objects: Table
    retract_commands: tuple[tuple[str, ...], ...]
    retract_subjects: Table
    retract_verdicts: Table
    retract_degrees: frozenset[str]  # stems
    retract_denials: frozenset[str]  # stems
    retract_destinations: frozenset[str]  # stems
    refutes: Table
    report_verbs: frozenset[str]  # words
    attributions: Table
    distancing: Table
    rejections: Table
    curt_rejections: Table
    corrections: Table
    endorsements: Table
    both_ways: Table
    weighing_phrases: Table
    weighing_markers: frozenset[str]  # words
    weighing_openers: Table
    weighing_ends: Table
    weighing_elisions: Table
    equal_weights: Table
    first_person: frozenset[str]  # words
    fillers: frozenset[str]  # words
    verbs: frozenset[str]  # stems
    irregular: frozenset[str]  # words
    past: frozenset[str]  # words: simple past forms (narrates)
    # words: the rest of a verb in the past (narrates, _past)
    past_auxiliaries: frozenset[str]
    participles: frozenset[str]
    have_forms: frozenset[str]
    present_be: frozenset[str]
    auxiliaries: frozenset[str]  # words
    # contrast group id -> sides -> phrases (stem tuples), longest first
    contrasts: tuple[tuple[str, int, tuple[str, ...]], ...]
    # the same, by first stem
    contrasts_by_first: dict[str, tuple[tuple[str, int, tuple[str, ...]], ...]]


@lru_cache(maxsize=1)
def phrases() -> _Phrases:
    lex = lexicon()

    def table(items: list[str]) -> Table:
        out = []
        for item in items:
            parts: list[str | None] = []
            for w in item.split():
                if w == "*":
                    parts.append(None)
                elif w == CLAUSE_END:
                    parts.append(CLAUSE_END)
                else:
                    parts.extend(t.stem for t in tokens(w))
            out.append(tuple(parts))
        return Table.of(out)

    def link_table(items: list[str]) -> Table:
        # Links are matched with their adverbs left out ("is really closely related to").
        adverbs = frozenset(lex.link_adverbs)
        return table([" ".join(w for w in item.split() if w not in adverbs) for item in items])

    def worded(items: list[str]) -> Table:
        # Matched word for word, not by stem: "reportedly" is not "reports", "rightly"
        # is not "right".
        return Table.of(
            [tuple(None if w == "*" else w for w in _normalised(item)) for item in items]
        )

    contrasts: list[tuple[str, int, tuple[str, ...]]] = []
    for g, group in enumerate(lex.contrasts):
        for side, alternatives in enumerate(group):
            for alt in alternatives:
                key = tuple(t.stem for t in tokens(alt))
                if key:
                    contrasts.append((f"lexicon{g}", side, key))
    contrasts.sort(key=lambda c: -len(c[2]))
    by_first: dict[str, list[tuple[str, int, tuple[str, ...]]]] = {}
    for entry in contrasts:
        by_first.setdefault(entry[2][0], []).append(entry)
    return _Phrases(
        negators=frozenset(lex.negators),
        negating_phrases=table(lex.negating_phrases),
        not_denials=table(lex.not_denials),
        denial_frames=table(lex.denial_frames),
        denying_verbs=frozenset(t.stem for w in lex.denying_verbs for t in tokens(w)),
        denying_predicates=table(lex.denying_predicates),
        pitfall_predicates=table(lex.pitfall_predicates),
        empty_links=link_table(lex.empty_links),
        loose_links=link_table(lex.loose_links),
        idle_links=link_table(lex.idle_links),
        light_links=link_table(lex.light_links),
        link_adverbs=frozenset(lex.link_adverbs),
        link_words=frozenset(
            _uninflected(t.norm)
            for item in lex.empty_links + lex.loose_links + lex.idle_links + lex.light_links
            for w in item.split()
            for t in tokens(w)
        ),
        link_breakers=frozenset(lex.link_breakers),
        link_trailers=frozenset(lex.link_trailers),
        association_verbs=frozenset(lex.association_verbs),
        association_light=frozenset(lex.association_light),
        association_places=frozenset(lex.association_places),
        association_marks=frozenset(lex.association_marks),
        association_wholes=frozenset(lex.association_wholes),
        association_openers=frozenset(lex.association_openers),
        association_modifiers=frozenset(lex.association_modifiers),
        relation_verbs=frozenset(lex.relation_verbs),
        relation_frames=frozenset(lex.relation_frames),
        relation_with_verbs=frozenset(lex.relation_with_verbs),
        cleft_verbs=frozenset(lex.cleft_verbs),
        cleft_particles=frozenset(lex.cleft_particles),
        evaluative_words=frozenset(lex.evaluative_words),
        topic_nouns=frozenset(lex.topic_nouns),
        claim_words=frozenset(lex.claim_words),
        report_frames=table(lex.report_frames),
        hedges=table(lex.hedges),
        absolutes=table(lex.absolutes),
        qualifiers=table(lex.qualifiers),
        retract_all=table(lex.retract_all),
        retract_last=table(lex.retract_last),
        retract_objects=table(lex.retract_objects),
        retract_commands=tuple(
            tuple(t.stem for t in tokens(c)) for c in lex.retract_commands if c.strip()
        ),
        retract_subjects=table(lex.retract_subjects),
        retract_verdicts=table(lex.retract_verdicts),
        retract_degrees=frozenset(t.stem for w in lex.retract_degrees for t in tokens(w)),
        retract_denials=frozenset(t.stem for w in lex.retract_denials for t in tokens(w)),
        retract_destinations=frozenset(t.stem for w in lex.retract_destinations for t in tokens(w)),
        refutes=table(lex.refutes),
        report_verbs=frozenset(lex.report_verbs),
        attributions=worded(lex.attributions),
        distancing=worded(lex.distancing),
        rejections=worded(lex.rejections + lex.refutes),
        curt_rejections=worded(lex.curt_rejections),
        corrections=worded(lex.corrections),
        endorsements=worded(lex.endorsements),
        both_ways=worded(lex.both_ways),
        weighing_phrases=worded(lex.weighing_phrases),
        weighing_markers=frozenset(lex.weighing_markers),
        weighing_openers=worded(lex.weighing_openers),
        weighing_ends=worded(lex.weighing_ends),
        weighing_elisions=worded(lex.weighing_elisions),
        equal_weights=worded(lex.equal_weights),
        first_person=frozenset(w for p in lex.first_person for w in _normalise(p)),
        fillers=frozenset(lex.fillers),
        verbs=frozenset(stem(v) for v in lex.verbs),
        irregular=frozenset(lex.irregular_verbs),
        past=frozenset(lex.past_forms),
        past_auxiliaries=frozenset(lex.past_auxiliaries),
        participles=frozenset(lex.participles),
        have_forms=frozenset(lex.have_forms),
        present_be=frozenset(lex.present_be),
        auxiliaries=frozenset(lex.auxiliaries),
        contrasts=tuple(contrasts),
        contrasts_by_first={k: tuple(v) for k, v in by_first.items()},
    )


@lru_cache(maxsize=1)
def directional_groups() -> frozenset[str]:
    """The lexicon's contrast groups whose alternatives are directions or orders
    (lexicon `directions`), by group id."""
    lex = lexicon()
    marks = {tuple(t.stem for t in tokens(d)) for d in lex.directions}
    return frozenset(
        f"lexicon{g}"
        for g, group in enumerate(lex.contrasts)
        if any(tuple(t.stem for t in tokens(alt)) in marks for side in group for alt in side)
    )


def find_phrase(stems: Sequence[str], phrase: tuple[str | None, ...], start: int = 0) -> int:
    """Where the phrase starts in `stems` (at or after `start`), or -1. None in the phrase
    matches up to four words."""
    if not phrase:
        return -1
    for i in range(start, len(stems)):
        if _match_at(stems, i, phrase) >= 0:
            return i
    return -1


def _match_at(stems: Sequence[str], i: int, phrase: tuple[str | None, ...]) -> int:
    """The end of the phrase matched at i, or -1."""
    if not phrase:
        return i
    if None not in phrase:
        # No gap: the words that follow are the phrase or not (one comparison, in C).
        n = len(phrase)
        return i + n if tuple(stems[i : i + n]) == phrase else -1
    head, rest = phrase[0], phrase[1:]
    if head is None:
        # Up to four words, never across punctuation ("when training stops, just keep
        # the weights from" is not "stops ... from").
        for skip in range(0, 5):
            if skip and (i + skip - 1 >= len(stems) or not stems[i + skip - 1][:1].isalnum()):
                return -1
            end = _match_at(stems, i + skip, rest)
            if end >= 0:
                return end
        return -1
    if i < len(stems) and stems[i] == head:
        return _match_at(stems, i + 1, rest)
    return -1


def _spans(stems: Sequence[str], table: Table) -> list[tuple[int, int]]:
    """Where the table's phrases occur: (start, end) pairs."""
    found: list[tuple[int, int]] = []
    if table.required is not None and table.required.isdisjoint(stems):
        return found  # a phrase matched here would have put its anchor among the stems
    by_first, wild = table.by_first, table.wild
    for i, first in enumerate(stems):
        for phrase in by_first.get(first, wild):
            end = _match_at(stems, i, phrase)
            if end >= 0:
                found.append((i, end))
    return found


@lru_cache(maxsize=16384)
def says_absolute(text: str) -> bool:
    """Whether the text claims something holds without exception ("always", "whatever
    the learning rate", "guaranteed")."""
    return bool(_spans(tuple(t.stem for t in tokens(text) if t.is_word), phrases().absolutes))


@lru_cache(maxsize=4096)
def says_qualified(text: str) -> bool:
    """Whether the text says something holds only sometimes or under a condition
    ("usually", "can", "if")."""
    return bool(_spans(tuple(t.stem for t in tokens(text) if t.is_word), phrases().qualifiers))


# ---------------------------------------------------------------------------- verbs


def is_verb(token: Token) -> bool:
    """A rough predicate test: an auxiliary, a known verb in a verbal form, or an
    irregular past. Enough to tell "the loss diverges" from "divergence, NaN loss"."""
    p = phrases()
    w = token.norm
    if w in p.auxiliaries or w in p.irregular:
        return True
    if not w.isalpha() or len(w) < 3:
        return False
    # A verbal form of a known verb: "-s", "-ed", "-ing", or the base ("we split", "to
    # reduce"); not a noun made from it ("prediction", "measurement").
    if token.stem not in p.verbs:
        return False
    return w.endswith(("s", "ed", "ing")) or len(w) - len(token.stem) <= 1


def narrates(clause: Clause) -> bool:
    """Whether a clause tells what the speaker did: a first-person subject before a verb
    in the past ("I sat with the finance lead", "we fixed the join", "then I wrote to the
    teams"), as a story's sentences do whatever their words. A habit or a belief in the
    present ("I always take ownership", "I'm deeply committed to...", "I'm a believer
    that done is better") does not narrate; nor does the first person after the verb ("it
    was given to me")."""
    p = phrases()
    mine = False
    before = ""
    for t in clause.words:
        if t.norm in p.first_person:
            mine = True
        elif mine and _past(t.norm, before):
            return True
        if not t.norm.endswith("ly"):  # "I am deeply committed": the adverb is skipped
            before = t.norm
    return False


def _past(w: str, before: str) -> bool:
    """A verb in the past: a simple past form (lexicon `past_forms`), a participle after
    "have" ("I've done"), "was", "were", "had", "did", or a word of at least five letters
    ending in "-ed" (most verbs a story uses are not in the lexicon's lists, few nouns end so;
    not "speed", "need", nor an adjective after "am", "is", "are": "I am committed")."""
    p = phrases()
    if w in p.participles:
        return before in p.have_forms
    if w in p.past or w in p.past_auxiliaries:
        return True
    return (
        len(w) >= 5
        and w.endswith("ed")
        and not w.endswith("eed")
        and w.isalpha()
        and before not in p.present_be
    )


def _finite(token: Token) -> bool:
    """A verb that can make a clause: not an -ing form ("between training and
    validation" coordinates two nouns)."""
    return is_verb(token) and not token.norm.endswith("ing")


def is_finite(token: Token) -> bool:
    """A verb that can make a clause (see _finite)."""
    return _finite(token)


def _tensed(token: Token) -> bool:
    """Surely a verb: an auxiliary or a known verb's -ed form (irregular forms such as
    "split" or "set" are nouns as often)."""
    w = token.norm
    return w in phrases().auxiliaries or (w.endswith("ed") and is_verb(token))


def _has_verb(toks: Sequence[Token]) -> bool:
    return any(_finite(t) for t in toks if t.is_word)


def _has_subject_verb(toks: Sequence[Token]) -> bool:
    """A verb that is not the first word: something does something."""
    words = [t for t in toks if t.is_word]
    return any(_finite(t) for t in words[1:])


# ---------------------------------------------------------------------------- reading


def read(parts: Sequence[Sentence], question: "Topic | str" = "") -> Reading:
    """The clauses of the answer's sentences (`parts`, verbatim slices of the answer)."""
    reading = Reading(sentences=list(parts))
    groups = question_contrasts(question)
    for clause in _read_unrolled(tuple(parts)):
        # A copy: the cached reading is never handed out, so nothing can change it.
        mine = object.__new__(Clause)
        mine.__dict__.update(clause.__dict__)
        mine.roles = roles_of([t.stem for t in clause.tokens], groups)
        reading.clauses.append(mine)
    return reading


# A text is read for the claims it makes (against a question's alternatives) and for its
# terms (against none): the same clauses, statuses and polarities, which no role changes.
# The roles are put on a copy of a reading kept here; a key point is read once a question.
@lru_cache(maxsize=1024)
def _read_unrolled(parts: tuple[Sentence, ...]) -> tuple[Clause, ...]:
    """The clauses of the sentences, with no roles."""
    from interviewer.judge import reports  # it reads clauses: imported once read runs

    reading = Reading(sentences=list(parts))
    for clause in _read_marked(parts):
        # A copy: the readings below share the marked clauses, and this one marks on.
        mine = object.__new__(Clause)
        mine.__dict__.update(clause.__dict__)
        reading.clauses.append(mine)
    reports.mark_both_ways(reading)
    return tuple(reading.clauses)


# The clauses of a text as far as its terms need them (their words, their denials): all
# but what says a claim both ways, which marks only a clause's status (the bulk of the
# reading's cost a text read for its terms alone, as every key point, cue and unit of an
# answer is, never used).
@lru_cache(maxsize=4096)
def _read_marked(parts: tuple[Sentence, ...]) -> tuple[Clause, ...]:
    """The clauses of the sentences, with no roles and no both-ways reading."""
    reading = _split_reading(parts)
    _mark_lists(reading)
    _mark_polarity(reading)
    _mark_vacuous(reading)
    _mark_hedges(reading)
    _mark_retractions(reading)
    from interviewer.judge import reports  # it reads clauses: imported once read runs

    reports.mark_reports(reading)
    return tuple(reading.clauses)


# A text read for its terms alone (every unit and clause of every answer, read again on
# its own) needs of its clauses only their text and whether each is denied: its lists,
# vacuous links, hedges and retractions set a clause's status alone, which neither
# polarity nor the report verdicts (which may endorse a report and so lift its denial)
# read. Read without them: a third of a long answer's reading again. Verdicts are byte
# for byte the same (benchmarks/judge_fingerprint.py over every set).
@lru_cache(maxsize=4096)
def _read_polarity(parts: tuple[Sentence, ...]) -> tuple[Clause, ...]:
    """The clauses of the sentences with their polarity and denials only (no status)."""
    reading = _split_reading(parts)
    _mark_polarity(reading)
    from interviewer.judge import reports  # it reads clauses: imported once read runs

    reports.mark_reports(reading)
    return tuple(reading.clauses)


def _split_reading(parts: tuple[Sentence, ...]) -> Reading:
    """The sentences split into clauses, nothing marked yet."""
    reading = Reading(sentences=list(parts))
    for index, sentence in enumerate(parts):
        toks = tokens(sentence.text, sentence.start)
        for piece, opener in _split(toks):
            if not piece:
                continue
            start, end = piece[0].start, piece[-1].end
            base = sentence.start
            text = sentence.text[start - base : end - base].strip()
            clause = Clause(
                text=text,
                start=start,
                sentence=index,
                tokens=tuple(piece),
                opener=opener,
            )
            clause.supposed = _conditions(piece)
            reading.clauses.append(clause)
    return reading


def _split(toks: list[Token]) -> list[tuple[list[Token], str]]:
    """Clauses of one sentence, each with the connective that opened it."""
    pieces: list[tuple[list[Token], str]] = []
    current: list[Token] = []
    opener = ""

    def cut(next_opener: str) -> None:
        nonlocal current, opener
        if any(t.is_word for t in current):
            pieces.append((current, opener))
        elif pieces and current:
            pieces[-1][0].extend(current)
        current, opener = [], next_opener

    turned_down = False  # inside "rather than X": it ends at the next verb
    negating = phrases().negating_phrases
    for i, tok in enumerate(toks):
        w = tok.norm
        if w in (";", "-"):
            cut("")
            turned_down = False
            continue
        # (Most words open no phrase that turns down: the candidates are looked up here.)
        if tok.is_word and negating.candidates(tok.stem) and _turns_down(toks, i):
            cut(TURNED_DOWN)
            turned_down = True
            current.append(tok)
            continue
        if turned_down and current and w == ",":
            current.append(tok)  # the comma closes what is turned down
            cut("")
            turned_down = False
            continue
        if turned_down and current and tok.is_word and (_tensed(tok) or w in _AFTER_COMMA):
            cut("")
            turned_down = False
        if w == ":" and sum(1 for t in toks[i + 1 : i + 4] if t.is_word) >= 2:
            if not pieces and _is_label(current):
                # "Precision: out of everything flagged, what fraction was right" says
                # its claim of the label, as "precision is..." would.
                current.append(tok)
                continue
            cut(":")
            continue
        # Only the words _opens_clause reads can open a clause: the others are not asked.
        if (
            w in _CLAUSE_OPENERS
            and tok.is_word
            and current
            and _opens_clause(toks, i, toks[i - 1].norm if i else "", current)
        ):
            cut(w)
        current.append(tok)
    cut("")
    return pieces


TURNED_DOWN = "rather than"
# A sentence that opens with a term and a colon ("Recall: ...") names what it defines: up
# to this many words, with no verb, that are not a frame ("Common misreadings:").
LABEL_WORDS = 3


def _is_label(current: Sequence[Token]) -> bool:
    said = [t for t in current if t.is_word]
    if not 1 <= len(said) <= LABEL_WORDS or _has_verb(said) or len(said) < len(current):
        return False
    stems = [t.stem for t in said]
    p = phrases()
    frames = (p.report_frames, p.hedges, p.denial_frames, p.retract_all, p.retract_last)
    return not any(
        _match_at(stems, i, phrase) >= 0
        for i in range(len(stems))
        for table in frames
        for phrase in table.candidates(stems[i])
    )


def _turns_down(toks: list[Token], i: int) -> bool:
    """Whether a phrase that turns its object down ("rather than", "instead of") starts at i."""
    candidates = phrases().negating_phrases.candidates(toks[i].stem)
    if not candidates:  # most words open no such phrase
        return False
    stems = [t.stem for t in toks[i : i + 3]]
    return any(_match_at(stems, 0, phrase) >= 0 for phrase in candidates)


def _opens_clause(toks: list[Token], i: int, prev: str, current: list[Token]) -> bool:
    w = toks[i].norm
    if prev == "," and w in ("not", "never"):
        return True  # "a later period, never a random split"
    if w == "so" and prev != ",":
        nxt = toks[i + 1].norm if i + 1 < len(toks) else ""
        return nxt in _SO_SUBJECTS
    if prev == "," and w in _DETERMINERS and _has_subject_verb(current):
        # "the training set chooses the hyperparameters, the validation set fits the
        # weights": a second subject with its own verb after a comma is a second claim.
        return _subject_then_verb(_ahead(toks, i))
    if prev == "," and w in _AFTER_COMMA:
        if w in ("and", "or"):
            # ", and" before a verb coordinates clauses ("I like it a lot, and at
            # inference dropout is off"), however the first one is worded.
            return _has_verb(_ahead(toks, i)[:6]) and sum(1 for t in current if t.is_word) >= 3
        return True
    if w in _ALWAYS:
        # "Overfitting is when training error is low" defines; it does not open a clause.
        after = [t for t in toks[i + 1 : i + 7] if t.norm not in ",;:.!?"]
        return bool(after) and not (w in ("when", "where", "if") and prev in _COPULAS)
    if w in ("and", "or"):
        # "both X and Y", "either X or Y" join two things, not two clauses.
        if any(t.norm in ("both", "either", "neither", "between") for t in current[-6:]):
            return False
        # A new subject with its own verb ("and boosting reduces variance"), not a second
        # verb or noun of the same clause ("and leaves it stuck", "latency and cost").
        return _has_subject_verb(_ahead(toks, i)[:5]) and _has_subject_verb(current)
    return False


def _ahead(toks: list[Token], i: int) -> list[Token]:
    """The tokens after i up to the next punctuation."""
    stop = next((k for k, t in enumerate(toks[i + 1 :]) if t.norm in ",;:.!?()-"), None)
    return toks[i + 1 : i + 1 + stop] if stop is not None else toks[i + 1 :]


_COPULAS = _set("is are was were be been being")
_COORDINATORS = _set("and or but")
# Coordinators a denial distributes over: "not (X or Y)" is "not X and not Y". ("and" and
# "but" after a denial are as often a second, affirmed predicate: "didn't X and left it".)
_DISJUNCTIONS = _set("or nor")
# How many words after a negator are read as denied by its nearness alone (a cue phrase
# after "not" within this many words does not match: matching.NEGATION_REACH).
NEGATOR_REACH = 3
# Prepositions that deny their object as a negator would ("without a comparison"): not
# negators of a clause (lexicon `negators`), yet a denial over them turns round.
_PRIVATIVES = _set("without")


def _form(token: Token) -> str:
    """A verb's form, for telling coordinated predicates ("checked X or looked for Y")."""
    w = token.norm
    if w.endswith("ing"):
        return "ing"
    if w in phrases().past or w.endswith("ed"):
        return "past"
    return "s" if w.endswith("s") and not w.endswith("ss") else "base"


def _disjunct_ahead(toks: Sequence[Token], k: int, stop: int, verb: Token | None) -> bool:
    """Whether a disjunction ahead of k, before `stop`, joins a verb of the denied verb's
    form ("never checked for features computed after the label or looked for ...")."""
    if verb is None:
        return False
    return any(_disjunct_at(toks, j, verb) for j in range(k + 1, stop))


def _disjunct_at(toks: Sequence[Token], j: int, verb: Token | None) -> bool:
    """Whether toks[j] is a verb of the denied verb's form just after "or" or "nor"."""
    return (
        verb is not None
        and toks[j - 1].norm in _DISJUNCTIONS
        and _verbal(toks[j])
        and _form(toks[j]) == _form(verb)
    )


def _verbal(token: Token) -> bool:
    """A verb that can make a clause, or a simple past form ("saw", "found")."""
    return _finite(token) or token.norm in phrases().past


def _subject_then_verb(toks: Sequence[Token]) -> bool:
    """A noun phrase of a few words and then a verb that is surely one (an auxiliary or a
    known verb's "-s" or "-ed" form): "validation set fits...", not "validation set and
    the test set"."""
    words = [t for t in toks if t.is_word][:4]
    for k, tok in enumerate(words):
        if tok.norm in ("and", "or"):
            return False
        surely = tok.norm in phrases().auxiliaries or tok.norm.endswith(("s", "ed"))
        if k and surely and is_verb(tok):
            return True
    return False


def _conditions(toks: Sequence[Token]) -> frozenset[int]:
    """Positions inside a condition: from "if", "assuming", "when" (not "is when": that
    one defines) to the next comma or the clause's end."""
    out: set[int] = set()
    inside = False
    for k, tok in enumerate(toks):
        if tok.norm in (",", ";", ":", "(", ")"):
            inside = False
            continue
        if tok.norm in _CONDITIONS and not (k and toks[k - 1].norm in _COPULAS):
            inside = True
        if inside:
            out.add(k)
    return frozenset(out)


def _mark_polarity(reading: Reading) -> None:
    """Whether each clause denies what it says (an odd number of denials), and how far
    its denial reaches. A frame that opens a clause ("it is not true that") denies the
    rest of its sentence ("...that X, but Y, because Z"), and past a semicolon; a report
    frame that ends its clause ("Common misreadings:") reports the next clause."""
    p = phrases()
    previous: Clause | None = None
    carried = False
    for clause in reading.clauses:
        if previous is None or (
            previous.sentence != clause.sentence
            and not reading.sentences[previous.sentence].text.rstrip().endswith(";")
        ):
            carried = False
        stems = [t.stem for t in clause.tokens]
        framed: set[int] = set()
        flips = 0  # frames that open the clause: they deny all of it
        inner: list[int] = []  # frames inside it ("pruning stops it from growing")
        opening = False  # a denial frame that opens the clause denies the rest of the sentence
        first_word = next((k for k, t in enumerate(clause.tokens) if t.is_word), 0)
        reports = 0
        for table in (p.denial_frames, p.report_frames):
            spans = _spans(stems, table)
            if table is p.report_frames:
                # "how people think about it" says in what terms, not what they claim.
                spans = [(a, b) for a, b in spans if not (a and stems[a - 1] in _MANNER)]
            for a, b in sorted(spans, key=lambda span: span[0] - span[1]):
                if not framed.intersection(range(a, b)):  # overlapping frames are one
                    if a == first_word or (
                        a == first_word + 1 and clause.tokens[first_word].norm in _AFTER_COMMA
                    ):
                        flips += 1
                        opening = opening or table is p.denial_frames
                    else:
                        inner.append(a)
                    reports += table is p.report_frames
                framed.update(range(a, b))
        carries = flips % 2 == 1 and opening
        inner += _denying_verbs(clause, framed, p.denying_verbs)
        for a, b in _spans(stems, p.not_denials):
            framed.update(range(a, b))
        # A predicate that denies its subject ("X is unnecessary", "Y adds nothing",
        # "Z does not matter") denies the clause as a whole, however far from X its
        # own negator stands.
        predicated = 0
        predicates: list[int] = []
        for a, b in _spans(stems, p.denying_predicates):
            if not framed.intersection(range(a, b)) and not set(range(a, b)) & clause.supposed:
                predicated += 1
                predicates.append(a)
                framed.update(range(a, b))
        clause.pitfall = any(
            not set(range(a, b)) & clause.supposed for a, b in _spans(stems, p.pitfall_predicates)
        )
        # Two such predicates in one clause deny two things ("analyst review gains nothing
        # and there is no point in anomaly scores"); they do not cancel out.
        predicated = min(predicated, 1)
        negators = [
            k
            for k, t in enumerate(clause.tokens)
            if k not in framed and k not in clause.supposed and t.norm in p.negators
        ]
        same_sentence = previous is not None and previous.sentence == clause.sentence
        if same_sentence and previous and _ends_with_frame(previous, p.report_frames):
            flips += 1  # "Common misreadings: X"
            reports += 1
        clause.report_flips = reports
        if clause.opener == TURNED_DOWN:
            flips += 1
        if same_sentence and previous and _denies_the_reason(previous, clause, p.negators):
            flips += 1  # "It is not | because the network gets smaller"
        whole = flips % 2 == 1 or carried
        clause.framed = whole
        denials = len(negators) + len(inner) + predicated
        if _coordinated_denials(clause, [*negators, *inner, *predicates]):
            denials = 1
        clause.negated = (denials + flips + carried) % 2 == 1
        clause.denied = (whole or predicated > 0) and clause.negated
        if clause.denied:
            clause.denial_from = 0
        elif negators or inner:
            clause.denial_from = min(negators[:1] + inner)
        if same_sentence and previous is not None and _continues_denial(previous, clause):
            # "We didn't look at agreement | or audit a sample": the second conjunct,
            # split off as its own clause, is as denied as the first.
            clause.negated = True
            clause.denied = True
            clause.denial_from = 0
        if carries:
            carried = True
        previous = clause


def _continues_denial(previous: Clause, clause: Clause) -> bool:
    """Whether the clause is a disjunct of a denied clause before it, with no subject of
    its own: opened by "or", said under no denial of its own, after a clause whose denial
    reaches its end ("didn't split by time | or group by user", "no guardrail | or
    z-test"). A disjunct with its own subject ("or the test set leaks") is a claim of its
    own: "don't fit it on everything, or the test set leaks into training"."""
    if clause.opener not in _DISJUNCTIONS or clause.negated or clause.framed:
        return False
    if not previous.negated or previous.framed or previous.denial_from is None:
        return False
    said = [t for t in clause.words[1:] if t.norm not in phrases().fillers]
    last = max((k for k, t in enumerate(previous.tokens) if t.is_word), default=-1)
    if not previous.denied and previous.denial_stop() <= last:
        # Its denial stopped before its end ("don't X and Y | or Z"), unless the disjunct
        # opens on a verb of the form of the one denied: "I never saw drift | or degraded
        # performance" ("drift" read as a verb stopped the denial).
        verb = previous.denied_verb()
        if not (said and verb is not None and _verbal(said[0]) and _form(said[0]) == _form(verb)):
            return False
    return _subjectless(said)


# Words that open a disjunct which is not a denied alternative: "or else", "or otherwise"
# say what follows if the advice is not taken.
_CONSEQUENCES = _set("else otherwise there")


def _subjectless(said: Sequence[Token]) -> bool:
    """A predicate with no subject ("audit a sample", "looked for duplicates") or a noun
    phrase with no verb that surely has a subject before it ("a spot check", "z-test"; not
    "the model learns", "information leaks", "we split")."""
    if not said or said[0].norm in _PRONOUNS or said[0].norm in _CONSEQUENCES:
        return False
    if _finite(said[0]):
        return True
    aux = phrases().auxiliaries
    return not any(
        t.norm in aux or _tensed(t) or (is_verb(t) and t.norm.endswith("s")) for t in said[1:]
    )


_MANNER = frozenset(["how", "way"])
# What separates the coordinated parts of a clause: each part's negator denies that part.
_COORDINATED_PARTS = frozenset([",", ";", "and", "or", "nor"])


def _coordinated_denials(clause: Clause, denials: list[int]) -> bool:
    """Whether the clause's denials (negators, denying verbs and predicates, by position)
    stand in two or more of its coordinated parts an odd number of times each. Two denials
    in one predicate cancel ("not unlike", "does not prevent"), but coordinated parts that
    each deny ("the goal is not X, answers do not need Y", "I didn't pull the data, didn't
    match cohorts", "A is not better than B, and C does not help") deny together: they do
    not cancel into a claim."""
    if len(denials) < 2:
        return False
    at = set(denials)
    parts: list[int] = []
    count = 0
    for k, token in enumerate(clause.tokens):
        if token.norm in _COORDINATED_PARTS:
            parts.append(count)
            count = 0
        elif k in at:
            count += 1
    parts.append(count)
    return sum(1 for c in parts if c % 2 == 1) >= 2


def _denying_verbs(clause: Clause, framed: set[int], verbs: frozenset[str]) -> list[int]:
    """Where a verb denies the object after it ("by preventing co-adaptation"): not inside
    a frame ("prevents units from co-adapting" is one denial), not before a pronoun ("to
    prevent it, split first") and not at the clause's end."""
    out = []
    for k, token in enumerate(clause.tokens):
        if k in framed or k in clause.supposed or token.stem not in verbs:
            continue
        after = next((t for t in clause.tokens[k + 1 :] if t.is_word), None)
        if after is not None and after.norm not in _PRONOUNS:
            out.append(k)
            framed.add(k)
    return out


# Connectives that give a reason: "not because X" denies X, not the clause before it.
_REASONS = frozenset(["because", "since"])


def _denies_the_reason(previous: Clause, clause: Clause, negators: frozenset[str]) -> bool:
    """Whether the clause gives a reason that the clause before it denies by ending on its
    negator: "it is not | because the network gets smaller" says the network getting smaller
    is not the reason, and "it failed, not | because of the data" that the data was not."""
    said = [t for t in previous.tokens if t.is_word]
    return clause.opener in _REASONS and bool(said) and said[-1].norm in negators


def _ends_with_frame(clause: Clause, table: Table) -> bool:
    stems = [t.stem for t in clause.tokens if t.is_word]
    return any(stems and end == len(stems) for _, end in _spans(stems, table))


def _mark_hedges(reading: Reading) -> None:
    """A hedge disowns its clause, and the next one when the hedge ends its clause
    ("I'm not sure | which one uses which")."""
    p = phrases()
    carry = False
    last_sentence = -1
    for clause in reading.clauses:
        if clause.sentence != last_sentence:
            carry, last_sentence = False, clause.sentence
        stems = [t.stem for t in clause.tokens if t.is_word]
        if carry and clause.opener not in _CONTRASTIVE:
            clause.status = _worse(clause.status, Status.hedged)
        spans = _spans(stems, p.hedges)
        carry = bool(spans) and any(end >= len(stems) - 1 for _, end in spans)
        if spans:
            clause.status = _worse(clause.status, Status.hedged)


def _mark_retractions(reading: Reading) -> None:
    # Imported here, not at the top: retractions imports this module's names (Table,
    # Token, _match_at, _spans, phrases, tokens) at its own top, so a top-level import
    # here would run it, when clauses is imported first, before those names exist.
    from interviewer.judge import retractions, withdrawals

    p = phrases()
    for index in retractions.tail(len(reading.sentences)):
        # The whole answer taken back in the speaker's own words, read by its parts.
        if retractions.takes_back_whole(reading.sentences[index].text):
            _take_back_before(reading, index)
    # What came before taken back by a passage of plain clauses, none naming the whole
    # ("I'm withdrawing that. I don't trust my reasoning here..."), wherever it stands:
    # what follows a withdrawn first attempt still counts.
    found = withdrawals.passage([s.text for s in reading.sentences])
    if found is not None:
        start, carrying = found
        _take_back_before(reading, start)
        from interviewer.judge import takebacks

        window = range(start, min(len(reading.sentences), max(carrying) + 2))
        if takebacks.reaches_forward([reading.sentences[i].text for i in window]):
            # Taken back mid-answer with what follows ("what follows is a guess as
            # well", "I don't know dunder methods"): no restart, so nothing after counts.
            for clause in reading.clauses:
                if clause.sentence > start and clause.sentence not in carrying:
                    clause.status = _worse(clause.status, Status.retracted)
        for clause in reading.clauses:
            if clause.sentence in carrying:
                clause.status = Status.meta
    for k, clause in enumerate(reading.clauses):
        stems = [t.stem for t in clause.tokens]
        if _spans(stems, p.retract_all) or _takes_back_everything(stems, p):
            _take_back_before(reading, clause.sentence)
            continue
        if clause.status is Status.meta:
            continue
        last = _spans(stems, p.retract_last)
        if last:
            clause.status = Status.meta
            if _says_something(clause.tokens[: last[0][0]]):
                continue  # "64 to 512 - scratch that, 64 to 256": put right in the clause
            # Else "scratch that" takes back what it follows: the clauses before it in its
            # own sentence that say something, or the sentence before ("Although - you
            # know, scratch that" says nothing of its own before it).
            same = [
                other
                for other in reading.clauses[:k]
                if other.sentence == clause.sentence and _says_something(other.tokens)
            ]
            for other in same or [
                o for o in reading.clauses[:k] if o.sentence == clause.sentence - 1
            ]:
                other.status = _worse(other.status, Status.retracted)
            continue


def _says_something(toks: Sequence[Token]) -> bool:
    """Whether the tokens hold a word beyond the speaker's frame and interjections
    ("Although", "you know" say nothing a "scratch that" could take back)."""
    from interviewer.judge import withdrawals

    return withdrawals.says_something(toks)


def _take_back_before(reading: Reading, sentence: int) -> None:
    """The sentence is talk about the answer; everything before it is taken back."""
    for other in reading.clauses:
        if other.sentence == sentence:
            other.status = Status.meta
        elif other.sentence < sentence:
            other.status = _worse(other.status, Status.retracted)


def _takes_back_everything(stems: Sequence[str], p: "_Phrases") -> bool:
    """Whether the clause takes back all that was said, in other words than the fixed
    list: everything said called wrong ("all of that is wrong", "my whole answer is
    nonsense", "that's all backwards") or a take-back verb on it ("I take all of that
    back", "please ignore my answer", "never mind all of that")."""
    for start, end in _spans(stems, p.retract_subjects):
        if p.retract_denials.intersection(stems[:start]):
            continue  # "I'm not saying all of that is wrong"
        at = end
        while at < len(stems) and stems[at] in p.retract_degrees:
            at += 1
        if _starts_with(stems, at, p.retract_verdicts):
            return True
    for start, end in _spans(stems, p.retract_objects):
        # The object must close the clause: "ignore all of that noise" keeps the noise.
        closes = end >= len(stems) or not stems[end][:1].isalnum()
        for command in p.retract_commands:
            n = len(command)
            if closes and tuple(stems[max(0, start - n) : start]) == command:
                return True
            # A verb and its particle around the object: "take all of that back".
            if (
                n == 2
                and start >= 1
                and stems[start - 1] == command[0]
                and end < len(stems)
                and stems[end] == command[1]
                # "take all of that back to the team" takes nothing back
                and (end + 1 >= len(stems) or stems[end + 1] not in p.retract_destinations)
            ):
                return True
    return False


def _starts_with(stems: Sequence[str], at: int, table: Table) -> bool:
    """Whether one of the table's phrases begins at position at."""
    if at >= len(stems):
        return False
    return any(_match_at(stems, at, phrase) >= 0 for phrase in table.by_first.get(stems[at], ()))


_SEVERITY = {
    Status.asserted: 0,
    Status.listed: 1,
    Status.vacuous: 1,
    Status.hedged: 2,
    Status.undecided: 2,
    Status.reported: 3,
    Status.retracted: 4,
    Status.meta: 5,
}


def worse(a: Status, b: Status) -> Status:
    """The status that disowns more of the two."""
    return _worse(a, b)


def _worse(a: Status, b: Status) -> Status:
    return a if _SEVERITY[a] >= _SEVERITY[b] else b


def _mark_lists(reading: Reading) -> None:
    """Runs of five or more short items (commas, semicolons, short fragment sentences)
    are lists of terms. A clause mostly made of list items is listed; one whose list
    follows a claim of its own ("I'd use a, b, c, d and e") is a headed list."""
    items: list[tuple[int, list[Token]]] = []  # (sentence, item tokens)
    for index, sentence in enumerate(reading.sentences):
        toks = tokens(sentence.text, sentence.start)
        current: list[Token] = []
        for tok in toks:
            # A full stop inside a sentence is code ("math.isnan"), not a separator.
            if tok.norm in (",", ";", "-", ":"):
                items.append((index, current))
                current = []
            else:
                current.append(tok)
        items.append((index, current))
    items = [(s, it) for s, it in items if any(t.is_word for t in it)]
    in_list: set[int] = set()  # token start offsets inside list runs
    heads: set[int] = set()  # token start offsets of claims that head a list
    run: list[tuple[int, list[Token]]] = []

    def close() -> None:
        first = run[0][1] if run else []
        headed = bool(run) and _is_head(first)
        body = run[1:] if headed else run
        if len(body) >= LIST_MIN_ITEMS:
            for _, it in body:
                in_list.update(t.start for t in it)
                if headed:
                    heads.update(t.start for t in it)
        run.clear()

    for s, it in items:
        words = [t for t in it if t.is_word]
        letters = any(t.norm.isalpha() for t in words)
        if letters and len(words) <= LIST_ITEM_WORDS:
            run.append((s, it))
        elif letters and not run and len(words) <= 2 * LIST_ITEM_WORDS:
            run.append((s, it))  # a claim may open the list: "I'd use PR AUC, recall..."
        else:
            close()
            if letters and len(words) <= 2 * LIST_ITEM_WORDS and _is_head(it):
                run.append((s, it))
    close()
    if not in_list:
        return
    for clause in reading.clauses:
        words = [t for t in clause.tokens if t.is_word]
        listed = sum(1 for t in words if t.start in in_list)
        if words and listed / len(words) >= 0.6:
            headed = any(t.start in heads for t in words if t.start in in_list)
            if headed:
                clause.headed_list = True
            else:
                clause.status = _worse(clause.status, Status.listed)


_PRONOUNS = _set("i we you they he she it this that these those")


# ---------------------------------------------------------------------------- empty links

# Terms an empty link ("X is related to Y", lexicon `empty_links`) must join to say nothing
# of them, and a loose one ("X is central to A, B and C", `loose_links`): a loose link
# between two terms may still say something ("bagging is about variance reduction").
EMPTY_LINK_TERMS = 2
LOOSE_LINK_TERMS = 3
# An idle predicate (`idle_links`: "is worth a mention", "is another thing") says nothing
# even of one term.
IDLE_LINK_TERMS = 1
# In a link, where its clause must end ("are key $": "A, B and C are key." but not "is key
# to"; "matter $", not "matter for").
CLAUSE_END = "$"
_SUBJECTS = _set("i we you they he she")
# Words after which an -ing form says what something is for or does ("about reducing
# overfitting", "involves computing gradients"), not a term ("a link between learning rate
# and batch size").
_PURPOSE = _set("about to for involve involves involved involving")
# Words that open a verb's object ("reducing the variance"; "measuring it" names nothing).
_OBJECT_OPENERS = _set("the a an its their our your each every them")


def _mark_vacuous(reading: Reading) -> None:
    """A claimed clause whose only predicate links bare terms by no relation states
    nothing of them: "the learning rate is central to overshooting, divergence and NaN
    losses", "A, B and C are the boosting side of things", "Z is involved in F1". Not a
    denial ("the test set is not involved in tuning" says something). Clauses of a
    sentence joined by "and" are read together too: a list of terms is split where its
    last item opens a verb ("A, B | and C are the X side of things")."""
    for index, sentence in enumerate(reading.sentences):
        parts = reading.of_sentence(index)
        runs: list[list[Clause]] = []
        for clause in parts:
            if runs and clause.opener in ("and", "or"):
                runs[-1].append(clause)
            else:
                runs.append([clause])
        # ... when one of them is such a fragment (no verb of its own), or one goes on
        # with the list the one before it holds ("This is where A, B | and C come in");
        # not two claims that each link two terms ("one is about X and the other is
        # about Y").
        joined = [
            r
            for r in runs
            if len(r) > 1
            and (
                any(_bare_terms(c.tokens, sentence) for c in r)
                or any(
                    _continues_list(a, b) or _continues_question(a) or _link_across(a, b)
                    for a, b in pairwise(r)
                )
            )
        ]
        for run in [[c] for c in parts] + joined:
            # A clause already read as vacuous on its own may still open a run ("A, B
            # are all connected through C | and its D").
            # A list the reader took for a list of terms alone ("A, B, C, D, E | and F all
            # come together") is the subject of the link in the clause after it.
            if any(
                c.status not in (Status.asserted, Status.vacuous, Status.listed)
                or c.negated
                or c.framed
                for c in run
            ) or all(c.status is Status.listed for c in run):
                continue
            toks = [t for c in run for k, t in enumerate(c.tokens) if k not in c.supposed]
            if links_nothing(toks, sentence):
                for clause in run:
                    clause.status = Status.vacuous


def links_nothing(toks: Sequence[Token], sentence: Sentence | None = None) -> bool:
    """Whether the tokens are bare terms joined only by an empty or loose link (see
    `_mark_vacuous`): each term a few words (LIST_ITEM_WORDS) with no verb of its own,
    nothing that makes a claim of the link (lexicon `link_breakers`, not inside a
    hyphenated term of the `sentence` they come from: "define-by-run"; a figure), and
    enough terms."""
    toks = _unopened(toks)
    linked, needed = _links(toks)
    if not linked:
        return False
    terms = _terms(toks, linked, sentence)
    return terms is not None and terms >= needed


def _bare_terms(toks: Sequence[Token], sentence: Sentence | None = None) -> bool:
    """Whether the tokens are only terms, with no link, verb or copula: "A, B" before
    "and C are the X side of things"."""
    toks = _unopened(toks)
    if _links(toks)[0] or any(t.norm in phrases().auxiliaries for t in toks):
        return False
    return bool(_terms(toks, set(), sentence))


def _continues_list(before: Clause, clause: Clause) -> bool:
    """Whether the clause, opened by "and" with no comma before it, takes up the list of
    terms the clause before it ends on ("A, B | and C")."""
    said = [t for t in before.tokens if t.is_word]
    return "," in {t.norm for t in before.tokens} and bool(said) and before.tokens[-1].is_word


def _link_across(before: Clause, clause: Clause) -> bool:
    """Whether a link holds the two clauses together that neither holds alone: the cut
    at "and" fell inside it, between two terms ("are what the hierarchy of edges | and
    objects is all about", "are where the story of X | and Y ends up"). Two clauses that
    each hold their own link ("one is about X | and the other is about Y") find no more
    read together."""
    apart = len(_links(_unopened(before.tokens))[0]) + len(_links(_unopened(clause.tokens))[0])
    return len(_links(_unopened([*before.tokens, *clause.tokens]))[0]) > apart


def _continues_question(before: Clause) -> bool:
    """Whether the clause ends inside a "how" whose subject has not reached its verb ("are
    part of how the objective | and the seeding fit with k"): the next clause, opened by
    "and", goes on with that subject's list."""
    toks = before.tokens
    at = [k for k, t in enumerate(toks) if t.norm == "how"]
    if not at or not toks[-1].is_word:
        return False
    rest = [t for t in toks[at[-1] + 1 :] if t.is_word]
    auxiliaries = phrases().auxiliaries
    return 0 < len(rest) <= LIST_ITEM_WORDS and not any(t.norm in auxiliaries for t in rest)


def _unopened(toks: Sequence[Token]) -> Sequence[Token]:
    """The tokens without the connective that opened their clause, and without what
    trails after its last term (lexicon `link_trailers`: "matter too", "as well")."""
    k = 0
    while k < len(toks) and toks[k].norm in _OPENERS:
        k += 1
    end = len(toks)
    trailers = phrases().link_trailers
    while end > k and (toks[end - 1].norm in _ENDS or toks[end - 1].norm in trailers):
        end -= 1
    return toks[k:end]


_OPENERS = _AFTER_COMMA | _ALWAYS | {",", ";", ":", "-"}
_ENDS = frozenset(",;:.!?-")


def _links(toks: Sequence[Token]) -> tuple[set[int], int]:
    """The positions of the words of the empty and loose links in the tokens (their
    adverbs aside), and how many terms they must join to say nothing."""
    p = phrases()
    kept = [k for k, t in enumerate(toks) if not (t.is_word and t.norm in p.link_adverbs)]
    stems = [toks[k].stem for k in kept]
    present = frozenset(stems)
    linked: set[int] = set()
    light: list[set[int]] = []
    needed = 0
    for table, terms in (
        (p.empty_links, EMPTY_LINK_TERMS),
        (p.loose_links, LOOSE_LINK_TERMS),
        (p.idle_links, IDLE_LINK_TERMS),
        (p.light_links, 0),
    ):
        if table.required is not None and table.required.isdisjoint(present):
            continue  # a link there would have put its anchor among the stems
        literal = table.literal
        for i, first in enumerate(stems):
            for phrase in table.by_first.get(first, ()):
                if not literal[phrase] <= present:
                    continue  # a word of its own is missing: it cannot match anywhere
                fixed = _fixed_positions(stems, i, phrase)
                if fixed is not None and all(
                    _uninflected(toks[kept[j]].norm) in p.link_words for j in fixed
                ):
                    if table is p.light_links:
                        light.append({kept[j] for j in fixed})
                        continue
                    linked.update(kept[j] for j in fixed)
                    if terms:
                        needed = min(needed, terms) if needed else terms
    # "X involves A and B" says what X holds, "A together with B" adds to a list; beside a
    # link, or two different ones with nothing else ("X involves A, B and C together with
    # D"), they say no more. Inflections of one verb match at the same place, and the same
    # verb again ("involve repetition, involve a termination test") lists what a whole holds.
    if linked or len({toks[max(positions)].stem for positions in light}) > 1:
        for positions in light:
            linked |= positions
        if not needed and light:
            needed = LOOSE_LINK_TERMS
    if not linked:
        associated = _associating(toks) or _relating(toks)
        if associated:
            return associated, LOOSE_LINK_TERMS
    elif relating := _relating(toks):
        # A listed link inside a clause a relating verb heads ("links A with B in relation
        # to C"): the verb is the predicate's too, not a verb of a term's own.
        linked |= relating
    if cleft := _cleft(toks):
        linked |= cleft
        needed = min(needed, LOOSE_LINK_TERMS) if needed else LOOSE_LINK_TERMS
    if graded := _evaluative(toks):
        evaluated, terms = graded
        needed = min(needed, terms) if linked else terms
        linked |= evaluated
    for k in [k for k in sorted(linked) if k + 1 < len(toks) and toks[k + 1].norm == "how"]:
        # "are part of how A and B fit with C": the question's own predicate, read alone
        # (`_empty_question` then reads the "how" as no claim).
        rest = toks[k + 2 :]
        linked |= {k + 2 + j for j in _associating(rest) or _relating(rest)}
    return linked, needed


def _cleft(toks: Sequence[Token]) -> set[int]:
    """The positions of a pseudo-cleft's own words when its free relative only places
    its subject, or none: "A, B and C are what the hierarchy of edges and objects is all
    about", "are where the discussion of X and Y ends up", "are what the choice of k comes
    down to" say no more than "X is about A, B and C", however long the relative's subject
    (the listed "what * is all about" reaches four words). The copula goes straight on,
    past adverbs, with "what" or "where"; the relative ends the clause on an idle verb (a
    copula, lexicon `cleft_verbs`) and stranded particles (`cleft_particles`) with nothing
    after them. A relative that does something ("what makes it equivariant", "what the
    model is trained on") or whose subject is a person ("what we care about") is a
    claim; its subject's words stay terms for `_terms`, which reads their own verbs."""
    p = phrases()
    words = [k for k, t in enumerate(toks) if t.is_word and t.norm not in p.link_adverbs]
    for i, k in enumerate(words[:-3]):
        if toks[k].norm not in _COPULAS or toks[words[i + 1]].norm not in ("what", "where"):
            continue
        rest = words[i + 2 :]
        end = len(rest)
        while end > 1 and toks[rest[end - 1]].norm in p.cleft_particles:
            end -= 1
        verb = toks[rest[end - 1]].norm if end > 1 else ""
        if end == len(rest) or not (verb in _COPULAS or verb in p.cleft_verbs):
            continue
        if any(toks[j].norm in _SUBJECTS for j in rest[: end - 1]):
            continue
        return {k, words[i + 1], *rest[end - 1 :]}
    return set()


# Words an evaluative complement may open on before its evaluative word ("are all
# relevant", "is an important", "are the key").
_EVALUATIVE_PASS = _set("a an the")
# Words that point back at what was said ("part of that relationship", "of it").
_POINTERS = _set("it this that these those them")
# The prepositions that name what the graded terms belong to ("dimensions of dropout",
# "considerations for the ROC curve", "components in k-means").
_EVALUATIVE_OF = _set("of for in to")


def _evaluative(toks: Sequence[Token]) -> tuple[set[int], int] | None:
    """The positions of an evaluative complement's own words and how many terms it must
    grade to say nothing, or None: the clause's first copula after a word of its subject
    goes on, past adverbs and an article, with evaluative words only (lexicon
    `evaluative_words`) and at most a noun of a topic (`topic_nouns`), then ends or names
    what the terms belong to ("A, B and C are all relevant dimensions of dropout", "are
    key considerations for the ROC curve"). That grades the terms as worth a place on a
    list and says nothing of any: three terms at least, as for a loose link; one when the
    noun ends the clause ("convergence is a big theme"). A complement with a word of its
    own ("is the key metric here", "are important because ...", "is a big risk") is a
    predicate, and `_terms` still reads any verb, figure or reason after it as a claim."""
    p = phrases()
    start = next(
        (k for k, t in enumerate(toks) if k and toks[k - 1].is_word and t.norm in _COPULAS),
        None,
    )
    if start is None or any(t.norm in _SUBJECTS for t in toks[:start]):
        return None
    k = start + 1
    while k < len(toks) and (toks[k].norm in p.link_adverbs or toks[k].norm in _EVALUATIVE_PASS):
        k += 1
    # "The labels were the interesting part": the definite picks one term out of the
    # answer, a claim of where its weight lies; only a list graded so says nothing.
    picked = "the" in {t.norm for t in toks[start:k]}
    own = {start}
    graded = False
    while k < len(toks) and toks[k].norm in p.evaluative_words:
        own.add(k)
        graded = True
        k += 1
    if not graded:
        return None
    noun = False
    while k < len(toks) and toks[k].norm in p.topic_nouns:
        own.add(k)
        noun = True
        k += 1
    if k == len(toks):
        return own, IDLE_LINK_TERMS if noun and not picked else LOOSE_LINK_TERMS
    if noun and toks[k].norm in _EVALUATIVE_OF:
        # "... an important part of that relationship": what the term belongs to is only
        # what was said before, so one term is graded and nothing is said.
        rest = [j for j in range(k + 1, len(toks)) if toks[j].is_word]
        if rest and toks[rest[0]].norm in _POINTERS and len(rest) <= 2 and not picked:
            return own | {k, *rest}, IDLE_LINK_TERMS
        return own | {k}, LOOSE_LINK_TERMS
    return None


# Prepositions that open a frame a term is placed in ("in the context of", "with regard to",
# "from the standpoint of", "as regards", "through the lens of"), and those a relating
# verb may go straight on with ("relates to", "interacts with", "ties in with", "lines up
# with", "hooks into").
_FRAME_OPENERS = _set("in on at from with within under through across as into over")
_RELATING_PREPS = _set("to with into in on up back together alongside onto")


def _relating(toks: Sequence[Token]) -> set[int]:
    """The positions of a relating predicate's own words, or none: a clause whose verbs
    only say that its terms have to do with each other (lexicon `relation_verbs`, and
    `relation_with_verbs` straight on with "with": "A, B and C go with D"), read by what
    it lacks rather than by its phrasing. The clause must show that it only relates -
    lists of terms as what it relates, wherever they sit (`_relates_lists`: "interacts
    with A, B and C", "A and B connect C with D"), or a frame its terms are placed in, a
    preposition before a frame noun (lexicon `relation_frames`, `association_wholes`: "at
    the level of C", "on the evaluation side", "into the out-of-fold picture") - and it
    must say nothing of how:
    no word of change, comparison, cause, need, prevention, equality or computation
    (lexicon `claim_words`), no auxiliary (a copula's clause is `_associating`'s; "can
    link" states an ability), no labelled parts, no person as subject; and, as for every
    link, whatever else it holds must be bare terms (`_terms`: no means, reason,
    condition, figure or verb of its own).
    "Residual connections connect the input of a block to its output" goes on with an
    object and places nothing in a frame: a claim of what is wired to what."""
    p = phrases()
    if any(t.norm in (":", ";") for t in toks):
        return set()
    if any(t.norm in p.auxiliaries or t.norm in _SUBJECTS for t in toks):
        return set()
    frames = _frames(toks)
    own: set[int] = set(frames)
    # After a word of the subject, or after a parenthesis closed by a comma ("A and B,
    # with C and D, tie E to F").
    heads = [
        k
        for k, t in enumerate(toks)
        if k
        and (toks[k - 1].is_word or (toks[k - 1].norm == "," and k > 1))
        and k not in frames
        and (
            t.norm in p.relation_verbs
            or (
                t.norm in p.relation_with_verbs
                and toks[k + 1 : k + 2]
                and toks[k + 1].norm == "with"
            )
        )
    ]
    # A verb's form after "and" or "or" may be a noun of a list ("distance weighting and
    # ties connect A with B"): the predicate is the first one after a word of the subject.
    heads = [k for k in heads if _word_before(toks, k) not in _COORDINATORS]
    if not heads:
        return set()
    partners: set[str] = set()
    for k in heads:
        own.add(k)
        j = k + 1
        while j < len(toks) and toks[j].norm in _RELATING_PREPS:
            own.add(j)
            partners.add(toks[j].norm)
            j += 1
    if not (frames or _relates_lists(toks, heads[0], own, partners)):
        return set()
    if any(t.norm in p.claim_words for k, t in enumerate(toks) if k not in own):
        return set()
    return own


def _word_before(toks: Sequence[Token], k: int) -> str:
    """The nearest word before position k ("" when none)."""
    return next((toks[j].norm for j in range(k - 1, -1, -1) if toks[j].is_word), "")


# The prepositions that name a relating verb's partner ("relate to", "go with", "tie into"),
# not a place or a manner ("interact in complicated ways").
_PARTNER_PREPS = _set("to with into onto alongside")


def _relates_lists(toks: Sequence[Token], head: int, own: set[int], partners: set[str]) -> bool:
    """Whether a relating verb with no frame only relates lists of terms, wherever the lists
    sit: straight on with a preposition before a list ("relate to A, B and C"), or with a
    list as its subject and a partner after it ("A, B and C go with D", "A and B connect C
    with D", "A and B, with C and D, tie E to F"). One term placed after a lone subject may
    be a claim of where ("link to the head at the end"), a lone object and target a claim of
    what is wired to what ("residual connections connect the input of a block to its
    output"), and a subject list before a preposition of place or manner a claim of how
    ("riders and drivers interact in complicated ways"). A partner given to each term
    ("small k goes with high variance and large k with high bias") maps them: a claim."""
    listed = frozenset(("and", "or", ","))
    before = any(t.norm in listed for t in toks[:head])
    if _pairs_each(toks, head, partners):
        return False
    if partners:
        after = any(t.norm in listed for k, t in enumerate(toks) if k > head and k not in own)
        return after or (before and not partners.isdisjoint(_PARTNER_PREPS))
    # An object and a partner after it ("connect A with B", "bring A and B into C"), the
    # list in the subject or the object: what is related is a list. A list only in the
    # target may be a claim of what one thing is wired into ("special methods hook a
    # class into Python's syntax and protocols"); no partner at all, a verb that names no
    # relation here ("touches reference counts", "new requests join the batch", "interact
    # multiplicatively") or a noun ("labelled pairs", "a line profiler"); nor an object
    # that opens on a preposition ("unobserved pairs as weak negatives", "pairs of emails"
    # name a noun).
    if head + 1 >= len(toks) or not toks[head + 1].is_word:
        return False
    if toks[head + 1].norm in _PLACING or toks[head + 1].norm in ("as", "of", "like", "than"):
        return False
    partner = next((k for k in range(head + 1, len(toks)) if toks[k].norm in _PARTNER_PREPS), None)
    if partner is None:
        return False
    return before or any(t.norm in listed for t in toks[head + 1 : partner])


def _pairs_each(toks: Sequence[Token], head: int, partners: set[str]) -> bool:
    """Whether the relating preposition comes again after a coordinator and a new term,
    with no verb of its own ("A goes with B and C with D", "A relates to B, C to D"): a
    mapping, as "respectively" is. Not the same preposition straight after the coordinator
    ("relate to A as well as to B"): that only lengthens the list."""
    if not partners:
        return False
    for k in range(head + 1, len(toks)):
        if toks[k].norm not in ("and", "or", ",", "while", "whereas"):
            continue
        for said, tok in enumerate(toks[k + 1 : k + 2 + LIST_ITEM_WORDS]):
            if tok.norm in partners:
                if said:
                    return True
                break
            if not tok.is_word or tok.norm in ("as", "well", "also", "and", "or"):
                break
    return False


def _frames(toks: Sequence[Token]) -> set[int]:
    """The positions of the frames in the tokens: a frame noun (lexicon `relation_frames`,
    `association_wholes`) reached from a preposition over at most three words ("in the
    broader context", "from the point of view"), with the "of" after it."""
    p = phrases()
    nouns = p.relation_frames | p.association_wholes
    found: set[int] = set()
    for k, t in enumerate(toks):
        if t.norm not in nouns:
            continue
        for j in range(k - 1, max(k - 5, -1), -1):
            if not toks[j].is_word:
                break
            if toks[j].norm in _FRAME_OPENERS:
                found.update((j, k))
                if k + 1 < len(toks) and toks[k + 1].norm in ("of", "to", "on", "with"):
                    found.add(k + 1)
                break
    return found


# Words an association's mark may be reached over: determiners and the prepositions that
# place terms in a whole ("part of the same story", "on the radar", "feed into the bigger
# picture"). Not "to": an infinitive after it is a purpose ("come together to reduce
# variance"), which `_acts` reads as a claim.
_ASSOCIATION_PASS = _set("the a an this that these those its their of in on at into within")


def _associating(toks: Sequence[Token]) -> set[int]:
    """The positions of an association predicate's own words, or none (lexicon
    `association_verbs` ...). The predicate opens on the clause's first copula or
    association verb after a word; what comes before it is the subject. It associates
    when its verb does so on its own ("revolves around"), when a light verb has a mark or a
    whole after it ("hang together", "feed into the bigger picture", "complete the
    toolkit"), when a verb of place has a whole after it ("lives in the world of"), or when
    a copula's complement opens, past adverbs, determiners and modifiers, on a mark or a
    whole, or on a word such as "part" with one after it ("are all part of the overfitting
    landscape", "are constant companions", "is a story of A, B and C"). Whatever else the
    clause holds must be bare terms (`_terms`): a means, reason, condition, figure or verb
    of its own makes it a claim ("come together when the loss plateaus", "A and B come
    together to reduce variance"), and so does a second verb after "and"."""
    p = phrases()
    verbs, light, places = p.association_verbs, p.association_light, p.association_places
    marks, wholes = p.association_marks, p.association_wholes
    modifiers, adverbs = p.association_modifiers, p.link_adverbs
    # A clause that holds labelled parts ("features: A, B; the graph: C") lists them.
    if any(t.norm in (":", ";") for t in toks):
        return set()
    heads = _COPULAS | verbs | light | places
    # After a word of the subject, not after "and" ("A, B and share sent to strangers"
    # names a share).
    start = next(
        (
            k
            for k, t in enumerate(toks)
            if k and toks[k - 1].is_word and toks[k - 1].norm not in _COORDINATORS
            if t.norm in heads
        ),
        None,
    )
    # A person as the subject narrates an act ("we sat together with the data team"); a
    # thing said before does what the verb says ("it shares the same memory"), unless
    # the verb is a copula ("it is a story of A, B and C").
    if start is None or any(t.norm in _SUBJECTS for t in toks[:start]):
        return set()
    head = toks[start].norm
    if head not in _COPULAS and any(t.norm in _REFERRING for t in toks[:start]):
        return set()
    # What the predicate's verb needs after it to associate: nothing, a mark or a whole.
    enough = frozenset() if head in verbs else wholes if head in places else marks | wholes
    own = {start}
    marked = head in verbs
    if head in _COPULAS:
        passable = modifiers | adverbs | _ASSOCIATION_PASS
        k = start + 1
        while k < len(toks) and (not toks[k].is_word or toks[k].norm in passable):
            k += 1
        if k == len(toks):
            return set()
        opening = toks[k].norm
        if opening not in enough and opening not in p.association_openers:
            return set()  # "flat minima are wide basins of the loss landscape": a predicate
        own.add(k)
    for k in range(start + 1, len(toks)):
        t = toks[k]
        if not t.is_word:
            continue
        w = t.norm
        if w in enough:
            marked = True
            own.add(k)
        elif w == "and" and _after_own(toks, k, own):
            # "go together nicely and the maths simplifies": "and" after the predicate's own
            # words, not after a term, opens a clause of its own.
            return set()
        elif toks[k - 1].norm == "and" and _finite(t) and (_tensed(t) or t.norm == t.stem):
            # "hang together and share one vocabulary": an act of their own. An -s form
            # there is a plural as often ("and loadings").
            return set()
        elif w in modifiers or w in heads:
            own.add(k)
        elif _tensed(t) and w not in marks:
            return set()  # "are woven into the loop and trained jointly"
    return own if marked else set()


def _after_own(toks: Sequence[Token], k: int, own: set[int]) -> bool:
    """Whether the word before position k, past adverbs ("together nicely"), is one of the
    predicate's own words."""
    adverbs = phrases().link_adverbs
    j = k - 1
    while j >= 0 and (toks[j].norm in adverbs or toks[j].norm.endswith("ly")):
        j -= 1
    return j >= 0 and j in own


def _terms(toks: Sequence[Token], linked: set[int], sentence: Sentence | None) -> int | None:
    """How many bare terms the tokens name outside the link's words, or None when they
    claim something of their own."""
    p = phrases()
    items: list[list[tuple[int, Token]]] = [[]]
    for k, tok in enumerate(toks):
        if k in linked or not tok.is_word or tok.norm in ("and", "or", "nor", "such"):
            items.append([])  # "such as" opens examples of the term before it
            continue
        if _empty_question(toks, k, linked) or (
            tok.norm == "to" and k + 1 < len(toks) and _shapes_a_whole(toks, k + 1)
        ):
            items.append([])  # a purpose that only shapes a whole is no part of a term
            continue
        if (tok.norm.isdigit() and not _glued(tok, sentence)) or (
            tok.norm in p.link_breakers and not _hyphenated(tok, sentence)
        ):
            return None  # a figure ("is about 20 GB") is a claim; "O(n^2)" is a name
        if tok.norm in p.auxiliaries:
            if tok.norm in _MODALS and _verb_follows(toks, k, linked):
                return None  # "the team can actually contact": a verb of the term's own
            items.append([])
            continue
        if tok.norm not in p.link_adverbs:
            items[-1].append((k, tok))
    terms = 0
    for item in items:
        if _acts(item, toks, linked, sentence):
            return None
        # A term may carry a phrase that places it ("false negative rates | within the
        # group setting"): the phrase is a term of its own, and each must be short.
        for part in _placed(item):
            content = sum(1 for _, t in part if t.norm not in STOPWORDS)
            if not content and not _refers(part):
                continue
            if content > LIST_ITEM_WORDS:
                return None
            terms += 1
    return terms


def _empty_question(toks: Sequence[Token], k: int, linked: set[int]) -> bool:
    """Whether the token at k is a "how" straight after a link's words whose own clause is
    held together by a link too ("A and B are part of how C and D fit with E"): a question
    that only relates terms embeds no claim ("is about how many positives are found"
    does)."""
    return (
        toks[k].norm == "how"
        and k - 1 in linked
        and any(j in linked for j in range(k + 1, len(toks)))
    )


# Prepositions that attach a term to another ("latency in the decode phase", "rates within
# groups"): in a clause of bare terms, what they join are terms side by side. Not "by",
# "via", "through" (a means: lexicon `link_breakers`), "to" (an infinitive), nor "of" ("the
# specification phase of problem solving" is one term: "X is part of it" is a claim).
_PLACING = _set(
    "in within inside across at on for from with into over under during between among "
    "alongside per around throughout beside"
)


_MODALS = _set("can could would should will may might must shall")


def _verb_follows(toks: Sequence[Token], k: int, linked: set[int]) -> bool:
    """Whether a word outside the link follows the modal at k, past adverbs."""
    adverbs = phrases().link_adverbs
    j = k + 1
    while j < len(toks) and toks[j].norm in adverbs:
        j += 1
    return j < len(toks) and toks[j].is_word and j not in linked


# Words that stand for a term said before ("plays a key role in it", "has a connection to all
# of this"): the other side of a link, and no claim of their own.
_REFERRING = _set("it this these them those")


def _refers(part: list[tuple[int, Token]]) -> bool:
    """Whether the words are only a word that stands for a term ("it", "all of this")."""
    said = [t.norm for _, t in part if t.norm not in ("all", "of")]
    return bool(said) and all(w in _REFERRING for w in said)


def _placed(item: list[tuple[int, Token]]) -> list[list[tuple[int, Token]]]:
    """The item cut at its placing prepositions."""
    parts: list[list[tuple[int, Token]]] = [[]]
    for k, tok in item:
        if tok.norm in _PLACING:
            parts.append([])
        else:
            parts[-1].append((k, tok))
    return parts


def _glued(tok: Token, sentence: Sentence | None) -> bool:
    """Whether the number is written against a letter or a formula's sign ("n^2" in
    "O(n^2)", "O(1)", "top-5", "x2"): a part of a name or formula, not a figure ("about
    20 GB", "(20 GB)")."""
    if sentence is None:
        return False
    a, b = tok.start - sentence.start, tok.end - sentence.start
    text = sentence.text
    before = text[a - 1] if a > 0 else ""
    after = text[b] if b < len(text) else ""
    if before == "(" and a > 1 and text[a - 2].isalpha():
        return True  # "O(1)"
    return before.isalpha() or before in _GLUE or after.isalpha() or after in _GLUE


_GLUE = frozenset("^-_*/")


def _hyphenated(tok: Token, sentence: Sentence | None) -> bool:
    """Whether the word is joined to a neighbour by a hyphen ("define-by-run",
    "click-through rates", "by-product"): a part of a name."""
    if sentence is None:
        return False
    a, b = tok.start - sentence.start, tok.end - sentence.start
    text = sentence.text
    return (a > 1 and text[a - 1] == "-" and text[a - 2].isalnum()) or (
        b + 1 < len(text) and text[b] == "-" and text[b + 1].isalnum()
    )


def _compound_tail(tok: Token, sentence: Sentence | None) -> bool:
    """Whether the word ends a hyphenated compound ("k-means", "re-ranks"): a name's part,
    not a verb of its own."""
    if sentence is None:
        return False
    a = tok.start - sentence.start
    text = sentence.text
    return a > 1 and text[a - 1] == "-" and text[a - 2].isalnum()


def _acts(
    item: Sequence[tuple[int, Token]],
    toks: Sequence[Token],
    linked: set[int],
    sentence: Sentence | None = None,
) -> bool:
    """Whether a term (its words, with their positions in the clause) holds a verb of its
    own, so that it is a claim, not a term: after a subject pronoun, an auxiliary or an
    infinitive "to" ("we fit", "can reduce", "to average"), a verb's -s form between two
    words ("bagging reduces variance"; "bootstrap samples" ends on a noun), an -ed form
    after a word or a copula ("models trained", "are trained"; "mixed precision" opens on an
    adjective), a verb before its object ("reducing the variance", "put the pieces"), an -ing
    form opening the
    words right after the link before a word of substance ("is about reducing overfitting":
    a purpose, where "is central to warmup, decay and range tests" names terms and "is
    central to measuring it" names none). Determiners do not count as words here, nor the
    last word of a hyphenated name ("k-means", "copy-on-write")."""
    p = phrases()
    said = [(k, t) for k, t in item if t.norm not in _DETERMINERS]
    last = len(said) - 1
    for j, (k, tok) in enumerate(said):
        if not is_verb(tok) or _compound_tail(tok, sentence):
            continue
        w = tok.norm
        inflected = tok.stem != w  # "trained", "reduces"; not "speed", "process"
        # The word before it, past adverbs ("can actually contact" has its auxiliary).
        b = k - 1
        while b > 0 and b not in linked and toks[b].norm in p.link_adverbs:
            b -= 1
        before = toks[b] if k and b >= 0 and b not in linked else None
        if before is not None and before.norm == "to" and _shapes_a_whole(toks, k):
            continue
        if before is not None and (
            before.norm in _SUBJECTS
            or before.norm == "to"
            or (before.norm in p.auxiliaries and before.norm not in _COPULAS)
            or (before.norm in _COPULAS and inflected and w.endswith("ed"))  # "are trained"
        ):
            return True
        after = toks[k + 1].norm if k + 1 < len(toks) else ""
        if after in p.link_adverbs and k + 2 in linked:
            after = ""  # "the eval switch each have a place": "each" floats before the link
        if after in _OBJECT_OPENERS and not (inflected and w.endswith("ed")):
            return True  # "reducing the variance", "put the pieces in a list"
        # A participle with its own complement ("scored on the criteria that matter",
        # "trained on ImageNet"): a claim about the term before it. Not "of" ("the
        # accumulated of ..." is no participle phrase).
        if inflected and w.endswith("ed") and after in _PLACING and after != "of":
            return True
        if w.endswith("ing"):
            if (
                j == 0
                and k - 1 in linked
                and toks[k - 1].norm in _PURPOSE
                and any(t.norm not in STOPWORDS for _, t in said[1:])
            ):
                return True  # "are both about reducing overfitting": what they are for
            continue
        if inflected and w.endswith("ed") and j > 0:
            # An adverb opening the term before it and a noun after it make it an adjective
            # ("fully connected layers", "randomly initialised centroids"); inside a phrase
            # it may be a participle ("prevalence from randomly sampled messages").
            if j == 1 and j < last and said[0][1].norm.endswith("ly"):
                continue
            return True
        if (
            inflected
            and w.endswith("s")
            and 0 < j < last
            and after not in _NOUN_OF
            and said[j - 1][1].norm not in _PREPOSITIONS
        ):
            # Not before "of" or "per", nor after a preposition: nouns ("samples per
            # leaf", "the business of oscillations in narrow valleys").
            return True
    return False


def _shapes_a_whole(toks: Sequence[Token], k: int) -> bool:
    """Whether the infinitive at position k only acts on a whole named by a metaphor that
    ends the clause ("come together with A to shape the optimisation landscape", "to
    complete the picture"): a purpose with nothing to check. "To reduce the variance" acts
    on a thing."""
    rest = [t for t in toks[k + 1 :] if t.is_word]
    wholes = phrases().association_wholes
    return 0 < len(rest) <= LIST_ITEM_WORDS and rest[-1].norm in wholes and toks[-1].is_word


# Words a verb's -s form does not go straight on with; a noun does ("the whole business of
# X", "minimum samples per leaf").
_NOUN_OF = _set("of per")


def _fixed_positions(
    stems: Sequence[str], i: int, phrase: tuple[str | None, ...]
) -> list[int] | None:
    """The positions of the phrase's own words matched at i (its `*` gaps left out: the
    words there stay the clause's terms), or None."""
    if not phrase:
        return []
    head, rest = phrase[0], phrase[1:]
    if head is None:
        for skip in range(0, 5):
            if skip and (i + skip - 1 >= len(stems) or not stems[i + skip - 1][:1].isalnum()):
                return None
            found = _fixed_positions(stems, i + skip, rest)
            if found is not None:
                return found
        return None
    if head == CLAUSE_END:
        return [] if i == len(stems) or not stems[i][:1].isalnum() else None
    if i < len(stems) and stems[i] == head:
        found = _fixed_positions(stems, i + 1, rest)
        return None if found is None else [i, *found]
    return None


def _is_head(item: list[Token]) -> bool:
    """A claim that can introduce a list: three words or more with a subject and a verb
    ("I'd use", "we tracked", "the features include"), not a verb phrase ("set to zero
    with probability", "rolled back")."""
    words = [t for t in item if t.is_word]
    # A frame that opens the item ("it is not true that X", "some people say that X")
    # claims nothing of its own: what heads the list is what follows it, and a lone term
    # there ("It is not true that GIL, mutex, bytecode...") heads nothing.
    p = phrases()
    stems = [t.stem for t in words]
    for table in (p.denial_frames, p.report_frames):
        opening = [b for a, b in _spans(stems, table) if a == 0]
        if opening:
            words = words[max(opening) :]
            stems = stems[max(opening) :]
    if len(words) < 3:
        return False
    for k, t in enumerate(words[1:], start=1):
        if _tensed(t) or (t.norm.endswith("s") and is_verb(t)):
            return True
        if is_verb(t) and words[k - 1].norm in _PRONOUNS:
            return True
    return False


# ---------------------------------------------------------------------------- roles


Contrast = tuple[str, int, tuple[str, ...]]  # (group, side, stems)


@dataclass(frozen=True)
class Topic:
    """What an answer is read against: the question, and the alternatives its key points'
    listed misconceptions turn around ("the median minimises MSE" against "the mean
    minimises MSE" makes mean and median alternatives)."""

    question: str = ""
    derived: tuple[Contrast, ...] = ()
    # Its hash, worked out once: a topic is a key of the readings cached per text (claim
    # units, heads, role words), asked for tens of thousands of times a long answer, and a
    # dataclass hashes its fields again every time (a tenth of a microsecond per contrast).
    _hash: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_hash", hash((self.question, self.derived)))

    def __hash__(self) -> int:
        return self._hash

    def __reduce__(self) -> tuple[type["Topic"], tuple[str, tuple[Contrast, ...]]]:
        # Remade from its fields: a string's hash differs between processes.
        return (Topic, (self.question, self.derived))


def topic_of(
    question: str, pairs: Iterable[tuple[str, str]] = (), key_points: Iterable[str] = ()
) -> Topic:
    """The topic of a question whose key points are said wrong as in `pairs`: (key point
    text, misconception claim); `key_points`: their texts, whose subjects name the things
    the question sets against each other."""
    derived = misconception_contrasts(tuple(pairs)) + key_point_contrasts(
        tuple(key_points), question
    )
    return Topic(question, derived)


def _topic(question: "Topic | str") -> Topic:
    return question if isinstance(question, Topic) else Topic(question)


def question_contrasts(question: "Topic | str") -> tuple[Contrast, ...]:
    """Alternatives the question sets against each other ("bagging and boosting",
    "training time versus inference time", "precision, recall and the F1 score"), and
    those its misconceptions turn around."""
    topic = _topic(question)
    return _question_contrasts(topic.question) + topic.derived


# A misconception is read as its key point turned around when most of it is the same.
DERIVED_SIMILARITY = 0.5


@lru_cache(maxsize=1024)
def misconception_contrasts(pairs: tuple[tuple[str, str], ...]) -> tuple[Contrast, ...]:
    """The words a misconception swaps for its key point's, where it is otherwise the
    key point said again: one specific word for another ("mean" for "median")."""
    from difflib import SequenceMatcher

    out: list[Contrast] = []
    seen: set[frozenset[tuple[str, ...]]] = set()
    for n, (right, wrong) in enumerate(pairs):
        a = [t.stem for t in tokens(right) if t.is_word]
        b = [t.stem for t in tokens(wrong) if t.is_word]
        matcher = SequenceMatcher(None, a, b, autojunk=False)
        if matcher.ratio() < DERIVED_SIMILARITY:
            continue
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag != "replace" or i2 - i1 != 1 or j2 - j1 != 1:
                continue
            x, y = (a[i1],), (b[j1],)
            if x == y or not (_alternative_stem(x[0]) and _alternative_stem(y[0])):
                continue
            key = frozenset([x, y])
            if key in seen:
                continue
            seen.add(key)
            group = f"derived{n}.{i1}"
            out += [(group, 0, x), (group, 1, y)]
    return tuple(out)


# Key points name the things a question sets against each other as the subjects of their
# claims: "Lasso sets some coefficients to zero, while ridge shrinks all of them", "The
# validation set is used for decisions" beside "The test set is touched once". A clause
# that says one subject's predicate of another says the point the other way round.
KEY_POINT_GROUP = "keypoint"
# A subject this long is a description, not a name ("the gradient noise of small batches").
SUBJECT_WORDS = 4
_DETERMINERS = _set("the a an each every this that these those")
# Every word _opens_clause can return True for (_split asks it of no other word).
_CLAUSE_OPENERS = _set("not never so and or") | _DETERMINERS | _AFTER_COMMA | _ALWAYS
_PREPOSITIONS = _set("with for in on at under by from of to into over after before during as")


def _subject(clause: Clause) -> tuple[str, ...]:
    """The stems of the clause's subject: its content words before its first verb, when
    it opens with a noun phrase (not with a verb, as rubric-style points do)."""
    out: list[str] = []
    words = [t for t in clause.tokens if t.is_word]
    if words and words[0].norm in _PREPOSITIONS:
        return ()  # "with correlated features ridge spreads...": the subject comes later
    for k, tok in enumerate(clause.tokens):
        if out and _unlisted_verb(clause.tokens, k):
            return tuple(out) if len(out) <= SUBJECT_WORDS else ()
        if not tok.is_word:
            if out:
                return ()  # "X, Y and Z are...": a list, not one subject
            continue
        if is_verb(tok) and not tok.norm.endswith("ing"):
            # "the training set is used": a bare irregular form before an auxiliary is
            # the noun ("set", "split").
            later = [t for t in clause.tokens[k + 1 :] if t.is_word]
            noun = tok.norm in phrases().irregular and bool(later)
            noun = noun and later[0].norm in phrases().auxiliaries
            # "the test set": after a determiner, a verb's base form is a noun.
            before = [t for t in clause.tokens[:k] if t.is_word]
            noun = noun or (bool(before) and before[-1].norm in _DETERMINERS)
            if not noun:
                return tuple(out) if 0 < len(out) <= SUBJECT_WORDS and out != words else ()
        if tok.norm.endswith("ly") and out:
            continue  # "boosting usually reduces": an adverb is not part of the name
        if tok.norm in STOPWORDS or tok.norm in _ALWAYS or tok.norm in _CONTRASTIVE:
            if out:
                return ()  # "the noise of small batches": not a name
            continue
        out.append(tok.stem)
    return ()


# Negators that stand for a thing, not for a verb's denial ("none of them", Python's
# None in "Q[:, None, :]").
_NOT_VERB_NEGATORS = _set("none nothing nobody")
_BOUNDS = _set("more less fewer")


def denies_its_verb(clause: Clause) -> bool:
    """Whether the clause's own negator denies its main verb: only its subject and
    auxiliaries come before it ("every object does not keep a count", "dropout never
    rescales"), no other verb and no clause hung on a noun ("impressions that were not
    played" denies the playing, not what is said of the impressions)."""
    if clause.denial_from is None or clause.denied or clause.framed:
        return False
    negator = clause.tokens[clause.denial_from].norm
    if negator in _NOT_VERB_NEGATORS:
        return False
    after = [t.norm for t in clause.tokens[clause.denial_from + 1 : clause.denial_from + 3]]
    if negator == "no" and after[:1] != ["longer"]:
        return False  # "needs no reward model" denies a noun; "is no longer" the verb
    if len(after) == 2 and after[0] in _BOUNDS and after[1] == "than":
        return False  # "no more than two children" bounds a number, it denies nothing
    if (
        clause.denial_from > 0
        and clause.tokens[clause.denial_from - 1].norm == ":"
        and not _has_verb(clause.tokens)
    ):
        # A heading, its colon and a choice turned down, with no verb to deny ("Metrics:
        # not BLEU or ROUGE"): it turns the choice down, as "not BLEU or ROUGE" alone does,
        # and denies nothing the heading's word is said of ("At inference: not turned off"
        # has its verb, and is read as before).
        return False
    aux = phrases().auxiliaries
    before = [
        t
        for k, t in enumerate(clause.tokens[: clause.denial_from])
        if t.is_word and k not in clause.supposed
    ]
    return bool(before) and not any(
        (_finite(t) and t.norm not in aux) or t.norm in _SUBORDINATE or t.norm == "that"
        for t in before
    )


def subject(clause: Clause) -> tuple[str, ...]:
    """The stems of the clause's subject (see _subject); () when it has no plain one."""
    return _subject(clause)


def _unlisted_verb(toks: Sequence[Token], k: int) -> bool:
    """A verb the lexicon does not list, read from its form: a word in "-s" (not "-ss")
    after the subject and before a word that is not a verb ("log loss rewards calibrated
    probabilities", not "random forests use")."""
    w = toks[k].norm
    if not (w.isalpha() and len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us"))):
        return False
    if w in STOPWORDS or is_verb(toks[k]):
        return False
    later = [t for t in toks[k + 1 :] if t.is_word]
    return bool(later) and not is_verb(later[0]) and later[0].norm not in STOPWORDS


def _differ(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """What tells two subjects apart: the one word where they differ ("validation set"
    and "test set"), or the whole of each when they share nothing ("lasso", "ridge")."""
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return (a[diff[0]],), (b[diff[0]],)
    if set(a) & set(b):
        return (), ()
    return a, b


def _names_alternative(key: tuple[str, ...]) -> bool:
    return bool(key) and any(_alternative_stem(s) for s in key)


@lru_cache(maxsize=1024)
def key_point_contrasts(texts: tuple[str, ...], question: str = "") -> tuple[Contrast, ...]:
    """Alternatives named by the subjects of the key points' claims: the two subjects of
    a point that sets one against the other ("A has P, while B has Q"), and the subjects
    of points that are alike but for one word ("The training set...", "The test set...").
    Each must be named by the question too: what it asks about, not a passing word."""
    asked = {t.stem for t in tokens(question)}
    pairs: list[tuple[tuple[str, ...], tuple[str, ...]]] = []
    firsts: list[tuple[str, ...]] = []
    for text in texts:
        found = [c for c in _clauses_of(text) if any(t.is_word for t in c.tokens)]
        subjects = [(c, _subject(c)) for c in found]
        if subjects and subjects[0][1]:
            firsts.append(subjects[0][1])
        for (_, a), (c, b) in pairwise(subjects):
            if a and b and a != b and c.opener in _CONTRASTIVE:
                pairs.append(_differ(a, b))
    for i, a in enumerate(firsts):
        for b in firsts[i + 1 :]:
            if a != b and len(a) == len(b) and len(a) > 1:
                x, y = _differ(a, b)
                if len(x) == 1:
                    pairs.append((x, y))
    # Alternatives that share one are one set ("training", "validation", "test").
    groups: list[list[tuple[str, ...]]] = []
    for x, y in pairs:
        if not all(_names_alternative(k) and set(k) <= asked for k in (x, y)):
            continue
        hit = [g for g in groups if x in g or y in g]
        merged = [k for g in hit for k in g]
        for k in (x, y):
            if k not in merged:
                merged.append(k)
        groups = [g for g in groups if g not in hit] + [merged]
    out: list[Contrast] = []
    for n, group in enumerate(groups):
        out += [(f"{KEY_POINT_GROUP}{n}", side, key) for side, key in enumerate(group)]
    return tuple(out)


def _alternative_stem(s: str) -> bool:
    return (
        s.isalpha()
        and s not in STOPWORDS
        and s not in phrases().negators
        and rarity(s) >= ALTERNATIVE_RARITY
    )


_COORDINATED = re.compile(
    r"\b([a-z][a-z0-9-]*)((?:, (?:the |too |very |a |an )?[a-z][a-z0-9-]*)*),? "
    r"(?:and|or|versus|vs\.?) (?:the |too |very |a |an )?([a-z][a-z0-9-]*)(?: ([a-z]+))?"
)
# Words that are not alternatives even when coordinated ("why and how", "this or that").
_NOT_ALTERNATIVES = _set(
    """why how what when where which who whom whose is are was were be been do does did
    can could should would will may might must it its this that these those them they
    there here then than also not no yes so very more most less least much many few
    each every all any some such other another own same both either neither you your
    we our us i my me he she his her their one two three first second"""
)


# Only a question that sets things against each other names alternatives by coordinating
# them ("how do bagging and boosting differ"); elsewhere "X and Y" is often one thing.
_COMPARES = re.compile(
    r"\b(?:differ\w*|compar\w*|contrast\w*|distinguish\w*|versus|vs\.?|relate|"
    r"trade-?offs?|too \w+ or too \w+)\b"
)
# Coordinated words this informative (outside the ~300 commonest) can be alternatives;
# commoner ones ("data and information") are too loose to set against each other.
ALTERNATIVE_RARITY = 0.5


def _alternative(word: str) -> bool:
    """A word that can name an alternative: a specific content word, not a verb ("train
    and evaluate" are actions), a function word or an adverb."""
    if word in _NOT_ALTERNATIVES or word in STOPWORDS or len(word) < 2 or word.endswith("ly"):
        return False
    if any(stem(part) in phrases().verbs for part in word.split("-")):
        return False
    return rarity(word) >= ALTERNATIVE_RARITY


@lru_cache(maxsize=4096)
def _question_contrasts(question: str) -> tuple[tuple[str, int, tuple[str, ...]], ...]:
    out: list[tuple[str, int, tuple[str, ...]]] = []
    text = question.lower()
    if not _COMPARES.search(text):
        return ()
    for n, m in enumerate(_COORDINATED.finditer(text)):
        listed = [m.group(1)]
        listed += [w.strip(", ").split()[-1] for w in m.group(2).split(",") if w.strip()]
        listed.append(m.group(3))
        if m.group(4) and m.group(4) == m.group(1) and not m.group(2):
            # "training time versus inference time": the alternatives are the words before
            before = re.search(r"([a-z][a-z0-9-]*) $", text[: m.start(1)])
            if before:
                listed[0] = before.group(1)
        words = [w for w in listed if _alternative(w)]
        if len(words) < 2 or len(words) < len(listed) or len({stem(w) for w in words}) < len(words):
            continue
        for side, word in enumerate(words):
            key = tuple(t.stem for t in tokens(word))
            if key:
                out.append((f"question{n}", side, key))
    return tuple(out)


@lru_cache(maxsize=256)
def _by_first(extra: tuple[Contrast, ...]) -> dict[str, tuple[Contrast, ...]]:
    """The question's contrasts by their first stem, in their order: each word of a clause
    looks up its own instead of scanning them all (a question's topic holds dozens)."""
    out: dict[str, list[Contrast]] = {}
    for entry in extra:
        out.setdefault(entry[2][0], []).append(entry)
    return {k: tuple(v) for k, v in out.items()}


def roles_of(
    stems: Sequence[str], extra: tuple[tuple[str, int, tuple[str, ...]], ...] = ()
) -> tuple[Role, ...]:
    """The alternatives named, in order (the longest phrase wins where phrases overlap)."""
    index = phrases().contrasts_by_first
    more = _by_first(extra)
    hits: list[tuple[int, int, Role]] = []  # (-length, start, role)
    for i, first in enumerate(stems):
        for entries in (index.get(first), more.get(first)):
            for group, side, key in entries or ():
                n = len(key)
                if n == 1 or tuple(stems[i : i + n]) == key:  # key[0] is `first`
                    hits.append((-n, i, Role(group, side)))
    hits.sort(key=lambda h: (h[0], h[1]))
    found: list[tuple[int, Role]] = []
    # The things a question's key points set against each other are named whatever else
    # the words name: "test set" is held-out data (against training data) and the test
    # set (against the validation set).
    taken: dict[bool, set[int]] = {True: set(), False: set()}
    for neg_n, i, role in hits:
        span = range(i, i - neg_n)
        own = taken[role.group.startswith(KEY_POINT_GROUP)]
        if not own.intersection(span):
            found.append((i, role))
            own.update(span)
    found.sort(key=lambda f: f[0])
    return tuple(r for _, r in found)


def role_words(text: str, question: "Topic | str" = "") -> frozenset[str]:
    """Stems of the words that name alternatives in `text`."""
    return _role_stems(tuple(t.stem for t in tokens(text)), question)


def claimed_role_words(clause: Clause, question: "Topic | str" = "") -> frozenset[str]:
    """role_words of the clause's claimed_text, from the stems it already holds: its words
    read again one by one are the same words (bar a word the reader would expand again,
    "dont" of "dont's")."""
    said = [t for k, t in enumerate(clause.tokens) if k not in clause.supposed and t.is_word]
    if any(t.norm in _SLOPPY for t in said):
        return role_words(clause.claimed_text(), question)
    return _role_stems(tuple(t.stem for t in said), question)


@lru_cache(maxsize=16384)
def _role_stems(stems: tuple[str, ...], question: "Topic | str") -> frozenset[str]:
    index = phrases().contrasts_by_first
    more = _by_first(question_contrasts(question))
    out: set[str] = set()
    for i, first in enumerate(stems):
        for entries in (index.get(first), more.get(first)):
            for _, _, key in entries or ():
                if tuple(stems[i : i + len(key)]) == key:
                    out.update(key)
    return frozenset(out)


def _bindings(roles: Sequence[Role], subject: str) -> dict[int, dict[str, set[int]]]:
    """What each alternative of the `subject` set is said with: every other alternative
    named after it, up to the next alternative of the subject set."""
    out: dict[int, dict[str, set[int]]] = {}
    current: int | None = None
    for r in roles:
        if r.group == subject:
            current = r.side
            out.setdefault(current, {})
        elif current is not None:
            out[current].setdefault(r.group, set()).add(r.side)
    return out


def _binding_conflict(claim: Sequence[Role], said: Sequence[Role], shared: list[str]) -> bool:
    """Whether the clause pairs alternatives otherwise than the claim does: the claim says
    "L2 ... squared, L1 ... absolute", the clause "L1 ... squared". The subject is the
    first set of alternatives the claim names two of."""
    subject = next((g for g in shared if len({r.side for r in claim if r.group == g}) >= 2), None)
    if subject is None:
        return False
    ours, theirs = _bindings(claim, subject), _bindings(said, subject)
    for side, groups in theirs.items():
        for group, sides in groups.items():
            expected = ours.get(side, {}).get(group)
            if expected and not expected & sides:
                return True
    return False


def role_conflict(claim: Sequence[Role], said: Sequence[Role], stance: bool = True) -> bool:
    """Whether a clause naming `said` puts the alternatives the other way round from a
    claim naming `claim`: it names another alternative where the claim names one, or
    pairs two sets of alternatives differently ("bagging reduces bias" against "bagging
    reduces variance")."""
    by_claim: dict[str, list[int]] = {}
    for r in claim:
        by_claim.setdefault(r.group, []).append(r.side)
    by_said: dict[str, list[int]] = {}
    for r in said:
        by_said.setdefault(r.group, []).append(r.side)
    shared = [g for g in by_claim if g in by_said]
    for g in shared if stance else ():
        sides = set(by_claim[g])
        if len(sides) == 1 and not sides & set(by_said[g]):
            return True
    if _binding_conflict(claim, said, shared):
        return True
    # A text of several clauses names its alternatives in different clauses: a clause
    # that names one of them twice ("perfect AUC..., because AUC ignores...") is about
    # that one, not the two the other way round.
    paired = [
        g
        for g in shared
        if len(by_claim[g]) == len(by_said[g]) >= 2
        and (stance or sorted(by_claim[g]) == sorted(by_said[g]))
    ]
    # Groups named equally often are paired position by position.
    for n in {len(by_claim[g]) for g in paired}:
        together = [g for g in paired if len(by_claim[g]) == n]
        ours = sorted(zip(*(by_claim[g] for g in together), strict=True))
        theirs = sorted(zip(*(by_said[g] for g in together), strict=True))
        if ours != theirs:
            return True
    return False


# ---------------------------------------------------------------------------- terms


@lru_cache(maxsize=4096)
def _clauses_of(text: str) -> tuple[Clause, ...]:
    """The clauses of a text read on its own (no question), every status marked. Without
    roles (read() puts them on a copy) and without the both-ways reading (it sets a
    clause's status and `twinned`): no reader of it asks for them, and none changes a
    clause, so the cached reading itself is read rather than a copy."""
    return _read_marked(tuple(sentences(text)))


@lru_cache(maxsize=4096)
def _polarity_of(text: str) -> tuple[Clause, ...]:
    """The clauses of a text read on its own for its terms: their text and denials
    (_read_polarity), shared by the two readings below."""
    return _read_polarity(tuple(sentences(text)))


@lru_cache(maxsize=65536)
def marked_word_terms(text: str) -> tuple[tuple[str, str], ...]:
    """(word, term) for each content word of the text, its term marked negated ("!label")
    where it is denied: the word after a negator ("no labels"), and every word of a clause
    denied as a whole ("it is not true that a stack is LIFO", "rather than raw clicks")."""
    out: list[tuple[str, str]] = []
    for clause in _polarity_of(text):
        pairs = content_word_terms(clause.text)
        if clause.denied:
            out.extend((w, NEGATED + base_term(t)) for w, t in pairs)
        else:
            # (A disjunct under a denial is marked in the sequence alone, where cue phrases
            # match: marked here too, it kept a key point's "not for object arrays or
            # Python callbacks" from an answer's "it can't | when ... Python functions".)
            out.extend(pairs)
    return tuple(out)


def _disjoined_pieces(clause: Clause) -> list[tuple[bool, str]]:
    """The clause's text in pieces, each with whether a denial reaches it over a
    disjunction ("didn't split by time or group by user": "or group by user"); the whole
    text, not under one, for most clauses."""
    reach = clause.disjoined()
    if reach is None:
        return [(False, clause.text)]
    a, b = reach
    toks = clause.tokens
    start = toks[a].start - clause.start
    end = toks[b - 1].end - clause.start
    return [
        (False, clause.text[:start]),
        (True, clause.text[start:end]),
        (False, clause.text[end:]),
    ]


@lru_cache(maxsize=65536)
def marked_sequence(text: str) -> tuple[str, ...]:
    """Every word's term, stopwords included, in order (cue phrases match in order), the
    words of a clause denied as a whole marked negated: "it is not true that dropout is
    turned off" does not say "turned off"."""
    out: list[str] = []
    for clause in _polarity_of(text):
        if clause.denied:
            out.extend(NEGATED + term(w) for w in words(clause.text))
            continue
        for under, piece in _disjoined_pieces(clause):
            seq = [term(w) for w in words(piece)]
            out.extend(NEGATED + t if under else t for t in seq)
    return tuple(out)


def marked_terms(text: str) -> list[str]:
    return [t for _, t in marked_word_terms(text)]
