"""Key-point coverage: how much of each reference key point an answer contains.

v0: stemmed content-word overlap plus the key point's cue phrases. The calibration
issue replaces the internals; the signature stays.
"""

import re
from functools import lru_cache

import snowballstemmer

from interviewer.domain.question import KeyPoint

_STEMMER = snowballstemmer.stemmer("english")
_WORD = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")
STOPWORDS = frozenset(
    """a an the and or but if then else of to in on at by for with from as is are was were be
    been being it its this that these those there here what which who whom whose when where why
    how do does did done can could should would will shall may might must not no nor so than too
    very just also into out up down over under about between through during before after above
    below again further once all any both each few more most other some such only own same i you
    he she we they me him her us them my your his our their mine yours ours theirs am has have
    had having one two use used using way ways get gets make makes like well""".split()
)

COVERED_AT = 0.5


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    return str(_STEMMER.stemWord(word))


def content_stems(text: str) -> list[str]:
    return [stem(w) for w in _WORD.findall(text.lower()) if w not in STOPWORDS]


def key_point_coverage(answer: str, key_points: list[KeyPoint]) -> dict[str, float]:
    """Per key point id, a coverage in [0, 1]."""
    answer_stems = set(content_stems(answer))
    lowered = answer.lower()
    coverage: dict[str, float] = {}
    for kp in key_points:
        if any(cue.lower() in lowered for cue in kp.cues):
            coverage[kp.id] = 1.0
            continue
        stems = set(content_stems(kp.text))
        coverage[kp.id] = len(stems & answer_stems) / len(stems) if stems else 0.0
    return coverage


def missed_key_points(answer: str, key_points: list[KeyPoint]) -> list[str]:
    """Key point ids not covered, heaviest first (ties keep the question's order)."""
    coverage = key_point_coverage(answer, key_points)
    missed = [kp for kp in key_points if coverage[kp.id] < COVERED_AT]
    missed.sort(key=lambda kp: -kp.weight)
    return [kp.id for kp in missed]
