"""Hostile text: what a crafted transcript, a candidate or a model may put in front of a
terminal, and a transcript carrying it in every field a screen or a report shows."""

import json
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parent.parent / "transcripts" / "example.json"

HOSTILE = (
    "pwn\x1b]0;owned title\x07 clear\x1b[2J\x1b[H "
    "\x1b]8;;https://evil.example\x1b\\a link\x1b]8;;\x1b\\ "
    "clip\x1b]52;c;ZXZpbA==\x07 "
    "dcs\x1bP1$r0m\x1b\\ "
    "c1\x9b31mred\x9b0m osc8bit\x9d0;t\x9c "
    "bell\x07 back\x08space cr\rover "
    "bidi \u202eevil\u202c isolate \u2067x\u2069 "
    "[bold red]markup[/] [link=https://evil.example]rich link[/link] "
    "<script>alert(1)</script> <img src=x onerror=alert(1)> "
    "[click](javascript:alert(1)) ![img](data:text/html,x) <javascript:alert(1)>"
)
# What must never reach a terminal raw: ESC, the C1 controls, BEL, BS, CR, and bidi
# controls acting unseen.
FORBIDDEN = ["\x1b", "\x07", "\x08", "\r", "\u202e", "\u202c", "\u2067", "\u2069"] + [
    chr(c) for c in range(0x80, 0xA0)
]


def forbidden_in(text: str) -> list[str]:
    return [repr(c) for c in FORBIDDEN if c in text]


def hostile_transcript(
    session_id: str = "20260101-000000-evil", finished: bool = True, title: str = ""
) -> dict:
    """The example transcript with HOSTILE in its titles, prompts, answers, verdicts and
    key points."""
    data = json.loads(EXAMPLE.read_text())
    data["id"] = session_id
    data["scenario"]["title"] = title or f"Loop {HOSTILE}"
    data["scenario"]["rounds"][0]["title"] = f"Round {HOSTILE}"
    for rubric in data["rubrics"].values():
        rubric["title"] = f"Rubric {HOSTILE}"
        rubric["criteria"][0]["name"] = f"Criterion {HOSTILE}"
    for asked in data["questions"]:
        asked["prompt"] = f"Question {HOSTILE}"
        for kp in asked["key_points"]:
            kp["text"] = f"Key point {HOSTILE}"
        for turn in asked["turns"]:
            turn["text"] = f"{turn['role']} says {HOSTILE}"
        for run in asked["scoring_runs"]:
            result = run["result"]
            result["feedback"] = f"Feedback {HOSTILE}"
            for score in result["criteria"]:
                score["evidence"] = [f"evidence {HOSTILE}"]
    last = data["questions"][-1]
    if last["scoring_runs"]:
        last["scoring_runs"][-1]["result"] = {
            "status": "unscored",
            "reason": f"server said {HOSTILE}",
        }
    if not finished:
        data["status"] = "in_progress"
        data["finished_at"] = None
        last["closed"] = False
        last["turns"] = last["turns"][:1]
        last["scoring_runs"] = []
        if data["rounds"][-1].get("ended_at"):
            data["rounds"][-1]["ended_at"] = None
    return data


def write_hostile(folder: Path, **kwargs: object) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    data = hostile_transcript(**kwargs)  # type: ignore[arg-type]
    path = folder / f"{data['id']}.json"
    path.write_text(json.dumps(data))
    return path
