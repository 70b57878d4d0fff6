"""Claims offered as possibilities beside one another: neither is claimed.

A candidate who does not know which way a claim goes can offer another in its place:
"Q(s, a) is the expected return, or maybe it is just the immediate reward", "the
exponential perhaps models waiting times, or possibly the number of events in an
interval", "V(s) could be the expected return, or it might be the immediate reward",
"swapping the order may or may not help". The second side need not be the first's twin
(twins.py reads those): whatever it says, "X, or maybe Y" commits to neither. The second
side opens on the offer, directly after "or" or after a pronoun that keeps the first
side's subject: a sentence adverb ("or maybe", "or possibly"; lexicon `possibilities`)
offers it whatever the first side says; a modal ("or it might", "or may not"; lexicon
`possible_modals`) only beside a first side offered as a possibility too ("could be
..."), since "the loss drops, or it may plateau" can tell what happens next. A second side
with a subject of its own ("..., or the targets might be moving too fast") is another
hypothesis, as a diagnosis lists them; one with a condition of its own ("..., or it might
underfit if the model is too small") says when, an explanation; options offered with a
verb of choice ("you could use QR, or maybe SVD") are options (lexicon `choices`). What
either side gets wrong is still read (offline.py, as for twins).
"""

from collections.abc import Sequence
from functools import lru_cache

from interviewer.judge.clauses import Clause, Reading, Token, tokens
from interviewer.judge.lexicon import lexicon
from interviewer.judge.twins import leave_undecided

_OR = "or"
# Pronouns that keep the first side's subject in the second ("or it might be the reward").
_SAME_SUBJECT = frozenset(["it", "they", "this", "that", "these", "those", "each", "he", "she"])
# Words that make a side's claim hold under a condition of its own: an explanation of
# when, not the claim said another way ("..., or it might underfit if the data is tiny";
# "a value that may or may not change depending on the program").
_CONDITIONS = frozenset(["if", "when", "whenever", "unless", "once", "depending"])
# The speaker or the listener as a side's subject: what they could do, offered as options
# ("you could add dropout, or maybe weight decay"; "I'd initialise with He, or maybe
# Xavier"), not a claim about the topic. Read among a side's first words.
_PEOPLE = frozenset(["you", "we", "i"])
_SUBJECT_WITHIN = 3
# Words before "or" that make it a question of which ("whether X or Y"), as in twins.py.
_WHICH = frozenset(["whether", "between"])
# What ends a side: the next "or", or a clause's punctuation.
_SIDE_ENDS = frozenset([_OR, ";", ":", ".", "!", "?", "(", ")"])


@lru_cache(maxsize=1)
def _words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The sentence adverbs and the modals that offer a claim as a possibility, and the
    verbs that offer options."""
    lex = lexicon()
    adverbs = frozenset(t.norm for w in lex.possibilities for t in tokens(w))
    modals = frozenset(t.norm for w in lex.possible_modals for t in tokens(w))
    choices = frozenset(t.norm for w in lex.choices for t in tokens(w))
    return adverbs, modals, choices


def _offers_possibility(side: Sequence[Token]) -> bool:
    """Whether the first side offers its claim as a possibility."""
    adverbs, modals, _ = _words()
    return bool({t.norm for t in side} & (adverbs | modals))


def _offered_instead(first: Sequence[Token], second: Sequence[Token]) -> bool:
    """Whether the side after "or" offers another possibility in the first side's place:
    it opens on a sentence adverb, or on a modal beside a first side offered as a
    possibility, past a pronoun that keeps the subject; neither side offers options, and
    the second sets no condition of its own."""
    adverbs, modals, choices = _words()
    words = [t.norm for t in second if t.is_word]
    if not words or _CONDITIONS.intersection(words) or choices.intersection(words):
        return False
    if choices.intersection(t.norm for t in first):
        return False
    if _PEOPLE.intersection(t.norm for t in [t for t in first if t.is_word][:_SUBJECT_WITHIN]):
        return False  # what the speaker or listener could do: options
    opening = words[1] if words[0] in _SAME_SUBJECT and len(words) > 1 else words[0]
    if opening in adverbs:
        return True
    return opening in modals and _offers_possibility(first)


def _second_side(toks: Sequence[Token], at: int) -> list[Token]:
    """The side after the "or" at `at`, up to the next "or" or the clause's end."""
    end = next((j for j in range(at + 1, len(toks)) if toks[j].norm in _SIDE_ENDS), len(toks))
    return list(toks[at + 1 : end])


def _asks_which(toks: Sequence[Token], at: int) -> bool:
    return any(t.norm in _WHICH for t in toks[max(0, at - 6) : at])


def offered_both(found: Sequence[Clause]) -> set[int]:
    """The clauses that offer a claim as a possibility beside another: inside one clause
    ("X might be A, or perhaps B"), or a clause and the clause before it in its sentence
    ("V(s) could be the return, | or it might be the reward")."""
    out: set[int] = set()
    for k, clause in enumerate(found):
        toks = clause.tokens
        for i, tok in enumerate(toks):
            if tok.norm != _OR or i == 0 or _asks_which(toks, i):
                continue
            if _offered_instead(toks[:i], _second_side(toks, i)) and not _conditioned(found, k):
                out.add(k)
                break
        if (
            clause.opener == _OR
            and k
            and found[k - 1].sentence == clause.sentence
            and toks
            and toks[0].norm == _OR
            and not _WHICH.intersection(t.norm for t in found[k - 1].tokens)
            and not _conditioned(found, k)
            and _offered_instead(found[k - 1].tokens, _second_side(toks, 0))
        ):
            out.update((k - 1, k))
    return out


def _conditioned(found: Sequence[Clause], k: int) -> bool:
    """Whether a clause that hangs on clause `k` sets it a condition ("..., or it might
    diverge | if the rate is too high")."""
    after = found[k + 1] if k + 1 < len(found) else None
    return (
        after is not None
        and after.sentence == found[k].sentence
        and after.subordinate
        and after.opener in _CONDITIONS
    )


def mark_possibilities(reading: Reading) -> None:
    """Neither of two claims offered as possibilities beside one another is claimed; what
    hangs on either ("..., so the mean might be stable") follows from no claim."""
    leave_undecided(reading.clauses, offered_both(reading.clauses))
