"""The shipped bank, rubrics and scenarios, and the coverage report over them."""

import json
from itertools import pairwise
from pathlib import Path

import pytest

from interviewer.cli import main
from interviewer.commands import bank as bank_command
from interviewer.content.coverage import (
    GROUP_REQUIREMENTS,
    NEW_SYSTEM_DESIGN_PROMPTS,
    REQUIREMENTS,
    SYSTEM_DESIGN_PROMPTS,
    GroupRequirement,
    RoundRequirement,
    coverage,
    summarize,
)
from interviewer.content.loader import Content, load_content
from interviewer.domain.levels import CareerLevel
from interviewer.domain.question import Difficulty, RoundKind
from interviewer.domain.selection import eligible_questions

KNOWN_ROLES = {"ml_engineer", "research_scientist", "data_scientist"}
DESIGN_STAGES = {
    "goal",
    "metrics",
    "data",
    "features",
    "baseline",
    "model",
    "training",
    "evaluation",
    "serving",
    "monitoring",
    "fairness",
}


@pytest.fixture(scope="module")
def shipped() -> Content:
    return load_content()


def test_every_shipped_file_validates(shipped):
    assert [str(e) for e in shipped.errors] == []


# Minimums of issue 11 whose content is still being written: each is removed from here once
# its content has landed (all have now), and nothing else may be short.
AWAITED: set[tuple[str, str | None]] = set()


def test_every_checklist_topic_meets_its_minimum(shipped):
    report = coverage(shipped.questions)
    short = [t.headline() for t in report.shortfalls if (t.round, t.topic) not in AWAITED]
    assert short == []


def test_no_two_questions_share_a_prompt(shipped):
    seen: dict[str, str] = {}
    for q in shipped.questions.values():
        norm = " ".join(q.prompt.lower().split())
        assert norm not in seen, f"{q.id} repeats the prompt of {seen.get(norm)}"
        seen[norm] = q.id


def test_every_follow_up_names_an_existing_key_point(shipped):
    for q in shipped.questions.values():
        ids = {kp.id for kp in q.key_points}
        for fu in q.follow_ups:
            assert fu.probes in ids, f"{q.id}: follow-up probes unknown '{fu.probes}'"


def test_every_question_has_follow_ups_hints_and_cued_key_points(shipped):
    for q in shipped.questions.values():
        assert len(q.follow_ups) >= 2, q.id
        assert q.hints, q.id
        for kp in q.key_points:
            # Cues state the claim (a phrase in the right direction, not a bare term), so a
            # point needs a few phrasings; past a dozen it is a word list, not a claim.
            assert 2 <= len(kp.cues) <= 12, f"{q.id}.{kp.id} has {len(kp.cues)} cues"


def test_no_cue_is_a_number_split_at_its_thousands_comma(shipped):
    # An unquoted "map its 1,000 classes onto" in a YAML flow list is two cues, "map its 1"
    # and "000 classes onto": neither states anything.
    for q in shipped.questions.values():
        for kp in q.key_points:
            for owner, cues in [(kp.id, kp.cues), *((m.id, m.cues) for m in kp.misconceptions)]:
                for before, after in pairwise(cues):
                    split = before[-1:].isdigit() and after[:3].isdigit() and after[3:4] in " "
                    assert not split, f"{q.id}.{owner}: {before!r}, {after!r}; quote the cue"


def test_question_ids_name_their_round_and_topic(shipped):
    for q in shipped.questions.values():
        round_name, topic, _slug = q.id.split(".", 2)
        assert round_name == q.round.value, q.id
        assert topic in q.topics, q.id


def test_scenarios_reference_existing_rubrics_and_tags(shipped):
    for scenario in shipped.scenarios.values():
        for spec in scenario.rounds:
            assert spec.rubric in shipped.rubrics, f"{scenario.id}: no rubric {spec.rubric}"
            round_topics = {
                t for q in shipped.questions.values() if q.round is spec.kind for t in q.topics
            }
            unknown = set(spec.pool.topics) - round_topics
            assert not unknown, f"{scenario.id}/{spec.kind.value}: unknown topics {unknown}"
            assert set(spec.pool.ids) <= set(shipped.questions), scenario.id
            assert set(spec.pool.roles) <= KNOWN_ROLES, scenario.id


def test_every_scenario_round_has_enough_questions_at_every_level(shipped):
    for scenario in shipped.scenarios.values():
        for level in CareerLevel:
            loop = scenario.at_level(level)
            for spec in loop.rounds:
                found = eligible_questions(spec, shipped.questions, loop.role, level)
                assert len(found) >= spec.questions, (
                    f"{scenario.id}/{spec.display_title} at {level.value}: {len(found)} "
                    f"eligible, needs {spec.questions}"
                )


def test_every_domain_track_fills_a_round_at_every_level(shipped):
    scenario = shipped.scenarios["practice_domain"]
    for track in ("nlp", "cv", "recsys"):
        for level in CareerLevel:
            [spec] = scenario.with_track(track).at_level(level).rounds
            found = eligible_questions(spec, shipped.questions, scenario.role, level)
            assert len(found) >= spec.questions, (track, level.value)
            assert all(track in q.topics and level in q.levels for q in found)


def test_the_expected_scenarios_ship(shipped):
    expected = {"ml_engineer", "research_scientist", "data_scientist"} | {
        f"practice_{kind.value}" for kind in RoundKind
    }
    assert expected <= set(shipped.scenarios)
    loop = shipped.scenarios["ml_engineer"]
    assert loop.level is CareerLevel.mid
    assert [(r.kind.value, r.questions) for r in loop.at_level(CareerLevel.mid).rounds] == [
        ("breadth", 4),
        ("coding", 1),
        ("system_design", 1),
        ("deep_dive", 3),
        ("behavioral", 3),
    ]
    research = shipped.scenarios["research_scientist"]
    assert "ml_coding" in [r.kind.value for r in research.rounds]


def test_the_senior_loop_asks_for_more_design_depth_and_a_leadership_story(shipped):
    loop = shipped.scenarios["ml_engineer"]
    mid, senior = loop.at_level(CareerLevel.mid), loop.at_level(CareerLevel.senior)
    design_mid, design_senior = (
        next(r for r in x.rounds if r.kind is RoundKind.system_design) for x in (mid, senior)
    )
    assert design_senior.max_follow_ups > design_mid.max_follow_ups
    assert (design_senior.time_budget_minutes or 0) > (design_mid.time_budget_minutes or 0)
    assert set(design_senior.pool.difficulties) == {Difficulty.medium, Difficulty.hard}
    leadership = [r for r in senior.rounds if r.pool.topics == ["leadership"]]
    assert len(leadership) == 1 and leadership[0].kind is RoundKind.behavioral
    assert not [r for r in mid.rounds if r.pool.topics == ["leadership"]]
    # The resolved loop is concrete: nothing left to vary by level.
    assert all(r.at_level == {} and r.levels.is_all for r in senior.rounds)


def test_research_deep_dive_always_reaches_the_maths(shipped):
    spec = next(
        r for r in shipped.scenarios["research_scientist"].rounds if r.kind.value == "deep_dive"
    )
    # The selector avoids repeating a topic, so as many questions as topics covers each one.
    assert "maths" in spec.pool.topics
    assert spec.questions >= len(spec.pool.topics)


def test_every_rubric_has_four_to_six_criteria_with_four_levels(shipped):
    assert {k.value for k in RoundKind} <= set(shipped.rubrics)
    for rubric in shipped.rubrics.values():
        assert 4 <= len(rubric.criteria) <= 6, rubric.id
        for criterion in rubric.criteria:
            assert [lv.level for lv in criterion.levels] == [1, 2, 3, 4]
            descriptions = [lv.description for lv in criterion.levels]
            assert len(set(descriptions)) == 4, f"{rubric.id}.{criterion.id} repeats a level"


def test_system_design_prompts_walk_the_stages(shipped):
    designs = [q for q in shipped.questions.values() if q.round is RoundKind.system_design]
    prompts = {*SYSTEM_DESIGN_PROMPTS, *NEW_SYSTEM_DESIGN_PROMPTS}
    assert {t for q in designs for t in q.topics} >= prompts
    for q in designs:
        assert 4 <= len(q.clarifications) <= 8, q.id
        stages = [kp.stage for kp in q.key_points]
        assert all(s in DESIGN_STAGES for s in stages), q.id
        assert len(set(stages)) >= 6, f"{q.id} covers only {set(stages)}"
        assert len(q.follow_ups) * 2 > len(q.key_points), f"{q.id}: too few follow-ups"


def test_behavioral_questions_cover_star(shipped):
    for q in shipped.questions.values():
        if q.round is RoundKind.behavioral:
            assert {"situation", "task", "result"} <= {kp.id for kp in q.key_points}, q.id


def test_deep_dive_probes_name_known_roles(shipped):
    probes = [q for q in shipped.questions.values() if q.round is RoundKind.deep_dive]
    for q in probes:
        assert set(q.roles) <= KNOWN_ROLES, q.id
    maths = [q for q in probes if "maths" in q.topics]
    assert maths and all("research_scientist" in q.roles for q in maths)


# --- coverage.py on a small bank of our own ---------------------------------------


def _question_yaml(qid: str, round_kind: str, topic: str, difficulty: str) -> str:
    return f"""\
  - id: {qid}
    round: {round_kind}
    prompt: A made-up question about {qid} for the coverage tests.
    topics: [{topic}]
    difficulty: {difficulty}
    key_points:
      - {{id: one, text: "The first point of {qid}.", cues: [alpha, beta]}}
      - {{id: two, text: "The second point of {qid}.", cues: [gamma, delta]}}
      - {{id: three, text: "The third point of {qid}.", cues: [epsilon, zeta]}}
    follow_ups:
      - {{probes: one, prompt: "What about the first point?"}}
      - {{probes: two, prompt: "What about the second point?"}}
    hints: [Think about the first point.]
"""


@pytest.fixture
def tiny_bank(tmp_path: Path) -> Content:
    body = "questions:\n" + "".join(
        [
            _question_yaml("breadth.regularization.a", "breadth", "regularization", "easy"),
            _question_yaml("breadth.regularization.b", "breadth", "regularization", "hard"),
            _question_yaml("breadth.rl.a", "breadth", "rl", "medium"),
            _question_yaml("breadth.typo_topic.a", "breadth", "typo_topic", "medium"),
        ]
    )
    path = tmp_path / "scenarios" / "bank" / "breadth" / "tiny.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(body)
    content = load_content([tmp_path])
    assert content.errors == []
    return content


def test_summary_counts_rounds_topics_and_difficulties(tiny_bank):
    [breadth] = summarize(tiny_bank.questions)
    assert breadth.round is RoundKind.breadth
    assert breadth.count == 4
    assert breadth.difficulties == {"easy": 1, "medium": 2, "hard": 1}
    by_topic = {t.topic: t for t in breadth.topics}
    assert by_topic["regularization"].count == 2
    assert by_topic["regularization"].difficulties == {"easy": 1, "medium": 0, "hard": 1}


def test_coverage_reports_each_shortfall(tiny_bank):
    requirement = RoundRequirement(RoundKind.breadth, 5, {"regularization": 2, "rl": 3, "gil": 1})
    report = coverage(tiny_bank.questions, [requirement], [])
    short = {(t.topic, t.shortfall) for t in report.shortfalls}
    assert short == {(None, 1), ("rl", 2), ("gil", 1)}
    assert not report.ok
    assert report.unlisted == {"breadth": ["typo_topic"]}


def test_coverage_is_ok_when_every_minimum_is_met(tiny_bank):
    requirement = RoundRequirement(RoundKind.breadth, 4, {"regularization": 2, "rl": 1})
    assert coverage(tiny_bank.questions, [requirement], []).ok


def test_a_group_counts_each_question_with_any_of_its_topics_once(tiny_bank):
    groups = [
        GroupRequirement("both", 3, ("regularization", "rl")),
        GroupRequirement("elsewhere", 1, ("rl",), ("python",)),
    ]
    report = coverage(tiny_bank.questions, [], groups)
    both, elsewhere = report.groups
    assert (both.count, both.shortfall) == (3, 0)
    assert (elsewhere.count, elsewhere.shortfall) == (0, 1)
    assert [t.headline() for t in report.shortfalls] == ["elsewhere (rl): 0/1, short by 1"]


def test_default_requirements_list_every_checklist_topic(tiny_bank):
    report = coverage(tiny_bank.questions)
    listed = {(t.round, t.topic) for t in report.tallies}
    for req in REQUIREMENTS:
        assert (req.round, None) in listed
        assert {(req.round, topic) for topic in req.topic_minimums} <= listed
    assert any(t.round == "breadth" and t.topic is None for t in report.shortfalls)
    assert {t.round for t in report.groups} == {g.name for g in GROUP_REQUIREMENTS}


def test_bank_command_fails_under_coverage_with_a_shortfall(tiny_bank, monkeypatch, capsys):
    monkeypatch.setattr(bank_command, "load", lambda args: tiny_bank)
    assert main(["bank"]) == 0
    assert "breadth: 4" in capsys.readouterr().out
    assert main(["bank", "--coverage"]) == 1
    out = capsys.readouterr().out
    assert "rl" in out and "SHORT by 2" in out
    assert main(["bank", "--coverage", "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["total"] == 4
    assert data["coverage"]["ok"] is False
    assert data["coverage"]["groups"]["mlops"] == {
        "topics": ["mlops"],
        "count": 0,
        "minimum": 10,
        "shortfall": 10,
    }
    assert data["coverage"]["rounds"]["breadth"]["topics"]["rl"] == {
        "count": 1,
        "minimum": 3,
        "shortfall": 2,
    }
