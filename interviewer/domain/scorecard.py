"""The scorecard: a session's scores summarised per round and per criterion.

Pure computation over the session (which carries its rubrics and key points), shared by
the plain report, the app's scorecard screen and the history view.

A fair overall: a question that was asked and left (skipped, or closed unanswered by
ending the round or the interview) counts as 0, so skipping never raises a score and an
honest "I don't know" (judged, at worst 0) never scores below a skip. Questions never
reached (the interview ended early, a round ran out of time) are not scored; they are
counted, so the overall says how much of the loop it covers: "N of M questions answered".
An answer the judge could not score counts nowhere until it is re-scored. A re-score that
failed never hides an earlier verdict that worked: the last scored run is shown, with a
note that a newer one failed.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from interviewer.domain.rubric import Rubric
from interviewer.domain.session import AskedQuestion, ScoringRun, Session, SessionStatus

MAX_EVIDENCE = 3

# What a question's status reads as; "scored" and "unscored" come from the judge.
SKIPPED = "skipped"
NOT_ANSWERED = "not answered"  # closed without an answer: the round or interview ended
OPEN = "open"  # asked, the answer still to come
PENDING = "pending"  # answered, the verdict still to come


@dataclass
class QuestionScore:
    asked: AskedQuestion
    run: ScoringRun | None  # the verdict shown: the last that worked, if any did
    percent: float | None
    # The newest run, when it failed after `run` had worked: said beside the score.
    failed_run: ScoringRun | None = None

    @property
    def status(self) -> str:
        if not self.asked.answers:
            if self.asked.skipped:
                return SKIPPED
            return NOT_ANSWERED if self.asked.closed else OPEN
        if self.run is None:
            return PENDING
        return self.run.result.status.value

    @property
    def is_project(self) -> bool:
        """The deep dive's project description, scored as the round's first answer."""
        return self.asked.is_project_description

    @property
    def counted(self) -> float | None:
        """What this question adds to its round's score: its score, 0 when it was asked
        and left, None while it cannot count (open, pending, unscored)."""
        if self.status in (SKIPPED, NOT_ANSWERED):
            return 0.0
        return self.percent


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
    planned: int = 0  # the questions the round was to ask
    not_reached: int = 0  # of those, how many were never asked
    reached: bool = True  # False: the interview ended before this round began

    @property
    def answered(self) -> int:
        return sum(1 for q in self.questions if q.asked.answers and not q.is_project)


@dataclass
class Scorecard:
    session_id: str
    overall: float | None
    rounds: list[RoundSummary]
    unscored: int
    pending: int
    study_list: list[tuple[str, float]]  # weakest topics first: (topic, percent)
    answered: int = 0  # questions with an answer (the project description is not one)
    planned: int = 0  # questions the loop was to ask, reached or not
    skipped: int = 0  # asked and left: skipped, or closed unanswered
    not_reached: int = 0  # never asked: the interview or a round ended first
    failed_reruns: int = 0  # questions whose newest run failed after one that worked
    finished: bool = False

    @property
    def coverage_text(self) -> str:
        """'N of M questions answered', with what happened to the rest."""
        parts = [f"{self.answered} of {self.planned} questions answered"]
        if self.skipped:
            parts.append(f"{self.skipped} skipped or left unanswered (0 each)")
        if self.not_reached:
            still = "not reached" if self.finished else "still to come"
            parts.append(f"{self.not_reached} {still}")
        return "; ".join(parts)


def final_run(asked: AskedQuestion) -> ScoringRun | None:
    """The verdict to show: of the runs that worked, the one that judged the most answers
    (the newest among equals: a re-score wins); when none worked, the newest run."""
    scored = [r for r in asked.scoring_runs if r.result.is_scored]
    best: ScoringRun | None = None
    for run in scored or asked.scoring_runs:
        if best is None or run.answers_judged >= best.answers_judged:
            best = run
    return best


def failed_after(asked: AskedQuestion, shown: ScoringRun | None) -> ScoringRun | None:
    """The newest run, when it failed and is not the one shown."""
    latest = asked.latest_scoring
    if latest is None or latest is shown or latest.result.is_scored or shown is None:
        return None
    return latest


def question_percent(asked: AskedQuestion, rubric: Rubric) -> float | None:
    run = final_run(asked)
    return run.result.percent(rubric) if run is not None else None


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def scored_items(session: Session, round_index: int) -> list[AskedQuestion]:
    """What the round scores, in order: a deep dive's project description first (once it
    has key points to be scored against; older sessions' descriptions have none), then
    the round's questions."""
    return [
        q
        for q in session.questions
        if q.round_index == round_index and (not q.is_project_description or q.key_points)
    ]


def headed(questions: list[QuestionScore]) -> list[tuple[str, QuestionScore]]:
    """Each scored item with its heading: "Your project description", then Q1, Q2..."""
    out = []
    n = 0
    for qs in questions:
        if qs.is_project:
            out.append(("Your project description", qs))
        else:
            n += 1
            out.append((f"Q{n}. {qs.asked.prompt}", qs))
    return out


def build_scorecard(session: Session) -> Scorecard:
    rounds: list[RoundSummary] = []
    topic_scores: dict[str, list[float]] = defaultdict(list)
    unscored = pending = failed = 0
    for record in session.rounds:
        spec = session.scenario.rounds[record.index]
        rubric = session.rubrics[record.rubric_id]
        scores: list[QuestionScore] = []
        levels: dict[str, list[int]] = defaultdict(list)
        evidence: dict[str, list[str]] = defaultdict(list)
        missed: list[MissedPoint] = []
        for asked in scored_items(session, record.index):
            run = final_run(asked) if asked.answers or asked.scoring_runs else None
            percent = run.result.percent(rubric) if run else None
            score = QuestionScore(asked, run, percent, failed_after(asked, run))
            scores.append(score)
            unscored += score.status == "unscored"
            pending += score.status == PENDING
            failed += score.failed_run is not None
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
        percent = _mean([s.counted for s in scores if s.counted is not None])
        asked_count = len(session.questions_in_round(record.index))
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
                planned=spec.questions,
                not_reached=max(0, spec.questions - asked_count),
            )
        )
    for index in range(len(session.rounds), len(session.scenario.rounds)):
        spec = session.scenario.rounds[index]
        rubric = session.rubrics[spec.rubric]
        rounds.append(
            RoundSummary(
                index,
                spec.display_title,
                spec.kind.value,
                rubric,
                None,
                [],
                [],
                [],
                planned=spec.questions,
                not_reached=spec.questions,
                reached=False,
            )
        )
    overall = _mean([r.percent for r in rounds if r.percent is not None])
    study = sorted(
        ((t, sum(v) / len(v)) for t, v in topic_scores.items()), key=lambda item: item[1]
    )
    questions = [q for r in rounds for q in r.questions if not q.is_project]
    return Scorecard(
        session.id,
        overall,
        rounds,
        unscored,
        pending,
        study[:5],
        answered=sum(1 for q in questions if q.asked.answers),
        planned=sum(r.planned for r in rounds),
        skipped=sum(1 for q in questions if q.status in (SKIPPED, NOT_ANSWERED)),
        not_reached=sum(r.not_reached for r in rounds),
        failed_reruns=failed,
        finished=session.status is SessionStatus.finished,
    )
