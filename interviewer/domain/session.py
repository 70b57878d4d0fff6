"""The session: everything that happened in one interview, as saved in its transcript.

The transcript carries snapshots of the scenario and the rubrics it used, so that a
replay or a re-score reads exactly what the candidate saw even after the bank changes.
"""

from datetime import datetime, timedelta
from enum import StrEnum
from typing import Literal

from pydantic import Field

from interviewer.domain.base import Strict
from interviewer.domain.coding import Code, CodeRun, CodingBrief, RunKind
from interviewer.domain.judging import JudgeIdentity, JudgeResult
from interviewer.domain.question import KeyPoint, RoundKind
from interviewer.domain.rubric import Rubric
from interviewer.domain.scenario import Scenario

# 2: criterion scores may carry `progress` toward the next level (the offline judge's).
# 3: key-point snapshots may carry `misconceptions`.
# 4: judge results may list the `misconceptions` an answer stated.
# 5: LLM usage a server did not report may be marked `estimated`.
# 6: coding questions: answers may carry `code`; asked questions carry `coding` (the brief)
#    and `runs` (every test run: visible runs and the submission the judge scores).
# 7: career levels (scenario, rounds, rubrics), the domain round and its track, rubric
#    red flags, scope anchors and level expectations.
# 8: the round clock stops while the interview is closed: rounds carry `paused_seconds`,
#    sessions `stopped_at`; a deep dive's project description may carry scoring runs.
# 9: a rubric snapshot may carry `stage_words` (design stages named in plain words) and
#    criteria read by the `reflection` offline signal.
SCHEMA_VERSION = 9
# The deep dive's opening request for a project description is kept as a pseudo-question.
PROJECT_QUESTION_ID = "project_description"


class Mode(StrEnum):
    mock = "mock"  # realistic: feedback only at the end
    practice = "practice"  # feedback, hints and an outline right after each answer


class TurnKind(StrEnum):
    question = "question"
    follow_up = "follow_up"
    clarification = "clarification"  # the interviewer answering a candidate's question
    hint = "hint"
    answer = "answer"
    skip = "skip"
    project_request = "project_request"  # deep dive: "tell me about a project"
    project_description = "project_description"


ANSWER_KINDS = frozenset({TurnKind.answer, TurnKind.project_description})


class Turn(Strict):
    role: Literal["interviewer", "candidate"]
    kind: TurnKind
    text: str
    at: datetime
    probes: str | None = None  # follow-ups: the key point id probed
    code: Code | None = None  # coding answers: the code submitted with this turn's text


class ScoringRun(Strict):
    """One judge's verdict on a question's answers. Re-scoring appends, never replaces."""

    judge: JudgeIdentity
    result: JudgeResult
    at: datetime
    answers_judged: int = Field(ge=0)  # candidate answer turns included in the verdict


class AskedQuestion(Strict):
    question_id: str
    round_index: int = Field(ge=0)
    prompt: str
    topics: list[str] = Field(default_factory=list)
    # Snapshot of the reference key points, so replay and re-scoring need no bank.
    key_points: list[KeyPoint] = Field(default_factory=list)
    turns: list[Turn] = Field(default_factory=list)
    closed: bool = False
    scoring_runs: list[ScoringRun] = Field(default_factory=list)
    coding: CodingBrief | None = None
    runs: list[CodeRun] = Field(default_factory=list)

    @property
    def is_project_description(self) -> bool:
        return self.question_id == PROJECT_QUESTION_ID

    @property
    def answers(self) -> list[Turn]:
        """The candidate's answers (a deep dive's project description is one: it is
        scored as the round's first answer)."""
        return [t for t in self.turns if t.kind in ANSWER_KINDS]

    @property
    def skipped(self) -> bool:
        return any(t.kind is TurnKind.skip for t in self.turns)

    @property
    def follow_ups_asked(self) -> int:
        return sum(1 for t in self.turns if t.kind is TurnKind.follow_up)

    @property
    def hints_used(self) -> int:
        return sum(1 for t in self.turns if t.kind is TurnKind.hint)

    @property
    def probed_key_points(self) -> set[str]:
        return {t.probes for t in self.turns if t.kind is TurnKind.follow_up and t.probes}

    @property
    def latest_scoring(self) -> ScoringRun | None:
        return self.scoring_runs[-1] if self.scoring_runs else None

    @property
    def awaiting_answer(self) -> bool:
        """True when the last thing said was the interviewer's and the question is open."""
        return not self.closed and bool(self.turns) and self.turns[-1].role == "interviewer"

    def answer_text(self) -> str:
        """All the candidate's answers to this question, joined: what the judge scores."""
        return "\n\n".join(t.text for t in self.answers if t.text)

    @property
    def submitted_code(self) -> str | None:
        """The latest code the candidate submitted (coding questions)."""
        return next((t.code for t in reversed(self.answers) if t.code is not None), None)

    @property
    def submission_run(self) -> CodeRun | None:
        """The run of every test on the submitted code, if it has been made."""
        code = self.submitted_code
        for run in reversed(self.runs):
            if run.kind is RunKind.submission and run.code == code:
                return run
        return None


class RoundRecord(Strict):
    index: int = Field(ge=0)
    kind: RoundKind
    rubric_id: str
    title: str
    started_at: datetime
    ended_at: datetime | None = None
    ended_early: bool = False
    # Time the interview spent closed (quit, crashed) while this round was open: the round's
    # clock and time budget do not count it.
    paused_seconds: float = Field(default=0.0, ge=0)

    def elapsed(self, now: datetime) -> timedelta:
        """The round's time on the clock: open time only, up to its end or `now`."""
        end = self.ended_at or now
        return max(timedelta(0), end - self.started_at - timedelta(seconds=self.paused_seconds))


class SessionStatus(StrEnum):
    in_progress = "in_progress"
    finished = "finished"


class LlmUsage(Strict):
    """Token usage of one LLM call, recorded for cost and budget reports."""

    role: Literal["interviewer", "judge"]
    model: str
    prompt_tokens: int = Field(ge=0)
    completion_tokens: int = Field(ge=0)
    cached_tokens: int = Field(default=0, ge=0)
    estimated_prompt_tokens: int = Field(default=0, ge=0)  # our own count before sending
    # The server reported no usage: the token counts (and so the cost) are our estimates.
    estimated: bool = False
    cost_usd: float | None = None
    at: datetime


class Session(Strict):
    schema_version: int = SCHEMA_VERSION
    id: str
    candidate: str = "default"
    scenario: Scenario
    rubrics: dict[str, Rubric]
    mode: Mode = Mode.mock
    backend: str = "offline"
    interviewer_model: str = ""
    judge_model: str = ""
    seed: int = 0
    project_description: str | None = None
    created_at: datetime
    updated_at: datetime
    finished_at: datetime | None = None
    # When the interview was last closed (quit, or a signal) while in progress; cleared when
    # it is resumed, the time between going to the open round's paused_seconds.
    stopped_at: datetime | None = None
    status: SessionStatus = SessionStatus.in_progress
    rounds: list[RoundRecord] = Field(default_factory=list)
    questions: list[AskedQuestion] = Field(default_factory=list)
    usage: list[LlmUsage] = Field(default_factory=list)

    def resume_clock(self, now: datetime) -> None:
        """The interview is open again: the time it was closed (since it stopped, or since
        the last thing that happened when it stopped without saying so) is not the open
        round's time."""
        since = self.stopped_at or self.updated_at
        self.stopped_at = None
        record = self.rounds[-1] if self.rounds else None
        if record is None or record.ended_at is not None or self.status is SessionStatus.finished:
            return
        gap = (now - since).total_seconds()
        if gap > 0:
            record.paused_seconds += gap

    @property
    def current_round(self) -> RoundRecord | None:
        return self.rounds[-1] if self.rounds else None

    @property
    def current_question(self) -> AskedQuestion | None:
        """The last asked question if it is still open."""
        if self.questions and not self.questions[-1].closed:
            return self.questions[-1]
        return None

    def questions_in_round(self, round_index: int) -> list[AskedQuestion]:
        """The round's bank questions (the deep dive's project request is not one)."""
        return [
            q
            for q in self.questions
            if q.round_index == round_index and not q.is_project_description
        ]

    def asked_ids(self) -> set[str]:
        return {q.question_id for q in self.questions}

    def rubric_for_round(self, round_index: int) -> Rubric:
        return self.rubrics[self.scenario.rounds[round_index].rubric]

    @property
    def answered_count(self) -> int:
        return sum(len(q.answers) for q in self.questions)
