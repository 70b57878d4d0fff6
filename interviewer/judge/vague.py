"""A vague answer the off-topic floor would refuse: short, about the question, nothing wrong.

"Gradient boosting combines a lot of weak trees into one strong model ... For tuning, I
would try a bunch of hyperparameters with cross-validation" says the question's subject
in everyday words and nothing specific of it. Interviewers grade such answers 8-16, above
the wrong, denied, taken back, salad and off-topic answers (1-5). The off-topic floor
(offline.OFF_TOPIC_SHARE) reads the share of an answer's words that are the question's or
its key points' terms, and a vague answer's everyday words keep that share under the bar
as an answer about something else does: 18 of the 117 vague answers of the former
held-out sets read 0. What tells them apart is what they name: a vague answer says the
question's own terms (VAGUE_QUESTION_TERMS: "gradient boosting", "XGBoost", "tuning"),
an answer to another question says that question's.

Such an answer earns a small credit (VAGUE_CREDIT: progress toward level 2 on every
criterion) when nothing else in it looks like the answers that only resemble it: the
gates of a general answer (general.py) but the share of key-point words, which is what
the floor read.
"""

from interviewer.judge import clauses, general, neighbours
from interviewer.judge.levels import Reading
from interviewer.judge.matching import question_terms
from interviewer.judge.text import base_term, content_terms

# How far toward level 2 such an answer is read on every criterion (about a tenth in
# percent: 0.3 reads 10 of 100); 0: off. How many distinct terms of the question itself
# it must say. Chosen by cross-validation across the held-out sets (see tests/data/README.md,
# vague6): the credit by leave-one-set-out over holdout9-19.
VAGUE_CREDIT = 0.3
VAGUE_QUESTION_TERMS = 2


def question_terms_said(reading: Reading) -> int:
    """How many distinct terms of the question the answer says (by their base form)."""
    asked = question_terms(reading.request.question)
    said = {base_term(t) for s in reading.kept for t in content_terms(s.text)}
    return len(said & asked)


def vague(reading: Reading, read: clauses.Reading, flagged: bool) -> bool:
    """Whether an answer floored as off topic is a vague answer to the question asked (see
    the module's docstring): short (general.GENERAL_WORDS), nothing wrong, disowned,
    flagged or addressed to the grader, nothing sweeping, little of a neighbouring
    question's own terms, and enough of the question's."""
    return (
        VAGUE_CREDIT > 0
        and 0 < reading.word_count <= general.GENERAL_WORDS
        and bool(reading.on_topic)
        and not reading.wrong
        and not flagged
        and not reading.dropped_instructions
        and all(c.asserted for c in read.clauses)
        and not general.says_sweeping(reading.request.answer)
        and neighbours.shares(reading.request, reading.request.answer)[1]
        < general.GENERAL_NEIGHBOUR
        and question_terms_said(reading) >= VAGUE_QUESTION_TERMS
    )
