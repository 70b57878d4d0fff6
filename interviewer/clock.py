"""The clock: aware UTC time, for sessions, rounds and the screens' clocks."""

from datetime import UTC, datetime


def utc_now() -> datetime:
    return datetime.now(UTC)
