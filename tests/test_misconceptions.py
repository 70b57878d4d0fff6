"""Every misconception the bank lists is recognised when an answer states it, and only then.

For each misconception of each shipped key point: its own claim, as an answer, is named
(with the key point it gets wrong); the claim denied ("It is not true that ...") is not;
and the key point's own text never triggers a misconception of that point. Data-driven:
a misconception added to the bank is checked here without a line of test code.
"""

import pytest

from interviewer.content.loader import Content, load_content
from interviewer.domain.judging import JudgeResult
from interviewer.domain.question import KeyPoint, Misconception, Question
from interviewer.judge.offline import OfflineJudge
from tests.answer_sets import request_for

_CONTENT = load_content()


def _cases() -> list[tuple[Question, KeyPoint, Misconception]]:
    return [
        (q, kp, m)
        for q in sorted(_CONTENT.questions.values(), key=lambda q: q.id)
        for kp in q.key_points
        for m in kp.misconceptions
    ]


CASES = _cases()


@pytest.fixture(scope="module")
def shipped() -> Content:
    assert _CONTENT.ok, _CONTENT.errors
    return _CONTENT


def judged(content: Content, question: Question, answer: str) -> JudgeResult:
    result = OfflineJudge().score_now(
        request_for(question, content.rubrics[question.round.value], answer)
    )
    assert result.is_scored, result.reason
    return result


def denied(claim: str) -> str:
    text = claim.strip().rstrip(".")
    keep = len(text) > 1 and text[1].isupper()
    return f"It is not true that {text if keep else text[0].lower() + text[1:]}."


def test_the_bank_lists_misconceptions():
    assert len(CASES) >= 50, "the bank should list the common wrong claims of its key points"


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c[0].id}:{c[1].id}:{c[2].id}")
def test_a_stated_misconception_is_named_and_costs_its_point(shipped, case):
    question, kp, m = case
    result = judged(shipped, question, m.claim)
    named = {(f.key_point_id, f.misconception_id) for f in result.misconceptions}
    assert (kp.id, m.id) in named, f"{m.claim!r} should be read as {m.id}; read {named}"
    assert kp.id not in result.covered_key_points
    found = next(f for f in result.misconceptions if f.misconception_id == m.id)
    assert found.quote in m.claim and found.correction == m.correction
    assert m.correction in result.feedback


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c[0].id}:{c[1].id}:{c[2].id}")
def test_a_denied_misconception_is_not_named(shipped, case):
    question, _, m = case
    result = judged(shipped, question, denied(m.claim))
    named = {f.misconception_id for f in result.misconceptions}
    assert m.id not in named, f"{denied(m.claim)!r} denies {m.id}"


def test_a_key_points_own_text_never_triggers_its_misconceptions(shipped):
    wrong = []
    for question in shipped.questions.values():
        for kp in question.key_points:
            if not kp.misconceptions:
                continue
            result = judged(shipped, question, kp.text)
            own = {m.id for m in kp.misconceptions}
            named = [f.misconception_id for f in result.misconceptions if f.key_point_id == kp.id]
            wrong += [f"{question.id}:{kp.id}: {n}" for n in named if n in own]
    assert not wrong, "a right answer read as its own misconception:\n" + "\n".join(wrong)


def test_a_right_answer_quoting_the_wrong_code_is_not_read_as_it(shipped):
    # A cue is the wrong claim in words, not a bare expression a right answer quotes to
    # explain why it fails.
    question = shipped.questions["python.functional.map_filter_reduce"]
    right = (
        "Drop the NaN losses with math.isnan, since NaN compares unequal to everything "
        "including itself, so loss == float('nan') never matches."
    )
    wrong = "Drop the NaN losses by checking loss == float('nan'), like any other number."
    assert "eq_nan" not in {
        f.misconception_id for f in judged(shipped, question, right).misconceptions
    }
    assert "eq_nan" in {f.misconception_id for f in judged(shipped, question, wrong).misconceptions}
