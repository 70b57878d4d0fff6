"""Scorecards rendered as Markdown (for people) and JSON (for scripts).

Both are made safe as a whole, so no field can be forgotten: the Markdown through
`for_markdown` (no terminal escapes, raw HTML shown as text, only http(s) links), the
JSON with every terminal-active code point written as a \\u escape (the same data).
"""

import json
from typing import Any

from interviewer.domain.question import KeyPoint
from interviewer.domain.scorecard import Scorecard, build_scorecard
from interviewer.domain.session import Session
from interviewer.safe_text import for_markdown, json_for_terminal
from interviewer.sandbox.summary import run_lines


def _pct(value: float | None) -> str:
    return "unscored" if value is None else f"{value:.0f}/100"


def _level(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}/4"


def outline_points(key_points: list[KeyPoint]) -> list[KeyPoint]:
    """A model-answer outline: the reference key points, heaviest first, nothing invented."""
    return sorted(key_points, key=lambda kp: -kp.weight)


def outline(key_points: list[KeyPoint]) -> list[str]:
    return [kp.text for kp in outline_points(key_points)]


def usage_lines(session: Session) -> list[str]:
    out = []
    for role in ("interviewer", "judge"):
        calls = [u for u in session.usage if u.role == role]
        if not calls:
            continue
        prompt = sum(u.prompt_tokens for u in calls)
        cached = sum(u.cached_tokens for u in calls)
        completion = sum(u.completion_tokens for u in calls)
        costs = [u.cost_usd for u in calls if u.cost_usd is not None]
        cost = f", about ${sum(costs):.4f}" if costs else ", cost unknown for this model"
        estimated = sum(1 for u in calls if u.estimated)
        note = ""
        if estimated:
            # The server sent no usage: the counts are ours, never shown as a bare 0.
            approx = "≈"
            note = (
                f" (estimated for {estimated} of {len(calls)} calls: the server reported no usage)"
            )
        else:
            approx = ""
        out.append(
            f"- {role}: {len(calls)} calls, {approx}{prompt} prompt tokens ({cached} cached), "
            f"{approx}{completion} completion tokens{cost}{note}"
        )
    return out


def render_markdown(session: Session, card: Scorecard | None = None) -> str:
    card = card or build_scorecard(session)
    lines = [
        f"# Scorecard — {session.scenario.title}",
        "",
        f"Session `{session.id}` · {session.created_at:%Y-%m-%d %H:%M} UTC"
        f" · mode {session.mode.value} · backend {session.backend} · status {session.status.value}",
        "",
        f"**Overall: {_pct(card.overall)}**",
    ]
    if card.unscored or card.pending:
        lines.append(
            f"\n{card.unscored} answer(s) unscored, {card.pending} pending: "
            f"`interviewer rescore {session.id} --only-unscored` scores them."
        )
    for rnd in card.rounds:
        lines += ["", f"## Round {rnd.index + 1}: {rnd.title} — {_pct(rnd.percent)}", ""]
        lines += ["| criterion | weight | level | what it means |", "|---|---|---|---|"]
        for c in rnd.criteria:
            lines.append(f"| {c.name} | {c.weight:g} | {_level(c.mean_level)} | {c.level_text} |")
        for c in rnd.criteria:
            if c.evidence:
                lines.append(f"\nEvidence for *{c.name}*:")
                lines += [f"> {quote}" for quote in c.evidence]
        for i, qs in enumerate(rnd.questions, 1):
            lines += ["", f"### Q{i}. {qs.asked.prompt}", ""]
            if qs.status in ("skipped", "unanswered"):
                lines.append(f"Score: — ({qs.status})")
            else:
                lines.append(f"Score: {_pct(qs.percent)} ({qs.status})")
            for turn in qs.asked.answers:
                lines += [""] + [f"> {line}" if line else ">" for line in turn.text.splitlines()]
                if turn.code is not None:
                    lines += ["", "```python", turn.code.rstrip("\n"), "```"]
            submitted = qs.asked.submission_run
            if submitted is not None:
                lines += [
                    "",
                    "Tests of the submitted code:",
                    "",
                    "```",
                    *run_lines(submitted),
                    "```",
                ]
            run = qs.run
            if run is not None and not run.result.is_scored:
                lines += ["", f"Unscored because: {run.result.reason}"]
            if run is not None and run.result.feedback:
                lines += ["", run.result.feedback]
            if qs.asked.key_points:
                missed = set(run.result.missed_key_points) if run is not None else set()
                judged = run is not None and run.result.is_scored
                lines += ["", "Model-answer outline" + (" (✗ = you missed it):" if judged else ":")]
                for n, kp in enumerate(outline_points(qs.asked.key_points), 1):
                    mark = " ✗" if kp.id in missed else ""
                    lines.append(f"{n}.{mark} {kp.text}")
    if session.usage:
        lines += ["", "## LLM usage", "", *usage_lines(session)]
    if card.study_list:
        lines += ["", "## Study next", ""]
        lines += [f"- {topic.replace('_', ' ')} ({pct:.0f}/100)" for topic, pct in card.study_list]
    return for_markdown("\n".join(lines) + "\n")


def scorecard_dict(session: Session, card: Scorecard | None = None) -> dict[str, Any]:
    card = card or build_scorecard(session)
    return {
        "session_id": session.id,
        "scenario": session.scenario.id,
        "mode": session.mode.value,
        "backend": session.backend,
        "status": session.status.value,
        "created_at": session.created_at.isoformat(),
        "overall": card.overall,
        "unscored": card.unscored,
        "pending": card.pending,
        "rounds": [
            {
                "index": r.index,
                "title": r.title,
                "kind": r.kind,
                "rubric": r.rubric.id,
                "score": r.percent,
                "criteria": [
                    {
                        "id": c.criterion_id,
                        "name": c.name,
                        "weight": c.weight,
                        "mean_level": c.mean_level,
                        "level_text": c.level_text,
                        "evidence": c.evidence,
                    }
                    for c in r.criteria
                ],
                "questions": [
                    {
                        "question_id": q.asked.question_id,
                        "prompt": q.asked.prompt,
                        "status": q.status,
                        "score": q.percent,
                        "answers": [t.text for t in q.asked.answers],
                        "code": q.asked.submitted_code,
                        "tests": (
                            q.asked.submission_run.model_dump(mode="json", exclude={"code"})
                            if q.asked.submission_run
                            else None
                        ),
                        "follow_ups": q.asked.follow_ups_asked,
                        "reason": q.run.result.reason if q.run else "",
                        "feedback": q.run.result.feedback if q.run else "",
                        "covered_key_points": q.run.result.covered_key_points if q.run else [],
                        "missed_key_points": q.run.result.missed_key_points if q.run else [],
                        "misconceptions": (
                            [m.model_dump(mode="json") for m in q.run.result.misconceptions]
                            if q.run
                            else []
                        ),
                        "scoring_runs": len(q.asked.scoring_runs),
                    }
                    for q in r.questions
                ],
            }
            for r in card.rounds
        ],
        "study_list": [{"topic": t, "score": p} for t, p in card.study_list],
        "usage": [u.model_dump(mode="json") for u in session.usage],
    }


def render_json(session: Session) -> str:
    return (
        json_for_terminal(json.dumps(scorecard_dict(session), indent=2, ensure_ascii=False)) + "\n"
    )
