"""How the offline judge reads a story's lesson, its reach and its parts when they are
said in the candidate's own words, in any case: the reflection criterion reads a lesson
and a change in behaviour (lexicon `lessons`, `changes`, `applied`), scope anchors read
phrases with gaps ("the ... project"), and STAR reads a scene and a task said plainly."""

import pytest

from interviewer.content.loader import load_content
from interviewer.judge import behavioral, levels, signals
from interviewer.judge.offline import OfflineJudge
from tests.answer_sets import request_for

QUESTION = "behavioral.ambiguity.vague_request"
STORY = (
    "I was asked to use ML to improve stock in the stores, a vague request with no "
    "definition of success. I talked to the stakeholders to find the real goal, and we "
    "agreed the target: fewer empty shelves on fresh food. I built a quick baseline for one "
    "store first, showed the store lead the list after a week and adjusted it. We rolled it "
    "out to twelve stores and empty shelves fell by a quarter in two months, measured "
    "against the target we had agreed."
)
LESSON = " What I learned is to ask which decision a request is for before building anything."
CHANGE = " Since then I write the decision down with the requester at the first meeting."
APPLIED = " On the next project that note took ten minutes and nobody argued about the goal."


def _levels(answer: str) -> dict[str, int]:
    content = load_content()
    question = content.questions[QUESTION]
    result = OfflineJudge().score_now(request_for(question, content.rubrics["behavioral"], answer))
    return {c.criterion_id: c.level for c in result.criteria}


def test_reflection_reads_the_lesson_the_change_and_the_change_applied():
    found = [
        _levels(STORY + extra)["reflection"]
        for extra in ("", LESSON, LESSON + CHANGE, LESSON + CHANGE + APPLIED)
    ]
    assert found[1] >= 2
    assert found[2] == 3
    assert found[3] == 4
    assert found == sorted(found)


def test_a_lesson_said_in_lower_case_counts_as_in_upper_case():
    upper = _levels(STORY + LESSON + CHANGE)
    lower = _levels((STORY + LESSON + CHANGE).lower())
    assert lower["reflection"] == upper["reflection"] == 3


def test_reflection_read_by_explanations_alone_misses_the_lesson(monkeypatch):
    # The setting can fail the test above: read as depth, the lesson is not what counts.
    monkeypatch.setattr(levels, "REFLECTION_READS", "depth")
    assert _levels(STORY + LESSON + CHANGE + APPLIED)["reflection"] < 4


def test_a_denied_lesson_is_no_lesson():
    assert not behavioral.stating(["i learned"], [_sentence("I never learned anything.")])


@pytest.mark.parametrize(
    ("phrase", "text", "states"),
    [
        ("the ... project", "I took over the demand forecasting project.", True),
        ("my ... team", "on my old team nobody could rerun a result", True),
        ("all ... teams", "within two quarters all four teams had moved", True),
        ("the ... project", "the project", True),
        ("my ... team", "my manager asked the platform people", False),
    ],
)
def test_a_gap_in_a_phrase_reads_a_few_words(phrase, text, states):
    assert behavioral.states(phrase, text) is states


def test_scope_reads_a_team_named_in_other_words():
    plain = STORY.replace("We rolled it out to twelve stores", "Twelve stores use it")
    assert _levels(plain)["scope"] == 1
    assert _levels(plain + " It became how my whole team plans stock.")["scope"] >= 3


@pytest.mark.parametrize(
    ("text", "situation", "task"),
    [
        ("so this was at a delivery startup.", True, False),
        ("on the pricing team the pipeline broke every week.", True, False),
        ("the boss asked me to take it over and ship it.", False, True),
        ("the job of sorting it out fell to me.", False, True),
        ("i wanted everyone to log their runs in one place.", False, True),
        ("Free shipping costs money and people like it.", False, False),
    ],
)
def test_a_scene_and_a_task_said_plainly_in_lower_case_are_read(text, situation, task):
    assert bool(signals.SITUATION.search(text)) is situation
    assert bool(signals.TASK.search(text)) is task


def _sentence(text: str):
    from interviewer.judge.text import Sentence

    return Sentence(text, 0)


def test_a_point_that_lists_examples_is_stated_by_one_of_them():
    from interviewer.domain.question import KeyPoint
    from interviewer.judge.matching import COVERED_AT, match_key_points

    point = KeyPoint(
        id="lowered_friction",
        text="Made adoption cheap (templates, documentation, pairing, automation).",
        weight=2,
    )
    story = "Adoption was my goal, so I wrote a template for the team."
    one = match_key_points(story, [point], examples_as_one=True)[0]
    every = match_key_points(story, [point])[0]
    assert one.coverage >= COVERED_AT > every.coverage
    # A word that brushes an example ("clearly" for "clear guidelines") states none of it.
    brushed = "I made sure adoption was cheap and communicated clearly."
    assert match_key_points(brushed, [point], examples_as_one=True)[0].coverage == pytest.approx(
        match_key_points(brushed, [point])[0].coverage
    )


def test_denying_what_a_point_sets_aside_agrees_with_it():
    content = load_content()
    question = content.questions["behavioral.leadership.cross_team_initiative"]
    story = (
        "Four teams each computed the same features their own way, and none of them reported "
        "to me. I didn't ask for a favour. I went to each team with its own incidents and what "
        "they had cost. I did the first integration for a willing pilot team and wrote the guide."
    )
    result = OfflineJudge().score_now(request_for(question, content.rubrics["behavioral"], story))
    assert not result.misconceptions


@pytest.mark.parametrize(
    ("point", "sentence", "kind"),
    [
        (
            "States what the candidate needed to achieve or decide.",
            "my manager asked me to take it over.",
            "own_part",
        ),
        (
            "States the measured outcome - delivered, recovered, improved by how much.",
            "we went live and waste fell 12 percent.",
            "outcome",
        ),
    ],
)
def test_a_story_says_its_own_part_and_its_outcome_in_its_own_words(point, sentence, kind):
    from interviewer.judge import asks

    assert kind in asks.asked_kinds(point)
    assert asks.supplied(sentence, [kind]) == 1


def test_a_lesson_learned_as_a_habit_is_a_change_in_behaviour():
    # "I learned to X" says both what the story taught and how the candidate works since.
    habit = " I learned to ask which decision a request is for before building anything."
    assert _levels(STORY + habit)["reflection"] == 3


def test_a_story_with_no_action_of_the_candidates_own_is_held_low_on_every_count():
    # Only "we", "the team" and what happened: how far it reached and what it taught are
    # not the candidate's either.
    told = (
        "We were asked to use ML to improve stock in the stores, a vague request with no "
        "definition of success. The team talked to the stakeholders and agreed the target: "
        "fewer empty shelves on fresh food. A quick baseline was built for one store first "
        "and shown to the store lead. It was rolled out to twelve stores and empty shelves "
        "fell by a quarter in two months. Looking back, it went well for the whole team."
    )
    assert max(_levels(told).values()) <= 2
