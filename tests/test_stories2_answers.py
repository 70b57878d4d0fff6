"""Stories whose points are said in no key point's words (tests/data/stories2_answers.jsonl
and stories2_aside.jsonl, see tests/data/README.md): per question an excellent story in the
candidate's own words, a strong story that answers a different question, a blame story, a
story in which others did everything, and a vague one, all graded before any scoring. The
bars hold what the judge does now."""

import statistics
from pathlib import Path

import pytest

from tests.answer_sets import scored

DATA = Path(__file__).parent / "data"
KINDS = {"excellent", "offtopic", "blame", "no_own_actions", "vague"}


@pytest.fixture(scope="module")
def judged() -> dict[str, dict[str, float]]:
    """Each answer's percent by question and kind."""
    out: dict[str, dict[str, float]] = {}
    for item, percent, _ in scored(DATA / "stories2_answers.jsonl"):
        assert item.question_id and item.kind
        out.setdefault(item.question_id, {})[item.kind] = percent
    return out


def _all(judged, kind: str) -> list[float]:
    return [kinds[kind] for kinds in judged.values() if kind in kinds]


def test_the_set_has_five_kinds_on_five_questions(judged):
    assert len(judged) == 5
    assert all(set(kinds) == KINDS for kinds in judged.values())


def test_own_words_stories_are_not_floored(judged):
    # Graded 86-88; before this set's change 39.1 (two floored as about something else,
    # 0 and 0), after 67.6 (lowest 47.4: a deep dive on an online test whose guardrails,
    # duration and offline gap are all said in its own words).
    assert statistics.mean(_all(judged, "excellent")) >= 65
    assert min(_all(judged, "excellent")) >= 40


def test_other_question_blame_and_empty_stories_stay_low(judged):
    # Graded 4-20: other question 0.0, blame 6.8, no own actions 13.9 -> 12.9, vague 19.5.
    assert max(_all(judged, "offtopic")) <= 10
    assert statistics.mean(_all(judged, "blame")) <= 12
    assert statistics.mean(_all(judged, "no_own_actions")) <= 18
    assert statistics.mean(_all(judged, "vague")) <= 25
