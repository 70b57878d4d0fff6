"""Key points that ask for a kind of content, read for that kind.

A rubric-style key point ("Gives the scale in numbers ... before and after", "States the
trade-off accepted for the gain") names what a strong answer contains, not the words it
uses: a right answer says "the slowest searches went from about 180 to about 42
milliseconds" and shares no word with the point. The kinds, the phrases of a key point that
ask for each, and what in a sentence supplies each are data (`asks.yaml` beside this
module). A sentence on the question that supplies a point's kinds states that share of
the point (ASKED_SHARE of it); the rest is what it says of the point's own words.
"""

import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator

from interviewer.domain.question import KeyPoint
from interviewer.judge.matching import COVERED_AT, AnswerTerms, KeyPointMatch, match_key_points
from interviewer.judge.text import Sentence

ASKS_PATH = Path(__file__).with_name("asks.yaml")

# How much of a key point that asks for kinds of content is its kinds: a sentence that has
# all of them states this share of the point, whatever its words (as one cue phrase does,
# matching.ONE_CUE_COVERAGE). Chosen by cross-validation across question groups
# (benchmarks/cv_offline_judge.py tests/data/{interview,plain,design_dive,fluent_wrong,
# marker}_answers.jsonl --grid asks --folds 5: on every fold by mean distance, on 4 of 5 by
# Spearman, from 0 (kinds not read), 0.3, 0.4, 0.5, 0.6 and 0.75).
ASKED_SHARE = 0.75

# An answer that states no point of fact of the question in its words still has its kinds
# read when it names at least this many of the question's and its key points' distinct
# terms (rare words, or the concepts they name, `named_terms`): a deep dive told in plain
# words ("the slowest requests went from 900 to 120 milliseconds once I cached the
# lookups") names the question's topic, where a story about something else, however full
# of figures, names next to none of it (2-5 in the answer sets, against 7-13 for the
# right ones in plain words). 0: only an answer that states a point of fact. A setting of
# benchmarks/cv_offline_judge.py's grid `asks_topic`, chosen there by cross-validation.
TOPIC_TERMS = 7


# ... and only once it states one that is not among the question's lightest: setting the
# scene ("Describes the experts, the model and what was needed from them") is not yet
# answering, and a story that only sets the scene, then says what the candidate had to do
# and how it ended, has shown none of what the question asks about. A setting of
# benchmarks/cv_offline_judge.py's grid `asks`.
BEYOND_THE_LIGHTEST = True


# A story told in the candidate's own words states no point of fact of its question in the
# question's words, and names few of its terms ("before, the typical wait for a reply was
# about four hours; afterwards about 70 minutes", "we switched it on for half the agents,
# picked at random, and compared the two halves"), so none of its kinds were read and it
# was floored as about something else. Such a story shows it answers this question by
# supplying what at least this many of its points heavier than the lightest ask for (each
# point's every kind that is not needs_a_point, said and not denied), one of them a kind
# that not any story says (not in_any_story: a controlled comparison, a plan to keep
# improving): a story that answers another question has figures, a change, a price and
# "I built" whatever it is about, and supplies this question's own kinds seldom. Then its
# kinds are read as an answer that states a point of fact. 0: never. A setting of
# benchmarks/cv_offline_judge.py's grid `asks_story`.
KINDS_SHOW_THE_QUESTION = 2
# A kind's words with one of these within the few words before them are denied ("we didn't
# run any comparison", "there was no holdout"): they supply nothing toward the question.
_DENIED_BEFORE = re.compile(
    r"\b(?:no|not|never|without|nor|n't|didn't|don't|wasn't|weren't|couldn't)\b(?:\W+\w+){0,3}\W*$",
    re.IGNORECASE,
)


class Kind(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    point: list[str] = Field(min_length=1)
    said: list[str] = Field(min_length=1)
    # Read only in an answer that states a point of fact of the question (see credit),
    # not in one that merely names its topic: any story has an outcome and a part for its
    # teller, whatever it is about.
    needs_a_point: bool = False
    # Said in a story about anything (figures, a change, "I built", "my manager agreed"):
    # it does not show by itself that a story answers this question (shows_the_question).
    in_any_story: bool = False


class Asks(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    pieces: dict[str, str]
    kinds: dict[str, Kind] = Field(min_length=1)

    @field_validator("pieces")
    @classmethod
    def _joined(cls, pieces: dict[str, str]) -> dict[str, str]:
        # Folded YAML puts a space where a long alternation was wrapped.
        return {k: re.sub(r"\s*\|\s*", "|", v.strip()) for k, v in pieces.items()}


@lru_cache(maxsize=1)
def _read() -> Asks:
    import yaml  # only when first needed: importing the judge loads no YAML

    try:
        raw = yaml.safe_load(ASKS_PATH.read_text(encoding="utf-8"))
        return Asks.model_validate(raw)
    except (OSError, yaml.YAMLError, ValueError) as e:
        raise ValueError(f"{ASKS_PATH}: {e}") from e


@lru_cache(maxsize=1)
def _asks() -> tuple[tuple[str, tuple[str, ...], re.Pattern[str]], ...]:
    """Per kind: its name, the key-point phrases that ask for it, and what supplies it."""
    asks = _read()
    pieces = dict(asks.pieces)
    # Pieces may use the pieces named before them ({quantity} uses {number} and {unit}).
    for name, text in pieces.items():
        pieces[name] = _filled(text, pieces)
    out = []
    for name, kind in asks.kinds.items():
        try:
            said = re.compile(
                "|".join(f"(?:{_filled(s, pieces)})" for s in kind.said), re.IGNORECASE
            )
        except re.error as e:
            raise ValueError(f"{ASKS_PATH}: kinds.{name}.said: {e}") from e
        out.append((name, tuple(p.lower() for p in kind.point), said))
    return tuple(out)


def _filled(text: str, pieces: dict[str, str]) -> str:
    for name, value in pieces.items():
        text = text.replace("{" + name + "}", value)
    return text


@lru_cache(maxsize=4096)
def asked_kinds(text: str) -> tuple[str, ...]:
    """The kinds of content a key point's text asks for (none for a point of fact)."""
    lowered = text.lower()
    return tuple(name for name, phrases, _ in _asks() if any(p in lowered for p in phrases))


def supplied(text: str, kinds: Sequence[str]) -> int:
    """How many of `kinds` the text has."""
    said = _said()
    return sum(1 for k in kinds if said[k].search(text))


def supplied_undenied(text: str, kind: str) -> bool:
    """Whether the text has `kind` somewhere no negator just before denies."""
    return any(
        not _DENIED_BEFORE.search(text[max(0, m.start() - 40) : m.start()])
        for m in _said()[kind].finditer(text)
    )


def shows_the_question(
    key_points: Sequence[KeyPoint], units: Sequence[Sentence], lightest: float | None
) -> bool:
    """Whether a story supplies, undenied, every kind that needs no point of at least
    KINDS_SHOW_THE_QUESTION of its question's points heavier than the lightest, one of
    them a kind not said in any story."""
    if KINDS_SHOW_THE_QUESTION <= 0:
        return False
    generic, anywhere = _needing_a_point(), _in_any_story()
    shown, own = 0, False
    for kp in key_points:
        if lightest is not None and kp.weight == lightest:
            continue
        kinds = [k for k in asked_kinds(kp.text) if k not in generic]
        if kinds and all(any(supplied_undenied(u.text, k) for u in units) for k in kinds):
            shown += 1
            own = own or any(k not in anywhere for k in kinds)
    return own and shown >= KINDS_SHOW_THE_QUESTION


@lru_cache(maxsize=1)
def _said() -> dict[str, re.Pattern[str]]:
    return {name: pattern for name, _, pattern in _asks()}


def _asks_its_own_kind(text: str) -> bool:
    """Whether a key point asks for a kind that not any story says (see
    shows_the_question)."""
    common = _in_any_story() | _needing_a_point()
    return any(k not in common for k in asked_kinds(text))


@lru_cache(maxsize=1)
def _in_any_story() -> frozenset[str]:
    return frozenset(name for name, kind in _read().kinds.items() if kind.in_any_story)


@lru_cache(maxsize=1)
def _needing_a_point() -> frozenset[str]:
    return frozenset(name for name, kind in _read().kinds.items() if kind.needs_a_point)


def credit(
    key_points: Sequence[KeyPoint],
    units: Sequence[Sentence],
    matches: list[KeyPointMatch],
    question: str,
    named_terms: int = 0,
) -> tuple[list[KeyPointMatch], dict[str, float]]:
    """`matches`, with each point that asks for kinds of content raised to what its best
    unit of the answer states of it: ASKED_SHARE for the kinds it has, and the rest for
    how much of the point's own words it says. In an answer that states a point of the
    question, its figures, costs and measurements are the question's, in whatever words
    ("the price was an extra day", "I measured where the time went"), though the sentence
    that says them shares no word with it. Also, per point raised so, the share of it
    that its kinds are: how far its words are stated, as they describe a kind of content
    rather than name terms the answer should use. `named_terms`: how many of the
    question's distinct terms the answer names (see TOPIC_TERMS)."""
    # Only in an answer that states a point of fact of the question (one that asks for no
    # kind of content) in its words, or names enough of its topic: figures, costs and
    # measurements in a story about something else say nothing of this one.
    weights = [kp.weight for kp in key_points]
    # The lightest points, when some are heavier (else none is lighter than another).
    lightest = min(weights) if weights and min(weights) < max(weights) else None
    # A point that asks for a kind not every story has ("Shipped with a plan to keep
    # improving") and is stated in its own words ("a follow-up iteration") is as much a
    # point of the question as a point of fact.
    states_a_point = any(
        m.coverage >= COVERED_AT
        and (not asked_kinds(kp.text) or _asks_its_own_kind(kp.text))
        and (kp.weight != lightest or not BEYOND_THE_LIGHTEST)
        for kp, m in zip(key_points, matches, strict=True)
    )
    if not states_a_point and shows_the_question(key_points, units, lightest):
        states_a_point = True
    on_question = states_a_point or (TOPIC_TERMS > 0 and named_terms >= TOPIC_TERMS)
    if ASKED_SHARE <= 0 or not on_question:
        return matches, {}
    out, raised = [], {}
    # Each unit read once, whichever points its content supplies.
    read: dict[str, AnswerTerms] = {}
    for kp, m in zip(key_points, matches, strict=True):
        kinds = asked_kinds(kp.text)
        if not states_a_point and set(kinds) & _needing_a_point():
            kinds = ()
        best = m
        for text in (u.text for u in units) if kinds else ():
            has = supplied(text, kinds)
            if not has:
                continue
            if text not in read:
                read[text] = AnswerTerms.of(text)
            own = match_key_points(read[text], [kp], question)[0].coverage
            stated = ASKED_SHARE * has / len(kinds) + (1 - ASKED_SHARE) * own
            if stated > best.coverage + 1e-9:
                best = KeyPointMatch(kp.id, min(1.0, stated), text)
                raised[kp.id] = ASKED_SHARE * has / len(kinds)
        out.append(best)
    return out, raised
