"""A candidate's history across saved sessions, for choosing what to ask next."""

from collections import Counter, defaultdict

from interviewer.domain.scorecard import question_percent
from interviewer.domain.selection import CandidateHistory
from interviewer.domain.session import Session


def candidate_history(
    sessions: list[Session], candidate: str, exclude_id: str = ""
) -> CandidateHistory:
    times_asked: Counter[str] = Counter()
    topic_scores: dict[str, list[float]] = defaultdict(list)
    for session in sessions:
        if session.candidate != candidate or session.id == exclude_id:
            continue
        for asked in session.questions:
            times_asked[asked.question_id] += 1
            rubric = session.rubrics.get(session.scenario.rounds[asked.round_index].rubric)
            percent = question_percent(asked, rubric) if rubric else None
            if percent is not None:
                for topic in asked.topics:
                    topic_scores[topic].append(percent)
    means = {t: sum(v) / len(v) for t, v in topic_scores.items()}
    return CandidateHistory(times_asked=dict(times_asked), topic_scores=means)
