"""Business-day arithmetic for follow-up calls (Monday to Friday; public holidays are not known)."""

from __future__ import annotations

import re
from datetime import date, timedelta

from infointerview.lib.dates import LAST_DAY

SATURDAY = 5


def add_business_days(start: date, days: int) -> date:
    """The day `days` working days after `start`; a weekend start counts from Monday.

    Never past the last day the app keeps: a wait that would run beyond it ends on it,
    so that logging a call on that day's eve is not refused for a day nobody typed.
    """
    current = start
    remaining = days
    while remaining > 0 and current < LAST_DAY:
        current += timedelta(days=1)
        if current.weekday() < SATURDAY:
            remaining -= 1
    return current


def parse_day(text: str) -> date:
    """Read YYYY-MM-DD, with an error that says how to write it."""
    cleaned = text.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", cleaned):
        try:
            return date.fromisoformat(cleaned)
        except ValueError:
            pass
    raise ValueError(f"bad date {text!r}: write it as YYYY-MM-DD, e.g. 2026-12-01")
