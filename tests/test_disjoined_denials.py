"""A denial reaches every disjunct of what it denies ("didn't X or Y" denies both), whether
the disjunct is split off as a clause of its own or stays in the denied one; "and"/"but"
after a denial, a disjunct with its own subject, and a second denial inside keep theirs."""

from interviewer.judge import clauses
from interviewer.judge.text import NEGATED, sentences, term


def _clauses(text: str) -> list[clauses.Clause]:
    return clauses.read(sentences(text)).clauses


def _denied(text: str, words: str) -> bool:
    """Whether the clause holding `words` is read as denied."""
    found = [c for c in _clauses(text) if words in c.text]
    assert found, [c.text for c in _clauses(text)]
    return found[0].negated


def _marked(text: str, word: str) -> bool:
    """Whether the word is read as denied where cue phrases are matched."""
    return NEGATED + term(word) in clauses.marked_sequence(text)


def test_a_split_off_disjunct_is_denied_as_the_clause_before_it():
    text = "We didn't look at agreement or audit a sample, since the heuristic was fixed."
    assert _denied(text, "or audit a sample")
    assert _denied("Nobody was on call or owned the model.", "or owned the model")
    assert _denied("I never saw drift or degraded performance.", "or degraded")


def test_a_disjunct_inside_the_denied_clause_is_marked_denied():
    text = "I wouldn't worry about sample ratio mismatch or segments either."
    assert _marked(text, "segments")
    assert _marked("There were no duplicates, missing values or noise.", "noise")
    text = "We never checked for features computed after the label or looked for duplicates."
    assert _marked(text, "duplicates")
    assert "or looked for duplicates" in _clauses(text)[0].denied_text()


def test_what_follows_and_or_but_after_a_denial_is_not_denied():
    assert not _denied("We didn't use a random split but split by time.", "but split by time")
    assert not _marked("We didn't use a random split but split by time.", "time")
    # "and" with a second predicate of its own form says what was done.
    assert not _marked("We did not drop the duplicates and left them in.", "left")
    assert not _denied("We looked not only at the average but also at slices.", "slices")


def test_a_disjunct_with_its_own_subject_is_a_claim_of_its_own():
    text = "Don't fit the scaler on everything, or the test set leaks into training."
    assert not _denied(text, "or the test set leaks")
    assert not _marked(text, "leaks")


def test_a_second_denial_inside_turns_the_disjunction_back():
    text = (
        "A new model never replaced the old one without a champion-challenger comparison "
        "or passing a validation gate."
    )
    assert _clauses(text)[0].disjoined() is None
    assert not _marked(text, "gate")


def test_a_cue_that_negates_still_matches_the_first_disjunct():
    # "do not stop early" is said next to its negator: the words the negator reaches by
    # nearness are left as they were, so the cue still matches them.
    seq = clauses.marked_sequence("Don't stop early or peek at the p-value every day.")
    assert tuple(term(w) for w in ("stop", "early")) == seq[2:4]
    assert NEGATED + term("peek") in seq


def test_a_claim_that_denies_in_its_later_clauses_is_read_with_those_denials():
    # "..., so they had no noise and didn't need checking" denies what the misconception
    # ("... have no noise, so they did not need checking") denies: no conflict of polarity.
    from interviewer.judge import claims

    text = (
        "The labels were generated automatically by a heuristic, so they had no noise and "
        "did not need checking."
    )
    merged = clauses.merge(_clauses(text))
    claim = (
        "Labels generated automatically by a heuristic have no noise, so they did not need "
        "checking."
    )
    said = claims.clause_terms(merged)
    assert claims.support(said, claim, "", frozenset(), whole_only=True) >= claims.COVERED_AT
