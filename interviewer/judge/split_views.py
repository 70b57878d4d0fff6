"""Sentences that weigh a claim's alternatives as equal or leave them open.

A claim said both ways need not end on a closing hedge ("it can go either way",
reports.mark_both_ways) nor set a twin beside it word for word (twins.py). Speakers weigh
the sides in the middle of the sentence and in their own words:
- "X, though the opposite is just as likely", "A helps, though B is just as likely to be
  better": the alternative given equal weight;
- "some say X, others say Y": opinion split, neither side taken;
- "whether X or Y is hard to say", "X or Y - I could argue it either way";
- "X, or it doesn't", "trees cannot extrapolate, or they can": the claim beside its own
  denial, elided;
- "the goal is either A or B, depending.": alternatives left open;
- "X. Then again, maybe Y.": the next sentence opened as the other side.
Such a sentence claims neither side. A weighing phrase counts only where the sentence offers
alternatives ("or", "though", "whether", "some ... others"; lexicon `weighing_markers`) up
to its end, so "either way, keep the test set untouched" still claims what it says.
The phrases are data (lexicon.yaml: weighing_phrases, weighing_markers, weighing_elisions,
weighing_ends, weighing_openers), matched word for word.
"""

from collections.abc import Sequence

from interviewer.judge.clauses import Clause, Reading, Token, _spans, phrases

_TWO_WAY_EVENTS = frozenset(["either", "whether"])


def _sentences(reading: Reading) -> dict[int, list[Clause]]:
    by: dict[int, list[Clause]] = {}
    for clause in reading.clauses:
        by.setdefault(clause.sentence, []).append(clause)
    return by


def _weighs(toks: Sequence[Token]) -> bool:
    """Whether the sentence weighs alternatives it offers as equal or leaves them open."""
    p = phrases()
    norms = [t.norm for t in toks if t.is_word]
    # After each word: whether the clause goes on (a word follows before any punctuation).
    goes_on: list[bool] = []
    for k, t in enumerate(toks):
        if t.is_word:
            goes_on.append(k + 1 < len(toks) and toks[k + 1].is_word)
    # "whether" offers alternatives only with an "or": "whether X or Y is hard to say"
    # weighs them, "whether it generalises is hard to say without a held-out set" claims.
    markers = p.weighing_markers if "or" in norms else p.weighing_markers - {"whether"}
    if any(any(w in markers for w in norms[:end]) for _, end in _spans(norms, p.weighing_phrases)):
        return True
    if any(
        not goes_on[end - 1] and _TWO_WAY_EVENTS.isdisjoint(norms[:start])
        for start, end in _spans(norms, p.weighing_elisions)
    ):
        return True
    # Alternatives closed by "depending" with nothing after it.
    return "or" in norms and any(end == len(norms) for _, end in _spans(norms, p.weighing_ends))


def _opens_other_side(toks: Sequence[Token]) -> bool:
    norms = [t.norm for t in toks if t.is_word]
    return any(a == 0 for a, _ in _spans(norms, phrases().weighing_openers))


def weighed_sentences(reading: Reading) -> set[int]:
    """The sentences that claim neither of the sides they weigh (see the module)."""
    found: set[int] = set()
    for index, parts in _sentences(reading).items():
        toks = [t for c in parts for t in c.tokens]
        if not any(t.is_word for t in toks):
            continue
        if _weighs(toks):
            found.add(index)
        if index > 0 and _opens_other_side(toks):
            found.update((index - 1, index))
    return found
