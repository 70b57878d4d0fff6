"""The scorecard: a session's scores summarised per round and per criterion.

Pure computation over the session (which carries its rubrics and key points), shared by
the plain report, the app's scorecard screen and the history view.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from interviewer.domain.rubric import Rubric
from interviewer.domain.session import AskedQuestion, ScoringRun, Session

MAX_EVIDENCE = 3


@dataclass
class QuestionScore:
    asked: AskedQuestion
    run: ScoringRun | None
    percent: float | None

    @property
    def status(self) -> str:
        if self.asked.skipped and not self.asked.answers:
            return "skipped"
        if not self.asked.answers:
            return "unanswered"
        if self.run is None:
            return "pending"
        return self.run.result.status.value


@dataclass
class CriterionSummary:
    criterion_id: str
    name: str
    weight: float
    mean_level: float | None
    level_text: str
    evidence: list[str] = field(default_factory=list)
    scored: int = 0


@dataclass
class MissedPoint:
    prompt: str
    text: str


@dataclass
class RoundSummary:
    index: int
    title: str
    kind: str
    rubric: Rubric
    percent: float | None
    criteria: list[CriterionSummary]
    questions: list[QuestionScore]
    missed: list[MissedPoint]


@dataclass
class Scorecard:
    session_id: str
    overall: float | None
    rounds: list[RoundSummary]
    unscored: int
    pending: int
    study_list: list[tuple[str, float]]  # weakest topics first: (topic, percent)


def final_run(asked: AskedQuestion) -> ScoringRun | None:
    """The run that judged the most answers; the newest among equals (a re-score wins)."""
    best: ScoringRun | None = None
    for run in asked.scoring_runs:
        if best is None or run.answers_judged >= best.answers_judged:
            best = run
    return best


def question_percent(asked: AskedQuestion, rubric: Rubric) -> float | None:
    run = final_run(asked)
    return run.result.percent(rubric) if run is not None else None


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def build_scorecard(session: Session) -> Scorecard:
    rounds: list[RoundSummary] = []
    topic_scores: dict[str, list[float]] = defaultdict(list)
    unscored = pending = 0
    for record in session.rounds:
        rubric = session.rubrics[record.rubric_id]
        scores: list[QuestionScore] = []
        levels: dict[str, list[int]] = defaultdict(list)
        evidence: dict[str, list[str]] = defaultdict(list)
        missed: list[MissedPoint] = []
        for asked in session.questions_in_round(record.index):
            if asked.is_project_description:
                continue
            run = final_run(asked) if asked.answers else None
            percent = run.result.percent(rubric) if run else None
            score = QuestionScore(asked, run, percent)
            scores.append(score)
            unscored += score.status == "unscored"
            pending += score.status == "pending"
            if run is None or not run.result.is_scored:
                continue
            for cs in run.result.criteria:
                levels[cs.criterion_id].append(cs.level)
                evidence[cs.criterion_id].extend(cs.evidence)
            key_text = {kp.id: kp.text for kp in asked.key_points}
            missed += [
                MissedPoint(asked.prompt, key_text[kp])
                for kp in run.result.missed_key_points
                if kp in key_text
            ]
            if percent is not None:
                for topic in asked.topics:
                    topic_scores[topic].append(percent)
        criteria = []
        for c in rubric.criteria:
            mean = _mean([float(v) for v in levels[c.id]])
            text = c.level_text(max(1, min(4, round(mean)))) if mean is not None else ""
            criteria.append(
                CriterionSummary(
                    c.id,
                    c.name,
                    c.weight,
                    mean,
                    text,
                    evidence[c.id][:MAX_EVIDENCE],
                    len(levels[c.id]),
                )
            )
        percent = _mean([s.percent for s in scores if s.percent is not None])
        rounds.append(
            RoundSummary(
                record.index,
                record.title,
                record.kind.value,
                rubric,
                percent,
                criteria,
                scores,
                missed,
            )
        )
    overall = _mean([r.percent for r in rounds if r.percent is not None])
    study = sorted(
        ((t, sum(v) / len(v)) for t, v in topic_scores.items()), key=lambda item: item[1]
    )
    return Scorecard(session.id, overall, rounds, unscored, pending, study[:5])
