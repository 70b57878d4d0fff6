"""Grammatical salad: clauses that put terms into a sentence but link them by no relation
("X is central to A, B and C", "A, B and C are the X side of things", "Z is involved in
F1") state nothing of them, and cover no key point; real claims that use the same links
or hold lists keep counting."""

import pytest

from interviewer.judge.clauses import Status, links_nothing, read, tokens
from interviewer.judge.lexicon import LEXICON_PATH, LexiconError, read_lexicon
from interviewer.judge.text import sentences
from tests.readings import statuses


@pytest.mark.parametrize(
    "text",
    [
        "The learning rate is central to overshooting, oscillation, divergence and NaN losses.",
        "Bagging and boosting are both about bootstrap samples, replacement, averaging and voting.",
        "Early stopping relates to validation loss, patience and checkpoints.",
        "Softmax is involved in attention.",
        "Recall also connects to F1.",
        "The KV cache has a lot to do with memory, latency and long prompts.",
        "Sequential training, residual errors and weak learners are the boosting side of things.",
        "Momentum, Adam and RMSProp play a big role in optimisation, step sizes and convergence.",
        "Dropout, weight decay and early stopping complete the picture.",
        "Tokenisation, embeddings and positional encodings are how teams think about the input.",
        "Residual errors, shrinkage and weak learners are key.",
        "Bias, variance and model capacity are all interrelated.",
        "There is a link between learning rate and batch size.",
        "Shards, replicas and caches are the serving part.",
        "Calibration, thresholds and costs are relevant as well.",
        "Retrieval, grounding and citations are a big part of it.",
    ],
)
def test_terms_linked_by_no_relation_state_nothing(text):
    assert statuses(text) == [Status.vacuous]


@pytest.mark.parametrize(
    "text",
    [
        # A contentful predicate: who does what to what.
        "Bagging reduces variance by averaging models trained on bootstrap samples.",
        "Bagging trains models on bootstrap samples and is related to variance.",
        "Regularisation includes L1, L2, dropout and early stopping.",
        "Ridge, lasso and elastic net are the three penalties people use.",
        # A loose link between two terms still says something of the first.
        "Bagging is about variance reduction.",
        # ... and one whose object is what its subject does.
        "Dropout and weight decay are both about reducing overfitting.",
        # Denied, it says something: the validation set plays no part in fitting.
        "The validation set is not involved in fitting the weights.",
        # A mapping, a figure, a means, a comparison, an embedded claim.
        "Bagging and boosting are about variance and bias respectively.",
        "The dataset is about 20 GB, ten million rows and many features.",
        "The two towers are connected by a dot product between user and item embeddings.",
        "Overfitting shows up as a gap between training and validation loss.",
        "Precision is about how many of the flagged items are really positive.",
        "Feature scaling matters for k-NN, SVMs and gradient descent.",
        "Bagging models are trained independently and are related to variance and samples.",
        # An imperative with its object: "put the pieces in a list".
        "Instead, put the pieces in a list and join them at the end with join(pieces).",
        "Cleaning the labels is the most important part.",
    ],
)
def test_claims_that_use_links_or_lists_keep_counting(text):
    assert Status.vacuous not in statuses(text)


def test_a_list_split_before_its_last_item_is_read_as_one_clause():
    # "A, B | and C come in" is one list of terms, whichever way the splitter cut it.
    parts = statuses("Residual connections, skip paths and deep networks all come into play.")
    assert parts and set(parts) == {Status.vacuous}
    parts = statuses("This is where bootstrap samples, replacement and voting come in.")
    assert parts and set(parts) == {Status.vacuous}
    # Two claims that each link two terms are not joined into a list.
    assert Status.vacuous not in statuses(
        "One is about false positives and the other is about false negatives."
    )


def test_a_link_beside_a_real_claim_drops_only_the_link():
    parts = statuses(
        "Weight sharing is closely tied to equivariance: a convolution slides the same small "
        "filter over every position, so it needs far fewer parameters."
    )
    assert parts[0] is Status.vacuous
    assert all(s is Status.asserted for s in parts[1:])
    assert statuses("The learning rate is central because it sets the step size.") == [
        Status.asserted,
        Status.asserted,
    ]


def test_a_link_whose_clause_must_end_reads_only_there():
    assert links_nothing(tokens("Class weights, thresholds and resampling all matter."))
    assert not links_nothing(tokens("Class weights matter for rare classes, recall and cost."))


def test_a_hyphenated_term_is_not_a_breaker():
    text = "Define-by-run is tied to control flow, print statements and debuggers."
    assert links_nothing(tokens(text), sentences(text)[0])
    assert not links_nothing(tokens("Dropout is tied to units by a mask, noise and scale."))


def test_a_link_may_not_end_in_a_gap(tmp_path):
    path = tmp_path / "lexicon.yaml"
    text = LEXICON_PATH.read_text(encoding="utf-8")
    path.write_text(text.replace("  - related to\n", "  - related to *\n", 1), encoding="utf-8")
    with pytest.raises(LexiconError) as caught:
        read_lexicon(path)
    assert "empty_links" in str(caught.value)


def test_how_people_think_about_it_reports_no_claim():
    # "people think" opens a report ("people think dropout runs at inference"), but "how
    # people think about X" says in what terms, and denies nothing.
    parts = read(sentences("Edges, parts and objects are how people think about depth.")).clauses
    assert [(c.status, c.negated) for c in parts] == [(Status.vacuous, False)]
    reported = read(sentences("People think dropout is used at inference.")).clauses
    assert reported[0].negated


@pytest.mark.parametrize(
    "text",
    [
        # Relational and empty predicates whose arguments are only terms: no direction, no
        # mechanism, no property of any term (tests/data/salad2_answers.jsonl).
        "Fairness brings together calibration, false positive rates and false negative "
        "rates within the group setting.",
        "Base rates, thresholds and prevalence are all connected through the classifier "
        "and its scores.",
        "Quantisation and speculative decoding sit alongside tensor parallelism in the way "
        "prefill relates to decode.",
        "Threads interact with I/O, CPU work and lock contention.",
        "The key thing is the relationship between latency and throughput, and the interplay "
        "between prefill, decode and the KV cache.",
        "What matters is the interaction between the agent and concepts such as reward, "
        "credit assignment and exploration.",
        "Methods such as continued pre-training, adapters and weak labels are relevant to "
        "the problem.",
        "Reference counts play a key role in it.",
        "The defaults attribute has a connection to all of this.",
    ],
)
def test_terms_as_the_arguments_of_an_empty_predicate_state_nothing(text):
    parts = statuses(text)
    assert parts and set(parts) == {Status.vacuous}


@pytest.mark.parametrize(
    "text",
    [
        # The relational verb carries a claim: a reason, a means, a direction, a verb of
        # the term's own, a figure, fewer terms than a loose link needs.
        "Dropout is related to ensembling because it trains many thinned networks.",
        "Larger batches interact with the learning rate by reducing gradient noise.",
        "The learning rate interacts with batch size through the noise of the gradient.",
        "Pre-processing involves reweighing the groups before training.",
        # "involve" says what a thing consists of (Mohler: "iteration and recursion both
        # involve repetition and a termination test" is a full-marks answer).
        "Both iteration and recursion are based on control statements and involve repetition.",
        "Post-processing involves group-specific thresholds.",
        "Serving a 13B model involves latency, throughput and tokens per second.",
        "The model overfits on small data.",
        "Each stage has its own metric, such as recall, NDCG and AUC.",
    ],
)
def test_relational_verbs_that_carry_a_claim_keep_counting(text):
    parts = statuses(text)
    assert parts and set(parts) != {Status.vacuous}


def test_an_empty_relation_before_its_explanation_drops_only_the_relation():
    parts = statuses(
        "The learning rate interacts with batch size: larger batches tolerate larger rates."
    )
    assert parts[0] is Status.vacuous
    assert all(s is Status.asserted for s in parts[1:])


@pytest.mark.parametrize(
    "text",
    [
        # A word that shares only a stem with a link's word is not that link: "integrates
        # to" is not "integral to", "relative to" is not "relate to".
        "The likelihood is a density over the data, so it integrates to one over x.",
        "Take each element and place it in its position relative to the sorted elements.",
    ],
)
def test_a_word_that_only_shares_a_links_stem_is_no_link(text):
    assert Status.vacuous not in statuses(text)


def test_a_links_own_inflections_still_link():
    assert statuses("Dropout, noise and ensembling all relate to regularisation.") == [
        Status.vacuous
    ]
    assert statuses("Dropout, noise and ensembling are related to regularisation.") == [
        Status.vacuous
    ]
    assert set(statuses("Dropout is integral to regularisation, ensembling and noise.")) == {
        Status.vacuous
    }


@pytest.mark.parametrize(
    "text",
    [
        # Said before the copula: "at the heart of X are A, B and C".
        "At the heart of k-means are the centroids, the points and the distances.",
        # Support named with no mechanism.
        "The Hessian underpins the leaf weights, the split gain and the Taylor expansion.",
        "With broadcasting we are talking about shapes, strides and trailing dimensions.",
        # An idle predicate says nothing even of one term (a term per sentence).
        "Inertia is another thing.",
        "Monte Carlo dropout is worth a mention.",
        "Each layer comes into it.",
        "Memory bandwidth is another important thing to keep in mind.",
        "Grouped-query attention and paged allocation are also worth knowing about.",
        # A list named as the concepts of the topic.
        "Important concepts here are the chain rule, Jacobians, depth and residual connections.",
    ],
)
def test_terms_named_as_topics_state_nothing(text):
    parts = statuses(text)
    assert parts and set(parts) == {Status.vacuous}


@pytest.mark.parametrize(
    "text",
    [
        # The same predicates with a claim: a reason after a colon, fewer terms than a loose
        # link needs, an embedded claim, a figure, a verb of the term's own.
        "At the heart of XGBoost is a second-order Taylor expansion of the loss.",
        "Calibration is at the heart of the difference.",
        "It is worth noting that dropout is switched off at inference.",
        "For a 4,096-token context you are talking about a few megabytes per sequence.",
        "Seeds drive initialisation, shuffling, dropout and augmentation.",
        "The underlying rate differs between the groups.",
    ],
)
def test_topic_predicates_with_a_claim_keep_counting(text):
    assert Status.vacuous not in statuses(text)


def test_a_participle_with_its_complement_is_a_claim_not_a_term():
    # A list of requirements after a real verb phrase (tests/data/everyday3_answers.jsonl).
    text = (
        "Choose with your own evaluation set of real inputs from the product, scored on the "
        "criteria that matter, weighed with latency and cost, context length and licence."
    )
    assert Status.vacuous not in statuses(text)
