"""Claims said both ways with no closing phrase: a claim beside its twin.

A candidate who does not know which way a claim goes can say it both ways, so that
whatever is right is "said": "dropout zeroes units during training, or maybe at
inference", "precision is TP over predicted positives or over actual positives", "it
raises variance and lowers it", "Underfitting is the high-bias case. Underfitting is also
the high-variance case." The second side is the first one's twin: it says nothing the
first does not (its other words are the first side's, or hedges such as "maybe", "also"),
and it differs from it by one turn - an alternative of a contrast group said in place of
another (lexicon `contrasts`), or its polarity. Neither side is claimed; what either gets
wrong is still read (offline.py).

An explanation differs from a hedge by what changes along with the alternative: "too
high a rate diverges, too low a rate is slow" says something new of the second condition,
and "bagging reduces variance, boosting reduces bias" or "L1 zeroes weights; L2 does
not" turns two things at once, which keeps the two claims apart. Options offered as
such ("impute the mean or the median", lexicon `choices`) are not claims said both ways.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from interviewer.judge.clauses import (
    Clause,
    Reading,
    Status,
    Token,
    _spans,
    directional_groups,
    is_finite,
    merge,
    phrases,
    tokens,
    worse,
)
from interviewer.judge.lexicon import lexicon
from interviewer.judge.text import STOPWORDS

# The words that join a claim to its other side inside a clause. "and" joins one only
# before a verb ("and lowers it") or with "also" ("and also at inference").
_OR = "or"
_AND = "and"
_JOINS = frozenset([_OR, _AND])
# What ends a side: punctuation, or the next join.
_SIDE_ENDS = frozenset([",", ";", ":", ".", "!", "?", "(", ")", "-"])
# Words before "or" that make it a question of which, not a claim: "whether X or Y".
_WHICH = frozenset(["whether", "between"])
_COPULAS = frozenset(["is", "are", "was", "were", "be", "been"])
_ARTICLES = frozenset(["a", "an", "the"])
# Words that announce the two sides, not part of either ("either overshoots or ...").
_PAIRING = frozenset(["either", "both", "whether"])


@lru_cache(maxsize=1)
def _lexicon_words() -> tuple[
    frozenset[str], frozenset[str], tuple[tuple[str, ...], ...], frozenset[str]
]:
    """The hedging words a twin may add, the words that offer options, the openings of
    asides a twin may add, and the words that offer a claim as a possibility: all matched
    word for word ("probably" is not "probabilities", "use" not "useful")."""
    lex = lexicon()
    fillers = frozenset(t.norm for w in lex.twin_fillers for t in tokens(w))
    choices = frozenset(t.norm for w in lex.choices for t in tokens(w))
    asides = tuple(tuple(t.norm for t in tokens(w) if t.is_word) for w in lex.twin_asides)
    hedges = frozenset(t.norm for w in lex.twin_hedges for t in tokens(w))
    return fillers, choices, asides, hedges


@lru_cache(maxsize=4)
def _aside_openers(asides: tuple[tuple[str, ...], ...]) -> frozenset[str]:
    return frozenset(a[0] for a in asides if a)


def _without_asides(side: Sequence[Token]) -> list[Token]:
    """The side's words outside its asides: a stretch between commas that opens with the
    speaker or a hedge and names no alternative ("not sure", "I always swap them",
    "depending on the framework") says how sure the speaker is, not what the claim is."""
    asides = _lexicon_words()[2]
    if not _aside_openers(asides).intersection(t.norm for t in side):
        return [t for t in side if t.is_word]  # most sides: no aside can open there
    out: list[Token] = []
    segment: list[Token] = []
    for tok in [*side, None]:
        if tok is not None and tok.norm not in (",", ";", ":", "-"):
            segment.append(tok)
            continue
        words = tuple(t.norm for t in segment if t.is_word)
        aside = any(words[: len(a)] == a for a in asides)
        if not aside or _alternatives([t.stem for t in segment if t.is_word]):
            out.extend(t for t in segment if t.is_word)
        segment = []
    return out


@lru_cache(maxsize=1)
def _index() -> dict[str, tuple[tuple[str, int, tuple[str, ...]], ...]]:
    """The lexicon's contrast groups, and the opposites read only here (lexicon
    `twin_contrasts`, groups named "twin..."), by their first stem."""
    extra: list[tuple[str, int, tuple[str, ...]]] = []
    for g, group in enumerate(lexicon().twin_contrasts):
        for side, alternatives in enumerate(group):
            for alt in alternatives:
                key = tuple(t.stem for t in tokens(alt))
                if key:
                    extra.append((f"{_TWIN_GROUP}{g}", side, key))
    out = {k: list(v) for k, v in phrases().contrasts_by_first.items()}
    for entry in sorted(extra, key=lambda e: -len(e[2])):
        out.setdefault(entry[2][0], []).append(entry)
    return {k: tuple(v) for k, v in out.items()}


_TWIN_GROUP = "twin"


def _alternatives(stems: Sequence[str]) -> list[tuple[int, int, frozenset[tuple[str, int]]]]:
    """Where the side names alternatives of the contrast groups: each span (start, end)
    with every (group, side) its words can name. A word may name more than one group
    ("lowers" a direction of size and of change); the longest phrase wins."""
    return list(_alternatives_of(tuple(stems)))


@lru_cache(maxsize=16384)
def _alternatives_of(
    stems: tuple[str, ...],
) -> tuple[tuple[int, int, frozenset[tuple[str, int]]], ...]:
    index = _index()
    hits: list[tuple[int, int, str, int]] = []
    for i, first in enumerate(stems):
        for group, side, key in index.get(first, ()):
            n = len(key)
            if tuple(stems[i : i + n]) == key:
                hits.append((i, i + n, group, side))
    hits.sort(key=lambda h: (h[0] - h[1], h[0]))
    spans: dict[tuple[int, int], set[tuple[str, int]]] = {}
    taken: set[int] = set()
    for a, b, group, side in hits:
        if (a, b) in spans:
            spans[(a, b)].add((group, side))
        elif not taken.intersection(range(a, b)):
            spans[(a, b)] = {(group, side)}
            taken.update(range(a, b))
    return tuple(sorted((a, b, frozenset(roles)) for (a, b), roles in spans.items()))


def _negated(side: Sequence[Token]) -> bool:
    """Whether the side denies what it says: its negators and phrases that turn their
    object down ("rather than a simple average")."""
    p = phrases()
    count = sum(1 for t in side if t.norm in p.negators)
    count += len(_spans([t.stem for t in side], p.negating_phrases))
    return count % 2 == 1


def _after_copula(side: Sequence[Token], at: int) -> bool:
    """Whether the alternative at `at` says what something is ("underfitting is also the
    high-bias case"): a copula before it, past articles, hedges and other alternatives."""
    fillers = _lexicon_words()[0]
    alternative = {k for a, b, _ in _alternatives([t.stem for t in side]) for k in range(a, b)}
    for k in range(at - 1, -1, -1):
        word = side[k].norm
        if word in _COPULAS:
            return True
        if not (word in _ARTICLES or word in fillers or k in alternative):
            return False
    return False


def _offered_groups(side: Sequence[Token]) -> frozenset[str]:
    """The groups whose alternatives the side itself joins with "or" ("searches for the
    largest or the smallest element"): options it offers, not one claim."""
    stems = [t.stem for t in side]
    out: set[str] = set()
    found = _alternatives(stems)
    for (_, b, one), (c, _, two) in pairwise(found):
        if _OR in stems[b:c]:
            out.update(g for g, s in one for h, t in two if g == h and s != t)
    return frozenset(out)


def twins(first: Sequence[Token], second: Sequence[Token], either: bool) -> bool:
    """Whether `second` is `first` said the other way round and nothing more: each of its
    alternatives is one of a group `first` names, exactly one of them is another
    alternative than `first`'s or else its polarity is turned, and its other words are
    `first`'s or hedges. Two things may share what is said of them ("poorly on the
    training data and just as poorly on held-out data"): another thing counts as a turn
    only where the sides are offered as alternatives (`either`: "or", "maybe") or it is
    what the claim says something is ("underfitting is also the high-variance case");
    another direction or a turn of polarity always does."""
    one = [t for t in first if t.is_word]
    two = _without_asides(second)
    if not one or not two:
        return False
    fillers, choices, _, _ = _lexicon_words()
    one_stems = [t.stem for t in one]
    if choices.intersection(t.norm for t in one):
        return False  # options offered ("use the mean or the median")
    mine: dict[str, list[int]] = {}  # each group's sides, in the order named
    for _, _, roles in _alternatives(one_stems):
        for group, side in roles:
            mine.setdefault(group, []).append(side)
    two_stems = [t.stem for t in two]
    directional = directional_groups()
    named: set[int] = set()
    theirs: dict[str, list[tuple[int, int]]] = {}  # group -> (span, side), in order
    found = _alternatives(two_stems)
    for n, (a, b, roles) in enumerate(found):
        shared = [(g, s) for g, s in roles if g in mine]
        if not shared:
            return False  # an alternative the first side does not name: something new
        named.update(range(a, b))
        for g, side in shared:
            theirs.setdefault(g, []).append((n, side))
    # Each group's alternatives set against the first side's last ones: a side that leaves
    # out what it shares says its end again ("lowers bias or raises it").
    turned: dict[int, bool] = {}  # span -> whether it contradicts whatever joins the sides
    offered = _offered_groups(one)
    for g, said in theirs.items():
        if len(said) > len(mine[g]):
            return False  # it names the group more often: it says something more
        if g in offered:
            continue  # the first side offers the two already ("the largest or the smallest")
        for (n, side), before in zip(said, mine[g][-len(said) :], strict=True):
            if side != before:
                a = found[n][0]
                contradicts = g in directional or g.startswith(_TWIN_GROUP)
                turned[n] = turned.get(n, False) or contradicts or _after_copula(two, a)
    turns = len(turned)
    kinds = list(turned.values())
    negators = phrases().negators
    if _negated(one) != _negated(two):
        turns += 1
        kinds.append(True)
    if turns != 1:
        # None: the same claim again. Two or more: two things turned together ("L1 zeroes
        # weights; L2 does not", "divide by TP + FP for precision, by TP + FN for recall"),
        # an explanation.
        return False
    if not (either or kinds[0]):
        return False
    stated = set(one_stems)
    words = {t.norm for t in one}
    polarity_only = not named
    if polarity_only and not (either and any(t.norm in _lexicon_words()[3] for t in two)):
        # "X, or maybe not" offers the denial; a bare "not" after a comma ("distances, not
        # probabilities", "late-or-not") contrasts something else.
        return False
    for k, t in enumerate(two):
        if k in named or t.norm in negators or t.norm in fillers or t.norm in _JOINS:
            continue
        if polarity_only and t.norm not in words:
            # "..., or maybe not at it" denies something else than the first side says.
            return False
        if t.norm not in STOPWORDS and t.stem not in stated:
            return False
    return True


def _sides(clause: Clause) -> list[tuple[list[Token], list[Token], bool]]:
    """The pairs of sides a clause joins itself: what comes before "or" (from the clause's
    start) and what follows it up to the next punctuation or join; "and" joins only
    before a verb or with "also". Each with whether the sides are alternatives."""
    toks = list(clause.tokens)
    out = []
    for k, tok in enumerate(toks):
        if tok.norm not in _JOINS or k == 0:
            continue
        if any(t.norm in _WHICH for t in toks[max(0, k - 6) : k]):
            continue
        end = next(
            (j for j in range(k + 1, len(toks)) if toks[j].norm in _SIDE_ENDS | _JOINS),
            len(toks),
        )
        second = toks[k + 1 : end]
        words = [t for t in second if t.is_word]
        if not words:
            continue
        if k in clause.supposed:
            continue  # "if you start many threads or processes": a condition, not a claim
        alternatives = _alternatives([t.stem for t in words])
        turned_verb = bool(alternatives) and alternatives[0][0] == 0 and is_finite(words[0])
        if tok.norm == _AND and not (words[0].norm in _lexicon_words()[0] or turned_verb):
            # "and" joins another side only with "also" or a turned verb ("and lowers
            # it"); "train on earlier months and test on later ones" says a new verb, and
            # "before and after", "rows and columns" name two things.
            continue
        out.append((toks[:k], second, tok.norm == _OR))
    return out


def _first_side(clause: Clause) -> list[Token]:
    """What a clause opened by "or" offers: up to its first punctuation ("or raises it,
    and variance goes the other way" offers "raises it"); a clause opened otherwise, all
    of it."""
    if clause.opener != _OR:
        return list(clause.tokens)
    words = [t for t in clause.tokens if t.norm != _OR]
    end = next((j for j, t in enumerate(words) if t.norm in _SIDE_ENDS), len(words))
    return words[:end]


# A clause is offered as another possibility by a hedge among its first words.
_OFFERED_WITHIN = 3


def _offered(clause: Clause) -> bool:
    """Whether the clause is offered as another possibility: it opens with "or", or with
    "maybe", "could be" (lexicon `twin_hedges`), past an aside ("not sure, could be X")."""
    hedges = _lexicon_words()[3]
    opening = _without_asides(clause.tokens)[:_OFFERED_WITHIN]
    return clause.opener == _OR or any(t.norm in hedges for t in opening)


def _turns_something(side: Sequence[Token]) -> bool:
    """Whether the side names an alternative or denies: else it is no twin of anything
    (most clauses, read no further)."""
    return bool(_alternatives([t.stem for t in side if t.is_word])) or _negated(side)


def mark_twins(reading: Reading) -> None:
    """Clauses that say a claim and its twin: inside one clause ("X or Y"), a clause and
    the one before it in its sentence, or a sentence and the one before, each read from
    its start (what comes before a clause, "if it is too simple, ...", is part of its
    claim). Neither side is claimed."""
    found = reading.clauses
    undecided: set[int] = set()
    for k, clause in enumerate(found):
        if any(twins(a, b, either) for a, b, either in _sides(clause)):
            undecided.add(k)
        if k and found[k - 1].sentence == clause.sentence:
            side = _first_side(clause)
            if _turns_something(side) and twins(found[k - 1].tokens, side, _offered(clause)):
                undecided.update((k - 1, k))
            continue
        # The first clause of a sentence against the sentence before, read from its start
        # to each of its clauses' ends.
        before = [j for j in range(k) if found[j].sentence == clause.sentence - 1]
        mine = [j for j in range(k, len(found)) if found[j].sentence == clause.sentence]
        if not before:
            continue
        turning = False
        offered = False
        for m in mine:
            # Cheap tests first: a sentence that names no alternative and denies nothing is
            # no twin (most sentences).
            turning = turning or _turns_something(found[m].tokens)
            offered = offered or _offered(found[m])
            if not turning:
                continue
            said = [t for j in mine if j <= m for t in found[j].tokens]
            prefix: list[Token] = []
            for j in before:
                prefix += found[j].tokens
                if twins(prefix, said, offered):
                    undecided.update(i for i in before if i <= j)
                    undecided.update(i for i in mine if i <= m)
    leave_undecided(found, undecided)


# Words around "or" that do not offer another side: "either way", "or so", "whether or not".
_NOT_OFFERED_AFTER = frozenset(["so", "not", "more", "less", "two", "three"])


def leave_undecided(found: Sequence[Clause], undecided: set[int]) -> None:
    """The clauses at `undecided` claim neither side, and neither does what hangs on them
    ("..., so the expected value matches", "which..."): it follows from a claim not made."""
    for k in sorted(undecided):
        for j in range(k + 1, len(found)):
            after = found[j]
            if after.sentence != found[k].sentence or not (
                after.subordinate or after.opener == "so"
            ):
                break
            undecided.add(j)
    for k in undecided:
        found[k].status = worse(found[k].status, Status.undecided)
        found[k].twinned = True


def names_alternatives(text: str) -> bool:
    """Whether a side's text names an alternative: only such a side can state a point the
    other way round by its alternatives."""
    return bool(_alternatives([t.stem for t in tokens(text) if t.is_word]))


@dataclass(frozen=True)
class Offered:
    """Two sides a claim offers as alternatives, each as a claim of its own: the second
    with the first's subject where it opens on a verb ("A high rate either overshoots,
    or makes training slow" offers "a high rate overshoots" and "a high rate makes
    training slow")."""

    clause: Clause  # what the answer says: both sides
    first: str
    second: str


def _text(toks: Sequence[Token]) -> str:
    return " ".join(t.norm for t in toks if t.is_word)


def _subject(toks: Sequence[Token]) -> list[Token]:
    """What comes before the side's verb: its first finite word that is not a copula or
    an auxiliary ("a learning rate that is too high | overshoots")."""
    aux = phrases().auxiliaries
    for k, tok in enumerate(toks):
        if k and tok.is_word and tok.norm not in aux and is_finite(tok):
            return list(toks[:k])
    return []


def _with_subject(first: Sequence[Token], second: Sequence[Token]) -> list[Token]:
    """The second side as a claim: with the first side's subject when, past its hedges and
    a pronoun ("maybe it"), it opens on a verb."""
    words = [t for t in second if t.is_word]
    fillers = _lexicon_words()[0]
    k = 0
    while k < len(words) and words[k].norm in fillers and not is_finite(words[k]):
        k += 1
    if k < len(words) and is_finite(words[k]) and words[k].norm not in phrases().auxiliaries:
        subject = [t for t in _subject(first) if t.norm not in _PAIRING]
        if subject:
            return [*subject, *words[k:]]
    return words


def offered_alternatives(found: Sequence[Clause]) -> list[Offered]:
    """The claims that offer two sides as alternatives: a claim with "or" between two
    parts, each with words ("either overshoots and diverges or makes training slow"), or
    a claim with the one after it in its sentence that opens with "or" ("X, or maybe it
    Y"). Not "whether X or Y", "or so", "either way"."""
    out: list[Offered] = []
    for k, clause in enumerate(found):
        opens = k > 0 and found[k - 1].sentence != clause.sentence
        if opens and _offered(clause):
            # A sentence offered as another possibility ("Not sure, could be that it just
            # makes training slow", "Or maybe it ...") against the claim of the sentence
            # before (its first clause, which names its subject).
            head = next(c for c in found if c.sentence == found[k - 1].sentence)
            offered = [t for t in _without_asides(clause.tokens) if t.norm != _OR]
            out.append(
                Offered(
                    merge([head, clause]),
                    _text(head.tokens),
                    _text(_with_subject(head.tokens, offered)),
                )
            )
        following = found[k + 1] if k + 1 < len(found) else None
        if (
            following is not None
            and following.opener == _OR
            and following.sentence == clause.sentence
        ):
            second = [t for t in following.tokens if t.norm != _OR]
            out.append(
                Offered(
                    merge([clause, following]),
                    _text(clause.tokens),
                    _text(_with_subject(clause.tokens, second)),
                )
            )
            continue
        toks = clause.tokens
        for i, tok in enumerate(toks):
            if tok.norm != _OR or not any(t.is_word for t in toks[:i]):
                continue
            after = next((t for t in toks[i + 1 :] if t.is_word), None)
            if after is None or after.norm in _NOT_OFFERED_AFTER:
                continue
            if any(t.norm in _WHICH for t in toks[max(0, i - 6) : i]):
                continue
            first = [t for t in toks[:i] if t.norm not in _PAIRING]
            out.append(Offered(clause, _text(first), _text(_with_subject(first, toks[i + 1 :]))))
            break
    return out
