"""Scorecards rendered as Markdown (for people) and JSON (for scripts).

Both are made safe as a whole, so no field can be forgotten: the Markdown through
`for_markdown` (no terminal escapes, raw HTML shown as text, only http(s) links), the
JSON with every terminal-active code point written as a \\u escape (the same data).
"""

import json
from typing import Any

from interviewer.domain.question import KeyPoint
from interviewer.domain.scenario import track_label
from interviewer.domain.scorecard import (
    NOT_ANSWERED,
    SKIPPED,
    QuestionScore,
    Scorecard,
    build_scorecard,
    headed,
)
from interviewer.domain.session import Session, Turn, TurnKind
from interviewer.markdown_code import code_fence, markdown_text
from interviewer.safe_text import json_for_terminal
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


def session_facts(session: Session) -> str:
    """What the session was: mode, level, track (when it has a domain round), backend."""
    scenario = session.scenario
    parts = [f"mode {session.mode.value}", f"level {scenario.level.value}"]
    if scenario.tracks:
        parts.append("track " + ", ".join(track_label(t) for t in dict.fromkeys(scenario.tracks)))
    parts.append(f"backend {session.backend}")
    return " · ".join(parts)


# Lines of a judge's feedback that list key points by name: the outline shows each key
# point once, whole and marked, so these are left out where the outline is shown.
KEY_POINT_LINES = ("Strong:", "Missing:")


def feedback_text(feedback: str, *, markdown: bool = False) -> str:
    """The judge's feedback without the lines the key-point outline already says; for
    Markdown, each line its own paragraph (a single line break would run them together)."""
    kept = [
        line.strip()
        for line in feedback.splitlines()
        if line.strip() and not line.startswith(KEY_POINT_LINES)
    ]
    return ("\n\n" if markdown else "\n").join(kept)


def outline_marks(qs: QuestionScore) -> list[tuple[str, KeyPoint]]:
    """The key points heaviest first, each marked: ✓ stated, ✗ missed, '' not judged."""
    run = qs.run
    judged = run is not None and run.result.is_scored
    covered = set(run.result.covered_key_points) if run is not None else set()
    missed = set(run.result.missed_key_points) if run is not None else set()
    marks = []
    for kp in outline_points(qs.asked.key_points):
        mark = "✓" if judged and kp.id in covered else "✗" if judged and kp.id in missed else ""
        marks.append((mark, kp))
    return marks


def overall_line(card: Scorecard) -> str:
    return f"{_pct(card.overall)} — {card.coverage_text}"


def question_status(qs: QuestionScore) -> str:
    if qs.status in (SKIPPED, NOT_ANSWERED):
        return f"{qs.status}, counts as 0"
    return qs.status


def failed_run_text(qs: QuestionScore) -> str:
    failed = qs.failed_run
    if failed is None:
        return ""
    return (
        f"A newer scoring run ({failed.at:%Y-%m-%d %H:%M}) failed: {failed.result.reason}. "
        "The score shown is from the last run that worked."
    )


def exchange_lines(turns: list[Turn]) -> list[str]:
    """The question's exchanges after the question itself, as Markdown: follow-ups and
    the interviewer's notes as lines of their own, the candidate's words as quotes."""
    out: list[str] = []
    for turn in turns:
        if turn.role == "interviewer":
            label = EXCHANGE_LABELS.get(turn.kind, "Interviewer")
            out += ["", f"**{label}:** {turn.text}"]
        elif turn.kind is TurnKind.skip:
            out += ["", "*(skipped)*"]
        else:
            if turn.kind is TurnKind.clarification:
                out += ["", "*You asked:*"]
            out += [""] + [f"> {line}" if line else ">" for line in turn.text.splitlines()]
            if turn.code is not None:
                out += ["", code_fence(turn.code, "python")]
    return out


EXCHANGE_LABELS = {
    TurnKind.follow_up: "Follow-up",
    TurnKind.hint: "Hint",
    TurnKind.clarification: "Interviewer",
}


def turn_label(turn: Turn) -> str:
    """Who said a turn, in words a person reads (never an internal kind name)."""
    default = "Interviewer" if turn.role == "interviewer" else "You"
    return TURN_LABELS.get((turn.role, turn.kind), default)


TURN_LABELS = {
    ("interviewer", TurnKind.follow_up): "Interviewer (follow-up)",
    ("interviewer", TurnKind.hint): "Interviewer (hint)",
    ("interviewer", TurnKind.clarification): "Interviewer (answering your question)",
    ("candidate", TurnKind.clarification): "You asked",
    ("candidate", TurnKind.project_description): "You (your project)",
    ("candidate", TurnKind.skip): "You skipped it",
}


def render_markdown(session: Session, card: Scorecard | None = None) -> str:
    card = card or build_scorecard(session)
    lines = [
        f"# Scorecard — {session.scenario.title}",
        "",
        f"Session `{session.id}` · {session.created_at:%Y-%m-%d %H:%M} UTC"
        f" · {session_facts(session)} · status {session.status.value}",
        "",
        f"**Overall: {overall_line(card)}**",
    ]
    if card.unscored or card.pending:
        lines.append(
            f"\n{card.unscored} answer(s) unscored, {card.pending} pending: "
            f"`interviewer rescore {session.id}` scores them."
        )
    if card.failed_reruns:
        lines.append(
            f"\nThe newest scoring run of {card.failed_reruns} answer(s) failed; their scores "
            f"are from the last run that worked. `interviewer rescore {session.id}` tries again."
        )
    for rnd in card.rounds:
        if not rnd.reached:
            lines += ["", f"## Round {rnd.index + 1}: {rnd.title} — not reached"]
            continue
        lines += ["", f"## Round {rnd.index + 1}: {rnd.title} — {_pct(rnd.percent)}", ""]
        lines += ["| criterion | weight | level | what it means |", "|---|---|---|---|"]
        for c in rnd.criteria:
            lines.append(f"| {c.name} | {c.weight:g} | {_level(c.mean_level)} | {c.level_text} |")
        for c in rnd.criteria:
            if c.evidence:
                lines.append(f"\nEvidence for *{c.name}*:")
                lines += [f"> {quote}" for quote in c.evidence]
        for heading, qs in headed(rnd.questions):
            lines += ["", f"### {heading}", ""]
            if qs.counted is None or qs.status in (SKIPPED, NOT_ANSWERED):
                lines.append(f"Score: — ({question_status(qs)})")
            else:
                lines.append(f"Score: {_pct(qs.percent)} ({question_status(qs)})")
            lines += exchange_lines(qs.asked.turns[1:])
            submitted = qs.asked.submission_run
            if submitted is not None:
                tests = "\n".join(run_lines(submitted))
                lines += ["", "Tests of the submitted code:", "", code_fence(tests, "text")]
            run = qs.run
            if run is not None and not run.result.is_scored:
                lines += ["", f"Unscored because: {run.result.reason}"]
            if qs.failed_run is not None:
                lines += ["", failed_run_text(qs)]
            feedback = feedback_text(run.result.feedback, markdown=True) if run is not None else ""
            if feedback:
                lines += ["", feedback]
            if qs.asked.key_points:
                marks = outline_marks(qs)
                legend = " (✓ you said it, ✗ you missed it):" if any(m for m, _ in marks) else ":"
                lines += ["", "Model-answer outline" + legend]
                for n, (mark, kp) in enumerate(marks, 1):
                    lines.append(f"{n}.{' ' + mark if mark else ''} {kp.text}")
        if rnd.not_reached:
            still = "not reached" if card.finished else "still to come"
            lines += ["", f"*{rnd.not_reached} more question(s) {still}.*"]
    if session.usage:
        lines += ["", "## LLM usage", "", *usage_lines(session)]
    if card.study_list:
        lines += ["", "## Study next", ""]
        lines += [f"- {topic.replace('_', ' ')} ({pct:.0f}/100)" for topic, pct in card.study_list]
    return markdown_text(lines) + "\n"


def scorecard_dict(session: Session, card: Scorecard | None = None) -> dict[str, Any]:
    card = card or build_scorecard(session)
    return {
        "session_id": session.id,
        "scenario": session.scenario.id,
        "mode": session.mode.value,
        "level": session.scenario.level.value,
        "tracks": list(dict.fromkeys(session.scenario.tracks)),
        "backend": session.backend,
        "status": session.status.value,
        "created_at": session.created_at.isoformat(),
        "overall": card.overall,
        "answered": card.answered,
        "planned": card.planned,
        "skipped": card.skipped,
        "not_reached": card.not_reached,
        "unscored": card.unscored,
        "pending": card.pending,
        "failed_reruns": card.failed_reruns,
        "rounds": [
            {
                "index": r.index,
                "title": r.title,
                "kind": r.kind,
                "rubric": r.rubric.id,
                "score": r.percent,
                "reached": r.reached,
                "planned": r.planned,
                "not_reached": r.not_reached,
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
                        "counts_as": q.counted,
                        "answers": [t.text for t in q.asked.answers],
                        "code": q.asked.submitted_code,
                        "tests": (
                            q.asked.submission_run.model_dump(mode="json", exclude={"code"})
                            if q.asked.submission_run
                            else None
                        ),
                        "follow_ups": q.asked.follow_ups_asked,
                        "turns": [
                            {"role": t.role, "kind": t.kind.value, "text": t.text}
                            for t in q.asked.turns
                        ],
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
                        "newer_run_failed": (
                            q.failed_run.result.reason if q.failed_run is not None else None
                        ),
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
