"""Claims the candidate does not make their own: reported, disowned, or hedged both ways.

A clause can say something without the candidate claiming it:
- a report of what others say or think ("some people will tell you X", "the docs claim
  X", "according to the textbooks X") is the candidate's claim only when they endorse it
  ("..., and that's right"); one they reject ("..., but that's a myth", "I don't buy
  it", "they are wrong") is not claimed: it covers no key point and names no
  misconception, whichever way its own words go;
- a claim the speaker distances themselves from ("supposedly X", "X, allegedly") is not
  claimed unless endorsed;
- a sentence that sets a claim beside its reverse and closes on a both-ways hedge ("X, or
  the opposite - it can go either way") claims neither side.
The marker phrases are data (lexicon.yaml: report_verbs, attributions, distancing,
rejections, endorsements, both_ways), matched word for word.
"""

from functools import lru_cache

from interviewer.judge import open_choices, possibilities, self_denials, split_views, twins
from interviewer.judge.clauses import Clause, Reading, Status, Token, _spans, phrases, worse
from interviewer.judge.text import STOPWORDS

# A report verb opens a report only this close to its clause's start ("some people will
# tell you X", "the library authors claim that X"): further in, it is part of the claim.
# Chosen by cross-validation across question groups (cv_offline_judge.py --grid
# report_within, balanced MAE on every graded set but the asides: 6 on 6 of 6 folds, tied
# in-sample with 4, 0.004 better than 8 and 12).
REPORT_WITHIN = 6
# A verdict ("that's a myth", "I don't buy it") is a clause of its own, or nearly: one
# with more content words than this besides its phrase says something else, unless the
# phrase opens it ("but that's a myth spread by vendors", "I don't believe it, X").
# Cross-validation (--grid verdicts) keeps both on 6 of 6 folds, but the graded sets hardly
# tell them apart: only VERDICT_OPENS_WITHIN 1 scores worse (0.04).
VERDICT_EXTRA_WORDS = 2
VERDICT_OPENS_WITHIN = 3
# A both-ways phrase this long closes a clause as a hedge wherever it stands ("..., or it
# balances them, depending on who you ask"); a shorter one only on its own ("one of the
# two.", not "it asks for one of the two").
# Cross-validated (--grid both_ways): 5 on 4 of 6 folds (3 and 4 on the others, 0.003
# worse in-sample; 6 and "only alone" 0.06 worse).
BOTH_WAYS_ALONE = 5
# Words that point back at what was just said: a verdict that opens with one of them (or
# with the speaker) judges the clause before it, report or not.
_ANAPHORS = frozenset(["that", "this", "it", "which", "they", "these", "those", "all", "both"])
# A verdict on all of what came before ("all of that is wrong") reaches back to its
# sentence's start, or the previous sentence's.
_WHOLE = frozenset(["all", "any", "everything", "none"])
# Words that point only at what was said ("that is a myth spread by vendors"), unlike
# "it" and "they", which may name a thing of the topic ("it is wrong half the time").
_POINTERS = frozenset(["that", "this", "which", "these", "those"])
# Verbs that frame a verdict without adding to it ("I think they are wrong").
_VERDICT_VERBS = frozenset(["think", "say", "would", "feel", "honestly", "frankly"])
_PUNCTUATION = frozenset(",;:-()")
_CONNECTIVES = frozenset(["but", "and", "though", "although", "yet", "however"])
# What ends the reach of a distancing word: a turn ("but", "though"), or a new clause
# after a colon, semicolon or dash (opened by nothing).
_ENDS = frozenset(["but", "however", "although", "though", "yet", "whereas", "while", ":", ""])


def _words(clause: Clause) -> tuple[Token, ...]:
    return clause.words


def _found(clause: Clause, table_name: str) -> list[tuple[int, int]]:
    table = getattr(phrases(), table_name)
    if clause.vocabulary.isdisjoint(table.anchors):
        return []  # most clauses: none of the table's phrases can be there
    return _spans(clause.norms, table)


def opens_report(clause: Clause) -> str | None:
    """Whether the clause opens a claim as someone else's: "report" (a third party's
    saying or a received view), "distanced" (the speaker's own doubt: "supposedly"), or
    None."""
    p = phrases()
    said = _words(clause)
    if _found(clause, "distancing"):
        return "distanced"
    if clause.report_flips or any(a < REPORT_WITHIN for a, _ in _found(clause, "attributions")):
        return "report"
    if not said or said[0].norm == "as":
        return None  # "as the paper says, X": the speaker cites it as support
    toks = clause.tokens
    word_index = 0
    for k, tok in enumerate(toks):
        if not tok.is_word:
            continue
        if word_index >= REPORT_WITHIN:
            break
        if word_index and tok.norm in p.report_verbs:
            own = any(t.norm in p.first_person for t in toks[:k])
            after = toks[k + 1] if k + 1 < len(toks) else None
            # "keep fewer, say 10": an example, not a report
            example = toks[k - 1].norm in _PUNCTUATION or (
                after is not None and after.norm[:1].isdigit()
            )
            if not own and not example:
                return "report"
        word_index += 1
    return None


def verdict(clause: Clause, after_report: bool = True) -> str | None:
    """Whether the clause gives the speaker's verdict on what was just said: "reject",
    "endorse", "correct" (it opens on the facts set against it: "in fact"), or None.
    Only a short clause, or one that opens on the verdict, is one; a long one that
    contains the phrase makes a claim of its own. A curt reply ("it doesn't") is one only
    `after_report`: after a claim of the speaker's own it is a claim too ("they did not").
    """
    if clause.vocabulary.isdisjoint(_verdict_anchors()):
        return None  # most clauses: no verdict's phrase can be there (as _found reads)
    said = _words(clause)
    p = phrases()
    if clause.opener == "or":
        return None  # "X, or it doesn't": the other side of an alternative, not a verdict
    if any(a <= 1 for a, _ in _found(clause, "corrections")):
        return "correct"
    for a, b in _found(clause, "curt_rejections") if after_report else ():
        if all(
            t.norm in STOPWORDS or t.norm in _CONNECTIVES
            for i, t in enumerate(said)
            if not a <= i < b
        ):
            return "reject"
    for name, table in (("reject", "rejections"), ("endorse", "endorsements")):
        spans = _found(clause, table)
        if not spans:
            continue
        a, b = min(spans)
        # Its subject is the speaker or what was just said ("I don't buy it", "they are
        # wrong", "that's a myth"), not a thing of the topic ("the model is wrong").
        if not all(_frames_verdict(t) for t in said[:a]):
            continue
        extra = [t for t in said[b:] if not _frames_verdict(t)]
        pointing = any(t.norm in _POINTERS or t.norm in p.first_person for t in said[: a + 1])
        if len(extra) <= VERDICT_EXTRA_WORDS or (pointing and a < VERDICT_OPENS_WITHIN):
            return name
    return None


@lru_cache(maxsize=1)
def _verdict_anchors() -> frozenset[str]:
    """The anchors of every table a verdict is read from: a clause with none of them
    finds none of their phrases (_found), so gives no verdict."""
    p = phrases()
    tables = (p.corrections, p.curt_rejections, p.rejections, p.endorsements)
    return frozenset().union(*(t.anchors for t in tables))


def _frames_verdict(token: Token) -> bool:
    """A word that can stand around a verdict's phrase without making a claim: a
    stopword, a word pointing back, the speaker, "think"."""
    w = token.norm
    return (
        w in STOPWORDS
        or w in _ANAPHORS
        or w in phrases().first_person
        or w in _VERDICT_VERBS
        or w in _CONNECTIVES
    )


def _points_back(clause: Clause) -> bool:
    """Whether the clause opens on what was just said ("that is wrong") or on the
    speaker ("I don't buy it"), not on "it" or "they", which may name a thing of the
    topic ("it is wrong half the time")."""
    opening = _words(clause)[:3]
    return any(t.norm in _POINTERS or t.norm in phrases().first_person for t in opening)


def _endorse(clause: Clause) -> None:
    """Read the clause as the speaker's claim: a report frame no longer turns it round."""
    if clause.report_flips % 2 == 1:
        clause.negated = not clause.negated
        clause.framed = clause.denied = False
        clause.denial_from = None
    if clause.status is Status.reported:
        clause.status = Status.asserted


def _before(reading: Reading, k: int) -> list[int]:
    """The clauses a verdict at k judges: those of its sentence before it, or, when it
    opens its sentence, those of the sentence before."""
    clause = reading.clauses[k]
    same = [j for j in range(k) if reading.clauses[j].sentence == clause.sentence]
    if same:
        return same
    return [j for j in range(k) if reading.clauses[j].sentence == clause.sentence - 1]


def mark_reports(reading: Reading) -> None:
    """Reports endorsed or rejected, claims distanced, and verdicts on the clause before."""
    found = reading.clauses
    opened: dict[int, str | None] = {}  # read only where a verdict looks back

    def opens(j: int) -> str | None:
        if j not in opened:
            opened[j] = opens_report(found[j])
        return opened[j]

    # What the speaker distances themselves from is not claimed, unless a verdict below
    # endorses it: the clause and those that go on with it, up to a turn or a new clause.
    for k, clause in enumerate(found):
        if not _found(clause, "distancing"):
            continue
        found[k].status = worse(found[k].status, Status.reported)
        for j in range(k + 1, len(found)):
            after = found[j]
            if after.sentence != found[k].sentence or after.opener in _ENDS:
                break
            after.status = worse(after.status, Status.reported)
    judged: set[int] = set()
    for k, clause in enumerate(found):
        said = verdict(clause)
        if said is None:
            continue
        span = [j for j in _before(reading, k) if j not in judged]
        starts = [j for j in span if opens(j) is not None]
        if not starts:
            said = verdict(clause, after_report=False)
            if said is None:
                continue
        if starts:
            scope = [j for j in span if j >= starts[0]]
        elif said == "correct":
            continue  # "in fact X" after a claim of the speaker's own
        elif said == "reject" and span and _points_back(clause):
            # "X, which is wrong", "X. That's a myth.": the clause just before, or all
            # of them for "all of that is wrong".
            whole = any(t.norm in _WHOLE for t in _words(clause))
            first = len(span) - 1
            while not whole and first > 0 and found[span[first]].opener in ("and", "or"):
                first -= 1  # "X, or Y; that's unfair": the whole of "X or Y"
            scope = span if whole else span[first:]
        else:
            continue
        for j in scope:
            if said == "endorse":
                _endorse(found[j])
            else:
                found[j].status = worse(found[j].status, Status.reported)
            judged.add(j)
        if said != "correct":
            clause.status = Status.meta  # the verdict itself says nothing of the topic


def mark_both_ways(reading: Reading) -> None:
    """A clause that ends on a both-ways hedge ("..., or it doesn't - it can go either
    way", "... or the other, depending on who you ask") hedges its whole sentence: none of
    its sides is claimed."""
    undecided: set[int] = set()
    for k, clause in enumerate(reading.clauses):
        said = _words(clause)
        if any(
            b >= len(said) - 1
            and (b - a >= BOTH_WAYS_ALONE or all(_frames_verdict(t) for t in said[:a]))
            for a, b in _found(clause, "both_ways")
        ):
            undecided.add(clause.sentence)
            opens = k == 0 or reading.clauses[k - 1].sentence != clause.sentence
            if opens and clause.sentence > 0:
                undecided.add(clause.sentence - 1)  # "X, or Y. It can go either way."
    # Sides weighed as equal or left open inside the sentence ("X, though the opposite is
    # just as likely", "some say X, others say Y", "X, or it doesn't").
    undecided |= split_views.weighed_sentences(reading)
    # ... or in the speaker's own words: a verdict that leaves them open, equal weight, a
    # predicate asserted and denied ("X, or Y; I'd lean both ways").
    opened = open_choices.open_sentences(reading)
    # ... or a claim its own sentence takes back: an exception that is its denial ("...,
    # unless that's unnecessary"), a concession closed by dropping it ("..., though Y, so
    # maybe skip that").
    opened |= self_denials.denied_sentences(reading)
    undecided |= opened

    for clause in reading.clauses:
        if clause.sentence in undecided:
            clause.status = worse(clause.status, Status.undecided)
        if clause.sentence in opened:
            clause.twinned = True  # what either side gets wrong is still read (offline.py)
    # Said both ways with no closing phrase: a claim beside its twin (twins.py), or
    # beside another, each offered as a possibility (possibilities.py).
    twins.mark_twins(reading)
    possibilities.mark_possibilities(reading)
