"""What the offline judge's readings make of one text, as the tests of a reading ask it."""

from interviewer.content.loader import load_content
from interviewer.domain.question import Question
from interviewer.judge import clauses, matching, offline, withdrawals
from interviewer.judge.clauses import Clause, Status, read
from interviewer.judge.text import sentences


def clauses_of(text: str) -> list[Clause]:
    """The clauses the clause reader finds in `text`."""
    return read(sentences(text)).clauses


def statuses(text: str) -> list[Status]:
    """Each clause's status (asserted, denied, vacuous...), in order."""
    return [c.status for c in clauses_of(text)]


def withdrawn(
    text: str,
) -> tuple[tuple[int, frozenset[int]] | None, list[tuple[str, ...]]]:
    """Where a passage of `text` takes back what came before it (withdrawals.passage) and
    what each sentence's parts do, for the message of an assertion on the first."""
    texts = [s.text for s in sentences(text)]
    return withdrawals.passage(texts), [withdrawals.sentence_kinds(t) for t in texts]


def answer_terms(question_id: str, answer: str) -> tuple[Question, matching.AnswerTerms]:
    """A shipped question and the terms of an answer to it, read as the offline judge reads
    them (its clauses' units and their spans)."""
    question = load_content().questions[question_id]
    units, spans = offline._units(clauses.read(sentences(answer), question.prompt))
    terms = matching.AnswerTerms.of(answer, units, [spans[u.start] for u in units])
    return question, terms


def sentence_terms(text: str) -> matching.AnswerTerms:
    """The terms of `text` with each sentence one clause: what the clause reader gives short
    sentences, for tests of a matching reading that leave the clause reader out."""
    parts = sentences(text)
    return matching.AnswerTerms.of(text, parts, [[(s.start, s.start + len(s.text))] for s in parts])
