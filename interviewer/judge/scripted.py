"""A judge whose verdicts are queued by tests, recording every request it received."""

import asyncio
from collections import deque

from interviewer.domain.judging import CriterionScore, JudgeRequest, JudgeResult, ScoreStatus
from interviewer.judge.base import Judge


class ScriptedJudge(Judge):
    kind = "scripted"
    model = "scripted"
    method = "scripted"

    def __init__(self, level: int = 3, delay: float = 0.0):
        self.default_level = level
        self.delay = delay
        self.queue: deque[JudgeResult] = deque()
        self.history: list[JudgeRequest] = []

    def enqueue(self, result: JudgeResult) -> None:
        self.queue.append(result)

    async def _score(self, request: JudgeRequest) -> JudgeResult:
        self.history.append(request)
        if self.delay:
            await asyncio.sleep(self.delay)
        if self.queue:
            return self.queue.popleft()
        return JudgeResult(
            status=ScoreStatus.scored,
            criteria=[
                CriterionScore(criterion_id=c.id, level=self.default_level)
                for c in request.rubric.criteria
            ],
            method="scripted",
        )
