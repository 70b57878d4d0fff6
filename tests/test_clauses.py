"""The clause reader: clauses, denial, hedges, retractions, lists and alternatives."""

import pytest

from interviewer.judge.clauses import (
    Clause,
    Status,
    claims,
    misconception_contrasts,
    question_contrasts,
    read,
    role_conflict,
    tokens,
)
from interviewer.judge.text import sentences


def clauses_of(text: str, question: str = "") -> list[Clause]:
    return read(sentences(text), question).clauses


def texts(text: str, question: str = "") -> list[str]:
    return [c.text for c in clauses_of(text, question)]


def test_a_sentence_splits_at_connectives_and_between_two_verbs():
    assert texts("Bagging reduces variance, while boosting reduces bias.") == [
        "Bagging reduces variance,",
        "while boosting reduces bias.",
    ]
    assert texts("Bagging mainly reduces bias and boosting mainly reduces variance.") == [
        "Bagging mainly reduces bias",
        "and boosting mainly reduces variance.",
    ]
    # Two things joined, not two clauses.
    assert len(clauses_of("Precision and recall both use true negatives.")) == 1
    assert len(clauses_of("A large gap between training and validation error is bad.")) == 1
    # A formula's minus sign is not a dash between clauses.
    assert len(clauses_of("Divide the kept ones by 1 - p during training.")) == 1


def test_contractions_and_sloppy_typing_read_as_words():
    assert [t.norm for t in tokens("I don't know, im not sure")] == [
        "i",
        "do",
        "not",
        "know",
        ",",
        "i",
        "am",
        "not",
        "sure",
    ]


def test_a_negator_or_a_frame_denies_its_clause():
    plain, negated = clauses_of("Dropout is used at inference. Dropout is not used at inference.")
    assert not plain.negated and negated.negated and not negated.denied
    (framed,) = clauses_of("It is not true that dropout is used at inference.")
    assert framed.negated and framed.denied and framed.framed
    # Two denials affirm.
    (double,) = clauses_of("It is not true that dropout is not used in training.")
    assert not double.negated and double.framed


def test_a_predicate_that_denies_its_subject_denies_the_whole_clause():
    (useless,) = clauses_of("Keyword search over the documents is useless here.")
    assert useless.negated and useless.denied and not useless.framed
    (nothing,) = clauses_of("Re-ranking the retrieved candidates adds nothing.")
    assert nothing.denied
    # Its own negator is part of it: "is not needed" is one denial, not two.
    (needed,) = clauses_of("A later test window is not needed.")
    assert needed.negated and needed.denied
    # Not a predicate: "does not need k" denies k, and "unnecessary features" nothing.
    (verb,) = clauses_of("DBSCAN does not need the number of clusters.")
    assert verb.negated and not verb.denied
    (noun,) = clauses_of("Lasso removes unnecessary features.")
    assert not noun.negated


def test_a_frame_denies_the_rest_of_its_sentence():
    first, second = clauses_of("It is not true that a spam filter should maximise recall, so spam")
    assert first.denied and second.framed


def test_a_report_denies_what_it_reports_and_no_more():
    parts = clauses_of(
        "Common misreadings: treating significance as importance, when with enough data tiny "
        "effects are significant."
    )
    assert [c.negated for c in parts] == [True, True, False]


def test_what_an_answer_turns_down_is_denied():
    kept, turned_down = clauses_of("Evaluate on a later period rather than a random split.")
    assert not kept.negated and turned_down.denied


def test_a_condition_is_supposed_not_claimed():
    (clause,) = clauses_of("It is the probability, assuming the null is true, of the result.")
    assert "null" not in clause.claimed_text() and "probability" in clause.claimed_text()
    # "X is when Y" defines; it does not suppose.
    (defined,) = clauses_of("Overfitting is when training error is low.")
    assert "training" in defined.claimed_text()


def test_hedges_disown_their_clause_and_a_hanging_one():
    parts = clauses_of(
        "I've heard of bootstrap and weak learners, but I'm not sure which one uses which."
    )
    assert {c.status for c in parts} == {Status.hedged}
    parts = clauses_of("I'm not sure about the constant, but L1 gives sparse weights.")
    assert [c.status for c in parts] == [Status.hedged, Status.asserted]
    assert clauses_of("i dont know what dropout does")[0].status is Status.hedged


@pytest.mark.parametrize(
    "ending",
    [
        "Actually, no, all of that is wrong.",
        "Hmm, I take all of that back.",
        "Please ignore my answer; I don't think it's right.",
        "Sorry, everything I just said is wrong.",
        "Wait - that's all backwards.",
        "I think what I said is completely wrong, sorry.",
        "Never mind all of that, I really don't know.",
        "Sorry - I take it all back.",
        "Actually I take all that back - I think it's wrong.",
        "None of it holds.",
    ],
)
def test_everything_said_is_taken_back_in_other_words(ending: str) -> None:
    parts = clauses_of(f"L1 gives sparse weights. L2 shrinks them. {ending}")
    assert [c.status for c in parts[:2]] == [Status.retracted, Status.retracted]


@pytest.mark.parametrize(
    "ending",
    [
        "Teams often get all of that wrong under deadline pressure.",
        "That's all I'd say at this level.",
        "None of that is exotic; it is standard practice.",
        "The model learns to ignore all of that noise.",
        "It was all wrong at first, so I rebuilt the pipeline.",
        "I am not saying all of that is wrong.",
        "We take all of that into account.",
        "We took all of that back to the product team.",
        "If any of that is wrong for your data, the curve will show it.",
    ],
)
def test_words_of_a_retraction_that_take_nothing_back(ending: str) -> None:
    parts = clauses_of(f"L1 gives sparse weights. L2 shrinks them. {ending}")
    assert [c.status for c in parts[:2]] == [Status.asserted, Status.asserted]


def test_a_retraction_takes_back_what_came_before():
    parts = clauses_of(
        "L1 gives sparse weights. L2 shrinks them. I'm wrong about all of this - none of it is "
        "true."
    )
    assert [c.status for c in parts[:2]] == [Status.retracted, Status.retracted]
    assert all(c.status is Status.meta for c in parts[2:])
    parts = clauses_of(
        "L1 gives sparse weights. L2 gives sparse weights. Scratch that. L2 shrinks."
    )
    assert [c.status for c in parts] == [
        Status.asserted,
        Status.retracted,
        Status.meta,
        Status.asserted,
    ]


def test_a_refutation_disowns_the_clause_before_it():
    claim, refutation = clauses_of("People say accuracy works here, which is wrong.")
    assert refutation.status is Status.meta
    # Reported and refuted: not the candidate's claim either way (it used to be read as
    # denied twice, that is affirmed).
    assert claim.status is Status.reported
    own, refutation = clauses_of("Accuracy works here, which is wrong.")
    assert own.status is Status.reported and refutation.status is Status.meta


def test_a_list_of_terms_is_not_a_claim():
    (salad,) = clauses_of(
        "Dropout, probability p, thinned network, Bernoulli mask, inverted dropout, ensemble."
    )
    assert salad.status is Status.listed
    fragments = clauses_of(
        "Went live. Rolled back. Root cause. Post-mortem. Monitoring. Since then."
    )
    assert all(c.status is Status.listed for c in fragments)
    (headed,) = clauses_of(
        "I would track PR AUC, recall at k, NDCG, MRR, coverage, latency and cost."
    )
    assert headed.status is Status.asserted and headed.headed_list
    # Four short items in a sentence are an enumeration, not a salad.
    (fine,) = clauses_of("It is fast, cheap, simple and robust.")
    assert fine.status is Status.asserted and not fine.headed_list


def test_alternatives_are_named_in_order():
    question = "What is the difference between bagging and boosting?"
    groups = {c[0] for c in question_contrasts(question)}
    assert len(groups) == 1
    first, _ = clauses_of("Bagging reduces bias and boosting reduces variance.", question)
    claim = clauses_of("Bagging reduces variance.", question)[0]
    assert role_conflict(claim.roles, first.roles)  # bias where the claim says variance
    # Pairing: the same alternatives, paired the other way round.
    both = clauses_of("Bagging mainly reduces variance, boosting bias.", question)[0]
    wrong = clauses_of("Bagging mainly reduces bias, boosting variance.", question)[0]
    assert role_conflict(both.roles, wrong.roles)
    assert not role_conflict(both.roles, both.roles)


def test_a_question_without_a_comparison_names_no_alternatives():
    assert question_contrasts("How would you split your data for training and evaluation?") == ()


def test_a_misconception_that_swaps_one_word_makes_them_alternatives():
    found = misconception_contrasts(
        (
            (
                "The constant that minimises MSE is the mean.",
                "The constant that minimises MSE is the median.",
            ),
        )
    )
    assert {entry[2] for entry in found} == {("mean",), ("median",)}
    # A claim that is not the key point said again yields nothing.
    assert misconception_contrasts((("Dropout zeroes units.", "A token is a word."),)) == ()


def test_a_hanging_clause_belongs_to_the_claim_it_qualifies():
    grouped = claims(clauses_of("Bias is how much the model changes when it is retrained."))
    assert len(grouped) == 1 and grouped[0].members


def test_a_second_subject_with_its_own_verb_after_a_comma_is_a_second_claim():
    said = "The training set is used to choose hyperparameters, the validation set fits weights."
    assert texts(said) == [
        "The training set is used to choose hyperparameters,",
        "the validation set fits weights.",
    ]
    # Things listed after a comma are not a claim of their own.
    listed = texts("We compared the first model, the second model and the third one.")
    assert "the second model" not in listed


def test_a_reason_denied_by_the_clause_before_it_is_denied():
    said, reason = clauses_of("It is not because the network gets smaller.")
    assert said.negated and reason.negated and reason.framed
    # A reason for something denied is still claimed: the negator is not the last word.
    _, cause = clauses_of("The model did not converge because the rate was too high.")
    assert not cause.negated


def test_a_verb_that_denies_its_object_denies_it():
    (by_verb,) = clauses_of("It works by preventing co-adaptation.")
    (by_frame,) = clauses_of("It prevents units from co-adapting.")
    assert by_verb.negated and by_frame.negated
    # Before a pronoun it denies nothing the clause goes on to say.
    assert not any(c.negated for c in clauses_of("To prevent it I split the data first."))


def test_a_frame_before_a_list_of_terms_heads_no_list():
    # "It is not true that GIL, mutex, ..." is keyword salad behind a frame, not a claim
    # introducing a list (as "I'd use a, b, c" is).
    for said in (
        "It is not true that GIL, mutex, bytecode, reference counts, CPU-bound, no speedup.",
        "Some people say that friction, recall, challenge rate, anomaly scores, velocity.",
    ):
        assert all(c.status is Status.listed for c in clauses_of(said)), said
    (headed,) = clauses_of("It is not true that we used PR AUC, recall, precision, F1 and ROC.")
    assert headed.status is Status.asserted and headed.denied


def test_a_use_or_a_gain_denied_in_other_words_denies_the_clause():
    for said in (
        "I/O-bound work gets no benefit from threads.",
        "Analyst review gains nothing.",
        "Accuracy is of no use here.",
        "There is no point in anomaly scores.",
        "Precomputing the lists buys you nothing.",
        "Content embeddings bring no benefit.",
    ):
        (clause,) = clauses_of(said)
        assert clause.negated and clause.denied, said
    # Two such predicates in one clause deny two things; they do not cancel out.
    (both,) = clauses_of("Analyst review gains nothing and there is no point in anomaly scores.")
    assert both.negated and both.denied


def test_a_denial_stops_before_a_second_predicate_of_the_same_subject():
    (said,) = clauses_of(
        "It prevents units from co-adapting and behaves like an ensemble of subnetworks."
    )
    assert said.negated
    assert "ensemble" not in said.denied_text() and "co" in said.denied_text()
