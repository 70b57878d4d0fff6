"""The offline judge reads claims: a key point counts only when a clause states it, the
right way round, not denied, taken back, hedged away, or lost in a list of terms."""

import pytest

from interviewer.content.loader import Content, load_content
from interviewer.domain.judging import JudgeRequest, JudgeResult
from interviewer.judge.offline import OfflineJudge
from tests.answer_sets import request_for, result_and_percent

DROPOUT = "breadth.regularization.dropout_mechanics"
RIGHT = (
    "During training each unit is zeroed independently with probability p on every forward "
    "pass, so every mini-batch sees a different thinned network. At inference dropout is "
    "turned off and the full network is used deterministically."
)
REVERSED = (
    "During inference each unit is zeroed independently with probability p on every forward "
    "pass, so every mini-batch sees a different thinned network. At training time dropout is "
    "turned off and the full network is used deterministically."
)
STORY = (
    "Last year I built the demand forecasting model for our stores. Two weeks after it went "
    "live the forecast error alert fired. I was on call, so I rolled back to the old "
    "forecast within the hour and told the supply team. I traced the root cause to a holiday "
    "feature joined on the wrong date; it was my mistake. I added a unit test and a "
    "validation step, and it has not happened again in eighteen months."
)


@pytest.fixture(scope="module")
def shipped() -> Content:
    content = load_content()
    assert content.ok, content.errors
    return content


def judged(content: Content, question_id: str, answer: str) -> tuple[JudgeResult, float]:
    question = content.questions[question_id]
    rubric = content.rubrics[question.round.value]
    return result_and_percent(request_for(question, rubric, answer))


def test_a_key_point_said_the_wrong_way_round_is_not_covered_and_is_named(shipped):
    right, right_percent = judged(shipped, DROPOUT, RIGHT)
    wrong, wrong_percent = judged(shipped, DROPOUT, REVERSED)
    assert {"train_time", "inference_time"} <= set(right.covered_key_points)
    assert not {"train_time", "inference_time"} & set(wrong.covered_key_points)
    assert {m.key_point_id for m in wrong.misconceptions} >= {"train_time"}
    assert wrong_percent < right_percent / 2
    assert "You said:" in wrong.feedback
    assert all(m.quote in REVERSED for m in wrong.misconceptions)


@pytest.mark.parametrize(
    "frame",
    [
        "It is not true that {}",
        "It is not the case that {}",
    ],
)
def test_a_denied_answer_covers_nothing(shipped, frame):
    sentences = [s.strip() for s in RIGHT.split(". ") if s.strip()]
    denied = " ".join(frame.format(s[0].lower() + s[1:].rstrip(".")) + "." for s in sentences)
    result, percent = judged(shipped, DROPOUT, denied)
    assert not result.covered_key_points
    assert percent < judged(shipped, DROPOUT, RIGHT)[1] / 3


@pytest.mark.parametrize(
    "ending",
    [
        "I'm wrong about all of this - none of it is true.",
        "Actually, scratch all of that: I don't think any of it is right.",
        "Actually, I think I got all of that backwards, so ignore it.",
    ],
)
def test_an_answer_taken_back_scores_at_the_floor(shipped, ending):
    result, percent = judged(shipped, DROPOUT, f"{RIGHT} {ending}")
    assert percent == 0.0
    assert "takes back" in result.feedback


def test_filler_after_a_retraction_does_not_make_an_answer_of_it(shipped):
    result, percent = judged(
        shipped,
        DROPOUT,
        f"{RIGHT} I'm wrong about all of this - none of it is true. Anyway, regularisation "
        "is an interesting topic that comes up in a lot of interviews.",
    )
    assert percent == 0.0 and not result.covered_key_points
    assert "takes back" in result.feedback


def test_hedging_with_filler_scores_at_the_floor(shipped):
    result, percent = judged(
        shipped,
        DROPOUT,
        "I don't know how dropout works. I've heard of thinned networks and inverted "
        "dropout. Regularisation comes up a lot in practice.",
    )
    assert percent == 0.0 and "does not know" in result.feedback


def test_an_answer_that_only_denies_scores_at_the_floor_and_names_what_it_got_wrong(shipped):
    result, percent = judged(
        shipped,
        "breadth.precision_recall.definitions",
        "It is not the case that precision is TP / (TP + FP). It is not true that recall is "
        "TP / (TP + FN).",
    )
    assert percent == 0.0 and "only says what is not so" in result.feedback
    assert result.misconceptions and "You said:" in result.feedback


def test_a_denial_beside_a_point_stated_keeps_the_point(shipped):
    result, percent = judged(
        shipped,
        DROPOUT,
        f"{RIGHT} It is not true that dropout makes the network any bigger.",
    )
    assert {"train_time", "inference_time"} <= set(result.covered_key_points)
    assert percent > 20


def test_scratch_that_takes_back_only_the_sentence_before(shipped):
    result, _ = judged(
        shipped,
        DROPOUT,
        f"{RIGHT} Dropout also speeds up training a lot. Scratch that.",
    )
    assert {"train_time", "inference_time"} <= set(result.covered_key_points)


def test_hedging_and_name_dropping_cover_nothing(shipped):
    result, percent = judged(
        shipped,
        "breadth.ensembles.bagging_vs_boosting",
        "I don't know the difference between bagging and boosting. I've heard of bootstrap "
        "and weak learners, but I'm not sure which one uses which.",
    )
    assert percent == 0.0 and not result.covered_key_points


def test_keyword_salad_covers_nothing(shipped):
    question = shipped.questions[DROPOUT]
    salad = ", ".join(cue for kp in question.key_points for cue in kp.cues)
    result, percent = judged(shipped, DROPOUT, salad)
    assert percent == 0.0 and not result.covered_key_points
    assert "list of terms" in result.feedback


def test_evidence_quotes_the_clause_that_states_the_point(shipped):
    answer = (
        "I like this question a lot, and at inference dropout is turned off and the full "
        "network is used deterministically."
    )
    result, _ = judged(shipped, DROPOUT, answer)
    quotes = [q for c in result.criteria for q in c.evidence]
    assert quotes and all(q in answer for q in quotes)
    assert all(not q.startswith("I like") for q in quotes)


def test_case_does_not_change_a_story(shipped):
    question = "behavioral.failure.model_failed_in_production"
    _, as_written = judged(shipped, question, STORY)
    _, lower = judged(shipped, question, STORY.lower())
    assert lower == pytest.approx(as_written, abs=5.0)
    assert as_written >= 50


def test_a_misconception_said_as_cause_then_effect_is_named(shipped):
    # Listed as "multiprocessing does not help, because all processes share one GIL".
    result, percent = judged(
        shipped,
        "python.gil.what_and_why",
        "Multiple processes share one GIL, so multiprocessing doesn't help.",
    )
    assert "processes_share_gil" in {m.misconception_id for m in result.misconceptions}
    assert percent < 15


def test_all_at_once_against_one_at_a_time_is_said_the_wrong_way_round(shipped):
    result, _ = judged(
        shipped,
        "python.gil.what_and_why",
        "The GIL lets all threads execute Python bytecode in parallel, one per core.",
    )
    assert "one_thread_bytecode" not in result.covered_key_points
    assert "one_thread_bytecode" in {m.key_point_id for m in result.misconceptions}


def test_a_practice_called_the_right_way_when_the_point_says_it_leaks_is_wrong(shipped):
    # The key point says fitting on the full dataset "lets test data influence training".
    said = (
        "Fitting scalers, imputers and target encoding on the full dataset before "
        "splitting is the right way to do it, because more data gives better statistics."
    )
    result, percent = judged(shipped, "breadth.preprocessing.data_leakage", said)
    assert "preprocessing_leakage" not in result.covered_key_points
    assert "preprocessing_leakage" in {m.key_point_id for m in result.misconceptions}
    assert percent < 15


OFF_TOPIC_ANSWER = (
    "Great question. In my last role I led the migration of our data warehouse from "
    "on-premise servers to the cloud, which cut our monthly hosting bill substantially. I set "
    "up the new permissions model, wrote the runbooks for the on-call rotation, and trained "
    "three junior engineers on the deployment tooling. I held weekly demos and kept a shared "
    "document of decisions, so everyone knew what was coming and when."
)


@pytest.mark.parametrize("question_id", [DROPOUT, "python.gil.what_and_why"])
def test_a_confident_answer_about_something_else_gets_the_floor(shipped, question_id):
    result, percent = judged(shipped, question_id, OFF_TOPIC_ANSWER)
    assert percent == 0.0
    assert all(c.level == 1 and c.progress is None for c in result.criteria)
    assert "about something else" in result.criteria[0].rationale


def test_an_answer_in_other_words_than_a_one_line_reference_is_not_called_off_topic():
    # A reference of a few words (the UNT set's kind) is too thin to judge the topic by.
    from interviewer.commands.calibrate import calibration_rubric, reference_key_points
    from interviewer.domain.question import RoundKind

    rubric = calibration_rubric()
    result = OfflineJudge().score_now(
        JudgeRequest(
            round_kind=RoundKind.breadth,
            question="What are the main advantages of object-oriented programming?",
            key_points=reference_key_points("Abstraction and reusability."),
            rubric=rubric,
            answer=(
                "You can hide the inner details of an object behind its methods, and you can "
                "use the same classes again in another program without rewriting them."
            ),
        )
    )
    assert all("about something else" not in c.rationale for c in result.criteria)


def test_no_heading_a_phrase_denies_the_phrase_not_the_sentence(shipped):
    question = "python.performance.vectorise_distances"
    said = "With no Python loop, broadcasting computes every pairwise difference at once."
    result, _ = judged(shipped, question, said)
    assert "broadcast_difference" in result.covered_key_points
    assert not result.misconceptions
    denied = "Broadcasting does not compute every pairwise difference at once."
    result, _ = judged(shipped, question, denied)
    assert "broadcast_difference" not in result.covered_key_points


def test_the_fix_for_one_way_gradients_go_wrong_is_not_a_fix_for_the_other(shipped):
    # Vanishing and exploding gradients are alternatives: clipping named as the fix for
    # exploding ones does not state the misconception that it fixes vanishing ones.
    question = "breadth.backprop.vanishing_exploding"
    right, _ = judged(
        shipped,
        question,
        "For exploding gradients, gradient clipping by norm is the cheap fix, and for sequence "
        "models switch to an LSTM or GRU, whose gates let the gradient flow across long "
        "sequences.",
    )
    assert not right.misconceptions and "clipping_and_gating" in right.covered_key_points
    wrong, _ = judged(shipped, question, "Gradient clipping is the fix for vanishing gradients.")
    assert [m.misconception_id for m in wrong.misconceptions] == ["clipping_fixes_vanishing"]


def test_a_point_denied_in_other_words_is_not_covered(shipped):
    question = "python.gil.what_and_why"
    for said in (
        "I/O-bound work gets no benefit from threads.",
        "There is no point using threads for I/O-bound work.",
    ):
        result, _ = judged(shipped, question, said)
        assert "io_releases" not in result.covered_key_points, said


def test_a_second_predicate_is_not_under_a_denying_verb(shipped):
    # The key point "It prevents units from co-adapting and behaves like averaging an
    # ensemble of many subnetworks that share weights" affirms the ensemble.
    result, _ = judged(
        shipped, DROPOUT, "It's like averaging an ensemble of many subnetworks with shared weights."
    )
    assert not result.misconceptions and "why_it_works" in result.covered_key_points


def test_training_and_evaluating_on_the_other_periods_is_the_point_the_wrong_way_round(shipped):
    question = "system_design.fraud_detection.account_takeover"
    swapped, _ = judged(
        shipped, question, "I'd train on the later attack waves and evaluate on the earlier ones."
    )
    right, _ = judged(
        shipped, question, "I'd train on the earlier attack waves and evaluate on the later ones."
    )
    assert "adversarial_evaluation" not in swapped.covered_key_points
    assert "adversarial_evaluation" in right.covered_key_points
