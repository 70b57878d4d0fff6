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
