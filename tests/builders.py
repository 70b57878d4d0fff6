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


SUM_PAIR_REFERENCE = """def two_sum(nums, target):
    seen = {}
    for index, value in enumerate(nums):
        partner = seen.get(target - value)
        if partner is not None:
            return [partner, index]
        seen[value] = index
    return []
"""
SUM_PAIR_BRUTE_FORCE = """def two_sum(nums, target):
    for i in range(len(nums)):
        for j in range(i + 1, len(nums)):
            if nums[i] + nums[j] == target:
                return [i, j]
    return []
"""
SUM_PAIR_LARGE = """def generate(rng):
    n = 100_000
    nums = [2 * rng.randrange(10**8) for _ in range(n)]
    nums[-2], nums[-1] = 7, 10**9 + 2
    return {"args": [nums, 10**9 + 9], "expected": [n - 2, n - 1]}
"""


def coding_question(
    qid: str = "coding.q0", time_limit_s: float = 0.5, memory_mb: int = 256
) -> Question:
    """A small two-sum coding question, independent of the shipped bank."""
    return Question.model_validate(
        {
            "id": qid,
            "round": "coding",
            "prompt": f"Return the indices of the two numbers that add up to target ({qid}).",
            "topics": ["hashing"],
            "difficulty": "easy",
            "key_points": [
                {"id": "hash_map", "text": "Keep a hash map from each value seen to its index"},
                {"id": "complement", "text": "Look up the complement target minus the value"},
                {"id": "linear", "text": "One pass is O(n) time and O(n) space"},
            ],
            "follow_ups": [{"probes": "linear", "prompt": "What does your solution cost?"}],
            "hints": ["Which value would complete the pair?"],
            "coding": {
                "function": "two_sum",
                "starter": 'def two_sum(nums, target):\n    """Indices i < j."""\n',
                "complexity": {"time": "O(n)", "space": "O(n)"},
                "time_limit_s": time_limit_s,
                "memory_mb": memory_mb,
                "examples": [
                    {"name": "example_1", "args": [[2, 7, 11, 15], 9], "expected": [0, 1]},
                    {"name": "example_2", "args": [[3, 2, 4], 6], "expected": [1, 2]},
                ],
                "tests": [
                    {"name": "equal_values", "args": [[3, 3], 6], "expected": [0, 1]},
                    {"name": "negatives", "args": [[-3, 4, 3, 90], 0], "expected": [0, 2]},
                    {"name": "large_input", "large": True, "generate": SUM_PAIR_LARGE},
                ],
                "reference": SUM_PAIR_REFERENCE,
                "wrong": [
                    {
                        "name": "brute_force",
                        "why": "every pair, O(n^2)",
                        "fails": ["large_input"],
                        "code": SUM_PAIR_BRUTE_FORCE,
                    }
                ],
            },
        }
    )


def coding_rubric() -> Rubric:
    criteria = [
        ("correctness", 4, "tests_passed"),
        ("efficiency", 2, "efficiency"),
        ("approach", 2, "coverage"),
        ("code_quality", 1, "code_quality"),
        ("communication", 1, "communication"),
    ]
    return Rubric.model_validate(
        {
            "id": "coding",
            "title": "Coding",
            "criteria": [
                {
                    "id": cid,
                    "name": cid.replace("_", " ").title(),
                    "weight": weight,
                    "description": f"{cid} of the coding answer.",
                    "offline_signal": signal,
                    "levels": levels(cid),
                }
                for cid, weight, signal in criteria
            ],
        }
    )
