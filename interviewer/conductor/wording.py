"""The offline interviewer's fixed wording, in plain terms: the start draws the first
question with it before the models are loaded, and the conductor speaks with it after."""


def round_intro_text(
    number: int, count: int, title: str, questions: int, minutes: int | None
) -> str:
    """'Round 1 of 5: ML breadth (4 questions, about 15 minutes).'"""
    budget = f", about {minutes} minutes" if minutes else ""
    asked = f"{questions} question{'s' if questions != 1 else ''}"
    return f"Round {number} of {count}: {title} ({asked}{budget})."


def opening_turn(intro: str, body: str) -> str:
    """A turn that opens a round: the round's introduction, then what is asked."""
    return f"{intro}\n\n{body}"
