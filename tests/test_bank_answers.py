"""Written answers to bank questions: a right answer must beat a fluent wrong one.

tests/data/answers/<round>/<bank-file-stem>.yaml holds, per question id, one strong answer
(complete and right, in a candidate's words) and one wrong answer (fluent, in the key
points' vocabulary, stating the misconceptions). Both were written before any scoring.
The offline judge must cover the question's heaviest key points from the strong answer
and score it well above the wrong one; a question whose cues reward the wrong answer, or
miss the right one, fails here.
"""

from pathlib import Path

import pytest
import yaml

from interviewer.content.loader import Content, load_content
from interviewer.domain.question import Question
from tests.answer_sets import request_for, result_and_percent

ANSWERS = Path(__file__).parent / "data" / "answers"
# Percentage points a strong answer must score above the wrong answer to the same question.
MIN_GAP = 15.0
# Mean of those gaps over every answered question.
MIN_MEAN_GAP = 25.0


def _answer_files() -> list[Path]:
    return sorted(ANSWERS.glob("*/*.yaml"))


def _entries() -> list[tuple[str, str, str]]:
    entries = []
    for path in _answer_files():
        for question_id, answers in yaml.safe_load(path.read_text(encoding="utf-8")).items():
            entries.append((question_id, answers["strong"], answers["wrong"]))
    return entries


@pytest.fixture(scope="module")
def shipped() -> Content:
    content = load_content()
    assert content.ok, content.errors
    return content


def _percent(shipped: Content, question: Question, answer: str) -> tuple[float, list[str]]:
    rubric = shipped.rubrics[question.round.value]
    result, percent = result_and_percent(request_for(question, rubric, answer))
    return percent, result.covered_key_points


def test_answer_files_name_bank_questions_of_their_file(shipped):
    assert _answer_files(), "no answer files"
    for path in _answer_files():
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for question_id, answers in data.items():
            assert question_id in shipped.questions, f"{path}: unknown question {question_id}"
            source = shipped.sources[f"question:{question_id}"]
            assert (source.parent.name, source.stem) == (path.parent.name, path.stem), (
                f"{path}: {question_id} lives in {source}"
            )
            assert set(answers) == {"strong", "wrong"}, f"{path}: {question_id}"


def test_strong_answers_beat_fluent_wrong_ones(shipped):
    gaps = []
    failures = []
    for question_id, strong, wrong in _entries():
        question = shipped.questions[question_id]
        strong_percent, covered = _percent(shipped, question, strong)
        wrong_percent, _ = _percent(shipped, question, wrong)
        heaviest = max(kp.weight for kp in question.key_points)
        missed = [kp.id for kp in question.key_points if kp.weight == heaviest]
        missed = [kp for kp in missed if kp not in covered]
        gap = strong_percent - wrong_percent
        gaps.append(gap)
        if missed or gap < MIN_GAP:
            failures.append(
                f"{question_id}: strong {strong_percent}, wrong {wrong_percent}, "
                f"heaviest missed by the strong answer: {missed}"
            )
    assert failures == []
    assert sum(gaps) / len(gaps) >= MIN_MEAN_GAP
