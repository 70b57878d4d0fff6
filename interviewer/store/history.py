"""A candidate's history across saved sessions, for choosing what to ask next."""

from collections import Counter, defaultdict

from interviewer.domain.scorecard import question_percent
from interviewer.domain.selection import CandidateHistory
from interviewer.domain.session import Session
from interviewer.store.transcripts import TranscriptStore


def indexed_history(
    store: TranscriptStore, candidate: str, exclude_id: str = ""
) -> CandidateHistory:
    """From the history index: no transcript is read but those changed since it was built."""
    if not store.root.is_dir():
        return CandidateHistory()
    times_asked, topic_scores = store.index.candidate_history(candidate, exclude_id)
    return CandidateHistory(times_asked=times_asked, topic_scores=topic_scores)


def candidate_history(
    sessions: list[Session], candidate: str, exclude_id: str = ""
) -> CandidateHistory:
    """The same figures from sessions in memory."""
    times_asked: Counter[str] = Counter()
    topic_scores: dict[str, list[float]] = defaultdict(list)
    for session in sessions:
        if session.candidate != candidate or session.id == exclude_id:
            continue
        for asked in session.questions:
            if asked.is_project_description:
                continue
            times_asked[asked.question_id] += 1
            rubric = session.rubrics.get(session.scenario.rounds[asked.round_index].rubric)
            percent = question_percent(asked, rubric) if rubric else None
            if percent is not None:
                for topic in asked.topics:
                    topic_scores[topic].append(percent)
    means = {t: sum(v) / len(v) for t, v in topic_scores.items()}
    return CandidateHistory(times_asked=dict(times_asked), topic_scores=means)
