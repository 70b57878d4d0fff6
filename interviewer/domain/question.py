"""Questions of the bank: prompt, reference key points, follow-up probes, hints."""

import re
from collections.abc import Mapping
from enum import StrEnum

from pydantic import Field, model_validator

from interviewer.domain.base import Strict, repeated
from interviewer.domain.coding import CodingSpec
from interviewer.domain.levels import LevelRange
from interviewer.domain.rubric import Identifier


class RoundKind(StrEnum):
    breadth = "breadth"
    system_design = "system_design"
    deep_dive = "deep_dive"
    behavioral = "behavioral"
    python = "python"
    coding = "coding"  # data structures and algorithms: code run against tests
    ml_coding = "ml_coding"  # ML from scratch (numpy available): code run against tests

    @property
    def runs_code(self) -> bool:
        return self in (RoundKind.coding, RoundKind.ml_coding)

    # A specialist round on one track (nlp, cv, recsys...): the track is a topic tag.
    domain = "domain"


class Difficulty(StrEnum):
    easy = "easy"
    medium = "medium"
    hard = "hard"


class Misconception(Strict):
    """A common wrong claim about a key point, and what is true instead.

    An answer that states the claim (affirmatively, not negated or retracted) loses
    correctness credit, and the feedback quotes what it said beside the correction.
    """

    id: Identifier
    # The wrong claim as a candidate would state it, in plain words: one sentence.
    claim: str = Field(min_length=10)
    # Phrases that state the claim (each in the wrong direction, never a bare term that a
    # right answer would also use). Optional: the judge also reads the claim itself.
    cues: list[str] = Field(default_factory=list)
    # What is true, said to the candidate: "too high a rate overshoots or diverges".
    correction: str = Field(min_length=10)


class KeyPoint(Strict):
    """One checkable thing a strong answer contains."""

    id: Identifier
    text: str = Field(min_length=5)
    weight: float = Field(default=1.0, gt=0, le=5)
    # Words or short phrases whose presence signals the point (synonyms, symbols, names).
    # Optional: the offline judge also matches the text itself.
    cues: list[str] = Field(default_factory=list)
    # System design: which stage of the design this point belongs to.
    stage: str | None = None
    # Wrong claims about this point that interviewers commonly hear.
    misconceptions: list[Misconception] = Field(default_factory=list)

    @model_validator(mode="after")
    def _unique_misconceptions(self) -> "KeyPoint":
        ids = [m.id for m in self.misconceptions]
        dupes = repeated(ids)
        if dupes:
            raise ValueError(f"duplicate misconception ids: {', '.join(dupes)}")
        return self


class FollowUp(Strict):
    """A probe asked when the answer missed the key point (or criterion) it names."""

    probes: Identifier
    prompt: str = Field(min_length=5)


_WORD = re.compile(r"[a-z0-9]+")


def _same_word(said: str, trigger: str) -> bool:
    """The same word, or one the plural of the other ("label" and "labels")."""
    return (
        said == trigger
        or said in (trigger + "s", trigger + "es")
        or (trigger in (said + "s", said + "es"))
    )


class Clarification(Strict):
    """A fact the interviewer reveals only when the candidate asks about it."""

    triggers: list[str] = Field(min_length=1)
    fact: str = Field(min_length=5)

    def asked_in(self, message: str) -> bool:
        """Whether the message names one of the triggers, as whole words in order ("how
        many users" fires `users`; "overall" does not fire `over`, nor "roadmap" `map`)."""
        said = _WORD.findall(message.lower())
        for trigger in self.triggers:
            wanted = _WORD.findall(trigger.lower())
            if not wanted:
                continue
            for start in range(len(said) - len(wanted) + 1):
                window = said[start : start + len(wanted)]
                if all(_same_word(w, t) for w, t in zip(window, wanted, strict=True)):
                    return True
        return False


class Question(Strict):
    id: Identifier
    round: RoundKind
    prompt: str = Field(min_length=10)
    topics: list[Identifier] = Field(min_length=1)
    difficulty: Difficulty
    key_points: list[KeyPoint] = Field(min_length=3, max_length=8)
    follow_ups: list[FollowUp] = Field(default_factory=list)
    hints: list[str] = Field(default_factory=list)
    clarifications: list[Clarification] = Field(default_factory=list)
    # Which roles the question suits (e.g. ml_engineer, research_scientist); empty = all.
    roles: list[Identifier] = Field(default_factory=list)
    # Which career levels the question suits (default: junior to staff).
    levels: LevelRange = Field(default_factory=LevelRange)
    # Coding rounds: the function to write, its tests and solutions.
    coding: CodingSpec | None = None

    @model_validator(mode="after")
    def _coding_block_where_code_runs(self) -> "Question":
        if self.round.runs_code and self.coding is None:
            raise ValueError(f"a {self.round.value} question needs a `coding` block")
        if not self.round.runs_code and self.coding is not None:
            raise ValueError(f"a {self.round.value} question has no `coding` block")
        return self

    @model_validator(mode="after")
    def _follow_ups_name_key_points(self) -> "Question":
        ids = [kp.id for kp in self.key_points]
        dupes = repeated(ids)
        if dupes:
            raise ValueError(f"duplicate key point ids: {', '.join(dupes)}")
        known = set(ids)
        for i, fu in enumerate(self.follow_ups):
            if fu.probes not in known:
                raise ValueError(
                    f"follow_ups[{i}].probes names '{fu.probes}', which is not a key point id "
                    f"of this question (known: {', '.join(sorted(known))})"
                )
        return self

    def key_point(self, key_point_id: str) -> KeyPoint:
        for kp in self.key_points:
            if kp.id == key_point_id:
                return kp
        raise KeyError(key_point_id)

    def follow_up_for(self, key_point_id: str) -> FollowUp | None:
        for fu in self.follow_ups:
            if fu.probes == key_point_id:
                return fu
        return None


def family(question_id: str) -> str:
    """The bank family a question belongs to: its id without the last part
    (`python.numpy` for `python.numpy.memory_layout`)."""
    return question_id.rpartition(".")[0]


def _asks(question: Question) -> str:
    return " ".join([question.prompt, *(kp.text for kp in question.key_points)])


def neighbour_texts(question_id: str, bank: Mapping[str, Question]) -> list[str]:
    """What each other question of the same bank family asks - its prompt and key points as
    one text - in the bank's order: the neighbouring questions, whose answers share the
    area's words but do not answer this one."""
    own = family(question_id)
    if not own:
        return []
    return [_asks(q) for qid, q in bank.items() if qid != question_id and family(qid) == own]


# Rounds answered by a story of the candidate's own past or by code, in their prompts'
# everyday words, rather than by explaining a topic.
_NOT_EXPLAINED = frozenset({RoundKind.behavioral, RoundKind.coding})


def elsewhere_texts(question_id: str, bank: Mapping[str, Question]) -> list[str]:
    """What every question of the bank outside this one's family asks, as neighbour_texts:
    an answer to a neighbouring question of another family or round (mixed precision asked
    about distributed training) shares the area's words too.

    A question that asks to explain a topic is not held against those answered by a story of
    one's past (behavioral) or by code (coding): their prompts are in everyday words ("tell
    me about a time you used data to change a decision", "return whether the brackets are
    balanced"), the words a right answer in everyday words uses, and an answer that tells
    such a story or writes code instead is off topic, which the judge reads apart. Deep
    dives stay: their key points are technical (what was monitored after launch), and an
    answer may be a neighbour's answer to one of them."""
    own = family(question_id)
    asked = bank.get(question_id)
    explained = asked is not None and asked.round not in _NOT_EXPLAINED
    return [
        _asks(q)
        for qid, q in bank.items()
        if qid != question_id
        and family(qid) != own
        and not (explained and q.round in _NOT_EXPLAINED)
    ]
