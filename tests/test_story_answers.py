"""Long narrative answers on nine behavioral and deep-dive questions no other right-answer
set uses, each graded 0-100 by its writer before it was scored
(tests/data/story_answers.jsonl, see tests/data/README.md): per question an excellent
answer, its good twin with one of the question's heaviest key points left out and all the
rest kept (results, figures, a lesson), and a wrong one. The bars were measured when a
behavioral story that leaves out a heaviest point stopped being top on every count of how
it is told (levels.STORY_ABSENT_BOUNDS) and a colleague's conduct stopped raising the
candidate's red flags; they hold what the judge does now."""

import json
import statistics
from pathlib import Path

import pytest

from interviewer.content.loader import load_content
from interviewer.judge import levels
from tests.answer_sets import judged_on, scored

DATASET = Path(__file__).parent / "data" / "story_answers.jsonl"
BEHAVIORAL = Path(__file__).parent / "data" / "behavioral_answers.jsonl"
PLAIN = Path(__file__).parent / "data" / "plain_answers.jsonl"
TELLING = ("star", "ownership", "results", "reflection")


@pytest.fixture(scope="module")
def judged() -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    for item, percent, _ in scored(DATASET):
        assert item.question_id is not None and item.kind is not None
        out.setdefault(item.question_id, {})[item.kind] = percent
    return out


def _all(judged, kind: str) -> list[float]:
    return [kinds[kind] for kinds in judged.values() if kind in kinds]


def test_the_set_has_the_three_kinds_on_nine_questions(judged):
    assert len(judged) == 9
    assert all(set(kinds) == {"excellent", "good", "wrong"} for kinds in judged.values())


def test_kinds_are_ordered_and_good_stories_score_near_their_grade(judged):
    # Graded: excellent 89-90, good 60-62, wrong 4-8. On main before this set's fixes:
    # excellent 65.5, good 56.5, wrong 12.2 (a difficult-teammate story at 0, its excellent
    # twin too). A story's covered points lending it their terms (spread.told, story2)
    # lifts the good stories with the right ones: good 66.8 -> 67.3 (the no-evidence model
    # choice 72.2 -> 75.8), excellent 73.9 -> 77.2.
    means = {k: statistics.mean(_all(judged, k)) for k in ("excellent", "good", "wrong")}
    assert means["excellent"] >= 68, means
    assert means["excellent"] > means["good"] + 4, means
    assert means["good"] > means["wrong"] + 40, means
    assert 55 <= means["good"] <= 68, means
    assert means["wrong"] <= 16, means


def test_no_excellent_answer_is_read_as_a_failure(judged):
    # The difficult-teammate story scored 0: its colleague's "without telling anyone" was
    # read as the candidate hiding something.
    excellent = _all(judged, "excellent")
    assert min(excellent) >= 50, excellent


def test_each_excellent_answer_beats_the_wrong_one_on_its_question(judged):
    for question, kinds in judged.items():
        assert kinds["excellent"] > kinds["wrong"] + 20, question


def _telling(question_id: str, answer: str) -> dict[str, int]:
    result, _ = judged_on(question_id, answer)
    return {c.criterion_id: c.level for c in result.criteria if c.criterion_id in TELLING}


def _answer(answer_id: str, dataset: Path = DATASET) -> tuple[str, str]:
    for line in dataset.read_text().splitlines():
        row = json.loads(line)
        if row["id"] == answer_id:
            return row["question_id"], row["answer"]
    raise KeyError(answer_id)


def test_a_story_that_leaves_out_a_heaviest_point_is_top_on_no_count_of_its_telling():
    # A story of changed requirements that started again from scratch: measured,
    # structured, owned, with a lesson, but what the question probes (reusing what still
    # applied) is not in it.
    question, good = _answer("beh.ambiguity.changing_requirements.good", BEHAVIORAL)
    assert max(_telling(question, good).values()) <= levels.WITHOUT_A_HEAVY_POINT
    question, excellent = _answer("st.conflict.pushback_on_deadline.excellent.story")
    assert max(_telling(question, excellent).values()) == 4


def test_the_ceiling_reads_stories_not_deep_dive_answers(monkeypatch):
    content = load_content()
    behavioral = content.rubrics["behavioral"]
    deep_dive = content.rubrics["deep_dive"]
    assert any(c.offline_signal.value == "star" for c in behavioral.criteria)
    assert not any(c.offline_signal.value == "star" for c in deep_dive.criteria)
    # A deep-dive answer that leaves out its heaviest point (no controlled experiment: 6% of
    # it stated) keeps its measured results at the top, even with the bar above that: its
    # explaining criteria have their own ceiling.
    monkeypatch.setattr(levels, "STORY_ABSENT_BELOW", 0.1)
    question, good = _answer("st.evaluation.online_impact.good.no_experiment")
    result, _ = judged_on(question, good)
    assert {c.criterion_id: c.level for c in result.criteria}["results"] == 4
    # ... while a story with as little of its heaviest point is held below it.
    question, good = _answer("beh.partners.domain_experts.good", BEHAVIORAL)
    assert max(_telling(question, good).values()) <= levels.WITHOUT_A_HEAVY_POINT


def test_a_story_read_in_everyday_words_is_not_held_for_a_point_it_may_say_unread():
    # "I posted in the team channel within the hour saying it was my change ... rather than
    # patching it quietly": none of "admitted the mistake quickly and openly" is read, but
    # the story reads at quality level 2 and keeps its telling (graded 85).
    question, story = _answer("plain.behavioral.ownership.own_mistake.plain", PLAIN)
    assert max(_telling(question, story).values()) == 4
