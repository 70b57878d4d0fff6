"""A claim its own sentence takes back: an exception that is its denial, a closing withdrawal.

Two shapes say a claim and drop it before the sentence ends, whatever the claim says:
- an exception that is nothing but the claim's denial or a verdict on its need: "de-identify
  the notes, unless that's unnecessary", "small batches give noisy statistics, unless they
  don't", "..., unless you don't need to". The words after "unless" name nothing of the
  topic: a pointer back or a person, auxiliaries, negators, linking verbs ("turns out to
  be") and a word of need or dismissal (lexicon `need_words`, `dismissals`). An exception
  that names when ("unless the provider already anonymised it", "unless latency doesn't
  matter") is a trade-off, and the sentence claims what it says;
- a concession followed by a closing "so" that drops what was said: "continue pre-training
  on the notes - though they're arguably useless, so maybe skip that", "..., although the
  whole history is fine too, so I wouldn't insist on it", "..., but cross-entropy also
  treats them fairly, so you may not need anything else". The sentence's last part opens
  on "so" after a turn ("though", "although", "but", "yet"), and says a dismissal (lexicon
  `dismissals`: "skip", "ignore", "don't bother") or something denied under a hedge ("so
  maybe that's not a real problem"), with at most one word of its own and no scope ("so you
  can skip it for boosting" says when, a trade-off). A consequence stated flatly ("but at
  inference it's off, so it's not needed there") claims.
Such a sentence claims nothing it says; what either side gets wrong is still read
(reports.mark_both_ways marks it as open_choices.py's sentences are).
"""

from collections.abc import Sequence
from functools import lru_cache

from interviewer.judge.clauses import Reading, Token, tokens
from interviewer.judge.lexicon import lexicon
from interviewer.judge.text import NEGATORS, STOPWORDS

_EXCEPTION = "unless"
_CONSEQUENCE = "so"
# Turns that concede the other side before a closing "so" drops the claim.
_TURNS = frozenset(["though", "although", "but", "yet", "however"])
# Pointers back at what was said, and people as an exception's subject ("unless you don't
# need to"): neither names anything of the topic.
_POINTERS = frozenset(["that", "it", "this", "they", "them", "those", "these"])
_PEOPLE = frozenset(["you", "we", "i", "one"])
# What ends a part of the sentence.
_PUNCTUATION = frozenset([",", ";", ":", "-", "(", ")", "\u2013", "\u2014"])
# Prepositions and subordinators that give what follows them a scope ("so skip it for
# boosting", "so don't bother when the data is small"): said of a word of the topic they
# say when, as a trade-off does.
_SCOPES = frozenset(
    ["for", "when", "with", "in", "on", "at", "if", "during", "under", "once", "whenever"]
)
# Past forms of dismissals that do not end in "-ed".
_IRREGULAR_PASTS = frozenset(["left", "forgot", "forgotten"])
# An exception may say nothing of its own; a withdrawal one word ("so maybe that's not a
# real problem", "so maybe don't bother selecting at all").
WITHDRAWAL_OWN_WORDS = 1


@lru_cache(maxsize=1)
def _stems() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """The stems of the dismissals, the words of need and the linking verbs; the hedges."""
    lex = lexicon()

    def stems(words: Sequence[str]) -> frozenset[str]:
        return frozenset(t.stem for w in words for t in tokens(w) if t.is_word)

    # Hedges word for word: "probably" and "probabilities" share a stem.
    hedges = frozenset(
        t.norm for w in [*lex.possibilities, *lex.possible_modals] for t in tokens(w)
    )
    return stems(lex.dismissals), stems(lex.need_words), stems(lex.linking_verbs), hedges


def _past(t: Token) -> bool:
    return t.norm.endswith("ed") or t.norm in _IRREGULAR_PASTS


def _parts(toks: Sequence[Token]) -> list[list[Token]]:
    """The sentence's word runs between punctuation."""
    out: list[list[Token]] = [[]]
    for t in toks:
        if not t.is_word and t.norm in _PUNCTUATION:
            if out[-1]:
                out.append([])
        elif t.is_word:
            out[-1].append(t)
    return [p for p in out if p]


def _own_words(part: Sequence[Token]) -> list[Token]:
    """The words of a part that say something of the topic: not stopwords, negators,
    pointers, dismissals, words of need, linking verbs or hedges."""
    dismissals, needs, links, hedges = _stems()
    said = dismissals | needs | links
    return [
        t
        for t in part
        if t.norm not in STOPWORDS
        and t.norm not in NEGATORS
        and t.norm not in _POINTERS
        and t.norm not in _PEOPLE
        and t.stem not in said
        and t.norm not in hedges
    ]


def _denying_exception(part: Sequence[Token]) -> bool:
    """Whether a part is "unless" and the claim's denial: nothing of the topic, and a word
    of need or dismissal ("unless that's unnecessary") or a negator ("unless they don't")."""
    if len(part) < 2 or part[0].norm != _EXCEPTION:
        return False
    rest = part[1:]
    dismissals, needs, _, _ = _stems()
    if _own_words(rest):
        return False
    return any(t.stem in dismissals or t.stem in needs or t.norm in NEGATORS for t in rest)


def _scoped(part: Sequence[Token]) -> bool:
    """Whether a scope word in the part is followed by a word of the topic."""
    own = {id(t) for t in _own_words(part)}
    return any(
        t.norm in _SCOPES and any(id(u) in own for u in part[k + 1 :]) for k, t in enumerate(part)
    )


def _closing_withdrawal(parts: Sequence[Sequence[Token]]) -> bool:
    """Whether the sentence's last part opens on "so" after a turn and drops the claim."""
    if len(parts) < 3:
        return False
    last = parts[-1]
    words = [t.norm for t in last]
    if len(words) < 2 or words[0] != _CONSEQUENCE:
        return False
    if words[1] == "that" and (len(words) < 3 or words[2] not in ("is", "was", "would")):
        return False  # "so that ...": a purpose, not a pointer back
    # A turn that concedes the other side, after the claim (not the sentence's opener).
    if not any(t.norm in _TURNS for p in parts[1:-1] for t in p[:2]):
        return False
    dismissals, _, _, hedges = _stems()
    rest = last[1:]
    # A dismissal told in the past is what was done ("..., so we dropped it"), not a claim
    # taken back.
    dismissed = any(t.stem in dismissals and not _past(t) for t in rest)
    hedged_denial = any(t.norm in hedges for t in rest) and any(t.norm in NEGATORS for t in rest)
    if not (dismissed or hedged_denial):
        return False
    own = _own_words(rest)
    if len(own) > WITHDRAWAL_OWN_WORDS or _scoped(rest):
        return False
    # One word of its own beside a pointer back or a hedge ("so maybe that's not a real
    # problem"); alone, it may be what the claim turns into ("so cost is not an issue").
    return not own or any(t.norm in _POINTERS or t.norm in hedges for t in rest)


def denied_sentences(reading: Reading) -> set[int]:
    """The sentences that take back their own claim (see the module)."""
    found: set[int] = set()
    for index in sorted({clause.sentence for clause in reading.clauses}):
        # The sentence's own words: its clauses keep no dash, which sets a concession off.
        parts = _parts(tokens(reading.sentences[index].text))
        if len(parts) < 2:
            continue
        if any(_denying_exception(p) for p in parts[1:]) or _closing_withdrawal(parts):
            found.add(index)
    return found
