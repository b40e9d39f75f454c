"""Scheduling interviews once someone agrees."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from infointerview.accounts.services import profile_for
from infointerview.interviews.models import DEFAULT_MINUTES, Interview
from infointerview.lib.errors import Refused
from infointerview.people.models import Person


def parse_moment(text: str, time_zone: str) -> datetime:
    """Read 'YYYY-MM-DD HH:MM' as a time in the user's own time zone."""
    try:
        naive = datetime.strptime(text.strip(), "%Y-%m-%d %H:%M")
    except ValueError:
        raise Refused(
            f"bad time {text!r}: write it as 'YYYY-MM-DD HH:MM', e.g. '2026-12-03 14:30'"
        ) from None
    return naive.replace(tzinfo=ZoneInfo(time_zone))


def parse_mode(text: str) -> str:
    if text not in Interview.Mode.values:
        raise Refused(f"unknown mode {text!r}: use one of {', '.join(Interview.Mode.values)}")
    return text


def schedule(
    owner,
    person: Person,
    starts_at: datetime | str,
    *,
    mode: str = Interview.Mode.IN_PERSON,
    minutes: int = DEFAULT_MINUTES,
    place: str = "",
    contact_request=None,
) -> Interview:
    if isinstance(starts_at, str):
        starts_at = parse_moment(starts_at, profile_for(owner).time_zone)
    if not 5 <= minutes <= 180:
        raise Refused("an interview lasts between 5 and 180 minutes; 20–30 is the usual")
    return Interview.objects.create(
        owner=owner,
        person=person,
        contact_request=contact_request,
        starts_at=starts_at,
        minutes=minutes,
        mode=parse_mode(mode),
        place=place,
    )
