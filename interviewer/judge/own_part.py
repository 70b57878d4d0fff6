"""Whether a question asks for the candidate's own part in a project.

The deep-dive rubric's ownership criterion ("what they personally did versus the team")
is level 1 for "only 'we'". That is a verdict on an answer to "which parts were yours?",
not on an answer to "what assumptions did your method make?" or "how did you split the
data?", which a senior candidate tells in the team's voice, completely. Whether the
question asks is read from its own words (lexicon `own_part_asked`) and from key points
whose cues say which part was theirs (cues that are `owning` phrases: "i owned", "i
decided"; a reflection's "i would start" is not): content, not question ids.
"""

import re
from functools import lru_cache

from interviewer.domain.judging import JudgeRequest
from interviewer.judge.lexicon import lexicon


@lru_cache(maxsize=1)
def _asking() -> re.Pattern[str]:
    phrases = sorted(lexicon().own_part_asked, key=len, reverse=True)
    body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases) or r"(?!x)x"
    return re.compile(rf"\b(?:{body})\b", re.IGNORECASE)


def asks_own_part(request: JudgeRequest) -> bool:
    """Whether the question, or one of its key points, asks which part was the
    candidate's own."""
    texts = [request.question, *(kp.text for kp in request.key_points)]
    if any(_asking().search(t) for t in texts):
        return True
    owning = set(lexicon().owning)
    return any(_claims_a_part(c, owning) for kp in request.key_points for c in kp.cues)


def _claims_a_part(cue: str, owning: set[str]) -> bool:
    """Whether a key point's cue is an `owning` phrase, or begins with one."""
    words = cue.strip().lower()
    return any(words == p or words.startswith(p + " ") for p in owning if "..." not in p)
