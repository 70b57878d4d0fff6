"""Alternatives left open in the speaker's own words, and a claim asserted and denied at once.

split_views.py reads the phrases that weigh a sentence's sides (lexicon `weighing_*`); a
speaker who does not know which side is right has many more ways to say so, and three
shapes recur whatever the words:
- a verdict on the alternatives that says nothing of the topic and closes the sentence: a
  two-way word ("either", "both", "whichever", "neither"; lexicon `open_verdict_words`) or
  a choice declined or handed over ("I can't decide", "take your pick"; `choosing_words`)
  with at most VERDICT_WORDS other content words - "X, or Y: either one holds up", "X or
  Y; I'd lean both ways". It leaves open the sentence's alternatives ("or", "though";
  lexicon `weighing_markers`), or, said as a sentence of its own, those of the sentence
  before.
  A verdict that names what it rates ("either L1 or L2 works as a penalty here", "for a
  large network I would use both") says something of the topic and is a claim; one in a
  sentence that offers no alternatives ("Gini and entropy - either is fine, because ...")
  rates options the speaker has set out, and claims they are equivalent;
- the other side given equal weight after a concession or an "or": "X, though Y is every
  bit as true", "X, although you may equally see it as Y" (lexicon `equal_weights`);
- the claim's own predicate denied right after a join, elided or restated: "the split
  holds, although it doesn't", "it both carries over and doesn't", "X learns from
  contexts, and it doesn't learn from contexts" (a pronoun or nothing as the subject, and
  nothing new: "L1 zeroes weights, but L2 does not", "but at inference it is not" claim).
Such a sentence claims none of its sides; what either side gets wrong is still read.
"""

from collections.abc import Sequence
from functools import lru_cache

from interviewer.judge.clauses import Clause, Reading, Token, _spans, phrases, tokens
from interviewer.judge.lexicon import lexicon
from interviewer.judge.text import NEGATORS, STOPWORDS

# A verdict on alternatives says who holds it and how it rates them ("I could go either
# way on that", "both show up in textbooks"): two content words at most; three name
# something of the topic ("both are scaled by a strength knob", a right answer's claim).
# Cross-validated across question groups (cv_offline_judge --grid open_verdicts): mean
# absolute error prefers more words, Spearman fewer; 3 lowered that right answer.
VERDICT_WORDS = 2
# ... and when only a comma sets it off: one ("X, or Y, both work"), as a comma also sets
# off what is said of both ("..., both shrink the weights", a claim).
COMMA_VERDICT_WORDS = 1
# Words after a two-way word that make it part of a disjunction or conjunction of the
# claim itself ("either X or Y", "both X and Y", "neither X nor Y"), not a verdict.
_JOINED = frozenset(["or", "nor", "and"])
# What joins a claim to the elided denial of its predicate.
_DENIAL_JOINS = frozenset(["and", "but", "though", "although", "yet", "or"])
# Words before a two-way word that make it a claim of scope or exclusion.
_SCOPES = NEGATORS | frozenset(
    [
        "at",
        "on",
        "in",
        "for",
        "from",
        "to",
        "across",
        "of",
        "with",
        "by",
        "between",
        "under",
        "over",
        "during",
        "than",
    ]
)
# What gives the other side equal weight after it: an "or" or a concession.
_CONCEDES = frozenset(["or", "though", "although"])
_LISTENER = frozenset(["you", "your", "yours"])
_SUBJECTS = frozenset(["it", "they", "this", "that", "these", "those"])
_AUXILIARIES = frozenset(
    [
        "do",
        "does",
        "did",
        "is",
        "are",
        "was",
        "were",
        "can",
        "could",
        "will",
        "would",
        "has",
        "have",
        "had",
        "should",
        "must",
        "may",
        "might",
    ]
)
_TRAILING = frozenset(["at", "all", "really", "always", "quite"])
# A denial elided after a verb of need ("or you might not need to", "but you don't have
# to"): the verb and its "to" stand for the claim's predicate.
_NEED_TO = frozenset(["need", "have", "want", "got"])
# The speaker or listener as the subject of an elided denial ("or you might not").
_PEOPLE = frozenset(["you", "we", "i"])
# What negates an indifference word besides the negators ("little difference").
_LITTLE = frozenset(["little"])
# What may stand before an indifference word in a verdict: a pointer at the alternatives
# or nothing as its subject, in the present ("it doesn't really matter which", "so it makes
# no real difference"). A subject of its own or the past tells what happened ("a few
# components didn't matter as much as we expected"), a claim.
_INDIFFERENT_LEAD = frozenset(
    [
        "so",
        "and",
        "but",
        "though",
        "it",
        "that",
        "this",
        "which",
        "either",
        "does",
        "do",
        "not",
        "no",
        "really",
        "much",
        "makes",
        "make",
        "little",
        "real",
        "any",
        "honestly",
        "frankly",
        "probably",
        "i",
        "think",
        "would",
        "say",
        "all",
        "at",
        "the",
        "a",
        "big",
    ]
)
# Words before a join that make the sides a question of which ("whether it holds or it
# doesn't" names a two-way event, as in split_views.py).
_WHICH = frozenset(["whether", "either"])


def _words(toks: Sequence[Token]) -> list[str]:
    return [t.norm for t in toks if t.is_word]


def _segments(clause: Clause) -> list[list[Token]]:
    """The clause's parts between dashes and colons: a verdict is often set off by one
    ("X, or Y - I'd not rank one above the other"), and the reader keeps no dash."""
    cuts = sorted(
        clause.start + k for dash in (" - ", " \u2013 ", " \u2014 ") for k in _at(clause.text, dash)
    )
    out: list[list[Token]] = [[]]
    for t in clause.tokens:
        if (cuts and t.start > cuts[0]) or t.norm == ":":
            cuts = [c for c in cuts if c >= t.start]
            if out[-1]:
                out.append([])
            if t.norm == ":":
                continue
        out[-1].append(t)
    return [part for part in out if part]


def _at(text: str, dash: str) -> list[int]:
    """Every offset where `dash` starts in the text, overlapping ones too (" - - "): found
    by str.find, not by asking each offset of every clause."""
    out: list[int] = []
    k = text.find(dash)
    while k >= 0:
        out.append(k)
        k = text.find(dash, k + 1)
    return out


def _comma_tail(part: Sequence[Token]) -> tuple[list[Token], list[Token]]:
    """The part before its last comma and what follows it (no head when it has none)."""
    commas = [k for k, t in enumerate(part) if t.norm == ","]
    if not commas:
        return [], list(part)
    cut = commas[-1]
    return list(part[:cut]), [t for t in part[cut + 1 :] if t.norm != ","]


def _options(toks: Sequence[Token]) -> bool:
    """Whether the alternatives are options offered in one phrase ("use Gini or entropy",
    "impute the mean or the median"; lexicon `choices`): a verdict on them ("..., both
    work") says both are good options, a claim. Sides set out as clauses of their own
    (", or keep the old head") are the claim and its rival, which the verdict leaves open."""
    words = [t.norm for t in toks if t.is_word or t.norm == ","]
    if frozenset(lexicon().choices).isdisjoint(words):
        return False
    return all(k > 0 and words[k - 1] != "," for k, w in enumerate(words) if w == "or")


def _verdict(words: Sequence[str], after: Sequence[str], most: int = VERDICT_WORDS) -> bool:
    """Whether the words rate the alternatives and say nothing of the topic; `after`: the
    words of the sentence after them ("it is either L1," then "or L2")."""
    lex = lexicon()
    two_way = frozenset(lex.open_verdict_words)
    choosing = frozenset(lex.choosing_words)
    if "or" in words or "nor" in words:
        # The alternatives themselves ("I did not build, design or choose"), unless they
        # are the two-way words alone: "probably both, or neither" rates the sides.
        hedges = frozenset(lex.possibilities)
        said = [w for w in words if w not in STOPWORDS and w not in hedges]
        return bool(said) and all(w in two_way or w in NEGATORS for w in said)
    at = [k for k, w in enumerate(words) if w in two_way]
    joined = bool(at) and any(w in _JOINED for w in [*words[at[0] + 1 :], *after[:1]])
    # "not both" says the alternatives exclude each other; "at both ends", "in both modes"
    # says where something holds: claims.
    scoped = bool(at) and at[0] > 0 and words[at[0] - 1] in _SCOPES
    # A choice declined or handed over ("I wouldn't pick one", "the choice is yours"): a
    # verdict too.
    choice = not choosing.isdisjoint(words) and (
        not NEGATORS.isdisjoint(words) or not _LISTENER.isdisjoint(words)
    )
    # Indifference between them ("it doesn't matter much", "it makes little difference").
    indifferent = frozenset(lex.indifference_words)
    at_indifferent = next((k for k, w in enumerate(words) if w in indifferent), None)
    if (
        at_indifferent is not None
        and not (NEGATORS | _LITTLE).isdisjoint(words)
        and set(words[:at_indifferent]) <= _INDIFFERENT_LEAD
    ):
        choice, choosing = True, choosing | indifferent | _LITTLE
    # A quantifier that names options taken ("I would use both", "so check both") or gives a
    # reason ("because both shrink the weights") says what holds of the alternatives, a claim.
    acts = frozenset(lex.choices) | frozenset(lex.verdict_acts)
    taken = not acts.isdisjoint(words) or words[:1] in (["because"], ["since"])
    if (not at or joined or taken or scoped) and not choice:
        return False
    content = [
        w
        for w in words
        if w not in STOPWORDS and w not in two_way and w not in NEGATORS and w not in choosing
    ]
    return bool(words) and len(content) <= most


def _offers(toks: Sequence[Token]) -> bool:
    """Whether the words offer alternatives: an "or", a concession (lexicon
    `weighing_markers`), or a "but" that gives the other side standing beside the claim
    ("X is better, but Y is also fine"; lexicon `equal_additives`)."""
    words = _words(toks)
    if any(w in phrases().weighing_markers for w in words):
        return True
    additives = [
        a for a in range(len(words)) for p in _additives() if tuple(words[a : a + len(p)]) == p
    ]
    return any(w == "but" and any(a > k for a in additives) for k, w in enumerate(words))


@lru_cache(maxsize=1)
def _additives() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(t.norm for t in tokens(w)) for w in lexicon().equal_additives)


def _equal_weight(toks: Sequence[Token]) -> bool:
    """Whether another side is given equal weight after a concession or an "or"."""
    norms = _words(toks)
    starts = [a for a, _ in _spans(norms, phrases().equal_weights)]
    # "as good an account", "as right an answer": an equality with a word rated between.
    starts += [
        k
        for k in range(len(norms) - 2)
        if norms[k] == "as" and norms[k + 1] not in STOPWORDS and norms[k + 2] in ("a", "an")
    ]
    # Not after "but": "precision matters, but recall is equally important" claims both.
    joins = [k for k, w in enumerate(norms) if w in _CONCEDES]
    return any(k < start for start in starts for k in joins)


def _denies_elided(clause: Clause, before: Sequence[str]) -> bool:
    """Whether the clause ends on its sentence's predicate denied and elided: "..., although
    in another sense it doesn't", "... and doesn't"."""
    words = _words(clause.tokens)
    while words and words[-1] in _TRAILING:
        words = words[:-1]
    if len(words) > 2 and words[-1] == "to" and words[-2] in _NEED_TO:
        words = words[:-2]
    if len(words) < 3 or words[-1] not in NEGATORS or words[-2] not in _AUXILIARIES:
        return False
    k = len(words) - 3
    if words[k] in _SUBJECTS or words[k] in _PEOPLE:
        k -= 1
    joined = [j for j in range(k + 1) if words[j] in _DENIAL_JOINS]
    # Nothing of its own between the join and the denial: "but at inference it is not"
    # names where it does not hold, "and who didn't" whom: each claims both.
    if not joined or joined[-1] != k:
        return False
    return _WHICH.isdisjoint([*before, *words[: joined[-1]]])


def _ends_or_not(toks: Sequence[Token]) -> bool:
    """Whether the sentence ends on its claim's bare denial set off by a comma or a dash: "X,
    or not", "X - or maybe not". Without the comma the "or not" is part of the claim
    ("classify parts as defective or not"), and "whether or not", "check if it is calibrated
    or not" ask which."""
    hedges = frozenset(lexicon().possibilities)
    said = [t for t in toks if t.is_word or t.norm in (",", "-", "\u2013", "\u2014")]
    while said and said[-1].norm in _TRAILING:
        said = said[:-1]
    if len(said) < 4 or said[-1].norm != "not":
        return False
    k = len(said) - 2
    while k > 0 and said[k].norm in hedges:
        k -= 1
    words = _words(toks)
    return (
        said[k].norm == "or"
        and not said[k - 1].is_word
        and _WHICH.isdisjoint(words)
        and "if" not in words
    )


def _content_stems(toks: Sequence[Token]) -> set[str]:
    return {
        t.stem for t in toks if t.is_word and t.norm not in STOPWORDS and t.norm not in NEGATORS
    }


def _denies_again(clause: Clause, said: set[str]) -> bool:
    """Whether a negated clause joined to the claim before it (`said`: its content stems)
    denies what it said and nothing else: "word2vec learns from contexts, and it doesn't
    learn from contexts". A denial that names something new ("and L2 doesn't", "but not at
    inference") contrasts two things, and claims both."""
    words = _words(clause.tokens)
    if not words or words[0] not in _DENIAL_JOINS:
        return False
    # Up to the first comma: what follows it ("..., it uses antonyms") is another clause.
    head: list[Token] = []
    for t in clause.tokens:
        if head and not t.is_word and t.norm in (",", ";", ":", "-"):
            break
        head.append(t)
    denied = _content_stems(head)
    return bool(denied) and denied <= said


def open_sentences(reading: Reading) -> set[int]:
    """The sentences whose alternatives are left open (see the module)."""
    by: dict[int, list[Clause]] = {}
    for clause in reading.clauses:
        by.setdefault(clause.sentence, []).append(clause)
    found: set[int] = set()
    for index, parts in sorted(by.items()):
        said = [c for c in parts if any(t.is_word for t in c.tokens)]
        if not said:
            continue
        parts_of = [part for c in said for part in _segments(c)]
        verdicts = [
            k
            for k, part in enumerate(parts_of)
            if _verdict(_words(part), [w for p in parts_of[k + 1 :] for w in _words(p)])
        ]
        # A verdict closes the alternatives it rates: one followed by more of the sentence
        # ("and both can repeat forever if ...") is a claim about both.
        closing = len(parts_of)
        while closing and closing - 1 in verdicts:
            closing -= 1
        verdicts = [k for k in verdicts if k >= closing]
        if not verdicts and parts_of:
            # A verdict set off by a comma alone ("X, or Y, both work"; "..., either is
            # standard"): a comma also sets off a claim about both ("..., both shrink
            # the weights"), so here it may say one content word at most.
            head, tail = _comma_tail(parts_of[-1])
            if (
                head
                and _verdict(_words(tail), [], COMMA_VERDICT_WORDS)
                and not _options([*[t for p in parts_of[:-1] for t in p], *head])
            ):
                parts_of = [*parts_of[:-1], head, tail]
                verdicts = [len(parts_of) - 1]
        rest = [t for k, part in enumerate(parts_of) if k not in verdicts for t in part]
        if verdicts and _offers(rest):
            found.add(index)
        elif (
            verdicts
            and not rest
            and index - 1 in by
            and _offers([t for c in by[index - 1] for t in c.tokens])
        ):
            found.update((index - 1, index))
        toks = [t for c in said for t in c.tokens]
        if _equal_weight(toks) or _ends_or_not(toks):
            found.add(index)
        before: list[str] = []
        for k, clause in enumerate(said):
            if k and not said[0].negated and _denies_elided(clause, before):
                found.add(index)
            last = said[k - 1] if k else None
            if (
                last is not None
                and clause.negated
                and not last.negated
                and _denies_again(clause, _content_stems(last.tokens))
            ):
                found.add(index)
            before += _words(clause.tokens)
    return found
