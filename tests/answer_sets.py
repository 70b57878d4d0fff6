"""Scoring a graded answer set with the offline judge, as `interviewer calibrate` does: the
sets' tests each hold thresholds on the same scores."""

import io
import json
import statistics
from pathlib import Path
from typing import Any

from interviewer.commands.calibrate import CalibrationItem, Requests, read_dataset
from interviewer.content.loader import Content, load_content
from interviewer.domain.judging import JudgeRequest, JudgeResult
from interviewer.domain.question import Question, elsewhere_texts, neighbour_texts
from interviewer.domain.rubric import Rubric
from interviewer.judge.offline import OfflineJudge

DATA = Path(__file__).parent / "data"
# Each item of a set with its percent and the judge's result, as `scored` gives them.
Scored = list[tuple[CalibrationItem, float, JudgeResult]]


# The graded sets in the order they were committed, as far as the sets whose tests check
# that their questions were new: a set committed later may reuse their questions.
SETS_IN_ORDER = (
    "interview_answers.jsonl",
    "adversarial_answers.jsonl",
    "plain_answers.jsonl",
    "fluent_wrong_answers.jsonl",
    "plain_breadth_answers.jsonl",
    "marker_answers.jsonl",
    "fresh_wrong_answers.jsonl",
    "fresh_wrong_aside.jsonl",
    "design_dive_answers.jsonl",
    "paraphrased_wrong_answers.jsonl",
    "paraphrased_wrong_aside.jsonl",
    "behavioral_answers.jsonl",
    "plain_unseen_answers.jsonl",
    "design_dive_unseen_answers.jsonl",
    "behavioral_aside.jsonl",
    "heavy_missing_answers.jsonl",
    "keypoint_wrong_answers.jsonl",
    "plainest_answers.jsonl",
    "procedure_wrong_answers.jsonl",
    "procedure_wrong_aside.jsonl",
    "story_answers.jsonl",
    "story_aside.jsonl",
    "plain7_answers.jsonl",
)


def questions_before(name: str, *alongside: str) -> set[str]:
    """The bank questions (or groups) answered by the sets committed before `name`, except
    those written `alongside` it."""
    out: set[str] = set()
    for earlier in SETS_IN_ORDER[: SETS_IN_ORDER.index(name)]:
        if earlier in alongside:
            continue
        for line in (DATA / earlier).read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            out.add(row.get("question_id") or row.get("group"))
    return out


def longest_answers(name: str, count: int) -> list[tuple[str, str]]:
    """(question id, answer) of the set's `count` longest answers: the most clauses to read."""
    rows = [json.loads(line) for line in (DATA / name).read_text().splitlines() if line.strip()]
    rows.sort(key=lambda r: -len(r["answer"]))
    return [(r["question_id"], r["answer"]) for r in rows[:count]]


def scored(path: Path) -> Scored:
    """Each item of the set with its percent and the judge's result; every line is valid
    and every answer is scored."""
    items, broken = read_dataset(path, io.StringIO())
    assert broken == 0
    build, judge = Requests(), OfflineJudge()
    out = []
    for item in items:
        result, percent = result_and_percent(build(item), judge)
        out.append((item, percent, result))
    return out


def percents_of_variant(paths: list[Path], kind: str, variant: str, tmp_path: Path) -> list[float]:
    """The percents of the answers of `kind` and `variant` across the sets in `paths`, scored
    as one set written to `tmp_path`."""
    lines = [
        line
        for path in paths
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
        and (json.loads(line)["kind"], json.loads(line)["variant"]) == (kind, variant)
    ]
    part = tmp_path / f"{kind}_{variant}.jsonl"
    part.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [p for _, p, _ in scored(part)]


def result_and_percent(
    request: JudgeRequest, judge: OfflineJudge | None = None
) -> tuple[JudgeResult, float]:
    """The offline judge's result for `request` and its percent, which it must give."""
    result = (judge if judge is not None else OfflineJudge()).score_now(request)
    percent = result.percent(request.rubric)
    assert percent is not None, result.reason
    return result, percent


def percents_of(rows: Scored, kind: str, group: str | None = None) -> list[float]:
    """The percents of the scored answers of `kind` (and of `group`, when given)."""
    return [p for item, p, _ in rows if item.kind == kind and group in (None, item.group)]


def mean_of(by_question: dict[str, dict[str, float]], label: str) -> float:
    """The mean percent across the questions of their answers labelled `label` (a kind or a
    variant, as `percents_by_question` groups them); every question must have one."""
    return statistics.mean(v[label] for v in by_question.values())


def percents_by_kind(path: Path, field: str = "kind") -> dict[str, list[float]]:
    """Each answer's percent, grouped by its kind (or by its `field`: `variant`)."""
    out: dict[str, list[float]] = {}
    for item, percent, _ in scored(path):
        label = getattr(item, field)
        assert label is not None, item.id
        out.setdefault(label, []).append(percent)
    return out


def percents_by_kind_and_variant(path: Path) -> dict[str, list[float]]:
    """Each answer's percent, grouped by "kind/variant" ("excellent/everyday")."""
    out: dict[str, list[float]] = {}
    for item, percent, _ in scored(path):
        out.setdefault(f"{item.kind}/{item.variant}", []).append(percent)
    return out


def percents_by_part(path: Path, aside_prefix: str) -> dict[str, dict[str, dict[str, float]]]:
    """Each answer's percent by part (`aside` for ids that start with `aside_prefix`, else
    `dev`), question and variant."""
    out: dict[str, dict[str, dict[str, float]]] = {"dev": {}, "aside": {}}
    for item, percent, _ in scored(path):
        assert item.question_id is not None and item.variant is not None
        part = "aside" if item.id.startswith(aside_prefix) else "dev"
        out[part].setdefault(item.question_id, {})[item.variant] = percent
    return out


def percents_by_question(path: Path, field: str, allowed: set[str]) -> dict[str, dict[str, float]]:
    """Each answer's percent by question and by its `field` (`kind` or `variant`), whose
    value must be one of `allowed`."""
    out: dict[str, dict[str, float]] = {}
    for item, percent, _ in scored(path):
        label = getattr(item, field)
        assert item.question_id is not None and label in allowed, (item.id, label)
        out.setdefault(item.question_id, {})[label] = percent
    return out


def request_for(question: Question, rubric: Rubric, answer: str, **more: Any) -> JudgeRequest:
    """The judge's request for an answer to `question` under `rubric`: its round, prompt and
    key points, with `more` of the request's fields (coding evidence, neighbours) as given."""
    return JudgeRequest(
        round_kind=question.round,
        question=question.prompt,
        key_points=question.key_points,
        rubric=rubric,
        answer=answer,
        **more,
    )


def bank_request(content: Content, question: Question, answer: str) -> JudgeRequest:
    """The judge's request for an answer to a shipped question: its key points and its
    round's rubric."""
    return request_for(
        question,
        content.rubrics[question.round.value],
        answer,
        neighbours=neighbour_texts(question.id, content.questions),
        elsewhere=elsewhere_texts(question.id, content.questions),
    )


def judged_on(question_id: str, answer: str) -> tuple[JudgeResult, float | None]:
    """One answer to a shipped bank question, scored with its key points and its round's
    rubric: the judge's result and its percent."""
    content = load_content()
    request = bank_request(content, content.questions[question_id], answer)
    result = OfflineJudge().score_now(request)
    return result, result.percent(request.rubric)
