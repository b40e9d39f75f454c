"""The days the app can store and show: a fixed range, the same on every page and export.

Year 9999 or year 1 cannot be shown in every time zone, and nobody plans an
informational interview there; the range does not depend on today, so an old
backup always restores.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

FIRST_DAY = date(1900, 1, 1)
LAST_DAY = date(2100, 12, 31)


# The widest a local clock is from UTC: a moment stored in UTC may read a day later or
# earlier in the user's own time zone.
WIDEST_OFFSET = timedelta(hours=14)


def moment_out_of_range(moment: datetime) -> str:
    """Why a stored moment cannot be kept: only when no time zone would show it in range."""
    for shift in (-WIDEST_OFFSET, WIDEST_OFFSET):
        try:
            if not out_of_range(moment + shift):
                return ""
        except OverflowError:  # year 1 or 9999: out of range on either side
            continue
    return out_of_range(moment)


def out_of_range(value: date | datetime) -> str:
    """Why a day cannot be stored, or '' when it can."""
    day = value.date() if isinstance(value, datetime) else value
    if FIRST_DAY <= day <= LAST_DAY:
        return ""
    return (
        f"{day.isoformat()} is outside {FIRST_DAY.year}–{LAST_DAY.year}, the years this app keeps"
    )
