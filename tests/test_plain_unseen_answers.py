"""Right answers in plain words to breadth and python questions no other answer set uses,
beside the same content in the key points' words and a fluent wrong answer in plain words,
each written and graded 0-100 before any scoring (tests/data/plain_unseen_answers.jsonl,
see tests/data/README.md). Five questions (`plainu_aside.*`) were kept aside while the
judge was changed. What the judge does with them now is held here; what it does not do
yet is a strict xfail with the reason."""

import json
from pathlib import Path

import pytest

from tests.answer_sets import judged_on, mean_of, percents_by_question

DATA = Path(__file__).parent / "data"
DATASET = DATA / "plain_unseen_answers.jsonl"
VARIANTS = {"plain", "plainer", "keypoints", "plain_false"}


@pytest.fixture(scope="module")
def judged() -> dict[str, dict[str, float]]:
    return percents_by_question(DATASET, "variant", VARIANTS)


def test_each_question_has_every_variant(judged):
    assert len(judged) >= 15
    assert all(v.keys() == VARIANTS for v in judged.values())


# The sets that existed when this one was written (the misconceptions lane's paraphrased
# wrong sets, written at the same time, share seven of its questions).
EARLIER_SETS = (
    "interview_answers",
    "plain_answers",
    "plain_breadth_answers",
    "adversarial_answers",
    "fresh_wrong_answers",
    "fresh_wrong_aside",
    "fluent_wrong_answers",
    "design_dive_answers",
    "marker_answers",
)


def test_the_questions_are_not_those_of_the_earlier_answer_sets(judged):
    others = set()
    for name in EARLIER_SETS:
        path = DATA / f"{name}.jsonl"
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            others.add(row.get("question_id") or row.get("group"))
    assert not set(judged) & others


def test_every_right_answer_beats_the_wrong_one(judged):
    for question, v in judged.items():
        wrong = v["plain_false"]
        assert min(v["plain"], v["plainer"], v["keypoints"]) > wrong + 5, (question, v)


def test_right_answers_score_well_on_average(judged):
    # When written (main 17a9024): key points' words 88.2, plain 82.9, plainest 65.4; after
    # this session's changes 88.2, 87.3 and 74.0 (the five aside questions alone: plain
    # 81.4 -> 85.8, plainest 76.5 -> 78.7, wrong 19.9 -> 19.9). Misconceptions read in other
    # words (main f34621d) then took plain to 83.6 and plainest to 69.9 (and wrong to 8.8):
    # they name a misconception in right answers on weighted losses, CNNs and caching.
    assert mean_of(judged, "keypoints") >= 85
    assert mean_of(judged, "plain") >= 80
    assert mean_of(judged, "plainer") >= 66
    assert min(v["plainer"] for v in judged.values()) >= 35, judged


def test_fluent_wrong_answers_in_plain_words_stay_low(judged):
    assert mean_of(judged, "plain_false") <= 20
    assert max(v["plain_false"] for v in judged.values()) <= 55, judged


def test_answers_in_the_plainest_words_average_at_least_80(judged):
    # An answer in everyday words states less of each key point's technical words than the
    # covering bar asks (svm, central limit theorem, pca: 44-50 read word by word); 85.0
    # with everyday10's spread reading (claims-v13), the wrong answers still 8.0.
    assert mean_of(judged, "plainer") >= 80


PCA = "breadth.dim_reduction.pca_in_practice"
# Its clauses are all claimed but one ("so I can't explain the model in terms of my own
# columns any more"), and none states a key point in the key points' words on its own.
PLAINER_PCA = f"plainu.{PCA}.plainer"


def test_a_clause_hedged_in_passing_does_not_disown_a_right_answer():
    # "I can't explain ..." here says what PCA costs, among many claims: the answer is
    # read, not scored at the floor as one that only says what the candidate does not know.
    (answer,) = (
        json.loads(line)["answer"]
        for line in DATASET.read_text(encoding="utf-8").splitlines()
        if json.loads(line)["id"] == PLAINER_PCA
    )
    result, percent = judged_on(PCA, answer)
    assert "does not know" not in result.feedback
    assert percent is not None and percent > 30


def test_a_hedge_with_short_filler_is_still_scored_at_the_floor():
    result, percent = judged_on(
        PCA,
        "I don't know when PCA helps or hurts. I've heard of t-SNE and UMAP. PCA comes up a lot.",
    )
    assert percent == 0.0 and "does not know" in result.feedback


@pytest.mark.parametrize(
    "sentence",
    [
        "The catch is that it only helps when the models make different mistakes.",
        "It keeps a wider band in exchange for a few training mistakes.",
        "Caching is only safe if the function has no side effects.",
        "Where it goes wrong: rare events make the bell a bad guess.",
    ],
)
def test_a_limit_or_cost_in_everyday_words_is_read_as_a_trade_off(sentence):
    from interviewer.judge import signals
    from interviewer.judge.text import Sentence

    assert signals.find(signals.TRADEOFF, [Sentence(sentence, 0)]).count >= 1


def test_a_sentence_that_weighs_nothing_is_not_read_as_a_trade_off():
    from interviewer.judge import signals
    from interviewer.judge.text import Sentence

    plain = "It slides a small grid over the image and adds up the products at each spot."
    assert signals.find(signals.TRADEOFF, [Sentence(plain, 0)]).count == 0
