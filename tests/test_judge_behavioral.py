"""Behavioral answers: a concrete first-person STAR story is recognised as one."""

import pytest

from interviewer.content.loader import load_content
from interviewer.judge import signals
from interviewer.judge.offline import OfflineJudge
from tests.answer_sets import request_for

STORY = (
    "When our fraud model's recall dropped, I owned the investigation. I found a schema "
    "change upstream, added a data validation check, and recall recovered from 61% to 78% "
    "within a week."
)
VAGUE = "We had a problem and we fixed it as a team, it went fine."


@pytest.mark.parametrize(
    ("text", "actions"),
    [
        ("I owned the investigation.", ["I owned"]),
        ("I traced the bug and I retrained the model.", ["I traced", "I retrained"]),
        ("I quickly rebuilt the pipeline.", ["I quickly rebuilt"]),
        ("I wanted a raise and I liked the team.", []),
    ],
)
def test_first_person_actions(text, actions):
    assert signals.ACTION.findall(text) == actions


@pytest.mark.parametrize(
    ("text", "situation", "task"),
    [
        ("on my last team a colleague wanted to buy labels from a vendor.", True, False),
        ("i needed us to pick one before sprint planning.", False, True),
        ("I set out to show the small orders paid for themselves.", False, True),
        ("Free shipping costs money and people like it.", False, False),
    ],
)
def test_a_story_set_and_a_task_said_plainly_are_read(text, situation, task):
    assert bool(signals.SITUATION.search(text)) is situation
    assert bool(signals.TASK.search(text)) is task


async def test_a_concrete_story_beats_a_vague_one_on_structure_and_ownership():
    content = load_content()
    rubric = content.rubrics["behavioral"]
    question = content.questions["behavioral.failure.model_failed_in_production"]

    async def levels(answer):
        result = await OfflineJudge().score(request_for(question, rubric, answer))
        return {c.criterion_id: c.level for c in result.criteria}

    story, vague = await levels(STORY), await levels(VAGUE)
    assert story["star"] >= 3 > vague["star"]
    assert story["ownership"] >= 3 > vague["ownership"]


OFF_TOPIC = (
    "The technical decision I'm proudest of is moving our team from notebooks to a proper "
    "training pipeline. Every experiment now runs from a versioned config, data snapshots are "
    "immutable, and results land in a tracker with the commit hash. I built the first version "
    "myself in a quarter, and the time from idea to trustworthy result dropped from weeks to "
    "days."
)


def test_a_well_told_story_that_answers_another_question_scores_low_on_every_criterion():
    content = load_content()
    rubric = content.rubrics["behavioral"]
    question = content.questions["behavioral.conflict.technical_disagreement"]
    result = OfflineJudge().score_now(request_for(question, rubric, OFF_TOPIC))
    assert not result.covered_key_points
    assert all(c.level == 1 for c in result.criteria), result.criteria


@pytest.mark.parametrize(
    ("text", "examples", "tradeoffs"),
    [
        ("At inference it is off (model.eval() in PyTorch).", ["model.eval", "in PyTorch"], []),
        ("With 0.1% positives accuracy says nothing.", ["0.1"], []),
        ("I would skip it or lower p when the data is huge.", [], ["skip it or lower p when"]),
        ("It also slows convergence, except in small nets.", [], ["slows", "except"]),
        ("Dropout zeroes units during training.", [], []),
    ],
)
def test_concrete_cases_and_costs_are_read_as_examples_and_trade_offs(text, examples, tradeoffs):
    assert signals.EXAMPLE.findall(text) == examples
    assert signals.TRADEOFF.findall(text) == tradeoffs
