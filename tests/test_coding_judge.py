"""Coding answers are judged on what the code does: correctness from the hidden tests,
efficiency from the large input and the stated complexity, quality from the syntax tree;
the explanation carries the approach and the communication. Both judges agree on the
criteria that come from the run."""

import json
from pathlib import Path

import pytest

from interviewer.content.loader import load_content
from interviewer.domain.coding import RunKind
from interviewer.domain.judging import CodingEvidence, JudgeRequest, JudgeResult
from interviewer.domain.question import Question
from interviewer.judge.coding import normalise_big_o, quality_findings, stated_complexities
from interviewer.judge.llm_judge import LLMJudge
from interviewer.judge.offline import OfflineJudge
from interviewer.llm.mock import MockLLM
from interviewer.sandbox.run import run_code_sync
from tests.answer_sets import request_for
from tests.builders import (
    SUM_PAIR_BRUTE_FORCE,
    SUM_PAIR_REFERENCE,
    coding_question,
    coding_rubric,
)

QUESTION = coding_question()
SPEC = QUESTION.coding
assert SPEC is not None
EXPLANATION = (
    "I keep a hash map from each value seen so far to its index. For each number I look up "
    "the complement, target minus the value, before storing it. One pass: O(n) time and O(n) "
    "space."
)
BUGGY = SUM_PAIR_REFERENCE.replace(
    "        partner = seen.get(target - value)\n",
    "        seen[value] = index\n        partner = seen.get(target - value)\n",
)
RUNS: dict[str, object] = {}


def evidence(code: str, question: Question = QUESTION, numpy: bool = False) -> CodingEvidence:
    assert question.coding is not None
    key = f"{question.id}:{code}"
    if key not in RUNS:
        RUNS[key] = run_code_sync(question.coding, code, RunKind.submission, numpy=numpy)
    return CodingEvidence(
        code=code,
        function=question.coding.function,
        complexity=question.coding.complexity,
        run=RUNS[key],  # type: ignore[arg-type]
    )


def request(code: str | None, explanation: str = EXPLANATION) -> JudgeRequest:
    return request_for(
        QUESTION, coding_rubric(), explanation, coding=evidence(code) if code is not None else None
    )


def levels(result: JudgeResult) -> dict[str, int]:
    assert result.is_scored, result.reason
    return {c.criterion_id: c.level for c in result.criteria}


def test_correct_efficient_code_explained_scores_high():
    result = OfflineJudge().score_now(request(SUM_PAIR_REFERENCE))
    got = levels(result)
    assert got["correctness"] == 4 and got["efficiency"] == 4 and got["code_quality"] == 4
    assert got["approach"] >= 3
    assert result.percent(coding_rubric()) >= 80
    assert "Hidden tests: 3 of 3 passed." in result.feedback


def test_brute_force_is_right_but_not_efficient():
    got = levels(OfflineJudge().score_now(request(SUM_PAIR_BRUTE_FORCE)))
    assert got["correctness"] == 4  # a large input that timed out is efficiency's business
    assert got["efficiency"] <= 2


def test_a_bug_on_an_edge_case_costs_correctness():
    result = OfflineJudge().score_now(request(BUGGY))
    assert levels(result)["correctness"] == 2  # 2 of 3 hidden tests: equal_values fails
    assert "equal_values" in result.feedback


def test_prose_without_working_code_scores_low_whatever_it_says():
    prose_only = OfflineJudge().score_now(request(SPEC.starter))
    got = levels(prose_only)
    assert got["correctness"] == 1 and got["code_quality"] == 1
    code = OfflineJudge().score_now(request(SUM_PAIR_REFERENCE))
    assert prose_only.percent(coding_rubric()) < code.percent(coding_rubric()) - 30


def test_code_without_explanation_keeps_the_test_results():
    result = OfflineJudge().score_now(request(SUM_PAIR_REFERENCE, explanation=""))
    got = levels(result)
    assert got["correctness"] == 4 and got["efficiency"] == 3
    assert got["approach"] == 1 and got["communication"] == 1
    assert "Explain your approach" in result.feedback


def test_the_llm_judge_takes_correctness_and_efficiency_from_the_tests():
    reply = {
        "criteria": [
            {"criterion_id": c, "level": 4, "evidence": ["hash map"], "rationale": "ok"}
            for c in ("approach", "code_quality", "communication")
        ],
        "covered_key_points": ["hash_map"],
        "missed_key_points": [],
        "feedback": "Good.",
    }
    api = MockLLM(default=json.dumps(reply))
    judge = LLMJudge(api)
    import asyncio

    result = asyncio.run(judge.score(request(BUGGY)))
    got = levels(result)
    assert got["correctness"] == 2  # from the tests, whatever the model might think
    assert got["approach"] == 3  # the model said 4: capped one above the tests' correctness
    sent = "\n".join(m.content for m in api.history[0].messages)
    assert "Criterion `correctness`" not in sent and "Criterion `code_quality`" in sent
    assert "Hidden tests: 2 of 3 passed" in sent  # the model sees the results, not a guess
    assert "seen[value] = index" in sent  # and the code


def test_big_o_is_read_from_the_explanation():
    assert stated_complexities("It runs in O(n log n) time and O( n ) space") == ["nlogn", "n"]
    assert normalise_big_o("n²") == normalise_big_o("n^2") == "n2"
    assert normalise_big_o("n · k · d") == "nkd"


@pytest.mark.parametrize(
    ("code", "finding"),
    [
        ("def f(nums):\n    return nums\n    print(nums)\n", "unreachable or dead code"),
        ("def f(nums):\n    unused = 3\n    return nums\n", "unused: unused"),
        ("import os\ndef f(nums):\n    return nums\n", "unused: os"),
        ("def f(nums):\n    tmp = nums\n    return tmp\n", "unclear names: tmp"),
        ("def f(nums):\n    try:\n        return nums\n    except:\n        return 0\n", "bare"),
        ("def f(nums):\n    print(nums)\n    return nums\n", "debugging prints"),
        ("def f(nums):\n    if False:\n        return 1\n    return nums\n", "dead code"),
        ("def f(nums):\n    return 1\n\n\ndef f(nums):\n    return nums\n", "more than once: f"),
    ],
)
def test_code_quality_findings(code, finding):
    found = quality_findings(code, "f")
    assert found is not None
    assert any(finding in f for f in found[0]), found


def test_clean_code_has_no_findings_and_a_stub_has_no_code():
    assert quality_findings(SUM_PAIR_REFERENCE, "two_sum") == ([], [])
    assert quality_findings(SPEC.starter, "two_sum") is None
    assert quality_findings("def two_sum(:\n", "two_sum") is None


KMEANS_CODE = Path(__file__).parent / "fixtures" / "kmeans_vectorised.py"
KMEANS_PROSE = (
    "I keep the data as an (n, d) array and the centroids as a (k, d) array. I initialise "
    "with the first k points. Then I loop: the assignment step computes the (n, k) distance "
    "matrix in one vectorised operation and takes the argmin, giving each point its nearest "
    "centroid; the update step moves each centroid to the mean of the points assigned to it. "
    "I stop when the assignments no longer change or after a maximum number of iterations. "
    "If a cluster ends up empty I keep its old centroid. Each iteration costs O(n k d) time "
    "and O(n k) memory for the distance matrix."
)


def test_working_kmeans_code_outscores_a_description_of_it():
    """Issue 10: correct vectorised k-means code scored 36 and a prose description 55."""
    content = load_content()
    question = content.questions["ml_coding.kmeans.lloyd"]
    rubric = content.rubrics["ml_coding"]
    assert question.coding is not None
    code = KMEANS_CODE.read_text()

    def score(code_text: str, explanation: str) -> float:
        result = OfflineJudge().score_now(
            request_for(
                question, rubric, explanation, coding=evidence(code_text, question, numpy=True)
            )
        )
        value = result.percent(rubric)
        assert value is not None
        return value

    code_alone = score(code, "")
    prose_alone = score(question.coding.starter, KMEANS_PROSE)
    both = score(code, KMEANS_PROSE)
    assert code_alone > prose_alone + 15
    assert both > code_alone
    assert both >= 85


@pytest.mark.parametrize("kind", ["coding", "ml_coding"])
def test_shipped_questions_rank_a_good_answer_far_above_a_poor_one(kind):
    """The reference code explained by the key points, against the starter and a shrug."""
    content = load_content()
    chosen = sorted(
        (q for q in content.questions.values() if q.round.value == kind), key=lambda q: q.id
    )[:2]
    assert chosen
    rubric = content.rubrics[kind]
    numpy = kind == "ml_coding"
    for question in chosen:
        assert question.coding is not None

        def level(code: str, explanation: str, question: Question = question) -> float:
            result = OfflineJudge().score_now(
                request_for(
                    question, rubric, explanation, coding=evidence(code, question, numpy=numpy)
                )
            )
            value = result.weighted_level(rubric)
            assert value is not None, result.reason
            return value

        good = level(question.coding.reference, " ".join(kp.text for kp in question.key_points))
        poor = level(question.coding.starter, "I am not sure, I would try something.")
        assert good >= 3.5 and poor <= 1.5, (question.id, good, poor)
