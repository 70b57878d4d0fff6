"""A story's key point said not done, in another form of the point's own word.

A story's key points describe what the candidate should have done ("still gave a clear
recommendation and what would change it"), and a story that went the other way says so in
its own words: "so I didn't recommend anything". The denial names the point's action in
another form of its word (recommend / recommendation), which the point's cue phrases do not
say and whose share of the point's words is too small for the denial readings, so it was
read as nothing: the point was neither covered nor got wrong, and the story kept its
structure's credit. Read here: a clause in which the speaker denies an action ("I", "we"
before the negator; the action the first word the denial reaches) that is one of the
point's own words in any form (one stem) is the point said not done. offline.py reads it
as the point said the wrong way round by denial, which yields to the point stated
elsewhere ("I didn't recommend launching at once; I recommended a two-week extension").

A word of the point's own is one of its text's words that the question does not say (the
question's words name the topic, not the action: "present results" is asked, not done)
and that is not one of the words a rubric describes a point with (lexicon
`point_frame_words`: "states", "describes"), outside what the point itself turns down
("... with data rather than by asking for a favour", "... rather than picking a
favourite"): a story that says "I didn't ask for a favour" agrees with such a point.

The denial must be the speaker's: the speaker is the subject of the negated verb, with
nothing between them but auxiliaries, light words and a decision (lexicon
`undone_deciding_words`: "I decided not to escalate", "we chose not to"). A negator
further on says what another did or was ("I traced it to files nobody deleted", "the
calls we made didn't change whether they left").
"""

from collections.abc import Iterable, Sequence
from functools import lru_cache

from interviewer.domain.question import KeyPoint
from interviewer.judge.clauses import Clause, Token, phrases, read, tokens
from interviewer.judge.lexicon import lexicon
from interviewer.judge.text import NEGATORS, STOPWORDS, sentences, stem

# The auxiliary of the past perfect: a denial after it tells the backstory.
_BACKSTORY = frozenset(["had"])


def _forms_of(one: str, other: str) -> bool:
    """Whether the two words are forms of one word: one stem ("recommend" and
    "recommendation", "define" and "defined"; not "checked" and "checklist")."""
    return stem(one) == stem(other)


@lru_cache(maxsize=1)
def _frames() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon().point_frame_words)


def _words(text: str) -> list[str]:
    return [w.strip(".,;:()'\"").lower() for w in text.split()]


def own_words(kp: KeyPoint, question: str) -> frozenset[str]:
    """The point's own words: in what its text asks for (not in what it turns down), not
    said by the question (in any form), not a word rubrics describe points with, not a
    stopword."""
    asked = {stem(w) for w in _words(question)}
    return frozenset(
        w
        for w in _asked_for(kp.text)
        if w.isalpha() and w not in STOPWORDS and w not in _frames() and stem(w) not in asked
    )


@lru_cache(maxsize=1024)
def _asked_for(text: str) -> tuple[str, ...]:
    """The words of a point's text outside what it turns down ("rather than picking a
    favourite", "rather than by asking for a favour"); a point that asks for a denial
    ("said no to some requests") keeps its words."""
    kept = [c.text for c in read(sentences(text)).clauses if not c.denied]
    return tuple(_words(" ".join(kept)))


def denied_action(clause: Clause) -> str | None:
    """The action a clause of the speaker's own says was not done: the first word its
    denial reaches past auxiliaries and the light words before an action (lexicon
    `undone_light_words`: "I didn't really get to recommend", "we never managed to agree"),
    with the speaker ("I", "we") before the negator. What a denial says of anything else
    ("anything not disputed in that window counted as fine", "the model didn't overfit")
    or later in its reach ("I didn't have a label for every row") is not an action undone.
    Not in a condition ("if we didn't ..."): that supposes, it does not tell."""
    reach = denied_reach(clause)
    return reach[0].norm if reach else None


def denied_reach(clause: Clause) -> tuple[Token, ...]:
    """What a clause of the speaker's own denies: its words from the action the denial
    reaches (see denied_action) to where the denial stops; empty when it denies no action
    of the speaker's."""
    at = clause.denial_from
    if not clause.negated or at is None or at in clause.supposed:
        return ()
    if not _speakers_own(clause.tokens[:at]):
        return ()
    if at > 0 and clause.tokens[at - 1].norm in _BACKSTORY:
        # "it was my mistake, I had not tested the join": what went before the story's
        # events, the cause a failure story owns, not what the speaker left undone in it.
        return ()
    skip = _light() | phrases().auxiliaries | NEGATORS | {"to"}
    stop = len(clause.tokens) if clause.denial_to is None else clause.denial_to
    for k in range(at, stop):
        t = clause.tokens[k]
        if not t.is_word:
            return ()
        if t.norm not in skip:
            # Up to the first mark: what follows a comma is another phrase ("for the ones
            # I couldn't take, I went back to each person and explained why").
            reach = []
            for w in clause.tokens[k:stop]:
                if not w.is_word:
                    break
                reach.append(w)
            return tuple(reach)
    return ()


def _speakers_own(before: Sequence[Token]) -> bool:
    """Whether the speaker is the subject of what the negator denies: the last word before
    it that is the speaker, with only auxiliaries, light words and a decision between."""
    speaker = _speaker()
    between = {*_light(), *_deciding(), *phrases().auxiliaries, "to"}
    for t in reversed(before):
        if t.norm in speaker:
            return True
        if t.is_word and t.norm not in between:
            return False
    return False


@lru_cache(maxsize=1)
def _deciding() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon().undone_deciding_words)


@lru_cache(maxsize=1)
def _speaker() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon().first_person)


@lru_cache(maxsize=1)
def _light() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon().undone_light_words)


def said_undone(
    key_points: Sequence[KeyPoint], question: str, claimed: Iterable[Clause]
) -> list[tuple[KeyPoint, Clause]]:
    """Each key point a clause says was not done, with the first such clause: its denied
    action is one of the point's own words, or what it denies says one of the point's
    cues ("I didn't look for the root cause", "so I didn't compute error rates by
    group")."""
    owns = {kp.id: own_words(kp, question) for kp in key_points}
    found: list[tuple[KeyPoint, Clause]] = []
    for clause in claimed:
        reach = denied_reach(clause)
        if not reach:
            continue
        action = reach[0].norm
        stems = [t.stem for t in reach]
        for kp in key_points:
            if any(kp is k for k, _ in found):
                continue
            if any(_forms_of(action, w) for w in owns[kp.id]) or any(
                _says(_cue_stems(c), stems) for c in kp.cues
            ):
                found.append((kp, clause))
    return found


@lru_cache(maxsize=4096)
def _cue_stems(cue: str) -> tuple[str, ...]:
    return tuple(t.stem for t in tokens(cue) if t.is_word)


def _says(cue: tuple[str, ...], stems: Sequence[str]) -> bool:
    """Whether the words say the cue, word for word (each in any form)."""
    n = len(cue)
    return n > 0 and any(tuple(stems[k : k + n]) == cue for k in range(len(stems) - n + 1))
