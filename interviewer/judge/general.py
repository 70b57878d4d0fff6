"""A general answer: short, on topic, true as far as it goes, and specific about nothing.

An interviewer grades "dropout is a regularisation technique; it behaves differently in
training and at inference and helps the network not overfit" at 15-25: it shows the
candidate knows what the question is about, and says nothing false. The judge states no
key point of it and read it at level 1 with a little progress (8-15), below the fluent
wrong answers, salad and answers to another question that sometimes escape their floors.
Such an answer earns a bounded credit (GENERAL_CREDIT: progress toward level 2 on
every criterion, never level 2 itself) when nothing in it looks like the answers that only
resemble it: no wrong claim read, no clause disowned (taken back, said both ways, not
known, a list of terms), no red flag, enough of it on the question's own terms
(GENERAL_SHARE), and no sweeping claim ("always", "every", "only", "never", "at
all": lexicon `absolutes` and `sweeping`). A general answer qualifies what it says ("it
can", "usually", "it depends"); a fluent wrong one commits ("bagging is only used with
neural networks", "it doesn't matter at all"), whether or not the judge reads its error.
"""

from functools import lru_cache

from interviewer.judge import clauses, neighbours, signals
from interviewer.judge.levels import Reading
from interviewer.judge.lexicon import lexicon

# How far toward level 2 a general answer is read on every criterion, at least: the fine
# level 1 + this, about a fifth in percent; 0: off. How much of it (by rarity) must be the
# question's or its key points' terms (levels.Reading.relevance). Chosen by
# cross-validation across question groups (benchmarks/cv_offline_judge.py
# tests/data/{interview,holdout9,vague,filler,fluent_wrong}_answers.jsonl --grid general
# --metric spearman --folds 5; 474 answers, 78 groups): 0.65 on 4 of 5 folds
# (cross-validated Spearman 0.771; 0.760 in-sample with it off, which every credit beats). The
# share: 0.2 on 4 of 5 folds, by 0.001 of Spearman over 0.3 (0.772 and 0.771 in-sample
# at 0.65), but 0.2 lifts deep dives that string buzzwords together with nothing right in
# them (tests/data/dive_answers.jsonl, graded 6: 11.9 -> 16.4) and 0.3 lifts none, so
# 0.3 ships (the setting one fold chose).
# How many words it may have: a general answer is short (the graded sets' run to 74),
# and a long answer that states no point has had the room to say something and said
# something else (a design that scores "all of yesterday's transactions" by email,
# another question's answer). How many reasons it may give ("because", "since"): one is
# a general answer's ("it uses the harmonic mean because that balances them"), reasons at
# every step are claims to be read for what they say ("the GIL exists because Python
# needs it, since it makes things work"). Both: grid `general_words` (at credit 0.5):
# the words are indifferent (0.771 for 60, 80 and any); any number of reasons is chosen
# on every fold by 0.001 (0.772), but it lifts filler whose "because" explains nothing
# (tests/data/filler_answers.jsonl, graded 5: 13.2 -> 22.4), so one ships.
GENERAL_CREDIT = 0.65
GENERAL_SHARE = 0.3
GENERAL_WORDS = 80
GENERAL_REASONS = 1
# How much of a neighbouring question's own terms it may say (neighbours.shares, by
# rarity): a general answer says little of anything specific, and an answer to a
# neighbouring question says that question's terms ("lists are mutable and tuples are
# immutable ..." asked about mutable default arguments: 0.18). A safeguard, not chosen by
# cross-validation: the vague answers of the interview and vague sets say 0.00-0.10.
GENERAL_NEIGHBOUR = 0.12


@lru_cache(maxsize=1)
def _sweeping() -> clauses.Table:
    lex = lexicon()
    rows = []
    for item in [*lex.absolutes, *lex.sweeping]:
        rows.append(tuple(t.stem for w in item.split() for t in clauses.tokens(w)))
    return clauses.Table.of(rows)


@lru_cache(maxsize=4096)
def says_sweeping(text: str) -> bool:
    """Whether the text claims something of all cases or none ("always", "every", "only",
    "at all"); a negated one ("not always", "not every") qualifies instead."""
    words = [t for t in clauses.tokens(text) if t.is_word]
    stems = tuple(t.stem for t in words)
    negators = frozenset(lexicon().negators)
    for start, _ in clauses._spans(stems, _sweeping()):
        before = words[start - 1].norm if start else ""
        if before in negators or before.endswith("n't"):
            continue
        return True
    return False


def general(reading: Reading, read: clauses.Reading, flagged: bool) -> bool:
    """Whether an answer read at level 1 on every criterion is a general answer that earns
    the bounded credit (see the module's docstring): short (GENERAL_WORDS), on the
    question's terms (GENERAL_SHARE), nothing wrong, disowned, flagged or addressed to the
    grader, at most GENERAL_REASONS reasons given, little of a neighbouring question's own
    terms (GENERAL_NEIGHBOUR), nothing sweeping."""
    return (
        reading.word_count <= GENERAL_WORDS
        and bool(reading.on_topic)
        and not reading.wrong
        and not flagged
        and not reading.dropped_instructions
        and all(c.asserted for c in read.clauses)
        and reading.relevance >= GENERAL_SHARE
        and signals.find(signals.CAUSAL, reading.kept).count <= GENERAL_REASONS
        and neighbours.shares(reading.request, reading.request.answer)[1] < GENERAL_NEIGHBOUR
        and not says_sweeping(reading.request.answer)
    )
