"""`interviewer bank [--coverage] [--json]`: the question bank by round and topic.

With --coverage, every checklist topic is listed against its minimum and the exit code is
non-zero when any minimum is unmet (or a content file failed to load, since its questions
are then missing from the counts). The user's content folders (--content-dir,
INTERVIEWER_CONTENT_PATH) are counted with the shipped bank.
"""

import argparse
import json
from collections.abc import Mapping

from interviewer.commands.content_notes import print_notices
from interviewer.content.coverage import (
    CoverageReport,
    RoundSummary,
    coverage,
    coverage_json,
    summarize,
    summary_json,
)
from interviewer.content.loader import Content, content_roots, load_content
from interviewer.domain.question import Question
from interviewer.safe_text import echo
from interviewer.settings import settings_from_args


def _mix(difficulties: Mapping[str, int]) -> str:
    return ", ".join(f"{name} {n}" for name, n in difficulties.items())


def render_summary(summaries: list[RoundSummary]) -> list[str]:
    total = sum(s.count for s in summaries)
    lines = [f"Question bank: {total} questions"]
    for s in summaries:
        lines.append("")
        lines.append(f"{s.round.value}: {s.count} ({_mix(s.difficulties)})")
        width = max(len(t.topic) for t in s.topics)
        for t in s.topics:
            lines.append(f"  {t.topic:<{width}}  {t.count:>3}  ({_mix(t.difficulties)})")
    return lines


def render_coverage(report: CoverageReport) -> list[str]:
    lines = ["Coverage against the topic checklist (count/minimum):"]
    width = max((len(t.topic) for t in report.tallies if t.topic), default=10)
    for t in report.tallies:
        mark = "ok" if not t.shortfall else f"SHORT by {t.shortfall}"
        if t.topic is None:
            lines.append("")
            lines.append(f"{t.round}: {t.count}/{t.minimum} {mark}")
        else:
            lines.append(f"  {t.topic:<{width}}  {t.count:>3}/{t.minimum:<3} {mark}")
    if report.groups:
        lines += ["", "Topic groups (questions tagged with any of the topics):"]
        for t in report.groups:
            mark = "ok" if not t.shortfall else f"SHORT by {t.shortfall}"
            lines.append(f"  {t.round} ({t.topic}): {t.count}/{t.minimum} {mark}")
    for round_name, topics in report.unlisted.items():
        lines.append(f"note: {round_name} topics not on the checklist: {', '.join(topics)}")
    lines.append("")
    if report.ok:
        lines.append("Every minimum is met.")
    else:
        lines.append(f"{len(report.shortfalls)} shortfalls:")
        lines += [f"  {t.headline()}" for t in report.shortfalls]
    return lines


def build_output(
    questions: Mapping[str, Question], *, with_coverage: bool, errors: list[str]
) -> tuple[dict, list[str], bool]:
    """The JSON object, the text lines and whether the command succeeds."""
    summaries = summarize(questions)
    data: dict = {
        "total": len(questions),
        "rounds": summary_json(summaries),
        "errors": errors,
    }
    lines = render_summary(summaries)
    ok = True
    if with_coverage:
        report = coverage(questions)
        data["coverage"] = coverage_json(report)
        lines += ["", *render_coverage(report)]
        ok = report.ok and not errors
    return data, lines, ok


def load(args: argparse.Namespace) -> Content:
    """The shipped bank with the user's folders layered over it: their questions count."""
    return load_content(content_roots(settings_from_args(args).content_path))


def run(args: argparse.Namespace) -> int:
    content = load(args)
    print_notices(content)
    errors = [str(e) for e in content.errors]
    data, lines, ok = build_output(content.questions, with_coverage=args.coverage, errors=errors)
    if args.json:
        echo(json.dumps(data, indent=2))
    else:
        echo("\n".join(lines))
    if errors and not args.json:
        echo(
            f"{len(errors)} content errors (run `interviewer validate` for details); "
            "questions in broken files are not counted",
            err=True,
        )
    return 0 if ok else 1
