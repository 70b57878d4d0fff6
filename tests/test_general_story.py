"""A story told only at the level of its stages (general_story.py): short, and no
quantity stated - no figure, number word, month or cadence. It is held under a general
answer's credit on every criterion; the same story with how many or how long in it is
read as before."""

import pytest

from interviewer.judge import general, general_story
from tests.answer_sets import judged_on

# holdout15's vague cross-team story (graded 14; 55.8 before the reading).
STAGES = (
    "I once led an initiative to improve how several teams worked together on our ML "
    "systems. It was challenging because I didn't have direct authority, so I had to rely "
    "on influence and communication. I talked to a lot of stakeholders, got buy-in over "
    "time, and eventually most teams came on board. It was a good experience and I learned "
    "a lot about leadership and collaboration."
)
QUESTION = "behavioral.leadership.cross_team_initiative"
CEILING = general.GENERAL_CREDIT / 3.0 * 100.0 + 0.05  # level 1 and the credit, in percent


@pytest.mark.parametrize(
    "text",
    [
        "five of the seven teams switched",
        "it took 3 weeks",
        "within a month they had switched",
        "we retrained weekly",
        "in March the flag rate doubled",
        "complaints fell by half",
        "it cost us about $300k",
    ],
)
def test_a_quantity_in_figures_or_words_is_read(text):
    assert general_story.states_a_quantity(text)


@pytest.mark.parametrize(
    "text",
    [
        "I talked to a lot of stakeholders and got buy-in over time",
        "eventually most teams came on board",
        "we looked at a few alternatives and the one we picked worked best",
        "it took a while but things got much better",
    ],
)
def test_vague_amounts_are_not_quantities(text):
    assert not general_story.states_a_quantity(text)


def test_a_long_story_is_not_a_general_one(monkeypatch):
    assert general_story.general_story(STAGES, len(STAGES.split()))
    monkeypatch.setattr(general_story, "STORY_WORDS", 40)
    assert not general_story.general_story(STAGES, len(STAGES.split()))
    monkeypatch.setattr(general_story, "STORY_WORDS", 0)
    assert not general_story.general_story(STAGES, len(STAGES.split()))


def test_a_story_told_in_stages_is_held_under_the_general_credit():
    result, percent = judged_on(QUESTION, STAGES)
    assert percent is not None and percent <= CEILING, percent
    assert all(c.level == 1 for c in result.criteria)  # read as a general answer is
    assert any("no quantity" in c.rationale for c in result.criteria)


def test_the_same_story_with_how_many_and_how_long_reads_as_before():
    told = STAGES.replace("most teams", "four of the five teams").replace(
        "over time", "over three months"
    )
    _, before = judged_on(QUESTION, STAGES)
    _, after = judged_on(QUESTION, told)
    assert before is not None and after is not None and after > before + 20, (before, after)


def test_off_the_story_reads_as_it_did(monkeypatch):
    monkeypatch.setattr(general_story, "STORY_WORDS", 0)
    _, percent = judged_on(QUESTION, STAGES)
    assert percent is not None and percent > CEILING


def test_a_breadth_answer_is_not_a_story():
    answer = (
        "Bagging and boosting are both ensemble methods that combine several models to get "
        "better performance, and they help with different kinds of error."
    )
    result, _ = judged_on("breadth.ensembles.bagging_vs_boosting", answer)
    assert not any("no quantity" in c.rationale for c in result.criteria)


def test_a_story_that_reads_under_the_credit_keeps_its_reading(monkeypatch):
    # holdout13's vague story to the product-manager question (graded 12): read 9.0 before.
    answer = (
        "I've worked with product managers who saw things differently from me, which is "
        "pretty common. I think the key is communication - listening to their perspective, "
        "explaining mine, and finding a compromise that works for both sides. In the end we "
        "aligned on the goals and the project went well."
    )
    question = "behavioral.partners.product_manager_metric"
    _, on = judged_on(question, answer)
    monkeypatch.setattr(general_story, "STORY_WORDS", 0)
    _, off = judged_on(question, answer)
    assert on is not None and on == off and on < CEILING, (on, off)
