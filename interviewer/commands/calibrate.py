"""`interviewer calibrate DATASET.jsonl`: measure a judge against human grades.

Each line holds a question, the instructor's reference answer, a student's answer and
the human score. The reference becomes the question's key points (one per sentence) and
the answer is scored like a breadth answer, with the shipped `breadth` rubric.
"""

import argparse
import asyncio
import json
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TextIO

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from interviewer.domain.judging import JudgeRequest, JudgeResult
from interviewer.domain.question import KeyPoint, RoundKind
from interviewer.domain.rubric import Rubric
from interviewer.judge.base import Judge
from interviewer.judge.calibration import Agreement, agreement
from interviewer.judge.probes import PROBES, ProbeOutcome, sample_indices
from interviewer.judge.text import sentences
from interviewer.safe_text import echo, progress

PROBE_SAMPLE = 100
LLM_CONCURRENCY = 4


class CalibrationItem(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    id: str
    group: str
    question: str
    reference: str = Field(min_length=1)
    answer: str
    score: float = Field(ge=0)
    max_score: float = Field(gt=0)


def read_dataset(path: Path, errors: TextIO) -> tuple[list[CalibrationItem], int]:
    """Valid items, and how many lines were broken (each reported on `errors`)."""
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
            items.append(item)
    return items, broken


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


def request_for(item: CalibrationItem, rubric: Rubric, answer: str | None = None) -> JudgeRequest:
    return JudgeRequest(
        round_kind=RoundKind.breadth,
        question=item.question,
        key_points=reference_key_points(item.reference),
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


def score_items(
    items: list[CalibrationItem], rubric: Rubric, judge: Judge
) -> tuple[Agreement, list[float | None]]:
    scorer = make_scorer(judge)
    requests = [request_for(item, rubric) for item in items]
    progress = Progress(len(requests))
    started = time.perf_counter()
    levels: list[float | None] = []
    first_failure = ""
    for done, result in enumerate(scorer(requests), start=1):
        levels.append(result.fine_level(rubric))
        if not result.is_scored and not first_failure:
            first_failure = result.reason
        progress.update(done)
    if first_failure:
        echo(f"some answers were not scored; the first because: {first_failure}", err=True)
    seconds = time.perf_counter() - started
    scored = [i for i, level in enumerate(levels) if level is not None]
    metrics = agreement(
        scores=[levels[i] or 0.0 for i in scored],
        human=[items[i].score for i in scored],
        groups=[items[i].group for i in scored],
        max_score=max((item.max_score for item in items), default=5.0),
        seconds=seconds,
        unscored=len(items) - len(scored),
    )
    return metrics, levels


def run_probes(
    items: list[CalibrationItem],
    levels: list[float | None],
    rubric: Rubric,
    judge: Judge,
    sample: int = PROBE_SAMPLE,
) -> dict[str, ProbeOutcome]:
    scorer = make_scorer(judge)
    size = sample if sample > 0 else len(items)
    chosen = [i for i in sample_indices(len(items), size) if levels[i] is not None]
    outcomes = {}
    for name, (rewrite, kind) in PROBES.items():
        outcome = ProbeOutcome(name, kind)
        requests = [
            request_for(items[i], rubric, rewrite(items[i].answer, items[i].question))
            for i in chosen
        ]
        for i, result in zip(chosen, scorer(requests), strict=True):
            after = result.fine_level(rubric)
            before = levels[i]
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
    echo("bias probes (change in weighted level, 1-4):")
    for name, o in outcomes.items():
        expect = f"raised {o.raised}/{o.n}" if o.kind == "no-raise" else f"floor {o.at_floor}/{o.n}"
        echo(f"  {name:<12} mean {o.mean_change:+.3f}  {expect:<16} {'ok' if o.passed else 'FAIL'}")


def run(args: argparse.Namespace) -> int:
    path = Path(args.dataset)
    if not path.is_file():
        echo(f"{path}: no such file", err=True)
        return 2
    items, broken = read_dataset(path, sys.stderr)
    if args.limit is not None:
        items = items[: max(0, args.limit)]
    if not items:
        echo(f"{path}: no valid items", err=True)
        return 1
    rubric = calibration_rubric()
    try:
        judge = _judge(args)
    except Exception as exc:  # e.g. the openai backend without an endpoint configured
        echo(f"cannot set up the judge: {exc}", err=True)
        return 2
    metrics, levels = score_items(items, rubric, judge)
    method = judge.method or judge.kind
    outcomes = (
        run_probes(items, levels, rubric, judge, getattr(args, "probe_sample", PROBE_SAMPLE))
        if args.probes
        else None
    )
    if args.json:
        report: dict[str, object] = {**metrics.as_dict(), "method": method, "broken_lines": broken}
        if outcomes is not None:
            report["probes"] = {name: o.as_dict() for name, o in outcomes.items()}
        echo(json.dumps(report))
    else:
        _print_table(path, method, metrics, broken)
        if outcomes is not None:
            _print_probes(outcomes)
    return 0
