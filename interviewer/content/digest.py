"""A plain digest of the validated content, cached beside it (cache.py): what a start
needs to choose and show the first question before pydantic and the models are loaded
(quickstart.py). Plain JSON: lists, strings and numbers only.

It holds every scenario as a candidate at each career level sits it, each question's
fields that choosing reads, and the lines a command prints about the content."""

from typing import TYPE_CHECKING, Any

from interviewer.content.cache import DIGEST_FORMAT

if TYPE_CHECKING:
    from interviewer.content.loader import Content
    from interviewer.domain.question import Question
    from interviewer.domain.scenario import RoundSpec


def content_warnings(content: "Content") -> list[str]:
    """What a command says on stderr about the content it loaded: which user file replaced
    which shipped one (a user must see which file wins), and how many problems were
    skipped."""
    lines = [f"note: {notice}" for notice in content.notices]
    if content.errors:
        lines.append(
            f"warning: {len(content.errors)} content problem(s) skipped "
            "(run `interviewer validate` for details)"
        )
    return lines


def digest(content: "Content") -> dict[str, Any]:
    from interviewer.domain.levels import CareerLevel
    from interviewer.domain.question import RoundKind

    scenarios: dict[str, Any] = {}
    for sid, scenario in content.scenarios.items():
        levels: dict[str, Any] = {}
        for level in CareerLevel:
            try:
                levels[level.value] = [_round(r) for r in scenario.at_level(level).rounds]
            except ValueError:
                continue  # no rounds at that level: the start says so, the models loaded
        scenarios[sid] = {
            "title": scenario.title,
            "role": scenario.role,
            "level": scenario.level.value,
            "levels": levels,
        }
    return {
        "format": DIGEST_FORMAT,
        "warnings": content_warnings(content),
        "rubrics": sorted(content.rubrics),
        "round_kinds": [kind.value for kind in RoundKind],
        "scenarios": scenarios,
        "questions": {qid: _question(q) for qid, q in content.questions.items()},
    }


def _round(spec: "RoundSpec") -> dict[str, Any]:
    pool = spec.pool
    return {
        "kind": spec.kind.value,
        "rubric": spec.rubric,
        "title": spec.display_title,
        "questions": spec.questions,
        "minutes": spec.time_budget_minutes,
        "track": spec.track,
        "pool": {
            "topics": list(pool.topics),
            "difficulties": [d.value for d in pool.difficulties],
            "ids": list(pool.ids),
            "roles": list(pool.roles),
        },
    }


def _question(q: "Question") -> dict[str, Any]:
    from interviewer.domain.levels import CareerLevel

    return {
        "round": q.round.value,
        "topics": list(q.topics),
        "difficulty": q.difficulty.value,
        "roles": list(q.roles),
        "levels": [level.value for level in CareerLevel if level in q.levels],
        "prompt": q.prompt,
        "hints": len(q.hints),
        "coding": q.coding is not None,
    }
