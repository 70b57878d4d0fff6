"""Reading a behavioral story for what STAR markers miss: how far it reached (scope) and
the red flags that cap it (blame, no own action, no result, pulling rank).

Both are data in the rubric: a scope criterion's anchors (task, project, team, org) carry
the phrases that show each rung, and each red flag the phrases that state it or the thing
whose absence raises it. This module only reads them.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

from interviewer.domain.judging import CriterionScore
from interviewer.domain.rubric import Criterion, RedFlag, RedFlagAbsence, Rubric
from interviewer.judge import signals
from interviewer.judge.lexicon import lexicon
from interviewer.judge.text import Sentence

# Words that, a few words before a phrase, deny it: "I never pulled rank".
_NEGATORS = frozenset(
    ["not", "never", "no", "without", "nor", "avoid", "avoided", "instead", "rather"]
)
_NEGATION_WINDOW = 4


def _normal(text: str) -> str:
    return text.replace("’", "'").replace("‘", "'").lower()


# What "..." in a phrase stands for: up to six words ("i ... learned" reads "i quickly
# learned", "the ... project" reads "the churn model project").
_GAP = r"(?:\s+[\w'-]+){0,6}?\s+"


@lru_cache(maxsize=4096)
def _phrase(cue: str) -> re.Pattern[str]:
    pieces = [
        r"\s+".join(re.escape(w) for w in piece.split())
        for piece in _normal(cue).split("...")
        if piece.strip()
    ]
    return re.compile(r"(?<![\w'])" + _GAP.join(pieces) + r"(?![\w'])")


def _negated(text: str, start: int) -> bool:
    before = re.findall(r"[\w']+", text[:start])[-_NEGATION_WINDOW:]
    return any(w in _NEGATORS or w.endswith("n't") for w in before)


@lru_cache(maxsize=4096)
def _longest_word(cue: str) -> str:
    """The phrase's longest word: a text without it does not hold the phrase."""
    return max(_normal(cue).replace("...", " ").split(), key=len, default="")


def states(cue: str, sentence: str) -> bool:
    """Whether the sentence says the phrase, not denied just before it."""
    return _states(cue, _normal(sentence))


def _states(cue: str, text: str) -> bool:
    if _longest_word(cue) not in text:
        return False  # most sentences, for most phrases: no need to run its pattern
    return any(not _negated(text, m.start()) for m in _phrase(cue).finditer(text))


def stating(cues: list[str], parts: list[Sentence]) -> list[str]:
    """The sentences that state one of the phrases."""
    out = []
    for s in parts:
        text = _normal(s.text)  # once a sentence, not once a phrase
        if any(_states(c, text) for c in cues):
            out.append(s.text)
    return out


# --- scope --------------------------------------------------------------------------------


def scope(
    criterion: Criterion, rubric: Rubric, parts: list[Sentence]
) -> tuple[int, list[str], str]:
    """The level for how far the story reached: the highest anchor whose phrases it says.

    With `expected_anchor` for the rubric's career level, reaching that rung is level 3,
    a rung above 4, each rung below one less; without it the ladder is absolute (first
    rung 1, ...)."""
    reached, evidence = -1, []
    for rung, anchor in enumerate(criterion.anchors):
        found = stating(anchor.cues, parts)
        if found:
            reached, evidence = rung, found
    expected = criterion.expected_rung(rubric.level)
    level = reached + 1 if expected is None else 3 + reached - expected
    level = max(1, min(4, level))
    name = criterion.anchors[reached].id if reached >= 0 else "none shown"
    where = (
        f" ({rubric.level.value} expects {criterion.anchors[expected].id})"
        if (expected is not None and rubric.level is not None)
        else ""
    )
    return level, evidence[:3], f"scope reached: {name}{where}"


# --- red flags ----------------------------------------------------------------------------


@dataclass(frozen=True)
class RaisedFlag:
    flag: RedFlag
    evidence: list[str]  # the sentences that state it; empty for a flag raised by absence

    def describe(self) -> str:
        quote = f' ("{self.evidence[0]}")' if self.evidence else ""
        return f"{self.flag.name}{quote}"


def _absent(what: RedFlagAbsence, parts: list[Sentence]) -> bool:
    if what is RedFlagAbsence.own_action:
        return not signals.find(signals.ACTION, parts).count
    outcomes = (
        signals.find(signals.RESULT, parts).count + signals.find(signals.MEASURE, parts).count
    )
    return not outcomes


# Where a clause ends, for who a clause is about: punctuation and the conjunctions that
# start another clause ("..., so I told them", "and then she").
_CLAUSE_BREAK = re.compile(
    r"[,;:()\u2013\u2014]|\s-\s|\b(?:and|but|so|because|since|then|while|until|though|although)\b"
)


def _said_of_another(sentence: str, cue: str) -> bool:
    """Whether every place the sentence says the phrase is in a clause whose subject is
    someone else: a third party named before it in that clause and no first person ("a
    senior colleague kept rewriting the configs without telling anyone")."""
    words = lexicon()
    mine, theirs = set(words.first_person), set(words.third_parties)
    text = _normal(sentence)
    for match in _phrase(cue).finditer(text):
        if _negated(text, match.start()):
            continue
        clause = _CLAUSE_BREAK.split(text[: match.start()])[-1]
        said = set(re.findall(r"[\w']+", clause))
        if not (said & theirs) or said & mine:
            return False
    return True


def _flag_stating(flag: RedFlag, parts: list[Sentence]) -> list[str]:
    """The sentences that state one of the flag's phrases; for a flag of the candidate's
    own conduct, not those that say it only of someone else."""
    found = stating(flag.cues, parts)
    if not flag.own_conduct:
        return found
    return [s for s in found if not all(_said_of_another(s, c) for c in flag.cues if states(c, s))]


def raised_flags(rubric: Rubric, parts: list[Sentence]) -> list[RaisedFlag]:
    raised = []
    for flag in rubric.red_flags:
        evidence = _flag_stating(flag, parts) if flag.cues else []
        if evidence or (flag.absent is not None and _absent(flag.absent, parts)):
            raised.append(RaisedFlag(flag, evidence[:2]))
    return raised


def cap(
    rubric: Rubric, criteria: list[CriterionScore], raised: list[RaisedFlag]
) -> list[CriterionScore]:
    """Each criterion held at or below the caps of the flags that name it."""
    capped = []
    for score in criteria:
        binding = [
            r for r in raised if not r.flag.criteria or score.criterion_id in r.flag.criteria
        ]
        limit = min((r.flag.cap for r in binding), default=4)
        if score.level <= limit:
            capped.append(score)
            continue
        quotes = [q for r in binding for q in r.evidence]
        capped.append(
            score.model_copy(
                update={
                    "level": limit,
                    "progress": None,
                    "evidence": list(dict.fromkeys([*quotes, *score.evidence]))[:3],
                    "rationale": f"{score.rationale}; capped at {limit}: "
                    + ", ".join(r.flag.name for r in binding),
                }
            )
        )
    return capped


def feedback(raised: list[RaisedFlag]) -> list[str]:
    return [f"Red flag - {r.describe()}: {r.flag.advice}" for r in raised]


# --- for the LLM judge --------------------------------------------------------------------


def prompt_lines(rubric: Rubric) -> list[str]:
    """What the rubric says beyond its criteria, for a grader reading it: the career level
    and what it expects, the scope ladder, and the red flags with their caps."""
    lines: list[str] = []
    expectation = rubric.expectation
    if rubric.level is not None:
        lines += ["", f"The candidate is interviewing at {rubric.level.value} level."]
        if expectation is not None and expectation.summary():
            lines.append(f"Expected at this level: {expectation.summary()}.")
    for criterion in rubric.criteria:
        if not criterion.anchors:
            continue
        lines += ["", f"Scope ladder for `{criterion.id}`, smallest reach first:"]
        lines += [f"  {a.id}: {a.description}" for a in criterion.anchors]
        rung = criterion.expected_rung(rubric.level)
        if rung is not None:
            lines.append(
                f"  Reaching {criterion.anchors[rung].id} is level 3 here; a rung above is 4, "
                "each rung below one level less."
            )
    if rubric.red_flags:
        lines += ["", "Red flags (each caps the criteria it names, however well told):"]
        for flag in rubric.red_flags:
            names = ", ".join(flag.criteria) or "every criterion"
            lines.append(f"- {flag.name}: {flag.recognise} Caps {names} at level {flag.cap}.")
    return lines
