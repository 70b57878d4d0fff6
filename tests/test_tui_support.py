"""Shared fixtures for the app's tests: fixed content, a fixed clock, an offline backend.

The content here is the tests' own (one small rubric, three questions, two scenarios) so
that the snapshots do not move when the shipped bank grows.
"""

import json
from datetime import UTC, datetime
from pathlib import Path

from interviewer.backends import Backend
from interviewer.conductor.offline import OfflineConductor
from interviewer.content.loader import Content, load_content
from interviewer.domain.session import Mode
from interviewer.judge.scripted import ScriptedJudge
from interviewer.runner import InterviewRunner
from interviewer.session_factory import NewInterview, create_session, make_runner
from interviewer.settings import Settings
from interviewer.store.transcripts import TranscriptStore
from interviewer.tui.app import InterviewerApp, build_app

FIXED_NOW = datetime(2026, 3, 14, 9, 30, 0, tzinfo=UTC)
SIZE = (80, 24)
# Longer than any test: a toast on a snapshot is there however slow the machine is.
TOAST_SECONDS = 3600.0


def _levels(*texts: str) -> list[dict[str, object]]:
    return [
        {"level": n, "description": text, "example": f"an answer at level {n}"}
        for n, text in enumerate(texts, 1)
    ]


def _key_point(kp_id: str, text: str, weight: float, *cues: str) -> dict[str, object]:
    return {"id": kp_id, "text": text, "weight": weight, "cues": list(cues)}


RUBRIC = {
    "id": "tiny",
    "title": "Tiny rubric",
    "criteria": [
        {
            "id": "correctness",
            "name": "Correctness",
            "weight": 2,
            "description": "States the facts the question asks for, correctly.",
            "offline_signal": "coverage",
            "levels": _levels(
                "Misses the core idea entirely.",
                "Gets the core idea but half the points are missing.",
                "Covers the heavy points with no errors.",
                "Covers every point and adds a relevant caveat.",
            ),
        },
        {
            "id": "clarity",
            "name": "Clarity",
            "weight": 1,
            "description": "The answer is ordered and easy to follow.",
            "offline_signal": "communication",
            "levels": _levels(
                "Hard to follow from start to end.",
                "Some order but jumps between points.",
                "Ordered and clear with minor detours.",
                "Crisp and ordered; leads with the answer.",
            ),
        },
    ],
}

SCENARIOS = {
    "tiny_loop": {
        "id": "tiny_loop",
        "title": "Tiny loop",
        "description": "Two short rounds for the app's tests.",
        "rounds": [
            {
                "kind": "breadth",
                "rubric": "tiny",
                "title": "Warm-up",
                "questions": 2,
                "time_budget_minutes": 10,
                "max_follow_ups": 1,
            },
            {"kind": "python", "rubric": "tiny", "title": "Python", "questions": 1},
        ],
    },
    "tiny_single": {
        "id": "tiny_single",
        "title": "Tiny single",
        "description": "One question, for quick flows.",
        "rounds": [
            {
                "kind": "breadth",
                "rubric": "tiny",
                "title": "Warm-up",
                "questions": 1,
                "time_budget_minutes": 5,
                "max_follow_ups": 1,
            }
        ],
    },
}

BANK = {
    "questions": [
        {
            "id": "tiny.overfitting",
            "round": "breadth",
            "prompt": "What is overfitting, and how would you notice it while training a model?",
            "topics": ["overfitting"],
            "difficulty": "easy",
            "key_points": [
                _key_point(
                    "definition",
                    "The model fits noise in the training data and generalises poorly.",
                    2,
                    "noise",
                    "generalis",
                ),
                _key_point(
                    "gap",
                    "Training error keeps falling while validation error rises.",
                    2,
                    "validation error",
                    "gap",
                ),
                _key_point(
                    "remedy", "Regularisation or more data reduces it.", 1, "regularis", "more data"
                ),
            ],
            "follow_ups": [
                {"probes": "gap", "prompt": "How would the training and validation curves look?"}
            ],
            "hints": ["Think about the two loss curves."],
        },
        {
            "id": "tiny.learning_rate",
            "round": "breadth",
            "prompt": "What happens when the learning rate is far too high or far too low?",
            "topics": ["optimisation"],
            "difficulty": "easy",
            "key_points": [
                _key_point(
                    "high", "Too high a rate makes the loss oscillate or diverge.", 2, "diverge"
                ),
                _key_point("low", "Too low a rate makes training very slow or stall.", 2, "slow"),
                _key_point(
                    "schedule", "Warm-up and decay schedules balance the two.", 1, "schedule"
                ),
            ],
            "follow_ups": [{"probes": "schedule", "prompt": "How would a schedule help here?"}],
        },
        {
            "id": "tiny.python_is",
            "round": "python",
            "prompt": "What is the difference between `is` and `==` in Python?",
            "topics": ["identity"],
            "difficulty": "easy",
            "key_points": [
                _key_point("identity", "The is operator compares object identity.", 2, "identity"),
                _key_point("equality", "The == operator compares values through __eq__.", 2),
                _key_point("none", "Compare with None using is: None is a singleton.", 1),
            ],
        },
    ]
}


def fixed_clock() -> datetime:
    return FIXED_NOW


def write_content(root: Path) -> Content:
    (root / "rubrics").mkdir(parents=True, exist_ok=True)
    (root / "scenarios" / "bank" / "tiny").mkdir(parents=True, exist_ok=True)
    # JSON is valid YAML, and keeps these fixtures readable as Python data.
    (root / "rubrics" / "tiny.yaml").write_text(json.dumps(RUBRIC, indent=1))
    for name, data in SCENARIOS.items():
        (root / "scenarios" / f"{name}.yaml").write_text(json.dumps(data, indent=1))
    bank = json.dumps(BANK, indent=1)
    (root / "scenarios" / "bank" / "tiny" / "questions.yaml").write_text(bank)
    content = load_content([root])
    assert content.ok, content.errors
    return content


def offline_backend(judge_delay: float = 0.0) -> Backend:
    return Backend(
        "offline",
        OfflineConductor(),
        ScriptedJudge(level=3, delay=judge_delay),
        "offline engine (no network)",
    )


class Rig:
    """Everything one test needs, built on tmp_path."""

    def __init__(self, tmp_path: Path, judge_delay: float = 0.0):
        self.content = write_content(tmp_path / "content")
        self.store = TranscriptStore(tmp_path / "transcripts")
        self.settings = Settings(transcripts_dir=self.store.root, backend="offline")
        self.backend = offline_backend(judge_delay)

    def runner(
        self, scenario: str = "tiny_loop", mode: Mode = Mode.mock, seed: int = 7
    ) -> InterviewRunner:
        request = NewInterview(scenario_id=scenario, mode=mode, seed=seed, candidate="tester")
        session = create_session(self.content, request, self.backend, now=FIXED_NOW)
        session.id = f"20260314-093000-{scenario}"
        runner = make_runner(session, self.content, self.store, self.backend)
        runner.clock = fixed_clock
        return runner

    def app(self, runner: InterviewRunner | None = None) -> InterviewerApp:
        return build_app(
            self.settings,
            runner=runner,
            content=self.content,
            store=self.store,
            backend=self.backend,
            clock=fixed_clock,
            cursor_blink=False,
            toast_seconds=TOAST_SECONDS,
        )

    async def finished_session(
        self, scenario: str = "tiny_loop", mode: Mode = Mode.mock, session_id: str = ""
    ) -> str:
        """A whole interview answered through the runner, saved; its id."""
        runner = self.runner(scenario, mode)
        if session_id:
            runner.session.id = session_id
        prompt = await runner.begin()
        n = 0
        while prompt is not None:
            n += 1
            prompt = await runner.answer(
                f"Answer {n}: the loss curves show a gap between training and validation "
                "error because the model fits noise; regularisation helps."
            )
        await runner.finish()
        return runner.session.id
