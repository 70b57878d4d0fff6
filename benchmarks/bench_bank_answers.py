"""How the offline judge scores written strong and fluent-but-wrong answers (a benchmark,
not a test; tests/test_bank_answers.py holds the thresholds).

    .venv/bin/python benchmarks/bench_bank_answers.py [--json]

For every question in tests/data/answers/<round>/<bank-file-stem>.yaml: the strong answer's
and the wrong answer's score (the percentage a candidate sees), the gap, and whether any of
the question's misconceptions is named by the judge (JudgeResult.misconceptions, where the
judge fills it) or stated by a misconception's cue phrases. Then means, medians and
extremes over all questions.
"""

import argparse
import json
import statistics
import sys
from pathlib import Path

import yaml

from interviewer.content.loader import load_content
from interviewer.domain.judging import JudgeResult
from interviewer.domain.question import KeyPoint, Question
from interviewer.judge.matching import key_point_coverage
from interviewer.judge.offline import OfflineJudge
from tests.answer_sets import request_for

ANSWERS = Path(__file__).resolve().parent.parent / "tests" / "data" / "answers"


def _states(phrases: list[str], text: str) -> bool:
    probe = KeyPoint(id="probe", text="zzqx vvqj", cues=phrases)
    return key_point_coverage(text, [probe])["probe"] > 0


def _cue_stated(question: Question, answer: str) -> list[str]:
    return [
        m.id
        for kp in question.key_points
        for m in kp.misconceptions
        if m.cues and _states(m.cues, answer)
    ]


def _named(result: JudgeResult) -> int:
    return len(getattr(result, "misconceptions", []) or [])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="one JSON object on stdout")
    args = parser.parse_args()
    content = load_content()
    judge = OfflineJudge()
    rows = []
    for path in sorted(ANSWERS.glob("*/*.yaml")):
        for question_id, answers in yaml.safe_load(path.read_text(encoding="utf-8")).items():
            question = content.questions[question_id]
            rubric = content.rubrics[question.round.value]
            row: dict[str, object] = {"question": question_id}
            for kind in ("strong", "wrong"):
                result = judge.score_now(request_for(question, rubric, answers[kind]))
                row[kind] = result.percent(rubric)
                row[f"{kind}_named"] = _named(result)
                row[f"{kind}_cue_stated"] = _cue_stated(question, answers[kind])
            rows.append(row)
    strong = [float(r["strong"]) for r in rows]  # type: ignore[arg-type]
    wrong = [float(r["wrong"]) for r in rows]  # type: ignore[arg-type]
    gaps = [s - w for s, w in zip(strong, wrong, strict=True)]
    summary = {
        "questions": len(rows),
        "strong_mean": round(statistics.mean(strong), 1),
        "strong_median": round(statistics.median(strong), 1),
        "strong_min": min(strong),
        "wrong_mean": round(statistics.mean(wrong), 1),
        "wrong_median": round(statistics.median(wrong), 1),
        "wrong_max": max(wrong),
        "gap_mean": round(statistics.mean(gaps), 1),
        "gap_min": round(min(gaps), 1),
        "wrong_with_misconception_named": sum(1 for r in rows if r["wrong_named"]),
        "strong_with_misconception_named": sum(1 for r in rows if r["strong_named"]),
        "wrong_with_misconception_cue": sum(1 for r in rows if r["wrong_cue_stated"]),
        "strong_with_misconception_cue": sum(1 for r in rows if r["strong_cue_stated"]),
    }
    if args.json:
        json.dump({"summary": summary, "questions": rows}, sys.stdout, indent=2)
        print()
        return 0
    width = max(len(str(r["question"])) for r in rows)
    print(f"{'question':<{width}}  strong  wrong    gap")
    for r, gap in zip(rows, gaps, strict=True):
        print(f"{r['question']:<{width}}  {r['strong']:>6}  {r['wrong']:>5}  {gap:>5.1f}")
    print()
    for key, value in summary.items():
        print(f"{key}: {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
