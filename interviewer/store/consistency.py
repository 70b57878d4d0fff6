"""What a transcript must satisfy beyond its schema before anything reads it.

A file can match the schema and still point nowhere: a question in a round that does not
exist, a round whose rubric is not in the file, a verdict on a criterion the rubric lacks.
Every screen, report and the engine index by these references, so a transcript is checked
once, at load, and a failing one is reported (by file, with the first problem) instead of
crashing whatever lists it.
"""

from interviewer.domain.session import Session, TurnKind
from interviewer.store.ids import InvalidSessionId, check_session_id

CANDIDATE_TURNS = {TurnKind.answer, TurnKind.skip, TurnKind.project_description}
EITHER_SIDE = {TurnKind.clarification}  # the candidate asks, the interviewer answers


def problems(session: Session) -> list[str]:
    """Everything that makes `session` unsafe to read, most basic first; [] when sound."""
    out: list[str] = []
    try:
        check_session_id(session.id)
    except InvalidSessionId as exc:
        out.append(str(exc))
    specs = session.scenario.rounds
    if not specs:
        out.append("the scenario has no rounds")
    for i, spec in enumerate(specs):
        rubric = session.rubrics.get(spec.rubric)
        if rubric is None:
            out.append(f"scenario round {i + 1} uses rubric '{spec.rubric}', not in the file")
    if len(session.rounds) > len(specs):
        out.append(f"{len(session.rounds)} round records for a {len(specs)}-round scenario")
    for position, record in enumerate(session.rounds):
        if record.index != position:
            out.append(f"round record {position + 1} says it is round {record.index + 1}")
        if record.rubric_id not in session.rubrics:
            out.append(f"round {position + 1} uses rubric '{record.rubric_id}', not in the file")
        elif position < len(specs) and record.rubric_id != specs[position].rubric:
            out.append(
                f"round {position + 1} says rubric '{record.rubric_id}', "
                f"the scenario says '{specs[position].rubric}'"
            )
    if out:
        return out  # the question checks below index by rounds and rubrics
    for n, asked in enumerate(session.questions, 1):
        where = f"question {n} ({asked.question_id[:40]})"
        if asked.round_index >= len(session.rounds):
            out.append(
                f"{where} is in round {asked.round_index + 1}, which has no round record "
                f"({len(session.rounds)} recorded)"
            )
            continue
        if not asked.turns:
            out.append(f"{where} has no turns")
            continue
        if asked.turns[0].role != "interviewer":
            out.append(f"{where} starts with the candidate speaking")
        for t, turn in enumerate(asked.turns, 1):
            if turn.kind in EITHER_SIDE:
                continue
            if (turn.kind in CANDIDATE_TURNS) != (turn.role == "candidate"):
                out.append(f"{where} turn {t}: a {turn.kind.value} said by the {turn.role}")
        rubric = session.rubric_for_round(asked.round_index)
        criteria = {c.id for c in rubric.criteria}
        answers = len(asked.answers)
        for r, run in enumerate(asked.scoring_runs, 1):
            if run.answers_judged > answers:
                out.append(
                    f"{where} scoring run {r} judged {run.answers_judged} answers of {answers}"
                )
            unknown = [
                c.criterion_id for c in run.result.criteria if c.criterion_id not in criteria
            ]
            if unknown:
                out.append(
                    f"{where} scoring run {r} scores criteria not in rubric '{rubric.id}': "
                    + ", ".join(u[:40] for u in unknown[:3])
                )
    open_questions = [q for q in session.questions[:-1] if not q.closed]
    if open_questions:
        out.append(f"{len(open_questions)} question(s) before the last are still open")
    return out
