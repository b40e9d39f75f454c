"""How a day or a moment is written for the user: one style on pages, in notices,
drafts and the command line, so "Tuesday, December 1" reads the same everywhere.

The names are spelled out here rather than taken from the C library's locale, which
differs between machines and would change what a letter says.
Moments are written as they are given: callers pass them in the user's own time zone.
"""

from __future__ import annotations

from datetime import date, datetime

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def long_day(day: date, *, with_year: bool = True) -> str:
    """'Tuesday, December 1, 2026': headings, promises in drafts, the command line."""
    written = f"{WEEKDAYS[day.weekday()]}, {MONTHS[day.month - 1]} {day.day}"
    return f"{written}, {day.year}" if with_year else written


def short_day(day: date, *, with_year: bool = True) -> str:
    """'Tue, Dec 1, 2026': lists and histories, where many days stand in a column."""
    written = f"{WEEKDAYS[day.weekday()][:3]}, {MONTHS[day.month - 1][:3]} {day.day}"
    return f"{written}, {day.year}" if with_year else written


def month_day(day: date) -> str:
    """'Dec 1': chart ticks and badges, where the year is plain from around it."""
    return f"{MONTHS[day.month - 1][:3]} {day.day}"


def letter_day(day: date) -> str:
    """'December 1, 2026': the date line of a letter and 'made on' notes."""
    return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"


def clock(moment: datetime) -> str:
    """'14:30': a 24-hour clock, the same on every page."""
    return f"{moment:%H:%M}"


def long_moment(moment: datetime) -> str:
    """'Tuesday, December 1, 2026 at 14:30'."""
    return f"{long_day(moment)} at {clock(moment)}"


def short_moment(moment: datetime) -> str:
    """'Tue, Dec 1, 2026, 14:30'."""
    return f"{short_day(moment)}, {clock(moment)}"
