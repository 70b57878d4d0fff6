"""Claims the candidate does not make their own (judge/reports.py): reports rejected or
endorsed, claims distanced, and sentences said both ways."""

import pytest

from interviewer.judge.clauses import Status
from tests.readings import clauses_of, statuses


@pytest.mark.parametrize(
    "text",
    [
        "Some people say bias is the error of too simple a model, but that is a myth.",
        "The docs claim the graph is built as the code runs, but I don't think that's accurate.",
        "Some people will tell you the selection leaks the labels, but I don't buy it.",
        "According to the textbooks, the rate depends on the batch size. They are wrong.",
        "Underfitting is said to be high bias, but I don't believe it.",
        "My manager claimed the features must be stored as served, but it isn't so.",
    ],
)
def test_a_report_the_speaker_rejects_is_not_their_claim(text):
    *report, verdict = clauses_of(text)
    assert verdict.status is Status.meta
    assert report and all(c.status is Status.reported for c in report), [
        (c.text, c.status) for c in report
    ]


def test_a_rejection_in_the_next_sentence_reaches_the_report_before_it():
    parts = clauses_of(
        "The blog posts claim that short runs rank configurations like long ones. "
        "I think they are wrong about that."
    )
    assert [c.status for c in parts] == [Status.reported, Status.meta]


def test_a_report_the_speaker_endorses_is_their_claim():
    # "people say" alone reads the rest as denied (a reported misconception); endorsed,
    # it is the candidate's claim, affirmed.
    claim, verdict = clauses_of("People say random search beats grid search, and that's right.")
    assert claim.status is Status.asserted and not claim.negated and not claim.denied
    assert verdict.status is Status.meta
    (cited,) = clauses_of("As Goodfellow says, dropout trains an ensemble of thinned networks.")
    assert cited.status is Status.asserted and not cited.negated


def test_a_report_left_open_is_read_as_before():
    (said,) = clauses_of("The paper says the estimate is unbiased.")
    assert said.status is Status.asserted and not said.negated


def test_distancing_words_disown_their_clause_unless_endorsed():
    assert statuses("Variance is supposedly how much the model changes across samples.") == [
        Status.reported
    ]
    assert statuses("Allegedly the cache grows with the context, and that is true.") == [
        Status.asserted,
        Status.meta,
    ]
    # "reportedly" is matched as a word: "reports" and "reported" are not distancing.
    assert set(statuses("Most spam is never reported and some reports are retaliation.")) == {
        Status.asserted
    }


def test_facts_set_against_a_report_are_claimed():
    report, fact = clauses_of(
        "It is sometimes said that permuting the labels drops accuracy to chance; "
        "in fact the same procedure still reports high accuracy."
    )
    assert report.status is Status.reported and fact.status is Status.asserted
    # Facts after a claim of the speaker's own leave it alone.
    assert statuses("The rate matters; in fact it matters most.") == [
        Status.asserted,
        Status.asserted,
    ]


def test_a_curt_reply_rejects_only_when_it_is_the_whole_clause():
    claim, reply = clauses_of(
        "It is often claimed that one seed makes training exact - it doesn't."
    )
    assert claim.status is Status.reported and reply.status is Status.meta
    # A longer clause that opens the same way is a claim of its own.
    assert statuses("It is not differentiable at zero.") == [Status.asserted]


def test_a_verdict_with_a_claim_of_its_own_is_not_a_verdict():
    parts = clauses_of(
        "The textbooks say to refit on all the data, but the wrong choice of k is a myth "
        "that costs teams weeks of retraining."
    )
    assert {c.status for c in parts} == {Status.asserted}


@pytest.mark.parametrize(
    "text",
    [
        "Too high a rate either overshoots or makes training slow; it can go either way.",
        "Bias is the error of too simple a model, or it is the sensitivity to the sample, "
        "depending on who you ask.",
        "The graph is built as the code runs, or compiled first - you can argue either.",
        "A new item has a vector, or it does not: one or the other.",
    ],
)
def test_a_sentence_said_both_ways_claims_neither_side(text):
    assert set(statuses(text)) == {Status.undecided}


def test_a_both_ways_phrase_that_opens_a_clause_hedges_nothing():
    assert set(statuses("Either way, the model is refitted on all the training data.")) == {
        Status.asserted
    }
    assert set(statuses("Either works, depending on whether you need sparsity.")) == {
        Status.asserted
    }


@pytest.mark.parametrize(
    "text",
    [
        "Batch size has no effect on the right learning rate.",
        "The batch size has nothing to do with the learning rate.",
        "The batch size plays no role in choosing the rate.",
        "Keeping fewer features does not fix it.",
    ],
)
def test_a_relation_denied_with_a_negated_noun_denies_the_clause(text):
    (clause,) = clauses_of(text)
    assert clause.negated and clause.denied
