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
"""

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


def answers_a_neighbour(request: JudgeRequest, answer: str, coverage: float) -> bool:
    """Whether the answer answers a neighbouring question instead of the one asked."""
    if NEIGHBOUR_SAID_AT <= 0 or not request.neighbours or coverage >= ANSWERS_THE_QUESTION_AT:
        return False
    own, neighbour = shares(request, answer)
    return neighbour >= NEIGHBOUR_SAID_AT and neighbour >= NEIGHBOUR_OVER_OWN * own
