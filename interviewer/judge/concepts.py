"""Concepts: whether a clause states a key point's content in everyday words.

A synonym is the same word (a cue or a contrast is read through it); a concept is looser:
"held aside" data is validation data, a "check" is an evaluation, a unit "switched off" is
zeroed. The lexicon's `concepts` groups are folded here and only here: they decide how much
of a key point a clause states, and, for a misconception read in other words than its claim
and cues (claims.states_difference), how much of the claim a sentence says; never whether
a clause reverses a point or says a misconception's cue.
A word keeps its polarity: a denied word names a denied concept ("no validation data" does
not state "track a validation metric").
"""

from functools import lru_cache

from interviewer.judge.text import NEGATED, base_term, term, words

CONCEPT = "~"
# How many words back a negator still denies a phrase ("do not keep it aside").
NEGATION_REACH = 3
# Articles and possessives do not tell one concept phrase from another: "keeps their
# order" says "keep the order", "the average of their scores" "the average of the scores"
# ("its" reads as "it", a pronoun that phrases keep). Each is read as "the", in phrases
# and in the words they are looked for in; a phrase without one still needs none
# ("shrinks weights" does not say "shrinking the weights").
DETERMINERS = "a an the their his her our your my this these those"


@lru_cache(maxsize=1)
def _determiners() -> frozenset[str]:
    """The determiners' terms (read when first needed: terms need the lexicon)."""
    return frozenset(term(w) for w in DETERMINERS.split())


def _as_the(t: str) -> str:
    """A term, with a determiner read as "the" (its polarity kept)."""
    if base_term(t) in _determiners():
        return NEGATED + "the" if t.startswith(NEGATED) else "the"
    return t


@lru_cache(maxsize=1)
def _concept_maps() -> tuple[dict[str, str], dict[tuple[str, ...], str]]:
    """Term -> concept, and phrase (its words' terms, in order) -> concept."""
    from interviewer.judge.lexicon import lexicon

    single: dict[str, str] = {}
    phrases: dict[tuple[str, ...], str] = {}
    for group in lexicon().concepts:
        name = CONCEPT + "_".join(term(w) for w in words(group[0]))
        for entry in group:
            ws = words(entry)
            if len(ws) == 1:
                single.setdefault(term(ws[0]), name)
            elif ws:
                phrases.setdefault(tuple(_as_the(term(w)) for w in ws), name)
    return single, phrases


@lru_cache(maxsize=1)
def _longest_phrase() -> int:
    """Words in the longest concept phrase (asked for every unit: counted once)."""
    return max((len(k) for k in _concept_maps()[1]), default=0)


def concept(t: str) -> str | None:
    """The concept a (possibly negated) term names, marked as the term is; None if none."""
    name = _concept_maps()[0].get(base_term(t))
    if name is None:
        return None
    return NEGATED + name if t.startswith(NEGATED) else name


@lru_cache(maxsize=65536)
def concepts_of(terms: frozenset[str], sequence: tuple[str, ...]) -> frozenset[str]:
    """The concepts a unit names: through its content terms, and through the concept
    phrases found in its words' terms (`sequence`, stopwords included)."""
    found = {c for t in terms if (c := concept(t)) is not None}
    phrases = _concept_maps()[1]
    if phrases and len(sequence) > 1:
        longest = _longest_phrase()
        plain = tuple(_as_the(base_term(t)) for t in sequence)
        for i in range(len(plain)):
            for n in range(min(longest, len(plain) - i), 1, -1):
                name = phrases.get(plain[i : i + n])
                if name is None:
                    continue
                denied = (
                    sequence[i].startswith(NEGATED)
                    or "not" in plain[max(0, i - NEGATION_REACH) : i]
                )
                found.add(NEGATED + name if denied else name)
                break
    return frozenset(found)


@lru_cache(maxsize=4096)
def phrase_concepts(text: str) -> dict[str, frozenset[str]]:
    """Per term of a key point's text, the concepts of the concept phrases it is part
    of: "false positives" names the concept of "false alarms", so an answer that says
    "false alarms" states both of its terms. A term keeps its own polarity."""
    from interviewer.judge.clauses import marked_sequence, marked_word_terms

    phrases = _concept_maps()[1]
    terms = [t for _, t in marked_word_terms(text)]
    sequence = marked_sequence(text)
    if not phrases or len(sequence) < 2 or not terms:
        return {}
    longest = max(len(k) for k in phrases)
    plain = tuple(_as_the(base_term(t)) for t in sequence)
    found: dict[str, set[str]] = {}
    for i in range(len(plain)):
        for n in range(min(longest, len(plain) - i), 1, -1):
            name = phrases.get(plain[i : i + n])
            if name is None:
                continue
            inside = set(plain[i : i + n])
            for t in terms:
                if base_term(t) in inside:
                    marked = NEGATED + name if t.startswith(NEGATED) else name
                    found.setdefault(t, set()).add(marked)
            break
    return {t: frozenset(names) for t, names in found.items()}


@lru_cache(maxsize=65536)
def term_concepts(t: str, text: str) -> frozenset[str]:
    """The concepts a term of the key point `text` names: its own (concept()), and those
    of the concept phrases of the text it is part of (phrase_concepts())."""
    own = concept(t)
    by_phrase = phrase_concepts(text).get(t, frozenset())
    return by_phrase | {own} if own is not None else by_phrase
