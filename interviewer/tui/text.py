"""Small text helpers shared by the screens: clocks, scores, bars and sparklines."""

from datetime import datetime, timedelta

BLOCKS = " ▁▂▃▄▅▆▇█"


def clock_text(elapsed: timedelta) -> str:
    seconds = max(0, int(elapsed.total_seconds()))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def round_clock(
    started_at: datetime, now: datetime, budget_minutes: int | None, paused_seconds: float = 0.0
) -> str:
    """The round's open time (the time the interview was closed does not count)."""
    elapsed = now - started_at - timedelta(seconds=paused_seconds)
    text = clock_text(elapsed)
    if budget_minutes is None:
        return text
    budget = timedelta(minutes=budget_minutes)
    over = " (over time)" if elapsed > budget else ""
    return f"{text} of {clock_text(budget)}{over}"


def percent_text(value: float | None) -> str:
    return "—" if value is None else f"{value:.0f}/100"


def level_text(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}/4"


def bar(value: float | None, maximum: float, width: int = 10) -> str:
    """A horizontal bar of `width` cells for a value between 0 and maximum."""
    if value is None or maximum <= 0:
        return "·" * width
    filled = round(max(0.0, min(value, maximum)) / maximum * width)
    return "█" * filled + "░" * (width - filled)


def sparkline(values: list[float | None], low: float = 1.0, high: float = 4.0) -> str:
    """One character a value, oldest first; a gap where a session has no score."""
    chars = []
    for value in values:
        if value is None:
            chars.append("·")
            continue
        share = (min(max(value, low), high) - low) / (high - low) if high > low else 1.0
        chars.append(BLOCKS[1 + round(share * (len(BLOCKS) - 2))])
    return "".join(chars)


def fit(text: str, width: int) -> str:
    """`text` in `width` cells: cut with an ellipsis when it is longer."""
    return text if len(text) <= width else text[: max(1, width - 1)].rstrip() + "…"


def progress_text(
    *,
    round_number: int,
    rounds: int,
    title: str,
    question: int,
    questions: int,
    clock: str,
    hints_left: int,
    width: int = 0,
) -> str:
    """The interview's status line in `width` cells (0: any): whole where it fits, else
    shortened ('R2/5', '03:00/25:00') with the round's title cut last, so the question
    number, the clock and the hints left are never lost off the edge."""
    hints = f" · hints {hints_left}" if hints_left else ""
    whole = f"Round {round_number}/{rounds} {title} · Q {question}/{questions} · {clock}{hints}"
    if width <= 0 or len(whole) <= width:
        return whole
    short_clock = clock.replace(" of ", "/").replace(" (over time)", " over")
    head, tail = f"R{round_number}/{rounds} ", f" · Q{question}/{questions} · {short_clock}"
    room = width - len(head) - len(tail) - len(hints)
    if room >= 6:
        return head + fit(title, room) + tail + hints
    return fit(f"{head.strip()}{tail}{hints}", width)
