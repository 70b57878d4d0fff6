"""Small in-memory content for tests that must not depend on the shipped bank."""

from datetime import UTC, datetime

from interviewer.domain.question import Question
from interviewer.domain.rubric import Rubric
from interviewer.domain.scenario import Scenario
from interviewer.domain.session import Session

T0 = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


def levels(name: str) -> list[dict]:
    return [
        {
            "level": n,
            "description": f"{name} at level {n}, described concretely.",
            "example": f"example {n}",
        }
        for n in (1, 2, 3, 4)
    ]


def rubric(rubric_id: str = "breadth") -> Rubric:
    return Rubric.model_validate(
        {
            "id": rubric_id,
            "title": rubric_id.title(),
            "criteria": [
                {
                    "id": "correctness",
                    "name": "Correctness",
                    "weight": 3,
                    "description": "Says true things.",
                    "offline_signal": "coverage",
                    "levels": levels("correctness"),
                },
                {
                    "id": "communication",
                    "name": "Communication",
                    "weight": 1,
                    "description": "Clear and organised.",
                    "offline_signal": "communication",
                    "levels": levels("communication"),
                },
            ],
        }
    )


def question(qid: str, round_kind: str = "breadth", topic: str = "regularization") -> Question:
    return Question.model_validate(
        {
            "id": qid,
            "round": round_kind,
            "prompt": f"Explain the idea behind {qid} and when you would use it.",
            "topics": [topic],
            "difficulty": "medium",
            "key_points": [
                {"id": "first", "text": "Penalty on absolute weight values", "weight": 3},
                {"id": "second", "text": "Produces sparse solutions with exact zeros", "weight": 2},
                {"id": "third", "text": "Useful for feature selection", "weight": 1},
            ],
            "follow_ups": [
                {"probes": "first", "prompt": "What exactly is penalised?"},
                {"probes": "second", "prompt": "What happens to small weights?"},
                {"probes": "third", "prompt": "Where is that useful?"},
            ],
            "hints": ["Think about the shape of the penalty."],
        }
    )


def scenario(rounds: list[tuple[str, int]], max_follow_ups: int = 2) -> Scenario:
    return Scenario.model_validate(
        {
            "id": "test_loop",
            "title": "Test loop",
            "rounds": [
                {
                    "kind": kind,
                    "rubric": "breadth",
                    "questions": n,
                    "max_follow_ups": max_follow_ups,
                }
                for kind, n in rounds
            ],
        }
    )


def session(sc: Scenario, seed: int = 7, project: str | None = None) -> Session:
    return Session(
        id="s1",
        scenario=sc,
        rubrics={"breadth": rubric()},
        seed=seed,
        project_description=project,
        created_at=T0,
        updated_at=T0,
    )


def bank(n: int = 5, round_kind: str = "breadth") -> dict[str, Question]:
    qs = [question(f"{round_kind}.q{i}", round_kind, topic=f"topic{i % 3}") for i in range(n)]
    return {q.id: q for q in qs}
