"""A whole answer disowned rather than taken back: said to be someone else's, or not
known at all.

A candidate who has told a story or an explanation that is not theirs does not say "I
retract that"; they say whose it is and that they do not know it: "that wasn't my project;
I'm describing what a colleague did. I don't actually know how any of it was sourced or
labelled." `withdrawals.py` reads a passage of such parts; this module reads two of its
part kinds (each counted as "disowns", one part of the two a passage needs):

- not owned: what points back said not to be the speaker's ("that wasn't my project",
  "it isn't really me", "none of that was my work"), or to be another's ("it's my
  manager's project", `retract_others`), or the speaker retelling another's
  (`retract_retellings`: "I'm describing what a colleague did"), or another doing the
  whole ("my manager drove all of it"), or the speaker denying any part in the whole
  (`retract_takings_part`: "I wasn't involved in any of it");
- not known: the speaker's present denial of knowing (`retract_unknowns`) the whole ("I
  don't understand any of it") or a clause whose subject is the whole ("I don't actually
  know how any of it was sourced", `retract_wh`), not limited to a case ("whether any of
  that changes with approximate search" hedges an extension).

The scope is what keeps one detail out: one piece credited to a colleague ("the labelling
pipeline was my colleague's; I built the features", "that was my manager's call",
`retract_pieces`), or one thing not known ("I don't know the exact range CPython caches"),
names no whole.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from interviewer.judge import retractions
from interviewer.judge.clauses import tokens
from interviewer.judge.lexicon import lexicon

_NEGATORS = frozenset({"not", "never", "no"})
_COPULA = frozenset({"is", "was", "are", "were"})
_SPEAKER_OWN = frozenset({"my", "mine", "me", "myself"})
# The team's voice: "our team did all of it" tells the speaker's own story.
_TEAM = frozenset({"we", "our", "us"})
# Words that may stand between the copula and its owner: "wasn't really my project".
_BETWEEN = frozenset({"really", "actually", "even", "ever", "truly", "honestly", "all", "a", "the"})


@dataclass(frozen=True)
class _Lists:
    others: frozenset[str]  # words
    pieces: frozenset[str]  # words
    retellings: frozenset[str]  # words
    takings_part: frozenset[str]  # words
    unknowns: frozenset[str]  # stems
    wh: frozenset[str]  # words
    frames: frozenset[str]  # words
    interjections: frozenset[str]  # words
    adverbs: frozenset[str]  # words
    present: frozenset[str]  # words
    rests: frozenset[str]  # words
    limits: frozenset[str]  # words


@lru_cache(maxsize=1)
def _lists() -> _Lists:
    lex = lexicon()
    words = retractions.words_of
    return _Lists(
        others=words(lex.retract_others),
        pieces=words(lex.retract_pieces),
        retellings=words(lex.retract_retellings),
        takings_part=words(lex.retract_takings_part),
        unknowns=frozenset(t.stem for w in lex.retract_unknowns for t in tokens(w) if t.is_word),
        wh=words(lex.retract_wh),
        frames=words(lex.retract_frames),
        interjections=words(lex.retract_interjections),
        adverbs=words(lex.retract_adverbs),
        present=words(lex.retract_present),
        rests=words(lex.retract_rests),
        limits=words(lex.retract_limits),
    )


def not_owned(words: Sequence[str]) -> bool:
    """Whether the part says the answer is not the speaker's (see the module)."""
    from interviewer.judge import withdrawals  # withdrawals calls this module

    lists = _lists()
    if _TEAM.intersection(words):
        return False
    at = withdrawals.past(words, 0, lists.interjections - {"i"})
    if _retells(words, at) or _another_did_all(words, at) or _took_no_part(words, at):
        return True
    # What points back, or none of it: "that wasn't my project", "none of it is my own".
    negated = words[at : at + 2] == ("none", "of")
    start = at + 2 if negated else at
    end = withdrawals._points_back(words, start)
    # "that was my work": a pointer's noun is looked for past the copula; the subject
    # ends at it.
    end = next((k for k in range(start + 1, end) if words[k] in _COPULA), end)
    if end < 0 or lists.pieces.intersection(words[start:end]):
        return False
    if end >= len(words) or words[end] not in _COPULA:
        return False
    k = end + 1
    while k < len(words) and (words[k] in _NEGATORS or words[k] in _BETWEEN):
        negated = negated or words[k] in _NEGATORS
        k += 1
    owner = words[k : k + 4]
    if lists.pieces.intersection(owner):
        return False  # "that wasn't my idea", "that was my manager's call"
    if negated:
        return bool(owner) and owner[0] in _SPEAKER_OWN
    # "it's my manager's project", "it's a story a friend told me"
    return bool(lists.others.intersection(owner))


def _retells(words: Sequence[str], at: int) -> bool:
    """ "I'm describing what a colleague did", "I'm repeating his work"."""
    if words[at : at + 2] != ("i", "am"):
        return False
    k = at + 2
    if k >= len(words) or words[k] not in _lists().retellings:
        return False
    return bool(_lists().others.intersection(words[k + 1 : k + 5]))


def _another_did_all(words: Sequence[str], at: int) -> bool:
    """Another doing the whole, closing the part: "my manager drove all of it"."""
    from interviewer.judge import withdrawals

    lists = _lists()
    subject = words[at : at + 3]
    if not lists.others.intersection(subject) or "i" in subject:
        return False
    for k in range(at + 1, len(words)):
        end = withdrawals.whole_scope(words, k)
        if end >= 0 and set(words[end:]) <= lists.rests:
            return True
    return False


def _took_no_part(words: Sequence[str], at: int) -> bool:
    """The speaker denying any part in the whole: "I wasn't involved in any of it", "I had
    no part in any of that", "I didn't build any of it myself"."""
    from interviewer.judge import withdrawals

    lists = _lists()
    if words[at : at + 1] != ("i",):
        return False
    k = at + 1
    while k < len(words) and words[k] not in _NEGATORS and k < at + 3:
        k += 1
    if k >= len(words) or words[k] not in _NEGATORS:
        return False
    verbs = [j for j in range(k + 1, min(len(words), k + 4)) if words[j] in lists.takings_part]
    for j in verbs:
        for start in (j + 1, j + 2):  # "involved in any of it", "built any of it"
            end = withdrawals.whole_scope(words, start)
            if end >= 0 and set(words[end:]) <= lists.rests | {"myself"}:
                return True
    return False


def not_known(words: Sequence[str], stems: Sequence[str]) -> bool:
    """Whether the speaker denies knowing the whole, now (see the module)."""
    from interviewer.judge import withdrawals

    lists = _lists()
    for n, w in enumerate(words):
        if w not in _NEGATORS or "i" not in words[:n]:
            continue
        # "I don't", "I couldn't", "I really don't": the speaker now, nothing else before.
        if not set(words[:n]) <= lists.frames | lists.present | {"could"}:
            continue
        k = withdrawals.past(words, n + 1, lists.adverbs)
        if k >= len(words) or stems[k] not in lists.unknowns:
            continue
        k += 1
        if k < len(words) and words[k] == "you":
            k += 1  # "I couldn't tell you how any of it was checked"
        if k < len(words) and words[k] in lists.wh:
            end = withdrawals.whole_scope(words, k + 1)
            # The whole as the clause's subject, its predicate limited to no case.
            if end >= 0 and not lists.limits.intersection(words[end:]):
                return True
        end = withdrawals.whole_scope(words, k)
        if end >= 0 and set(words[end:]) <= lists.rests | {"properly"}:
            return True  # "I don't know any of this properly"
    return False
