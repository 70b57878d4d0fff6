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
- sourced: what points back said to come from another's text (`retract_sourcings`,
  `retract_sources`: "I read this in a prep guide last night", "that's a summary of a
  YouTube video", "I pieced it together from what others told me"), or to have happened
  to another ("it happened to a friend at another company");
- not known: the speaker's present denial of knowing (`retract_unknowns`) the whole ("I
  don't understand any of it") or a clause whose subject is the whole ("I don't actually
  know how any of it was sourced", `retract_wh`), not limited to a case ("whether any of
  that changes with approximate search" hedges an extension).

The scope is what keeps one detail out: one piece credited to a colleague ("the labelling
pipeline was my colleague's; I built the features", "that was my manager's call",
`retract_pieces`), or one thing not known ("I don't know the exact range CPython caches"),
names no whole; a source is read only of what points back ("I learned the copy-on-read
issue from a forum thread" names a piece), and a source the speaker understands has no
second part beside it.

`counterfactual` reads a story said to be what the speaker wishes had happened ("that's
what I wish I had done", "I'm describing how I'd like it to have gone"), a part that
`withdrawals.py` counts as denying what points back.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from interviewer.judge import retractions
from interviewer.judge.clauses import Table, _spans, tokens
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
    sources: frozenset[str]  # words
    sourcings: frozenset[str]  # words
    counterfactuals: Table  # words


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
        sources=words(lex.retract_sources),
        sourcings=words(lex.retract_sourcings),
        counterfactuals=Table.of(
            [tuple(t.norm for t in tokens(c) if t.is_word) for c in lex.retract_counterfactuals]
        ),
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
    if _happened_to_another(words, at):
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
    # "I'm repeating a textbook page I don't follow", "I'm reciting a case study I read"
    return bool((_lists().others | _lists().sources).intersection(words[k + 1 : k + 5]))


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
        if end >= 0 and end < len(words) and words[end] in {"if", "unless"}:
            return True  # "I couldn't explain any of it if you pushed me"
    return False


# Where a source is named after what points back: "(I read this) in a prep guide", "(I
# got it) from a blog post", "(I read it) out of a book"; said of what points back, not
# "in" ("that's covered in the paper" says where it is explained), but "of" after a
# source's own word ("that's a summary of a video").
_FROM = frozenset({"from", "in", "out", "off"})
_FROM_SAID_OF = frozenset({"from", "out", "off"})


def sourced(words: Sequence[str]) -> bool:
    """Whether the part says what points back came from another's text (see `_sourced`)."""
    from interviewer.judge import withdrawals

    return _sourced(words, withdrawals.past(words, 0, _lists().interjections - {"i"}))


def _sourced(words: Sequence[str], at: int) -> bool:
    """What points back said to come from another's text (`retract_sourcings` then a
    `retract_sources` word after "from", "in", "out of"...): "I read this in a prep guide
    last night", "I memorised this from a cheat sheet", "I got all of that from a vendor
    blog post", "all of this comes straight from a Stack Overflow answer", "that's a
    summary of a YouTube video", "I pieced it together from what others told me". Not a
    piece of the answer ("I learned the copy-on-read issue from a forum thread", "I read
    about ASHA in the original paper" name no pointer back), and one part only: a source
    the speaker understands has nothing beside it."""
    from interviewer.judge import withdrawals

    lists = _lists()
    places = _FROM
    if words[at : at + 1] == ("i",):
        # The speaker took it from the source: "I (just) read this in ...".
        k = withdrawals.past(words, at + 1, lists.present | lists.adverbs | {"have", "had"})
        if k >= len(words) or words[k] not in lists.sourcings or words[k] in _COPULA:
            return False
        end = withdrawals._points_back(words, k + 1)
    else:
        # What points back said to come from it: "all of this comes straight from ...".
        end = withdrawals._points_back(words, at)
        if end < 0 or end >= len(words) or words[end] not in lists.sourcings:
            return False
        end += 1
        places = _FROM_SAID_OF
    if end < 0:
        return False
    for k in range(end, min(len(words), end + 4)):
        if words[k] in places or (words[k] == "of" and words[k - 1] in lists.sources):
            return bool(lists.sources.intersection(words[k + 1 : k + 7]))
    return False


def _happened_to_another(words: Sequence[str], at: int) -> bool:
    """What points back said to have happened to another: "it happened to a friend at
    another company", "that happened to my old manager"."""
    from interviewer.judge import withdrawals

    end = withdrawals._points_back(words, at)
    if end < 0 or words[end : end + 2] != ("happened", "to"):
        return False
    owner = words[end + 2 : end + 5]
    return (
        bool(owner) and owner[0] not in _SPEAKER_OWN and bool(_lists().others.intersection(owner))
    )


def counterfactual(words: Sequence[str]) -> bool:
    """What points back said to be what the speaker wishes had happened, not what did:
    "that's what I wish I had done", "that's the retrospective I should have had, not the
    one I did", "I'm describing how I'd like it to have gone" (`retract_counterfactuals`
    in a clause of what or how, or of a noun, after the copula or a retelling verb). A
    lesson told as the speaker's own ("what I should have done sooner is insist on the
    cut line") has no subject pointing back."""
    from interviewer.judge import withdrawals

    lists = _lists()
    at = withdrawals.past(words, 0, lists.interjections - {"i"})
    if words[at : at + 2] == ("i", "am") and set(words[at + 2 : at + 3]) <= lists.retellings:
        k = at + 3  # "I'm describing what ..."
    else:
        end = withdrawals._points_back(words, at)
        if end < 0 or end >= len(words) or words[end] not in _COPULA:
            return False
        k = end + 1
        if k < len(words) and words[k] in _NEGATORS:
            return False  # "that's not what I should have done"
        k = withdrawals.past(words, k, {"really", "just", "actually", "basically", "more"})
    # "what I ...", "how it ...", "the retrospective I ...", "a version we ..."
    if k < len(words) and words[k] in {"the", "a", "an"}:
        k += 2
    elif k >= len(words) or words[k] not in {"what", "how"}:
        return False
    return any(start < 6 for start, _ in _spans(tuple(words[k:]), lists.counterfactuals))
