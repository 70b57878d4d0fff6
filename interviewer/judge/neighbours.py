"""Whether an answer answers a neighbouring question of the bank rather than the one asked.

A confident, correct answer to a neighbouring question (broadcasting asked about an array's
memory layout, trip ETAs asked about demand forecasting) shares much of the asked
question's vocabulary - the area's words - and brushes some of its key points ("evaluated
with MAE"), so coverage and the on-topic share read it as a partial answer. What tells it
apart is the terms that only one of the two questions uses: the asked question's own
(in its prompt and key points, in no neighbour's) it hardly says, while it says many of a
neighbour's own. An answer to the question that wanders into a neighbour's ground says its
own question's terms too, and so does one in everyday words (which says few of either).

The neighbours are the other questions of the question's bank family (the request's
`neighbours`, built where the bank is at hand); a request without them is not read so.
Per question the term sets are computed once (cached on the texts); per answer the work is
one pass over its terms.

A neighbour may also live in another family or round (mixed precision asked about
distributed training, a photo-moderation service asked about factory defect inspection),
where the family's own terms do not help: the whole bank is read too (`answered_elsewhere`).
There, each question's terms are weighed by rarity and by how few of the bank's questions
use them (the area's words weigh little), and the answer is read by how much of each
question's weighted terms it says. A right answer says much of its own question's, and a
digression or a neighbouring concept used to explain it adds a little of another's; an
answer to another question says much of that one's and far less of the asked one's.
"""

import math
from collections import defaultdict
from functools import lru_cache

from interviewer.domain.judging import JudgeRequest
from interviewer.judge.text import base_term, content_terms, rarity

# An answer says at least this much of a neighbour's own terms (weighted by rarity) ...
NEIGHBOUR_SAID_AT = 0.25
# ... and this many times what it says of the asked question's own terms: it answers the
# neighbour. Chosen by cross-validation across question groups (see the README).
NEIGHBOUR_OVER_OWN = 2.0
# An answer that covers this much of the asked question's key points (weighted coverage)
# answers it, whatever else it says: a safeguard for right answers, not chosen on data.
ANSWERS_THE_QUESTION_AT = 0.5
# Across the whole bank: an answer that says at least this much of another question's
# weighted terms ...
ELSEWHERE_SAID_AT = 0.3
# ... and this many times what it says of the asked question's answers that one. Both
# chosen by cross-validation across question groups (benchmarks/cv_offline_judge.py, six
# pooled sets, 444 answers, 62 groups, --grid elsewhere --metric spearman --folds 5
# --keep-right 10): every fold chose 0.3 and 1.25 (0.25 ties), Spearman 0.830 held out
# against 0.787 with the reading off. No right answer of any set that says 0.3 of another
# question's terms says more than 1.1 times its own; answers to another question, 1.3 up.
# 0 turns it off.
ELSEWHERE_OVER_OWN = 1.25


@lru_cache(maxsize=4096)
def _terms(text: str) -> frozenset[str]:
    return frozenset(base_term(t) for t in content_terms(text))


def _weight(terms: frozenset[str]) -> float:
    return sum(rarity(t) for t in terms)


@lru_cache(maxsize=1024)
def _own_terms(
    question: str, neighbours: tuple[str, ...]
) -> tuple[frozenset[str], tuple[frozenset[str], ...]]:
    """The asked question's own terms, and each neighbour's own terms against it."""
    asked = _terms(question)
    theirs = [_terms(n) for n in neighbours]
    own = asked.difference(*theirs)
    return own, tuple(t - asked for t in theirs)


def _share(own: frozenset[str], said: frozenset[str]) -> float:
    total = _weight(own)
    return _weight(own & said) / total if total else 0.0


def shares(request: JudgeRequest, answer: str) -> tuple[float, float]:
    """How much of the asked question's own terms the answer says, and the most it says of
    one neighbour's own terms (both weighted by rarity)."""
    if not request.neighbours:
        return 1.0, 0.0
    asked = " ".join([request.question, *(kp.text for kp in request.key_points)])
    own, theirs = _own_terms(asked, tuple(request.neighbours))
    said = _terms(answer)
    return _share(own, said), max((_share(t, said) for t in theirs), default=0.0)


class _Bank:
    """Every question's terms, weighed by rarity and by how few questions use them, as an
    index from term to the questions that use it: an answer is read against all of them in
    one pass over its own terms."""

    def __init__(self, texts: frozenset[str]) -> None:
        term_sets = {text: _terms(text) for text in texts}
        used_by: dict[str, int] = defaultdict(int)
        for terms in term_sets.values():
            for t in terms:
                used_by[t] += 1
        n = len(term_sets)
        # A term every question uses weighs nothing; one only this question uses, log n.
        self.weight = {t: rarity(t) * math.log(n / k) for t, k in used_by.items()}
        self.index = {text: i for i, text in enumerate(term_sets)}
        self.totals = [sum(self.weight[t] for t in ts) for ts in term_sets.values()]
        self.postings: dict[str, list[int]] = defaultdict(list)
        for i, terms in enumerate(term_sets.values()):
            for t in terms:
                self.postings[t].append(i)

    def said(self, answer: frozenset[str]) -> list[float]:
        """How much of each question's weighted terms the answer says."""
        said = [0.0] * len(self.totals)
        for t in answer:
            for i in self.postings.get(t, ()):
                said[i] += self.weight[t]
        return [s / total if total else 0.0 for s, total in zip(said, self.totals, strict=True)]


@lru_cache(maxsize=4)
def _bank(texts: frozenset[str]) -> _Bank:
    return _Bank(texts)


def said_across_the_bank(request: JudgeRequest, answer: str) -> tuple[float, float]:
    """How much of the asked question's weighted terms the answer says, and the most it
    says of another question's (the whole bank's, weighed as _Bank does)."""
    asked = " ".join([request.question, *(kp.text for kp in request.key_points)])
    bank = _bank(frozenset([asked, *request.neighbours, *request.elsewhere]))
    said = bank.said(_terms(answer))
    own = bank.index[asked]
    return said[own], max((s for i, s in enumerate(said) if i != own), default=0.0)


def answered_elsewhere(request: JudgeRequest, answer: str) -> bool:
    """Whether the answer answers another question of the bank, of any family or round."""
    if ELSEWHERE_SAID_AT <= 0 or not request.elsewhere:
        return False
    own, other = said_across_the_bank(request, answer)
    return other >= ELSEWHERE_SAID_AT and other >= ELSEWHERE_OVER_OWN * own


def answers_a_neighbour(request: JudgeRequest, answer: str, coverage: float) -> bool:
    """Whether the answer answers a neighbouring question instead of the one asked."""
    if coverage >= ANSWERS_THE_QUESTION_AT:
        return False
    if answered_elsewhere(request, answer):
        return True
    if NEIGHBOUR_SAID_AT <= 0 or not request.neighbours:
        return False
    own, neighbour = shares(request, answer)
    return neighbour >= NEIGHBOUR_SAID_AT and neighbour >= NEIGHBOUR_OVER_OWN * own
