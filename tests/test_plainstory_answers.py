"""Strong stories told in plain everyday sentences (tests/data/plainstory_answers.jsonl, see
tests/data/README.md): per question an excellent story in everyday words and its twin in
STAR and technical vocabulary, a good one with one heavy point left out, a vague one, a
fluent empty one, a strong story that answers another question, and a buzzword list, all
graded before any scoring. The bars hold what the judge does now; the strict xfails are
what it does not do yet."""

import json
import statistics
from pathlib import Path

import pytest

from interviewer.judge import clauses, offline
from interviewer.judge.text import sentences
from tests.answer_sets import judged_on, scored

DATASET = Path(__file__).parent / "data" / "plainstory_answers.jsonl"
KINDS = {"excellent", "good", "vague", "filler", "offtopic", "salad"}


@pytest.fixture(scope="module")
def judged() -> dict[str, dict[str, float]]:
    """Each answer's percent by question and by kind (excellent: by variant)."""
    out: dict[str, dict[str, float]] = {}
    for item, percent, _ in scored(DATASET):
        assert item.question_id and item.kind and item.variant
        key = f"excellent.{item.variant}" if item.kind == "excellent" else item.kind
        out.setdefault(item.question_id, {})[key] = percent
    return out


def _all(judged, key: str) -> list[float]:
    return [kinds[key] for kinds in judged.values() if key in kinds]


def test_the_set_has_seven_answers_on_eight_questions(judged):
    assert len(judged) == 8
    for kinds in judged.values():
        assert {k.split(".")[0] for k in kinds} == KINDS
        assert {"excellent.plain", "excellent.star"} <= set(kinds)


def test_stories_in_the_usual_vocabulary_score_near_their_grade(judged):
    # Graded 90; before this set's changes 85.8.
    assert statistics.mean(_all(judged, "excellent.star")) >= 80


def test_plain_stories_keep_what_they_score(judged):
    # Graded 87; before this set's changes 62.0 (one floored as off the question), 63.7
    # once a story's narration is read on topic.
    assert statistics.mean(_all(judged, "excellent.plain")) >= 60


@pytest.mark.xfail(strict=True, reason="plain stories say their points in words no key point uses")
def test_plain_stories_reach_the_bar(judged):
    assert statistics.mean(_all(judged, "excellent.plain")) >= 75


def test_empty_salad_and_other_question_answers_stay_low(judged):
    # Graded 3-6. Before: fluent empty 6.5, buzzword 0, another question's story 10.6 (one
    # at 58: a fairness story told to "better or on time", whose fix cost a point of
    # accuracy the committee accepted, reads as a quality bar).
    assert statistics.mean(_all(judged, "filler")) <= 12
    assert statistics.mean(_all(judged, "salad")) <= 5
    assert statistics.mean(_all(judged, "offtopic")) <= 15
    assert max(_all(judged, "salad")) <= 10


@pytest.mark.xfail(strict=True, reason="a story whose words are all its own reads as off topic")
def test_a_plain_story_about_a_privacy_request_is_not_floored(judged):
    # "asked me to take the location history ... to guess which members were pregnant",
    # "broke what members had signed up for", "the data protection rules forbid": graded 87.
    assert judged["behavioral.ethics.pressure_to_cut_corners"]["excellent.plain"] >= 40


@pytest.mark.parametrize(
    ("text", "told"),
    [
        ("I sat with the finance lead and went through the numbers line by line.", True),
        ("We fixed the join the same afternoon.", True),
        ("Then I wrote to the teams who used the report.", True),
        ("I always take ownership and drive impact across stakeholders.", False),
        ("I believe the best engineers turn ambiguity into clarity.", False),
        ("The report was given to me by finance.", False),
    ],
)
def test_a_clause_narrates_what_the_speaker_did(text, told):
    read = clauses.read(sentences(text))
    assert any(clauses.narrates(c) for c in read.clauses) is told


def _answer(path: Path, answer_id: str) -> tuple[str, str]:
    for line in path.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        if item["id"] == answer_id:
            return item["question_id"], item["answer"]
    raise KeyError(answer_id)


def test_a_story_is_not_floored_for_a_doubt_said_in_passing():
    # One hedged clause ("I am not sure...") outweighed the whole story, whose sentences
    # read as off the question's vocabulary: it was floored as saying only what the
    # candidate does not know.
    # A plain deep dive graded 86 (it scores 60 as it is), with a doubt added at the end.
    question, story = _answer(
        DATASET.with_name("design_dive_unseen_answers.jsonl"),
        "dd5.deep_dive.problem.framing_as_ml.excellent.plain",
    )
    doubt = " Honestly, I am not sure it was the best way to handle it, and I still wonder."
    result, percent = judged_on(question, story + doubt)
    assert not result.feedback.startswith("Scored at the floor"), result.feedback
    assert percent is not None and percent >= 40


def test_a_hedge_beside_filler_is_still_floored():
    answer = (
        "I can't think of a time something I built failed after it went live. I've heard "
        "of post-mortems and rollbacks. I always take ownership, I communicate "
        "transparently with stakeholders, and I believe every setback is a chance to grow."
    )
    _, percent = judged_on("behavioral.failure.model_failed_in_production", answer)
    assert percent == 0.0


def _scored(answer_id: str, path: Path = DATASET) -> tuple[float, float]:
    """An answer's percent with its narration read on topic, and without."""
    question, answer = _answer(path, answer_id)
    _, on = judged_on(question, answer)
    offline.NARRATION_ON_TOPIC = False
    try:
        _, off = judged_on(question, answer)
    finally:
        offline.NARRATION_ON_TOPIC = True
    assert on is not None and off is not None
    return on, off


def test_a_plain_story_that_states_a_point_is_read_through_its_narration():
    # Monitoring told in everyday words: "If either moved far from normal, the person on
    # duty that week got a message", "Once a retrained model came out worse because...".
    # Graded 87: 60.4 with only its sentences in the key points' words read.
    on, off = _scored("ps.production.monitoring_retraining.excellent.plain")
    assert on >= 65 > off


@pytest.mark.parametrize(
    ("answer_id", "path"),
    [
        # Another question's story (a fairness fix told to "better or on time"), graded 5.
        ("ps.prioritisation.perfect_vs_shipped.offtopic.other_question", DATASET),
        # "so we didn't need to check them": what was not done narrates nothing. Graded 6.
        (
            "st_aside.data.sources_and_labels.wrong.labels_perfect",
            DATASET.with_name("story_aside.jsonl"),
        ),
        # "I rewrote her pull requests instead of reviewing them", graded 5.
        (
            "fw.behavioral.leadership.growing_people.wrong_later1",
            DATASET.with_name("fluent_wrong_answers.jsonl"),
        ),
        # "We tried to handle it by cleaning the data...": one sentence sums the story up.
        (
            "dd5.deep_dive.maths.assumptions.vague",
            DATASET.with_name("design_dive_unseen_answers.jsonl"),
        ),
    ],
)
def test_narration_lifts_no_wrong_story(answer_id, path):
    on, off = _scored(answer_id, path)
    assert on <= off + 0.5, (on, off)
