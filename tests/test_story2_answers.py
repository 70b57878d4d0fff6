"""Right stories told in everyday words on deep-dive and behavioral questions
(tests/data/story2_answers.jsonl, see tests/data/README.md), with controls that must not
rise: vague stories, bad practice told as good, stories about something else, and plain
stories that leave out a heaviest point; all graded before any scoring. And the reading
written for them: a story's covered key points credit their technical terms
(spread.told)."""

import statistics
from pathlib import Path

import pytest

from interviewer.content.loader import load_content
from interviewer.domain.question import KeyPoint
from interviewer.judge import levels, spread
from interviewer.judge.matching import KeyPointMatch
from tests.answer_sets import bank_request, percents_by_kind, scored

DATA = Path(__file__).parent / "data"
DATASET = DATA / "story2_answers.jsonl"


@pytest.fixture(scope="module")
def by_kind() -> dict[str, list[float]]:
    return percents_by_kind(DATASET)


def test_the_set_has_its_kinds(by_kind):
    assert {k: len(v) for k, v in by_kind.items()} == {
        "excellent": 10,
        "good": 9,
        "wrong": 8,
        "vague": 4,
        "offtopic": 3,
    }


def test_right_plain_stories_keep_what_they_score(by_kind):
    # Graded 82-86 (mean 84.6); 47.0 before spread.told, 47.3 after (one story rises: the
    # email-routing error analysis, 55.4 -> 58.7). The rest lose their points to words no
    # key point uses (see the README), not to the technical recall.
    assert statistics.mean(by_kind["excellent"]) >= 45


def test_controls_do_not_rise(by_kind):
    # Graded 3-20. Before and after: wrong 10.4 (two bad-practice stories the judge reads
    # as right, 38.3 and 44.7), vague 9.3, off topic 2.4. Lending to any story that covers
    # a point took the off-topic and a vague story to 21.7 and a wrong one to 48.8
    # (spread.STORY_SHARE).
    assert statistics.mean(by_kind["wrong"]) <= 12
    assert statistics.mean(by_kind["vague"]) <= 12
    assert max(by_kind["offtopic"]) <= 10


def test_stories_missing_their_heaviest_point_stay_under_the_right_ones(by_kind):
    # Graded 54-58; 21.4 before and after.
    assert statistics.mean(by_kind["good"]) < statistics.mean(by_kind["excellent"]) - 15


@pytest.mark.parametrize(
    ("name", "answer_id", "before", "at_least"),
    [
        # Graded 85: two of four points covered, a technical recall of 0 held its quality
        # at level 1 and every criterion with it (56.7).
        ("holdout13", "deep_dive.maths.assumptions.excellent2", 8.2, 50),
        # Graded 85: the objective and its terms' roles covered in everyday words (69.4).
        ("holdout9", "deep_dive.maths.core_method.excellent2", 53.4, 65),
    ],
)
def test_plain_stories_covering_half_their_weight_rise(name, answer_id, before, at_least):
    rows = {item.id: percent for item, percent, _ in scored(DATA / f"{name}_answers.jsonl")}
    assert rows[answer_id] >= at_least > before


def _point(kp_id: str, weight: float, text: str) -> KeyPoint:
    return KeyPoint(id=kp_id, text=text, weight=weight)


POINTS = [
    _point("a", 3, "Names the bottleneck precisely and how it was found (profiling, metrics)."),
    _point("b", 2, "Gives the scale in numbers before and after."),
    _point("c", 3, "Describes the technique used (caching, batching, sharding)."),
    _point("d", 2, "States the trade-off accepted for the gain (accuracy, cost)."),
]


def _matches(**coverage: float) -> list[KeyPointMatch]:
    return [KeyPointMatch(kp.id, coverage.get(kp.id, 0.0), None) for kp in POINTS]


def test_a_story_covering_half_its_weight_has_its_covered_points_lent():
    lent = spread.told(POINTS, _matches(a=0.75, b=0.5, c=0.3), wrong=False)
    # c is under the covering bar: lent nothing; a and b in full at STORY_LEND 1.
    assert lent == {"a": 1.0, "b": 1.0}


def test_a_story_covering_less_than_half_is_lent_nothing():
    # One light point covered in passing (2 of 10) does not show the story answers this.
    assert spread.told(POINTS, _matches(b=0.9, c=0.45, d=0.45), wrong=False) == {}


def test_a_story_that_states_a_point_wrong_is_lent_nothing():
    assert spread.told(POINTS, _matches(a=0.9, c=0.9), wrong=True) == {}


def test_the_reading_off_lends_nothing(monkeypatch):
    monkeypatch.setattr(spread, "STORY_LEND", 0.0)
    assert spread.told(POINTS, _matches(a=0.9, c=0.9), wrong=False) == {}


def test_a_story_covering_half_its_weight_in_lighter_points_is_lent_nothing():
    # b and c carry 4 of 7 of the weight, but the heaviest point is not covered.
    # b alone is covered: 2 of 8 weight would fail the share, so weigh it against light
    # points only.
    points = [
        _point("a", 3, "Names the bottleneck precisely and how it was found."),
        _point("b", 2, "Gives the scale in numbers before and after."),
        _point("c", 2, "States the trade-off accepted for the gain."),
    ]
    matches = [KeyPointMatch(kp.id, c, None) for kp, c in zip(points, (0.4, 0.9, 0.8), strict=True)]
    assert spread.told(points, matches, wrong=False) == {}


def test_a_story_saying_the_terms_as_written_is_lent_nothing():
    # It says a third of its points' terms as written: the field's words, not a paraphrase.
    assert spread.told(POINTS, _matches(a=0.75, b=0.5), wrong=False, technical=0.35) == {}


@pytest.mark.parametrize(("worded", "absent"), [(None, ["evidence_based_resolution"]), (0.5, [])])
def test_a_heaviest_point_is_read_as_left_out_on_the_quality_the_words_reach(worded, absent):
    # A story lent to up to quality level 3 (0.7) whose own words reach level 2 (0.5): its
    # other heaviest point, found at 0, may be told in words no key point uses. Before
    # the lend was read so, plain_answers' own-mistake story fell 62.4 -> 54.5.
    content = load_content()
    question = content.questions["behavioral.conflict.technical_disagreement"]
    request = bank_request(content, question, "A story.")
    cover = {"understood_other_view": 0.8, "result": 0.75, "evidence_based_resolution": 0.0}
    reading = levels.Reading(
        request=request,
        kept=[],
        on_topic=[],
        focused=[],
        matches=[KeyPointMatch(kp.id, cover.get(kp.id, 0.1), None) for kp in question.key_points],
        coverage=0.4,
        relevance=0.1,
        quality=0.7,
        technical_recall=0.1,
        word_count=200,
        topical_words=100,
        worded_quality=worded,
    )
    assert levels._heaviest_absent(reading) == absent
