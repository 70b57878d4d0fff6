"""A whole answer taken back by the structure of its sentence, not by its verb's voice.

`withdrawals.py` reads a take-back said by the speaker in the active voice ("I take it
back", "please ignore that"). A candidate says the same in other structures, each read
here as what the part refers to (the whole answer: `withdrawals.whole_scope`, or a
pointer marked whole, "that whole answer") and what it does to it (withdraws it):

- the whole as the subject of a passive take-back (`retract_participles` after a modal
  and "be", `retract_modals`): "all of that should be struck out", "that whole answer
  ought to be thrown away", "everything above should be treated as void";
- a change of the speaker's mind whose object is what was said (`retract_mind_changes`):
  "I've changed my mind about all of it", "I've talked myself out of every bit of that" -
  the whole, or a pointer ("I no longer hold that view"), which needs a second part;
- the speaker unable to say how the thing asked works (`retract_unknowns` + `retract_wh`
  after a present negator: "I can't say what a generator actually does"): not pointing
  back, so it counts only beside a part that does ("scratch that - I had it mixed up with
  async code, and I can't say what a generator does").

The scope is what keeps one detail out: "the last partial batch should be dropped", "any
config picked on the test set should be thrown out" name no whole; "but I changed my
mind: it's self-supervised" changes the mind on no object and names its replacement.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from interviewer.judge import retractions
from interviewer.judge.clauses import Table, _spans, tokens
from interviewer.judge.lexicon import lexicon
from interviewer.judge.withdrawals import past

_BE = frozenset({"be", "been"})
_NEGATORS = frozenset({"not", "never", "no"})
_SPEAKER = "i"


@dataclass(frozen=True)
class _Lists:
    participles: frozenset[str]  # words
    modals: frozenset[str]  # words
    particles: frozenset[str]  # words
    regarded: frozenset[str]  # words
    voids: frozenset[str]  # words
    mind_changes: Table  # words
    objects: frozenset[str]  # words
    openers: frozenset[str]  # words
    rests: frozenset[str]  # words
    unknowns: frozenset[str]  # stems
    wh: frozenset[str]  # words
    present: frozenset[str]  # words
    adverbs: frozenset[str]  # words
    frames: frozenset[str]  # words
    uncounted: frozenset[str]  # words
    asks: frozenset[str]  # words
    forwards: Table  # words
    pretends: frozenset[str]  # words
    keeping: frozenset[str]  # words
    assemblies: frozenset[str]  # words
    nesting: frozenset[str]  # words


def _phrases(items: Sequence[str]) -> Table:
    out: list[tuple[str | None, ...]] = [
        tuple(t.norm for t in tokens(item) if t.is_word) for item in items
    ]
    return Table.of(out)


@lru_cache(maxsize=1)
def _lists() -> _Lists:
    lex = lexicon()
    words = retractions.words_of
    return _Lists(
        participles=words(lex.retract_participles),
        modals=words(lex.retract_modals),
        particles=words(lex.retract_particles),
        regarded=words(lex.retract_regarded),
        voids=words(lex.retract_voids),
        mind_changes=_phrases(lex.retract_mind_changes),
        objects=words(["about", "on", "of", "with"]),
        openers=words([*lex.retract_interjections, *lex.retract_openers]),
        rests=words([*lex.retract_rests, *lex.retract_ignorance_words]),
        unknowns=frozenset(t.stem for w in lex.retract_unknowns for t in tokens(w) if t.is_word),
        wh=words(lex.retract_wh),
        present=words(lex.retract_present),
        adverbs=words(lex.retract_adverbs),
        frames=words(lex.retract_frames),
        uncounted=words(lex.retract_uncounted),
        asks=words([*lex.retract_frames, *lex.retract_wishes, *lex.retract_requests]),
        forwards=_phrases(lex.retract_forwards),
        pretends=words(lex.retract_pretends),
        keeping=words(lex.retract_keeping_verbs),
        assemblies=words(lex.retract_assemblies),
        nesting=words(lex.retract_nesting_stances),
    )


def part_kind(words: tuple[str, ...]) -> str | None:
    """What the part does to the answer, in `withdrawals`' kinds: "disclaims" (the whole,
    by itself), "withdraws" (what points back), "lacks" (the topic not known), or None."""
    passive = _passive_whole(words)
    if passive:
        return passive
    if _pretends_unsaid(words):
        return "disclaims"
    changed = _mind_changed(words)
    if changed:
        return changed
    if _denies_any(words) or _nested_stance(words):
        return "disowns"
    if _assembled(words):
        return "lacks"
    return "lacks" if _cannot_say(words) or knows_nothing_of(words) else None


def _whole_subject(words: Sequence[str], at: int) -> int:
    """The end of a subject from `at` that is the whole answer: quantified ("all of that",
    "everything above", "everything I said") or a pointer marked whole ("that whole
    answer", "my entire answer"), else -1."""
    from interviewer.judge import withdrawals

    ends = [withdrawals.whole_scope(words, at)]
    marks = retractions._lists().wholes | {"answer", "everything", "all"}
    for start, stop in retractions._scopes(tuple(words)):
        if start == at and marks.intersection(words[start:stop]):
            ends.append(stop)  # "everything I said", "that whole answer"
    return max(ends)


def _subject_starts(words: tuple[str, ...]) -> list[int]:
    """Where the part's subject may start: past its openers ("and really, ..."), or past
    the speaker's request ending in "that" ("I'd ask that none of it be scored")."""
    lists = _lists()
    at = 0
    while at < len(words) and words[at] in lists.openers:
        at += 1
    out = [at]
    if "that" in words:
        k = words.index("that")
        if k and set(words[:k]) <= lists.asks | {"ask", "request", "suggest"}:
            out.append(k + 1)
    return out


def _passive_whole(words: tuple[str, ...]) -> str | None:
    """The whole as the subject of a passive take-back closing the part: "all of that
    should really be struck out, though", "everything above should be treated as void",
    "I'd ask that none of it be scored" ("disclaims"); what points back, asked not to be
    counted ("that shouldn't be counted": "withdraws")."""
    from interviewer.judge import withdrawals

    lists = _lists()
    for at in _subject_starts(words):
        end = _whole_subject(words, at)
        whole = end >= 0
        none = words[at : at + 2] == ("none", "of")
        if none:
            end = withdrawals._points_back(words, at + 2)
        elif not whole:
            end = withdrawals._points_back(words, at)
        if end < 0:
            continue
        k = end
        denied = none
        while k < len(words) and (words[k] in lists.modals or words[k] in _NEGATORS):
            denied = denied or words[k] in _NEGATORS
            k += 1
        if not _BE.intersection(words[end:k]) or k >= len(words):
            continue
        closes = set(words[k + 1 :]) <= lists.rests | lists.particles
        if words[k] in lists.uncounted and denied and closes:
            return "disclaims" if whole or none else "withdraws"
        if not whole or denied:
            continue
        regarded = words[k] in lists.regarded and words[k + 1 : k + 2] == ("as",)
        if regarded and lists.voids.intersection(words[k + 2 : k + 5]):
            return "disclaims"  # "treated as void", "regarded as unsaid"
        if words[k] in lists.participles and closes:
            return "disclaims"
    return None


def _denies_any(words: tuple[str, ...]) -> bool:
    """The speaker's present denial of a verb on the whole, closing the part: "I wouldn't
    put my name to any of it", "I can't defend any of that" - one part, whatever the verb,
    but for those whose denial keeps it (`retract_keeping_verbs`: "I wouldn't change any
    of it"). A story's past ("I didn't use any of it") has no present before the negator."""
    from interviewer.judge import withdrawals

    lists = _lists()
    for n, w in enumerate(words):
        if w not in _NEGATORS or n == 0 or words[n - 1] not in lists.present | {"could"}:
            continue
        if _SPEAKER not in words[:n] or not set(words[:n]) <= lists.frames | lists.present:
            continue
        for k in range(n + 2, min(len(words), n + 6)):
            if words[k] != "any":  # "not ... all of that" grants a part
                continue
            end = withdrawals.whole_scope(words, k)
            verbs = set(words[n + 1 : k])
            if end >= 0 and set(words[end:]) <= lists.rests and not verbs & lists.keeping:
                return True
    return False


def _nested_stance(words: tuple[str, ...]) -> bool:
    """A negated stance inside "I don't think": "I don't think I actually believe that
    plan" is "I don't believe that plan" (`withdrawals._disowns` on the inner clause)."""
    from interviewer.judge import withdrawals

    lists = _lists()
    for n, w in enumerate(words):
        if w not in _NEGATORS or n == 0 or words[n - 1] not in lists.present:
            continue
        if not set(words[:n]) <= lists.frames or words[n + 1 : n + 2] != ("think",):
            continue
        inner = ("i", "do", "not", *words[n + 2 + (words[n + 2 : n + 3] == ("i",)) :])
        if words[n + 2 : n + 3] == ("i",) and withdrawals._disowns(inner, tuple(_stems(inner))):
            return True
    return False


def _stems(words: Sequence[str]) -> list[str]:
    return [t.stem for w in words for t in tokens(w) if t.is_word]


def _assembled(words: tuple[str, ...]) -> bool:
    """How the answer was assembled, said by its speaker in the perfect or progressive:
    "I've just strung together things from blog posts", "I was stringing buzzwords
    together" (not the past of a story, "I had pieced together the logs", "we")."""
    lists = _lists()
    if "together" not in words or words[:1] != ("i",):
        return False
    for k, w in enumerate(words):
        if w in lists.assemblies and "together" in words[k + 1 : k + 5]:
            gap = set(words[1:k])
            return bool(gap & {"have", "has", "was", "am", "been"}) and "had" not in gap
    return False


def _pretends_unsaid(words: tuple[str, ...]) -> bool:
    """A request to pretend it was never said: "can we pretend I never said that?",
    "let's just act as if I didn't say any of it"."""
    from interviewer.judge import withdrawals

    lists = _lists()
    for k, w in enumerate(words):
        if w not in lists.pretends or not set(words[:k]) <= lists.asks | {"we", "us", "let"}:
            continue
        rest = [x for x in words[k + 1 :] if x not in {"as", "if", "though", "that", "just"}]
        if rest[:1] != ["i"] or not _NEGATORS.intersection(rest[1:4]):
            continue
        said = [j for j, x in enumerate(rest) if x in {"said", "say", "told", "answered"}]
        if said and said[0] <= 4:
            tail = tuple(rest[said[0] + 1 :])
            end = withdrawals._points_back(tail, 0) if tail else 0
            if end >= 0 and set(tail[end:]) <= lists.rests:
                return True
    return False


def reaches_forward(texts: Sequence[str]) -> bool:
    """Whether a take-back passage's sentences reach past it: they name what follows
    (`retract_forwards`: "what follows is a guess as well") or the speaker says they do
    not know the topic at all ("I don't know dunder methods", "I can't say what a
    generator does"); a restart ("let me start again") does neither."""
    from interviewer.judge import withdrawals

    lists = _lists()
    for text in texts:
        for piece in withdrawals._DASH.split(text):
            for part in retractions._parts(tokens(piece)):
                words = tuple(t.norm for t in part)
                if _spans(words, lists.forwards) or _cannot_say(words) or knows_nothing_of(words):
                    return True
                if retractions._ignorant(words):
                    return True
    return False


def forward_scope(words: Sequence[str], at: int) -> int:
    """The end of an object from `at` that names what follows ("what follows", "what I'm
    about to say"), or -1: a take-back on it, said before the answer, takes back what
    comes after ("please don't count what follows, I'm guessing: ...")."""
    for start, end in _spans(tuple(words[at:]), _lists().forwards):
        if start == 0:
            return at + end
    return -1


def knows_nothing_of(words: tuple[str, ...]) -> bool:
    """The speaker, now, not knowing a plain topic named after the verb, closing the part:
    "I don't know dunder methods", "I don't understand generators" - not "I don't know
    the exact gamma" (a limit, `retract_limits`, or a number names one detail)."""
    lists = _lists()
    limits = retractions._lists().limits | {"exact", "exactly", "precise", "which", "whether"}
    at = 0
    while at < len(words) and words[at] in lists.openers - {"i"} | {"because", "since"}:
        at += 1
    words = words[at:]
    for n, w in enumerate(words):
        if w not in _NEGATORS or n < 2 or words[:2] != ("i", words[1]):
            continue
        if not set(words[1:n]) <= lists.present:
            continue
        k = past(words, n + 1, lists.adverbs)
        if k >= len(words) or words[k] not in {"know", "understand"}:
            continue
        rest = words[k + 1 :]
        if (
            1 <= len(rest) <= 4
            and not limits.intersection(rest)
            and not lists.wh.intersection(rest)
        ):
            return not any(x.isdigit() for x in rest)
    return False


def _mind_changed(words: tuple[str, ...]) -> str | None:
    """The speaker's change of mind on what was said: on the whole ("I've changed my mind
    about all of it", "I've talked myself out of every bit of that") it takes the answer
    back by itself; on what points back ("I no longer hold that view") it is one part."""
    from interviewer.judge import withdrawals

    lists = _lists()
    for start, end in _spans(words, lists.mind_changes):
        if not set(words[:start]) <= lists.frames or _SPEAKER not in words[: start + 1]:
            continue  # "we changed our minds after the pilot", "she talked me out of it"
        at = end + (end < len(words) and words[end] in lists.objects)
        whole = withdrawals.whole_scope(words, at)
        if whole >= 0 and set(words[whole:]) <= lists.rests:
            return "disclaims"
        stop = withdrawals._points_back(words, at)
        if stop >= 0 and set(words[stop:]) <= lists.rests:
            marked = withdrawals._whole_object(words, at, stop, True)
            return "disclaims" if marked else "withdraws"
    return None


def _cannot_say(words: tuple[str, ...]) -> bool:
    """The speaker, now, unable to say how or what the thing asked is: "I can't say what a
    generator actually does", "I really can't tell you how the policy-gradient side
    works" (a wh-clause after a not-knowing verb: one part, pointing at nothing)."""
    lists = _lists()
    for n, w in enumerate(words):
        if w not in _NEGATORS or n == 0 or words[n - 1] not in lists.present | {"could"}:
            continue
        if not set(words[:n]) <= lists.frames | lists.present | {"could"}:
            continue
        k = past(words, n + 1, lists.adverbs)
        if k >= len(words) or tokens(words[k])[0].stem not in lists.unknowns:
            continue
        k += 1
        if k < len(words) and words[k] == "you":
            k += 1
        if k < len(words) and words[k] in lists.wh and len(words) - k >= 3:
            return True
    return False
