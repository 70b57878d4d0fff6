"""Behavioral answers are scored on the competency the question probes, capped by red
flags (data in rubrics/behavioral.yaml), with scope judged against the candidate's level.

The stories below were written, and graded by their writer, before they were scored: a
conflict settled by rank is a weak answer however fluent; one settled on evidence is a
good one, even told with more "we".
"""

import pytest

from interviewer.content.loader import load_content
from interviewer.domain.judging import JudgeResult
from interviewer.domain.levels import CareerLevel
from interviewer.domain.rubric import Rubric
from interviewer.judge import behavioral
from interviewer.judge.llm_judge import judge_system_prompt
from interviewer.judge.offline import OfflineJudge
from interviewer.judge.text import sentences
from tests.answer_sets import request_for

CONFLICT = "behavioral.conflict.technical_disagreement"

SETUP = (
    "Last year our team was building a churn model and my colleague Priya wanted to use a "
    "deep sequence model while I wanted gradient boosting. My task was to get a model into "
    "production by the end of the quarter. "
)
EVIDENCE = SETUP + (
    "I asked her why she preferred the sequence model and she worried that boosting would "
    "miss the order of events; that was a fair point. I proposed that we agree the criteria "
    "first - recall at our review capacity and training cost - and run both models on the "
    "same time-based split for a week. I built the boosting baseline and she built the "
    "sequence model, and we compared them on the held-out month. Boosting matched her "
    "model's recall at a tenth of the cost, so we went with it and I added her event-order "
    "features to it. As a result recall improved from 41% to 63%, and we kept working well "
    "together; since then we agree evaluation criteria before building."
)
# Three ways of settling it by rank, each fluent, first-person and measured.
RANK_STORIES = [
    SETUP
    + (
        "As the senior engineer on the project, I decided we would go with gradient boosting "
        "and I told her we would do it my way. I overruled her in the design review, I wrote "
        "the training pipeline myself and I shipped the model two weeks early. As a result "
        "recall improved from 41% to 63% and the retention team saved about $200k a quarter. "
        "I learned that someone has to make the call quickly."
    ),
    SETUP
    + (
        "We argued for two meetings, so in the end I used my seniority and settled it: "
        "boosting, end of discussion. I built the pipeline, I set up the monitoring and I "
        "launched it on time. Recall went from 41% to 63% within a month."
    ),
    SETUP
    + (
        "I escalated to my manager to force a decision, and he backed me, so we shipped "
        "gradient boosting over her objections. I wrote the features and I deployed the model, "
        "and recall improved from 41% to 63%."
    ),
]


@pytest.fixture(scope="module")
def content():
    return load_content()


def judge(content, question_id: str, answer: str, rubric: Rubric | None = None) -> JudgeResult:
    question = content.questions[question_id]
    rubric = rubric or content.rubrics["behavioral"]
    result = OfflineJudge().score_now(request_for(question, rubric, answer))
    assert result.is_scored, result.reason
    return result


def levels(result: JudgeResult) -> dict[str, int]:
    return {c.criterion_id: c.level for c in result.criteria}


@pytest.mark.parametrize("story", RANK_STORIES)
def test_a_story_about_pulling_rank_scores_below_an_evidence_based_one(content, story):
    rubric = content.rubrics["behavioral"]
    rank = judge(content, CONFLICT, story)
    evidence = judge(content, CONFLICT, EVIDENCE)
    rank_level, evidence_level = rank.fine_level(rubric), evidence.fine_level(rubric)
    assert rank_level is not None and evidence_level is not None
    assert rank_level + 0.5 <= evidence_level, (rank_level, evidence_level)
    assert max(levels(rank).values()) == 1  # the opposite of the competency: the floor
    assert "Red flag - Pulling rank" in rank.feedback
    assert "Red flag" not in evidence.feedback


def test_the_cap_names_the_flag_and_quotes_the_answer(content):
    result = judge(content, CONFLICT, RANK_STORIES[0])
    star = next(c for c in result.criteria if c.criterion_id == "star")
    assert star.level == 1 and "capped at 1: Pulling rank" in star.rationale
    assert any("I overruled her" in quote for quote in star.evidence)
    assert all(quote in RANK_STORIES[0] for quote in star.evidence)


def test_the_competency_criterion_reads_the_questions_key_points(content):
    rubric = content.rubrics["behavioral"]
    assert rubric.criteria[0].id == "competency" and rubric.criteria[0].weight == 3
    evidence = levels(judge(content, CONFLICT, EVIDENCE))["competency"]
    vague = levels(
        judge(
            content,
            CONFLICT,
            SETUP + "We talked about it a lot and eventually it worked out and we shipped it.",
        )
    )["competency"]
    assert evidence > vague


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("I never pulled rank on her; I ran an experiment instead.", None),
        ("Instead of pulling rank, I proposed a one-week test.", None),
        ("I pulled rank and we moved on.", "pulling_rank"),
        ("It was their fault the data was late.", "blame"),
        ("It wasn't my fault, the other team dropped the data.", "blame"),
        ("It was not their fault; the spec was unclear, and I fixed it with them.", None),
        ("That was the platform team's bug, not mine.", "blame"),
        ("It was my mistake, and I told the team right away.", None),
        ("I didn't tell anyone and quietly reverted it.", "covered_up"),
        ("I told them the model had definitely won and left the interval out.", "covered_up"),
        ("I argued in the review until everyone was tired.", "pulling_rank"),
        ("Rather than run an experiment, I picked the model I liked.", "ignored_evidence"),
        ("I did not ask why she wanted it.", "ignored_evidence"),
        ("I went along with it, because raising a concern would have slowed things.", "went_along"),
        ("I don't think there is a lesson for me: mistakes like that just happen.", "no_lesson"),
        ("I never went along with it; I raised the concern with legal the same day.", None),
        # The candidate's own conduct is flagged only when the candidate is the one doing it:
        # a colleague who kept changes quiet is the situation the story answers.
        ("A senior colleague kept rewriting the configs without telling anyone.", None),
        ("My manager pulled rank, so I proposed a one-week test to settle it.", None),
        ("He overruled them in the review, and I asked for the data.", None),
        ("I kept rewriting the configs without telling anyone.", "covered_up"),
        ("My manager asked me to ship, and I didn't raise it.", "went_along"),
        ("A colleague found the bug and I quietly reverted it.", "covered_up"),
        ("The other team complained, but we shipped it without telling anyone.", "covered_up"),
    ],
)
def test_a_flag_is_raised_by_what_a_sentence_states_not_by_denying_it(content, text, flag):
    rubric = content.rubrics["behavioral"]
    stated = [r.flag.id for r in behavioral.raised_flags(rubric, sentences(text)) if r.flag.cues]
    assert stated == ([flag] if flag else [])


def test_a_story_with_no_result_or_no_own_action_is_capped(content):
    no_result = SETUP + (
        "I asked her why she preferred it, I proposed agreed criteria and I built a baseline "
        "to compare against her model on a held-out month."
    )
    capped = levels(judge(content, CONFLICT, no_result))
    assert capped["results"] <= 2 and capped["star"] <= 2
    team_only = (
        "Our team disagreed about the churn model. We talked it through, we ran a comparison "
        "and we went with boosting; recall improved from 41% to 63%."
    )
    result = judge(content, CONFLICT, team_only)
    assert levels(result)["competency"] <= 2 and levels(result)["ownership"] <= 2
    assert "No action of your own" in result.feedback


ORG_STORY = (
    "Last year every team trained models with its own ad-hoc evaluation. I wrote an "
    "evaluation checklist and a shared test harness, piloted it with my team, and then it "
    "was adopted by three other teams across the organisation; release rollbacks fell from "
    "six a quarter to one."
)
TASK_STORY = (
    "Last year I was assigned a ticket to fix the bug in the feature script that dropped "
    "null rows. I traced it, I wrote a test and I fixed it in a day, and the nightly job "
    "stopped failing."
)


def scope_level(content, answer: str, level: CareerLevel) -> int:
    rubric = content.rubrics["behavioral"].at_level(level)
    return levels(judge(content, "behavioral.ownership.beyond_your_role", answer, rubric))["scope"]


def test_scope_is_judged_against_the_candidates_level(content):
    assert scope_level(content, TASK_STORY, CareerLevel.junior) == 3
    assert scope_level(content, TASK_STORY, CareerLevel.senior) == 1
    assert scope_level(content, ORG_STORY, CareerLevel.senior) == 4
    assert scope_level(content, ORG_STORY, CareerLevel.staff) == 3


def test_a_rubric_at_a_level_carries_that_levels_weights_and_expectations(content):
    rubric = content.rubrics["behavioral"]
    junior, staff = rubric.at_level(CareerLevel.junior), rubric.at_level(CareerLevel.staff)
    assert junior.criterion("scope").weight < rubric.criterion("scope").weight
    assert staff.criterion("scope").weight > rubric.criterion("scope").weight
    assert staff.level is CareerLevel.staff and list(staff.by_level) == [CareerLevel.staff]
    assert staff.expectation is not None and "organisation" in staff.expectation.scope


def test_the_llm_judge_is_told_the_level_the_scope_ladder_and_the_red_flags(content):
    prompt = judge_system_prompt(content.rubrics["behavioral"].at_level(CareerLevel.senior))
    assert "interviewing at senior level" in prompt
    assert "Reaching team is level 3 here" in prompt
    assert "- Pulling rank:" in prompt and "Caps every criterion at level 1" in prompt
