"""`interviewer calibrate DATASET.jsonl`: measure a judge against human grades.

Each line holds a student's answer and the human score, and either a question with the
instructor's reference answer, or the id of a question of the bank. A reference becomes
the question's key points (one per sentence) and the answer is scored like a breadth
answer, with the shipped `breadth` rubric; a bank question is scored with its own key
points and its round's rubric, as in an interview. Lines may name the `kind` of answer
(excellent, wrong, salad...): the report then gives the mean score per kind.
"""

import argparse
import asyncio
import json
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from interviewer.domain.judging import JudgeRequest, JudgeResult
from interviewer.domain.question import (
    KeyPoint,
    Question,
    RoundKind,
    elsewhere_texts,
    neighbour_texts,
)
from interviewer.domain.rubric import Rubric
from interviewer.judge.base import Judge
from interviewer.judge.calibration import Agreement, agreement, mean, spearman
from interviewer.judge.probes import PROBES, ProbeInput, ProbeOutcome, sample_indices
from interviewer.judge.text import sentences
from interviewer.safe_text import echo, progress

PROBE_SAMPLE = 100
LLM_CONCURRENCY = 4


class CalibrationItem(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    id: str
    group: str
    # Either a question with its reference answer, or the id of a question of the bank.
    question: str | None = None
    reference: str | None = Field(default=None, min_length=1)
    question_id: str | None = None
    kind: str | None = None  # what sort of answer it is (excellent, wrong, salad...)
    variant: str | None = None  # finer than kind (reversed, plain...): kept, not reported
    answer: str
    score: float = Field(ge=0)
    max_score: float = Field(gt=0)

    @model_validator(mode="after")
    def _one_source(self) -> "CalibrationItem":
        if self.question_id is None and (self.question is None or self.reference is None):
            raise ValueError("needs either question_id, or question and reference")
        if self.question_id is not None and (self.question or self.reference):
            raise ValueError("question_id and question/reference are exclusive")
        return self


class Bank:
    """The shipped question bank, read only when a dataset line names a question of it."""

    def __init__(self) -> None:
        self._questions: dict[str, Question] | None = None
        self._rubrics: dict[str, Rubric] = {}
        self._elsewhere: dict[str, list[str]] = {}

    def _load(self) -> dict[str, Question]:
        if self._questions is None:
            from interviewer.content.loader import load_content

            content = load_content()
            self._questions, self._rubrics = content.questions, content.rubrics
        return self._questions

    def question(self, question_id: str) -> Question | None:
        return self._load().get(question_id)

    def rubric(self, question: Question) -> Rubric | None:
        self._load()
        return self._rubrics.get(question.round.value)

    def neighbours(self, question_id: str) -> list[str]:
        return neighbour_texts(question_id, self._load())

    def elsewhere(self, question_id: str) -> list[str]:
        # Kept per question: a set answers each question many times, and the list is long.
        if question_id not in self._elsewhere:
            self._elsewhere[question_id] = elsewhere_texts(question_id, self._load())
        return self._elsewhere[question_id]


def read_dataset(
    path: Path, errors: TextIO, bank: "Bank | None" = None
) -> tuple[list[CalibrationItem], int]:
    """Valid items, and how many lines were broken (each reported on `errors`). A line
    naming a question the bank does not hold is broken."""
    items: list[CalibrationItem] = []
    broken = 0
    with path.open(encoding="utf-8") as f:
        for number, line in enumerate(f, start=1):
            if not line.strip():
                continue
            try:
                item = CalibrationItem.model_validate_json(line)
            except ValidationError as exc:
                broken += 1
                first = exc.errors()[0]
                where = ".".join(str(p) for p in first["loc"]) or "line"
                echo(f"{path}:{number}: skipped: {where}: {first['msg']}", stream=errors)
                continue
            if item.score > item.max_score:
                broken += 1
                echo(f"{path}:{number}: skipped: score above max_score", stream=errors)
                continue
            if item.question_id is not None:
                problem = _bank_problem(item.question_id, bank or Bank())
                if problem:
                    broken += 1
                    echo(f"{path}:{number}: skipped: question_id: {problem}", stream=errors)
                    continue
            items.append(item)
    return items, broken


def _bank_problem(question_id: str, bank: Bank) -> str:
    question = bank.question(question_id)
    if question is None:
        return f"no question '{question_id}' in the bank"
    if bank.rubric(question) is None:
        return f"no rubric for the round '{question.round.value}'"
    return ""


def reference_key_points(reference: str) -> list[KeyPoint]:
    """One key point per sentence of the reference, equally weighted."""
    texts = [s.text for s in sentences(reference)] or [reference]
    merged: list[str] = []
    for text in texts:  # fragments too short to be a key point join their neighbour
        if merged and len(merged[-1]) < 5:
            merged[-1] = f"{merged[-1]} {text}"
        else:
            merged.append(text)
    return [KeyPoint(id=f"ref{i + 1}", text=t.ljust(5, ".")) for i, t in enumerate(merged)]


def calibration_rubric() -> Rubric:
    """The shipped breadth rubric, read on its own (the whole bank takes seconds to load)."""
    from interviewer.content.errors import ContentInvalid
    from interviewer.content.loader import shipped_content_root
    from interviewer.content.yaml_source import load_model

    try:
        return load_model(shipped_content_root() / "rubrics" / "breadth.yaml", Rubric)
    except (OSError, ContentInvalid) as exc:
        raise SystemExit(f"cannot read the shipped 'breadth' rubric: {exc}") from exc


class Requests:
    """Builds the judge request for each item: from its reference and the breadth rubric,
    or from its bank question and that question's round rubric."""

    def __init__(self, bank: Bank | None = None) -> None:
        self.bank = bank or Bank()
        self._breadth: Rubric | None = None

    def breadth(self) -> Rubric:
        if self._breadth is None:
            self._breadth = calibration_rubric()
        return self._breadth

    def rubric(self, item: CalibrationItem) -> Rubric:
        if item.question_id is None:
            return self.breadth()
        rubric = self.bank.rubric(self._question(item.question_id))
        assert rubric is not None  # read_dataset skipped lines without one
        return rubric

    def _question(self, question_id: str) -> Question:
        question = self.bank.question(question_id)
        assert question is not None  # read_dataset skipped unknown ids
        return question

    def __call__(self, item: CalibrationItem, answer: str | None = None) -> JudgeRequest:
        text = item.answer if answer is None else answer
        if item.question_id is not None:
            question = self._question(item.question_id)
            return JudgeRequest(
                round_kind=question.round,
                question=question.prompt,
                key_points=question.key_points,
                rubric=self.rubric(item),
                answer=text,
                neighbours=self.bank.neighbours(item.question_id),
                elsewhere=self.bank.elsewhere(item.question_id),
            )
        return JudgeRequest(
            round_kind=RoundKind.breadth,
            question=item.question or "",
            key_points=reference_key_points(item.reference or ""),
            rubric=self.breadth(),
            answer=text,
        )


def request_for(item: CalibrationItem, rubric: Rubric, answer: str | None = None) -> JudgeRequest:
    """The request for a reference item, scored with `rubric` (kept for callers)."""
    return JudgeRequest(
        round_kind=RoundKind.breadth,
        question=item.question or "",
        key_points=reference_key_points(item.reference or ""),
        rubric=rubric,
        answer=item.answer if answer is None else answer,
    )


def make_scorer(judge: Judge) -> Callable[[list[JudgeRequest]], Iterator[JudgeResult]]:
    """Scores requests in order: synchronously for the offline judge, concurrently for LLMs."""
    score_now = getattr(judge, "score_now", None)
    if callable(score_now):
        return lambda requests: (score_now(r) for r in requests)

    def score_all(requests: list[JudgeRequest]) -> Iterator[JudgeResult]:
        async def main() -> list[JudgeResult]:
            gate = asyncio.Semaphore(LLM_CONCURRENCY)

            async def one(r: JudgeRequest) -> JudgeResult:
                async with gate:
                    return await judge.score(r)

            return list(await asyncio.gather(*(one(r) for r in requests)))

        return iter(asyncio.run(main()))

    return score_all


class Progress:
    """A plain-text progress line on stderr, only when stderr is a terminal."""

    def __init__(self, total: int, stream: TextIO = sys.stderr) -> None:
        self.total = total
        self.stream = stream
        self.enabled = stream.isatty() and total >= 200
        self.last = -1

    def update(self, done: int) -> None:
        if not self.enabled:
            return
        percent = done * 100 // self.total
        if percent != self.last:
            self.last = percent
            bar = "#" * (percent // 5)
            progress(f"scoring [{bar:<20}] {done}/{self.total}", stream=self.stream)
            if done == self.total:
                echo(stream=self.stream)


@dataclass
class Scored:
    """Every item's result, and the rubric it was scored with."""

    results: list[JudgeResult]
    rubrics: list[Rubric]

    def fine_level(self, i: int) -> float | None:
        return self.results[i].fine_level(self.rubrics[i])

    def percent(self, i: int) -> float | None:
        return self.results[i].percent(self.rubrics[i])


def score_items(
    items: list[CalibrationItem], judge: Judge, requests: Requests | None = None
) -> tuple[Agreement, Scored]:
    build = requests or Requests()
    scorer = make_scorer(judge)
    batch = [build(item) for item in items]
    progress = Progress(len(batch))
    started = time.perf_counter()
    results: list[JudgeResult] = []
    first_failure = ""
    for done, result in enumerate(scorer(batch), start=1):
        results.append(result)
        if not result.is_scored and not first_failure:
            first_failure = result.reason
        progress.update(done)
    if first_failure:
        echo(f"some answers were not scored; the first because: {first_failure}", err=True)
    seconds = time.perf_counter() - started
    scored = Scored(results, [r.rubric for r in batch])
    levels = [scored.fine_level(i) for i in range(len(items))]
    kept = [i for i, level in enumerate(levels) if level is not None]
    metrics = agreement(
        scores=[levels[i] or 0.0 for i in kept],
        human=[items[i].score for i in kept],
        groups=[items[i].group for i in kept],
        max_score=max((item.max_score for item in items), default=5.0),
        seconds=seconds,
        unscored=len(items) - len(kept),
    )
    return metrics, scored


@dataclass(frozen=True)
class KindSummary:
    kind: str
    n: int
    human: float  # mean human score, as a percentage of max_score
    judge: float  # mean judge score, percent

    def as_dict(self) -> dict[str, object]:
        return {"n": self.n, "human": round(self.human, 1), "judge": round(self.judge, 1)}


def by_kind(items: list[CalibrationItem], scored: Scored) -> list[KindSummary]:
    """Mean human and judge score per kind of answer, for items that name their kind."""
    groups: dict[str, list[int]] = {}
    for i, item in enumerate(items):
        if item.kind is not None and scored.percent(i) is not None:
            groups.setdefault(item.kind, []).append(i)
    return [
        KindSummary(
            kind,
            len(idx),
            mean([items[i].score / items[i].max_score * 100 for i in idx]),
            mean([scored.percent(i) or 0.0 for i in idx]),
        )
        for kind, idx in groups.items()
    ]


def write_dump(path: Path, items: list[CalibrationItem], scored: Scored) -> None:
    """One line per answer: its id, the human score, the judge's score and status."""
    with path.open("w", encoding="utf-8") as f:
        for i, item in enumerate(items):
            result = scored.results[i]
            level = scored.fine_level(i)
            row = {
                "id": item.id,
                "group": item.group,
                "kind": item.kind,
                "score": item.score,
                "max_score": item.max_score,
                "judge_percent": scored.percent(i),
                "judge_fine_level": None if level is None else round(level, 4),
                "status": result.status.value,
                "reason": result.reason,
                "covered": result.covered_key_points,
                "misconceptions": [m.misconception_id for m in result.misconceptions],
            }
            f.write(json.dumps(row, ensure_ascii=False) + "\n")


def run_probes(
    items: list[CalibrationItem],
    scored: Scored,
    judge: Judge,
    sample: int = PROBE_SAMPLE,
    requests: Requests | None = None,
) -> dict[str, ProbeOutcome]:
    build = requests or Requests()
    scorer = make_scorer(judge)
    size = sample if sample > 0 else len(items)
    chosen = [i for i in sample_indices(len(items), size) if scored.fine_level(i) is not None]
    outcomes = {}
    for name, (rewrite, kind) in PROBES.items():
        outcome = ProbeOutcome(name, kind)
        rewritten: list[tuple[int, str]] = []
        for i in chosen:
            request = build(items[i])
            probe = ProbeInput(
                answer=items[i].answer,
                question=request.question,
                key_texts=tuple(kp.text for kp in request.key_points),
                index=i,
                graded=items[i].score / items[i].max_score,
            )
            text = rewrite(probe)
            if text is not None:
                rewritten.append((i, text))
        batch = [build(items[i], text) for i, text in rewritten]
        for (i, _), result in zip(rewritten, scorer(batch), strict=True):
            after = result.fine_level(scored.rubrics[i])
            before = scored.fine_level(i)
            if after is not None and before is not None:
                outcome.add(before, after)
        outcomes[name] = outcome
    return outcomes


def _judge(args: argparse.Namespace) -> Judge:
    if getattr(args, "backend", None) == "openai":
        from interviewer.backends import make_judge
        from interviewer.settings import settings_from_args

        return make_judge(settings_from_args(args))
    from interviewer.judge.offline import OfflineJudge

    return OfflineJudge()


def _print_table(path: Path, method: str, metrics: Agreement, broken: int) -> None:
    rows = [
        ("answers scored", f"{metrics.n}"),
        ("unscored", f"{metrics.unscored}"),
        ("Pearson r", f"{metrics.pearson:.3f}"),
        ("Spearman rho", f"{metrics.spearman:.3f}"),
        ("RMSE (leave-one-question-out line)", f"{metrics.rmse:.3f}"),
        ("quadratic weighted kappa", f"{metrics.qwk:.3f}"),
        ("exact agreement", f"{metrics.exact:.1%}"),
        ("within 1 point", f"{metrics.within1:.1%}"),
        ("answers per second", f"{metrics.answers_per_second:.0f}"),
    ]
    echo(
        f"{path.name} — judge method {method}"
        + (f"; {broken} broken lines skipped" if broken else "")
    )
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        echo(f"  {name:<{width}}  {value:>8}")


def _print_probes(outcomes: dict[str, ProbeOutcome]) -> None:
    echo("bias probes (change in fine level, 1-4):")
    for name, o in outcomes.items():
        if o.kind == "floor":
            seen = f"floor {o.at_floor}/{o.n}"
        elif o.kind == "steady":
            seen = f"moved {o.moved}/{o.n}"
        else:
            seen = f"raised {o.raised}/{o.n}"
        echo(f"  {name:<12} mean {o.mean_change:+.3f}  {seen:<16} {'ok' if o.passed else 'FAIL'}")


def _print_kinds(kinds: list[KindSummary], rho: float) -> None:
    echo("by kind of answer (mean score, 0-100):")
    echo(f"  {'kind':<12} {'n':>4} {'human':>7} {'judge':>7}")
    for k in kinds:
        echo(f"  {k.kind:<12} {k.n:>4} {k.human:>7.1f} {k.judge:>7.1f}")
    echo(f"  Spearman rho over these answers: {rho:.3f}")


def run(args: argparse.Namespace) -> int:
    path = Path(args.dataset)
    if not path.is_file():
        echo(f"{path}: no such file", err=True)
        return 2
    bank = Bank()
    items, broken = read_dataset(path, sys.stderr, bank)
    if args.limit is not None:
        items = items[: max(0, args.limit)]
    if not items:
        echo(f"{path}: no valid items", err=True)
        return 1
    try:
        judge = _judge(args)
    except Exception as exc:  # e.g. the openai backend without an endpoint configured
        echo(f"cannot set up the judge: {exc}", err=True)
        return 2
    requests = Requests(bank)
    metrics, scored = score_items(items, judge, requests)
    method = judge.method or judge.kind
    dump = getattr(args, "dump", None)
    if dump:
        try:
            write_dump(Path(dump), items, scored)
        except OSError as exc:
            echo(f"cannot write {dump}: {exc}", err=True)
            return 2
    outcomes = (
        run_probes(items, scored, judge, getattr(args, "probe_sample", PROBE_SAMPLE), requests)
        if args.probes
        else None
    )
    kinds = by_kind(items, scored)
    kinded = [i for i, item in enumerate(items) if item.kind and scored.percent(i) is not None]
    rho = spearman([scored.percent(i) or 0.0 for i in kinded], [items[i].score for i in kinded])
    if args.json:
        report: dict[str, object] = {**metrics.as_dict(), "method": method, "broken_lines": broken}
        if kinds:
            report["kinds"] = {k.kind: k.as_dict() for k in kinds}
        if outcomes is not None:
            report["probes"] = {name: o.as_dict() for name, o in outcomes.items()}
        echo(json.dumps(report))
    else:
        _print_table(path, method, metrics, broken)
        if kinds:
            _print_kinds(kinds, rho)
        if outcomes is not None:
            _print_probes(outcomes)
    return 0
