"""A story's key point said not done, in another form of the point's own word.

A story's key points describe what the candidate should have done ("still gave a clear
recommendation", "stated the uncertainty ... (a range, a likelihood)"), and a story that
went the other way says so in its own words: "so I didn't recommend anything", "I didn't
want to put a number on the likely effect". The denial names the point's action in
another form of its word (recommend / recommendation, likely / likelihood), which the
judge's stems and the point's cue phrases do not meet, so the denial was read as
nothing: the point was neither covered nor got wrong, and the story kept its structure's
credit. Read here: a clause of the story whose denial (from its negator, or after
"without") says a word of the point's own in another form is the point said not done.
offline.py reads it as the point said the wrong way round by denial, which yields to the
point stated elsewhere ("I didn't recommend launching at once; I recommended a two-week
extension" states it).

A word of the point's own is one of its text's words that the question does not say (the
question's words name the topic, not the action: "present results" is asked, not done)
and that is not one of the words a rubric describes a point with (lexicon
`point_frame_words`: "states", "describes").
"""

from collections.abc import Iterable, Sequence
from functools import lru_cache

from interviewer.domain.question import KeyPoint
from interviewer.judge.clauses import Clause
from interviewer.judge.lexicon import lexicon

# Two forms of one word share at least this many letters from their start, and all but
# at most FORM_ENDING letters of the shorter one ("recommend" / "recommendation", "likely"
# / "likelihood", "agreed" / "agreement"). A shorter stem meets words that are not forms of
# each other ("deci-" of "decimal" and "decided").
FORM_PREFIX = 5
FORM_ENDING = 3
# The words that turn what follows down, up to the next comma: "ended without a decision".
_WITHOUT = frozenset(["without"])


def _forms_of(one: str, other: str) -> bool:
    """Whether the two words are forms of one word (by their shared opening letters)."""
    shared = 0
    for a, b in zip(one, other, strict=False):
        if a != b:
            break
        shared += 1
    return shared >= FORM_PREFIX and shared >= min(len(one), len(other)) - FORM_ENDING


@lru_cache(maxsize=1)
def _frames() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon().point_frame_words)


def _words(text: str) -> list[str]:
    return [w.strip(".,;:()'\"").lower() for w in text.split()]


def own_words(kp: KeyPoint, question: str) -> frozenset[str]:
    """The point's own words: in its text, long enough to be read by form, not said by the
    question (in any form), not a word rubrics describe points with."""
    asked = [w for w in _words(question) if len(w) >= FORM_PREFIX]
    return frozenset(
        w
        for w in _words(kp.text)
        if len(w) >= FORM_PREFIX
        and w.isalpha()
        and w not in _frames()
        and not any(_forms_of(w, a) for a in asked)
    )


def denied_words(clause: Clause) -> list[str]:
    """The words the clause denies: from its negator on (as far as its denial reaches),
    and what "without" turns down up to the next comma. Not in a condition ("if we didn't
    ...") - that supposes, it does not tell."""
    out: list[str] = []
    if (
        clause.negated
        and clause.denial_from is not None
        and clause.denial_from not in clause.supposed
    ):
        out += clause.denied_text().split()
    toks = clause.tokens
    for k, t in enumerate(toks):
        if t.norm in _WITHOUT and k not in clause.supposed:
            for u in toks[k + 1 :]:
                if not u.is_word:
                    break
                out.append(u.norm)
    return out


def said_undone(
    key_points: Sequence[KeyPoint], question: str, claimed: Iterable[Clause]
) -> list[tuple[KeyPoint, Clause]]:
    """Each key point a clause says was not done, with the first such clause."""
    owns = {kp.id: own_words(kp, question) for kp in key_points}
    found: list[tuple[KeyPoint, Clause]] = []
    for clause in claimed:
        denied = [w for w in denied_words(clause) if len(w) >= FORM_PREFIX]
        if not denied:
            continue
        for kp in key_points:
            if any(kp is k for k, _ in found):
                continue
            if any(_forms_of(d, w) for d in denied for w in owns[kp.id]):
                found.append((kp, clause))
    return found
