"""A passage that takes back what came before it, read clause by clause.

`retractions.py` reads one sentence that names the whole answer ("I take all of that
back", "none of that is true"). A candidate as often takes an answer back in a short
passage of plain clauses, none of which names the whole: "Actually, I'm withdrawing that.
I don't trust my reasoning here, and I'd rather say I don't know." Each clause alone could
take back one detail or hedge one figure; together they disown what came before. A part
of a sentence (between punctuation) is read as one of:

- `withdraws`: a take-back verb (`retract_verbs`: "withdraw *", "walk * back", "set *
  aside") whose object points back at what was said ("that", "it", "those points", "my
  reasoning", "what I've said so far"), said by the speaker (only the speaker's frame
  stands before it, `retract_frames`: "I want to", "let me", "please") and not in the past
  ("we scrapped it after the pilot" tells a story);
- `disowns`: the speaker's present negated stance (`retract_stances`) on what points back
  ("I don't trust my reasoning here", "I'm not sure about any of those points", "I don't
  think I've got this right", "I'm not confident it's right"), or the answer said to be
  another's or not known at all (`disowning.py`: "that wasn't my project", "I'm
  describing what a colleague did", "I don't know how any of it was sourced");
- `denies`: what points back said not to be so ("that's not really what happened", "it
  didn't happen like that"), limited to no case ("... in the first release"), or to be
  what the speaker wishes had happened (`disowning.counterfactual`: "that's what I wish I
  had done");
- `abstains`: a wish that it not count, or to give no answer (`retract_wishes` with
  `retract_abstentions`: "I'd rather they didn't count as my answer", "I'd rather not
  answer than guess", "I'd prefer to skip this one", "I'd rather say I don't know");
- `lacks`: the speaker has no example of their own or never did it ("I don't actually have
  an example", "I've never worked on multilingual NLP");
- `whole`: a part `retractions.py` reads as taking back the whole answer.

Two such parts within three sentences, one of them pointing back (the first three kinds or
`whole`), take back everything before the first one's sentence, wherever the passage
stands: a candidate may withdraw a first attempt and start again, and what follows counts.
One alone is a hedge or a slip put right; a part followed in its sentence by a claim that
restates ("scratch that, it's 3x not 2x") puts one detail right and is not counted; words
in quotation marks are someone else's ("my manager said 'forget that, I don't trust those
numbers'"), and a part that supposes or tells the story's past is none (the guards of
`retractions.py`).
"""

import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache

from interviewer.judge import retractions
from interviewer.judge.clauses import Token, _match_at, _spans, phrases, tokens
from interviewer.judge.lexicon import lexicon

# Parts read together: the sentence that points back and the next two ("Sorry, I want to
# take that back. I'm not sure about any of it, and I'd rather it didn't count.").
WINDOW_SENTENCES = 3
# Parts needed, at least one pointing back: one is a hedge or a slip put right.
PARTS_NEEDED = 2

# A part that takes back the whole by itself: a disowning verb on what is marked as the
# whole ("I retract the whole thing", "I'll take it back entirely"), a take-back on what
# names the speaker's words ("forget I said any of that", "I'd like to retract the
# answer"), any take-back verb on a quantified whole closing the part ("so please set all
# of that aside", "I'll recant all that"), a wish that the speaker's words or the whole
# not be counted ("I'd sooner you didn't mark what I said"), or a request that it be
# regarded as no answer ("treat it as if I haven't answered") or asked not to be taken as
# the speaker's answer ("please don't take any of it as my answer"). It counts as a
# passage of its own.
DISCLAIMS = "disclaims"
# What points back at the answer as read from another's text ("I read this in a prep
# guide", disowning.sourced): a passage with no other part pointing back needs a part
# beside it that is neither another source nor the speaker's lack of practice
# (`INEXPERIENCED`: "I've never applied it at work" beside "I learned all of this from the
# book" is an honest answer; "I don't really understand it" beside it disowns it).
SOURCES = "sources"
INEXPERIENCED = "inexperienced"
POINTING = frozenset({"withdraws", "disowns", "denies", "whole", DISCLAIMS, SOURCES})

# Someone else's words, in quotation marks ('...', "...", curly quotes); an apostrophe
# inside a word ("don't") does not end them.
_QUOTED = re.compile(
    r"(?:(?<=^)|(?<=[\s(,:]))(?:'(?:[^']|(?<=\w)'(?=\w))+'|\"[^\"]+\"|\u2018[^\u2019]+\u2019"
    r"|\u201c[^\u201d]+\u201d)"
)
_DASH = re.compile(r"\s[-\u2013\u2014]\s")
_NEGATORS = frozenset({"not", "never", "no", "none", "nothing"})
_POINTERS = frozenset({"that", "this", "those", "these", "my"})
_PRONOUNS = frozenset({"that", "it", "this", "those", "these", "them", "everything"})
# Quantifiers before "of" that reach what points back: "all of it", "every word of it",
# "any part of that", "the whole of it" (one word may stand between: "a word of").
_QUANTIFIERS = frozenset({"all", "any", "most", "each", "every", "a", "the"})
# A first-person subject opening a clause after a conjunction inside one part: "I don't
# really know how it works and I'd like to retract the answer" holds two clauses.
_CLAUSE_JOINS = frozenset({"and", "but", "so"})
# A reason of the speaker's own is a clause too: "skip over all of that | since I don't
# understand generators".
_REASONS = frozenset({"since", "because"})
# What may stand between "what I said" and its end: "what I just told you".
_HEARERS = frozenset({"you", "us"})
_SAID = frozenset({"said", "saying", "told", "telling", "described", "describing", "written"})
_SPEAKER = frozenset({"i", "me", "my", "mine", "myself"})
_PAST = re.compile(r"ed$")
_COPULA = frozenset({"is", "are", "was", "were", "does", "did", "do", "has", "have", "would"})
# The words that open an object quantified as the whole ("all of it", "any of that",
# "everything I said", "every word of it", "it all").
_WHOLE_QUANTIFIERS = frozenset({"all", "any", "every", "everything", "it"})
_THAN = "than"


@dataclass(frozen=True)
class _Lists:
    verbs: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]  # stems before/after "*"
    frames: frozenset[str]  # words
    places: frozenset[str]  # words
    nouns: frozenset[str]  # words
    stances: frozenset[str]  # stems
    present: frozenset[str]  # words
    degrees: frozenset[str]  # words
    adverbs: frozenset[str]  # words
    interjections: frozenset[str]  # words
    positives: tuple[tuple[str | None, ...], ...]  # words
    limits: frozenset[str]  # words
    wishes: frozenset[str]  # words
    abstentions: frozenset[str]  # stems
    forgoings: frozenset[str]  # stems
    rests: frozenset[str]  # words
    lacks: frozenset[str]  # words
    disowning: frozenset[str]  # stems
    whole_marks: frozenset[str]  # words
    regards: frozenset[str]  # stems
    voids: frozenset[str]  # words
    suppositions: frozenset[str]  # words
    story_times: frozenset[str]  # words
    requests: frozenset[str]  # words


def _stems(items: Sequence[str]) -> frozenset[str]:
    return frozenset(t.stem for w in items for t in tokens(w))


def _verb(item: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    before, _, after = item.partition("*")
    return (
        tuple(t.stem for t in tokens(before) if t.is_word),
        tuple(t.stem for t in tokens(after) if t.is_word),
    )


def _phrase(item: str) -> tuple[str | None, ...]:
    out: list[str | None] = []
    for w in item.split():
        out.extend([None] if w == "*" else [t.norm for t in tokens(w)])
    return tuple(out)


@lru_cache(maxsize=1)
def _lists() -> _Lists:
    lex = lexicon()
    return _Lists(
        verbs=tuple(_verb(v) for v in lex.retract_verbs),
        frames=retractions.words_of(lex.retract_frames),
        places=retractions.words_of(lex.retract_places),
        nouns=retractions.words_of([*lex.retract_answer_nouns, *lex.retract_back_nouns]),
        stances=_stems(lex.retract_stances),
        present=retractions.words_of(lex.retract_present),
        degrees=retractions.words_of(lex.retract_degrees),
        adverbs=retractions.words_of(lex.retract_adverbs),
        interjections=retractions.words_of(lex.retract_interjections),
        positives=tuple(_phrase(p) for p in [*lex.retract_positives, *lex.retract_so]),
        limits=retractions.words_of(lex.retract_limits),
        wishes=retractions.words_of(lex.retract_wishes),
        abstentions=_stems(lex.retract_abstentions),
        forgoings=_stems(lex.retract_forgoings),
        rests=retractions.words_of(lex.retract_rests),
        lacks=retractions.words_of(lex.retract_lacks),
        disowning=_stems(lex.retract_disowning_verbs),
        whole_marks=retractions.words_of(lex.retract_whole_marks),
        regards=_stems(lex.retract_regards),
        voids=retractions.words_of(lex.retract_voids),
        suppositions=retractions.words_of(lex.retract_suppositions),
        story_times=retractions.words_of(lex.retract_story_times),
        requests=retractions.words_of(lex.retract_requests),
    )


def passage(texts: Sequence[str]) -> tuple[int, frozenset[int]] | None:
    """Where a passage that takes back what came before starts, and the sentences that
    carry its parts; None when the sentences hold none."""
    kinds = [sentence_kinds(t) for t in texts]
    for start, found in enumerate(kinds):
        if not found:
            continue
        window = range(start, min(len(kinds), start + WINDOW_SENTENCES))
        counted = [k for i in window for k in kinds[i]]
        weight = len(counted) + (PARTS_NEEDED - 1) * counted.count(DISCLAIMS)
        pointing = POINTING.intersection(counted)
        if pointing == {SOURCES} and set(counted) <= {SOURCES, INEXPERIENCED}:
            continue
        if weight >= PARTS_NEEDED and pointing:
            return start, frozenset(i for i in window if kinds[i])
    return None


@lru_cache(maxsize=4096)
def sentence_kinds(text: str) -> tuple[str, ...]:
    """What each part of the sentence does to what came before (see the module)."""
    text = _QUOTED.sub(" , ", text)
    parts = [
        clause
        for piece in _DASH.split(text)
        for p in retractions._parts(tokens(piece))
        for clause in _clauses(p)
    ]
    out: list[str] = []
    for part in parts:
        kind = _kind(part)
        if kind:
            out.append(kind)
        elif out and _restates(part):
            # "scratch that, it's 3x not 2x": one detail put right, not the answer; a
            # take-back of the whole stands whatever follows it ("all of that should be
            # struck out - it's recited, not understood").
            out = [k for k in out if k == DISCLAIMS]
    return tuple(out)


def _clauses(part: tuple[Token, ...]) -> list[tuple[Token, ...]]:
    """The part split before each conjunction that opens a clause of the speaker's own
    ("... how fine-tuning works | and I'd like to retract the answer") or a request ("I'll
    finish the sentence | but don't rely on it"): each clause is read as a part, as if a
    comma stood there."""
    out: list[tuple[Token, ...]] = []
    start = 0
    for k in range(1, len(part) - 1):
        after = tuple(t.norm for t in part[k + 1 : k + 3])
        # "... and I'd like to retract it", "... but don't rely on it", "... so please ..."
        if part[k].norm in _CLAUSE_JOINS | _REASONS and (
            after[0] == "i" or after == ("do", "not") or after[0] == "please"
        ):
            out.append(part[start:k])
            start = k
    out.append(part[start:])
    return out


def _restates(part: tuple[Token, ...]) -> bool:
    """Whether the part, past its interjections, opens with a subject of its own, not the
    speaker's frame: a claim that puts right what was taken back ("it's 3x, not 2x";
    "actually, the default is 0.5"), not "so let me drop it" or "I'm describing ..."."""
    lists = _lists()
    words = [t.norm for t in part]
    if words[:1] == ["i"] and words[1:2] not in (["mean"], ["meant"]):
        return False  # "I genuinely don't know ...": the speaker, not a claim put right
    k = past(words, 0, lists.interjections)
    if k < len(words) and _imperative(part[k].stem):
        return False  # "so treat it as if I haven't answered": said of the answer
    if whole_scope(words, k) == len(words):
        return False  # "I no longer hold that view - any of it -": the scope, not a claim
    return len(words) - k >= 2 and words[k] not in lists.frames | lists.suppositions


def _imperative(stem: str) -> bool:
    """Whether a part opening with this word asks something of what was said ("treat it
    as...", "ignore it", "disregard all of it") rather than stating a claim."""
    lists = _lists()
    return stem in lists.regards or any(before[:1] == (stem,) for before, _ in lists.verbs)


def says_something(toks: Sequence[Token]) -> bool:
    """Whether the tokens hold a word beyond the speaker's frame, interjections and
    suppositions ("Although", "you know", "hmm, no")."""
    lists = _lists()
    quiet = lists.frames | lists.interjections | lists.suppositions
    return any(t.is_word and t.norm not in quiet for t in toks)


def _kind(part: tuple[Token, ...]) -> str | None:
    lists = _lists()
    words = tuple(t.norm for t in part)
    if words[0] in lists.suppositions or lists.story_times.intersection(words):
        return None
    # Imported here: disowning reads objects with this module's `_points_back`.
    from interviewer.judge import disowning

    stems = tuple(t.stem for t in part)
    if _regarded_void(words, stems):
        return DISCLAIMS
    took = _withdraws(words, stems)
    if took:
        return took
    if _disowns(words, stems):
        return "disowns"
    if disowning.not_owned(words) or disowning.not_known(words, stems):
        return "disowns"
    if disowning.sourced(words):
        return SOURCES
    if _denies(words, stems) or disowning.counterfactual(words):
        return "denies"
    if _not_as_answer(words):
        return DISCLAIMS
    abstained = _abstains(words, stems)
    if abstained:
        return abstained
    if _lacks(words):
        return INEXPERIENCED
    if retractions._part_takes_back(part):
        return "whole"
    # Imported here: takebacks reads objects with this module's `whole_scope`.
    from interviewer.judge import takebacks

    return takebacks.part_kind(words)


def _framed(words: Sequence[str], at: int) -> bool:
    """Whether only the speaker's frame stands before `at` ("I want to", "let me",
    "please", "actually, I'm going to"): not "my manager said to ...", not "we ..."."""
    return set(words[:at]) <= _lists().frames


def _points_back(words: Sequence[str], at: int) -> int:
    """The end of an object that points back at what was said, starting at `at` ("that",
    "all of it", "those points", "my reasoning", "that whole thing", "what I've said so
    far"), or -1."""
    from interviewer.judge import takebacks

    ahead = takebacks.forward_scope(words, at)
    if ahead >= 0:
        return ahead  # "(don't count) what follows": what the take-back stands before
    lists = _lists()
    if at < len(words) and words[at] in _QUANTIFIERS:
        # "all of it", "every word of it", "the whole of that"
        for k in (at + 1, at + 2):
            if k < len(words) and words[k] == "of":
                at = k + 1
                break
        else:
            # "all that", "all this": the quantifier straight before the pointer.
            if words[at] == "all" and words[at + 1 : at + 2] in (("that",), ("this",)):
                at += 1
    if at >= len(words):
        return -1
    end = -1
    w = words[at]
    if w == "that" and at + 1 < len(words) and words[at + 1] == "i":
        at += 1  # "forget that I said any of it"
        w = words[at]
    if w in {"what", "i"} and at + 1 < len(words) and words[at + 1 - (w == "i")] == "i":
        # "what I've just said", "I said any of that", "what I told you"
        k = at + 1 + (w == "what")
        k = past(words, k, lists.present | {"just", "have", "am", "was", "ever"})
        if k < len(words) and words[k] in _SAID:
            end = past(words, k + 1, _HEARERS)
            if w == "i":
                # "I said any of that": what was said must point back too.
                follows = _points_back(words, end) if end < len(words) else end
                end = follows if follows >= 0 else -1
    elif w in _POINTERS or w == "the":
        k = at + 1
        # "that whole thing", "those points", "my reasoning", "that line of thought"
        for _ in range(3):
            if k < len(words) and words[k] in lists.nouns:
                end = k + 1
                break
            k += 1
        if (
            end < 0
            and at + 2 < len(words) + 1
            and words[at + 1 : at + 2] in (("whole",), ("entire",))
        ):
            end = at + 3 if at + 2 < len(words) else -1  # "the whole derivation"
        if end < 0 and w in _PRONOUNS:
            end = at + 1
    elif w in _PRONOUNS:
        end = at + 1
    if end < 0:
        return -1
    end = past(words, end, lists.places)
    return end


def _withdraws(words: Sequence[str], stems: Sequence[str]) -> str | None:
    """A take-back verb on what points back, said by the speaker, closing the part:
    "I'm withdrawing that", "I want to take that back", "cross all of it out, please"
    ("withdraws"); on the whole or on the speaker's words, a take-back of its own
    (`DISCLAIMS`: "I'll take it back entirely", "forget I said any of that")."""
    lists = _lists()
    said = set(stems)
    for before, after in lists.verbs:
        n = len(before)
        if n and before[0] not in said:
            continue  # the verb is not said: no offset need be asked (most clauses)
        for i in range(len(stems) - n + 1):
            if tuple(stems[i : i + n]) != before or not _framed(words, i):
                continue
            if "not" in words[:i]:
                continue  # "I'm not withdrawing that"
            if _PAST.search(words[i]) and words[i] != "need" and not _wished(words, i):
                continue  # "I scrapped it after the pilot"; not "I'd rather you ignored it"
            for start, particle in ((i + n, after), (i + n + len(after), ())):
                # "take that back" or, the particle first, "take back all of what I said"
                if not particle and tuple(stems[i + n : start]) != after:
                    continue
                end = _points_back(words, start)
                if end < 0 or tuple(stems[end : end + len(particle)]) != particle:
                    continue
                end += len(particle)
                k = past(words, end, lists.rests)
                # Closing the part, or a clause of the speaker's own after it ("take it
                # back entirely and say I don't know").
                if k < len(words) and words[k] not in {_THAN, "and"}:
                    continue
                whole = _whole_object(words, start, end, bool(lists.disowning.intersection(before)))
                if whole or _discards_all(words, i, start, k):
                    return DISCLAIMS
                return "withdraws"
    return None


def _wished(words: Sequence[str], at: int) -> bool:
    """Whether a wish stands before `at`: "I'd rather you ignored it" (a past form that
    asks, not a story's past)."""
    return bool(_lists().wishes.intersection(words[:at]))


def _discards_all(words: Sequence[str], verb: int, start: int, close: int) -> bool:
    """Whether any take-back verb at `verb` takes a quantified whole (`whole_scope`: "set
    all of that aside", "throw all that out", "please leave everything I said out") that
    closes the part, asked by the speaker: not a way into what follows ("setting all that
    aside, ..." opens with the verb), not a step of a design ("I'd throw all of that out
    and train a model": the object must close the part), not advice to the listener ("you
    can ignore all of that")."""
    if whole_scope(words, start) < 0 or close < len(words):
        return False
    if verb == 0 and words[0].endswith("ing"):
        return False
    return "you" not in words[:verb] or _wished(words, verb)


def past(words: Sequence[str], at: int, passable: AbstractSet[str]) -> int:
    """The first position from `at` whose word is not one of `passable` (`len(words)` when
    every word is): how the readings here and in disowning.py step over adverbs, degrees
    and interjections."""
    while at < len(words) and words[at] in passable:
        at += 1
    return at


def whole_scope(words: Sequence[str], at: int) -> int:
    """The end of an object from `at` that points back at everything said, quantified as
    the whole ("all of that", "all that", "any of it", "everything I said", "every word of
    it", "it all"), or -1: "that" or "the whole pipeline" may name one thing."""
    from interviewer.judge import takebacks

    ahead = takebacks.forward_scope(words, at)
    if ahead >= 0:
        return ahead  # "please don't count what follows": the whole, said before it
    if at >= len(words) or words[at] not in _WHOLE_QUANTIFIERS | {"the"}:
        return -1
    if words[at : at + 2] == ("it", "all"):
        return at + 2
    # "ignore the lot" (not "the whole pipeline": "whole" marks a noun after it)
    head = words[at + 1] if words[at] == "the" and at + 1 < len(words) else ""
    if head in _lists().whole_marks - {"whole", "entire"}:
        return at + 2
    if words[at] in {"it", "the"}:
        return -1
    return _points_back(words, at)


def _whole_object(words: Sequence[str], start: int, end: int, disowning: bool) -> bool:
    """Whether what a take-back verb takes (from `start` to `end`, with the words closing
    the part after it) is the whole answer: the speaker's words named ("what I said", "I
    said any of that", "my answer", "the answer"), or, after a verb that can take back
    only something said, anything marked whole ("the whole thing", "it ... entirely")."""
    lists = _lists()
    taken = words[start:end]
    if _SAID.intersection(taken) or "answer" in taken:
        return True
    if not disowning:
        return False
    rest = []
    for w in words[end:]:
        if w not in lists.rests and w not in lists.whole_marks:
            break
        rest.append(w)
    return bool(lists.whole_marks.intersection([*taken, *rest]))


def _regarded_void(words: Sequence[str], stems: Sequence[str]) -> bool:
    """A request that what points back be regarded as no answer: "so treat it as if I
    haven't answered", "please score this as a non-answer", "treat my answer as blank"."""
    lists = _lists()
    for i, stem in enumerate(stems):
        if stem not in lists.regards or not _framed(words, i) or "not" in words[:i]:
            continue
        end = _points_back(words, i + 1)
        if end < 0 or words[end : end + 1] != ("as",):
            continue
        rest = words[end + 1 :]
        if lists.voids.intersection(rest[:3]):
            return True  # "as unanswered", "as a non-answer", "as blank"
        if rest[:1] == ("no",) and rest[1:2] and rest[1] in lists.nouns:
            return True  # "take it as no answer"
        if rest[:2] in (("if", "i"), ("though", "i")) and _NEGATORS.intersection(rest[2:5]):
            return True  # "as if I haven't answered", "as though I said nothing"
    return False


def _disowns(words: Sequence[str], stems: Sequence[str]) -> bool:
    """The speaker's present negated stance on what points back: "I don't trust my
    reasoning here", "I'm not actually sure about any of those points", "I don't think
    I've got this right", "I'm not going to stand by that"."""
    lists = _lists()
    for n, w in enumerate(words):
        if w not in _NEGATORS - {"nothing", "none"}:
            continue
        # "I don't", "I'm not", "I'm really not": the speaker, now ("I didn't trust the
        # numbers" tells the story's past).
        if not n or words[n - 1] not in lists.present or not _framed(words, n):
            continue
        k = past(words, n + 1, lists.adverbs)
        if k >= len(words) or stems[k] not in lists.stances:
            continue
        k = past(words, k + 1, lists.adverbs)
        if _said_of_it(words, k):
            return True
    return False


def _said_of_it(words: Sequence[str], at: int) -> bool:
    """Whether the words from `at` are about what points back, as an object ("about any
    of those points", "my reasoning here") or a clause calling it right ("that's right",
    "I've got this right", "it would hold up")."""
    lists = _lists()
    if at < len(words) and words[at] in {
        "about",
        "in",
        "of",
        "on",
        "by",
        "behind",
        "with",
        "that",
        "for",
    }:
        object_end = _points_back(words, at + 1)
        if object_end >= 0 and set(words[object_end:]) <= lists.rests:
            return True
    end = _points_back(words, at)
    if end >= 0 and set(words[end:]) <= lists.rests:
        return True
    if end < 0 and tuple(words[at : at + 2]) in {("i", "have"), ("i", "am")}:
        # "I've got this right", "I have it right": the speaker's hold on it.
        k = at + 2
        if k < len(words) and words[k] in {"got", "gotten"}:
            k += 1
        end = _points_back(words, k)
    if end < 0:
        return False
    return _says_so(words, end)


def _says_so(words: Sequence[str], at: int) -> bool:
    """Whether the words from `at` call it so (a `retract_positives` or `retract_so`
    phrase after auxiliaries and degrees), limited to no case: "is really correct",
    "would hold up", "right" - not "right for a small team"."""
    lists = _lists()
    at = past(words, at, _COPULA | lists.degrees)
    for phrase in lists.positives:
        stop = _match_at(words, at, phrase)
        # "right at all" is limited to no case: "at all" strengthens it.
        limited = 0 <= stop < len(words) and words[stop] in lists.limits
        if stop >= 0 and (not limited or tuple(words[stop : stop + 2]) == ("at", "all")):
            return True
    return False


def _denies(words: Sequence[str], stems: Sequence[str]) -> bool:
    """What points back said not to be so, or called wrong: "that's not really what
    happened", "it didn't happen like that", "I think that's probably wrong", "I was
    wrong about that", "I've got it backwards"."""
    lists = _lists()
    at = past(words, 0, lists.frames - _PRONOUNS)
    if _NEGATORS.intersection(words[:at]):
        return False  # "I'm not sure that's wrong"
    if any(_owns_wrong(words, stems, i + 1) for i in range(at + 1) if words[i : i + 1] == ("i",)):
        return True
    end = _points_back(words, at)
    if end < 0:
        return False
    k = past(words, end, _COPULA)
    if k == end or k >= len(words):
        return False
    if words[k] == "not":
        return _says_so(words, k + 1)
    # A bare "that's wrong" refutes the claim before it (a misconception named to be
    # denied); "that's probably wrong", "my reasoning is wrong" are the speaker's own.
    return _called_wrong(words, stems, k, graded=words[at] not in {"my", "what"})


def _called_wrong(
    words: Sequence[str], stems: Sequence[str], at: int, graded: bool = False
) -> bool:
    """Whether the words from `at` call it wrong (`retract_verdicts`, after degrees; with
    `graded`, only after one) and close the part: "probably wrong", "all backwards" - not
    "wrong for a small team"."""
    lists = _lists()
    start = at
    at = past(words, at, lists.degrees)
    if graded and at == start:
        return False
    for phrase in phrases().retract_verdicts.candidates(stems[at]) if at < len(words) else ():
        stop = _match_at(stems, at, phrase)
        if stop >= 0 and set(words[stop:]) <= lists.rests:
            return True
    return False


def _owns_wrong(words: Sequence[str], stems: Sequence[str], at: int) -> bool:
    """After "I": "(was) wrong about that", "('ve) got it (all) wrong"."""
    lists = _lists()
    at = past(words, at, _COPULA | {"am", "been", "just"})
    if at < len(words) and words[at] in {"got", "gotten", "have"}:
        end = _points_back(words, at + 1)
        return end >= 0 and _called_wrong(words, stems, end)
    k = past(words, at, lists.degrees)
    verdicts = phrases().retract_verdicts.candidates(stems[k]) if k < len(words) else ()
    for phrase in verdicts:
        stop = _match_at(stems, k, phrase)
        if stop >= 0 and words[stop : stop + 1] == ("about",):
            end = _points_back(words, stop + 1)
            if end >= 0 and set(words[end:]) <= lists.rests:
                return True
    return False


def _abstains(words: Sequence[str], stems: Sequence[str]) -> str | None:
    """A wish that it not count, or to give no answer: "I'd rather they didn't count as
    my answer", "I'd rather not answer than guess", "I'd prefer to skip this one", "I'd
    rather say nothing than mislead you", "I'd rather say I don't know" ("abstains"). A
    wish that what points back not be counted, named as its object, takes it back ("I'd
    sooner you didn't mark that story": "withdraws"), the whole when the object is the
    whole or the speaker's words ("I'd sooner you didn't mark what I said", "I'd rather
    you didn't grade any of that": `DISCLAIMS`)."""
    found = _wished_away(words, stems)
    if found is None:
        return None
    if found < 0:
        return "abstains"
    said = _SAID.intersection(words[found:]) or "answer" in words[found:]
    return DISCLAIMS if said or whole_scope(words, found) >= 0 else "withdraws"


def _wished_away(words: Sequence[str], stems: Sequence[str]) -> int | None:
    """Where the object of a wish that it not count starts (see `_abstains`), -1 when the
    wish has no object pointing back, None when the part holds no such wish."""
    lists = _lists()
    wished = [i for i, w in enumerate(words) if w in lists.wishes and _framed(words, i)]
    k = past(words, 0, (lists.interjections - _SPEAKER) | _CLAUSE_JOINS)
    if tuple(words[k : k + 2]) == ("do", "not"):
        wished.append(k)  # "don't count that": a wish in the imperative
    j = past(words, k, lists.requests)
    if j > k and "you" in words[k:j] and words[j : j + 1] == ("not",):
        wished.append(j - 1)  # "could you just not count that?": a request put as a question
    if not wished:
        return None
    after = min(wished) + 1
    denied = "not" in words[:after]  # "I wouldn't want it to count"
    for k in range(after, len(words)):
        rest = words[k + 1 :]
        closes = set(rest) <= lists.rests or rest[:1] == (_THAN,) or _on_what_was_said(words, k + 1)
        if words[k] in _NEGATORS:
            denied = True
            if words[k] in {"nothing", "none"} and closes:
                return -1  # "I'd rather say nothing than mislead you"
            if words[k] == "no" and k + 1 < len(words) and words[k + 1] in lists.nouns:
                return -1  # "I'd rather give no example than an invented one"
        elif stems[k] in lists.abstentions and denied and _object_closes(words, k + 1):
            return k + 1  # "I'd sooner you didn't mark what I said"
        elif stems[k] in lists.abstentions and denied and closes:
            return -1  # "I'd rather they didn't count as my answer"
        elif stems[k] in lists.forgoings and not denied and closes:
            return -1  # "I'd prefer to skip this one"
    # "I'd rather say I don't know (which number to trust)": the speaker's own answer.
    said = [k for k in range(after, len(words)) if words[k] == "say"]
    found = (
        any(start == said[0] + 1 for start, _ in _spans(words, retractions._lists().ignorance))
        if said
        else retractions._ignorant(tuple(words[after:]))
    )
    return -1 if found else None


def _not_as_answer(words: Sequence[str]) -> bool:
    """A wish or request that what points back not be taken as the speaker's answer:
    "please don't take any of it as my answer", "I'd ask you not to treat that as my
    answer", "I'd rather that not be taken as my answer", "I'd rather none of that went
    down as my answer", "I wouldn't want any of that counted as mine" (`retract_as_verbs`;
    the object after the verb or, passive, before it). "As my answer" names the answer,
    so the part takes it back by itself; "I wouldn't take the 10 ms budget as the answer
    for every market" points back at nothing, "don't take my word for the exact figure"
    takes nothing as the answer."""
    lists = _lists()
    for a in range(2, len(words) - 1):
        if words[a] != "as":
            continue
        rest = words[a + 1 :]
        if rest[:1] == ("mine",):
            close = 1
        elif rest[:1] == ("my",):
            close = 2 + (rest[1:2] == ("own",))
            if len(rest) < close or rest[close - 1] not in lists.nouns | {"own"}:
                continue
        else:
            continue
        if not set(rest[close:]) <= lists.rests:
            continue
        for verb in range(1, a):
            if words[verb] not in _as_verbs():
                continue
            # The object after the verb, or before it as a passive's subject: "take any
            # of it as", "that not be taken as", "none of that went down as".
            if verb + 1 < a and _object_end(words[:a], verb + 1) == a:
                k = verb + 1  # read up to "as": "that as my answer" is not "that answer"
            elif words[verb + 1 : a] in ((), ("down",)):
                found = [j for j in range(verb) if _ends_at(words[:verb], j)]
                if not found:
                    continue
                k = found[0]
            else:
                continue
            denied = _NEGATORS.intersection(words[:a]) or words[k] == "none"
            before = set(words[:k]) - {words[verb]} if k > verb else set(words[:k])
            if denied and before <= lists.frames | lists.wishes | lists.requests | {"ask"}:
                return True
    return False


def _object_end(words: Sequence[str], at: int) -> int:
    """The end of what points back from `at`, "none of" it too ("none of that")."""
    if words[at : at + 2] == ("none", "of"):
        return _points_back(words, at + 2)
    return _points_back(words, at)


def _ends_at(words: Sequence[str], at: int) -> bool:
    """Whether what points back from `at` ends the words before a passive's verb with only
    its auxiliaries and negators after it ("that | not be | (taken)")."""
    end = _object_end(words, at)
    return end >= 0 and set(words[end:]) <= {"not", "be", "been", "being", "to", "is", "was", "get"}


@lru_cache(maxsize=1)
def _as_verbs() -> frozenset[str]:
    return retractions.words_of(lexicon().retract_as_verbs)


def _object_closes(words: Sequence[str], at: int) -> bool:
    """Whether the words from `at` are an object pointing back that closes the part:
    "(mark) what I said", "(grade) any of that", "(count) that story"."""
    end = _points_back(words, at)
    return end >= 0 and set(words[end:]) <= _lists().rests


def _on_what_was_said(words: Sequence[str], at: int) -> bool:
    """Whether the words from `at` are a preposition and what points back, closing the
    part: "(graded) on what I just said", "(count) for any of that"."""
    if words[at : at + 1] not in (("on",), ("for",), ("by",)):
        return False
    end = _points_back(words, at + 1)
    return end >= 0 and set(words[end:]) <= _lists().rests


def _lacks(words: Sequence[str]) -> bool:
    """The speaker has no example of their own, or never did it: "I don't actually have
    an example", "I've never worked on multilingual NLP"."""
    lists = _lists()
    k = past(words, 0, lists.frames - _SPEAKER)
    words = words[k:]
    if tuple(words[:3]) == ("i", "have", "never"):
        return True
    if tuple(words[:3]) == ("i", "do", "not"):
        rest = [w for w in words[3:] if w not in lists.degrees]
        return rest[:1] == ["have"] and bool(lists.lacks.intersection(rest[1:5]))
    return False
