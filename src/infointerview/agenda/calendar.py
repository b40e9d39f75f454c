"""Calendar files and the private subscription feed (RFC 5545, built with icalendar).

UIDs are stable — one per interview and one per contact request's follow-up call — so
a calendar that subscribes replaces an event when its time changes instead of adding
a second one.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime, timedelta

from django.db import transaction
from django.db.models import Count, Max
from icalendar import Calendar, Event

from infointerview.agenda.models import CalendarFeed
from infointerview.interviews.models import Interview
from infointerview.lib.errors import NotFound
from infointerview.outreach.models import ContactRequest
from infointerview.people.models import Person

KEPT_DAYS = 30
PRODUCT = "-//infointerview//informational interviews//EN"
DOMAIN = "infointerview.local"


# RFC 5545 allows no control characters in text but the line break; a name or place
# typed with one would make a calendar program turn the whole file away.
CONTROLS = dict.fromkeys([*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F])


def _text(value: str) -> str:
    return value.translate(CONTROLS)


def _calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    return calendar


def _stamp(event: Event, changed: datetime, now: datetime) -> None:
    event.add("dtstamp", now.astimezone(UTC))
    event.add("last-modified", changed.astimezone(UTC))


def interview_event(interview: Interview, now: datetime) -> Event:
    event = Event()
    event.add("uid", f"interview-{interview.public_id}@{DOMAIN}")
    event.add("summary", _text(f"Informational interview: {interview.person.name}"))
    event.add("dtstart", interview.starts_at.astimezone(UTC))
    event.add("dtend", interview.ends_at.astimezone(UTC))
    details = [f"{interview.get_mode_display()}, {interview.minutes} minutes."]
    if interview.person.phone:
        details.append(f"Telephone: {interview.person.phone}")
    details.append("Keep to time, take notes, ask whom else to talk to.")
    event.add("description", _text("\n".join(details)))
    if interview.place:
        event.add("location", _text(interview.place))
    event.add("status", "CANCELLED" if interview.is_cancelled else "CONFIRMED")
    changes = getattr(interview, "change_count", None)
    event.add("sequence", interview.changes.count() if changes is None else changes)
    _stamp(event, interview.updated_at, now)
    return event


def call_event(request: ContactRequest, now: datetime) -> Event:
    """A follow-up call as an all-day event on the day it is due."""
    event = Event()
    event.add("uid", f"call-{request.public_id}@{DOMAIN}")
    event.add("summary", _text(f"{request.get_next_call_kind_display()}: {request.person.name}"))
    event.add("dtstart", request.next_call_on)
    event.add("dtend", request.next_call_on + timedelta(days=1))
    phone = request.person.phone
    event.add("description", _text(f"Telephone {phone}." if phone else "Find their number first."))
    event.add("transp", "TRANSPARENT")
    _stamp(event, request.updated_at, now)
    return event


def interview_ics(interview: Interview, now: datetime) -> bytes:
    calendar = _calendar("infointerview")
    calendar.add_component(interview_event(interview, now))
    return calendar.to_ical()


def call_ics(request: ContactRequest, now: datetime) -> bytes:
    if request.next_call_on is None:
        raise NotFound("no call is due on this request")
    calendar = _calendar("infointerview")
    calendar.add_component(call_event(request, now))
    return calendar.to_ical()


def _in_window(owner, now: datetime):
    """What a calendar shows: interviews and calls from 30 days back on.

    Older calls still due stay on Today; a calendar has no use for a month-old day.
    """
    since = now - timedelta(days=KEPT_DAYS)
    interviews = Interview.objects.filter(owner=owner, starts_at__gte=since)
    calls = ContactRequest.objects.filter(
        owner=owner, status=ContactRequest.Status.OPEN, next_call_on__gte=since.date()
    )
    return interviews, calls


def upcoming_ics(owner, now: datetime) -> bytes:
    """Upcoming interviews (cancelled ones too, so subscribers drop them) and calls due."""
    interviews, calls = _in_window(owner, now)
    calendar = _calendar("Informational interviews")
    for interview in interviews.select_related("person").annotate(change_count=Count("changes")):
        calendar.add_component(interview_event(interview, now))
    for request in calls.select_related("person"):
        calendar.add_component(call_event(request, now))
    return calendar.to_ical()


def feed_version(owner, now: datetime) -> str:
    """Changes whenever the feed would: a calendar asking again gets 'not modified' cheaply.

    Counts catch deletions; the latest change times catch edits, a person's name included.
    """
    interviews, calls = _in_window(owner, now)
    parts = [
        interviews.aggregate(n=Count("id"), at=Max("updated_at")),
        calls.aggregate(n=Count("id"), at=Max("updated_at")),
        Person.objects.filter(owner=owner).aggregate(at=Max("updated_at")),
        {"day": now.date()},
    ]
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:32]


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def new_feed_token(owner) -> str:
    """Make the secret of a new subscription address, revoking the old one at once.

    Only its hash is stored: the caller shows the address now, or never.
    """
    CalendarFeed.objects.filter(owner=owner).delete()
    token = secrets.token_urlsafe(32)
    CalendarFeed.objects.create(owner=owner, token_hash=_hash(token))
    return token


def feed_of(owner) -> CalendarFeed | None:
    """The owner's subscription, if they made one (when, but not its address)."""
    return CalendarFeed.objects.filter(owner=owner).first()


def owner_of_feed(token: str):
    feed = CalendarFeed.objects.filter(token_hash=_hash(token)).select_related("owner").first()
    if feed is None:
        raise NotFound("no such calendar feed")
    return feed.owner
