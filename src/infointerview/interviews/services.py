"""Scheduling interviews, keeping their history, taking notes and recording referrals."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.db import transaction

from infointerview.accounts.services import profile_for
from infointerview.accounts.validation import validate
from infointerview.interviews.models import (
    DEFAULT_MINUTES,
    Interview,
    InterviewChange,
    PlannedQuestion,
)
from infointerview.lib.day_words import long_moment
from infointerview.lib.errors import NotFound, Refused
from infointerview.people.models import Person
from infointerview.people.services import add_referral

# A meeting being set up while it starts, or typed in a little late, is still to come.
GRACE = timedelta(minutes=15)


class TimeHasPassed(Refused):
    """A start already behind us: the meeting can only be recorded as held."""


class TimeToCome(Refused):
    """A start still ahead: the meeting can only be scheduled."""


def _local(moment: datetime, zone: str) -> str:
    return long_moment(moment.astimezone(ZoneInfo(zone)))


def refuse_past(starts_at: datetime, now: datetime | None, zone: str) -> None:
    """Only a time to come can be scheduled; `now` is the moment the user asked."""
    if now is not None and starts_at < now - GRACE:
        raise TimeHasPassed(
            f"{_local(starts_at, zone)} has already passed: choose a time to come, "
            "or, if the interview took place, record it as held"
        )


def _new_interview(owner, person: Person, starts_at: datetime, **fields) -> Interview:
    interview = Interview(
        owner=owner,
        person=person,
        starts_at=starts_at,
        time_zone=profile_for(owner).time_zone,
        **fields,
    )
    validate(interview)
    interview.save()
    return interview


@transaction.atomic
def schedule(
    owner,
    person: Person,
    starts_at: datetime,
    *,
    mode: str = Interview.Mode.IN_PERSON,
    minutes: int = DEFAULT_MINUTES,
    place: str = "",
    contact_request=None,
    now: datetime | None = None,
) -> Interview:
    """A meeting to come; every entry point passes `now`, and a past time is refused."""
    refuse_past(starts_at, now, profile_for(owner).time_zone)
    return _new_interview(
        owner,
        person,
        starts_at,
        contact_request=contact_request,
        minutes=minutes,
        mode=mode,
        place=place,
    )


@transaction.atomic
def record_interview(
    owner,
    person: Person,
    starts_at: datetime,
    *,
    mode: str = Interview.Mode.IN_PERSON,
    minutes: int = DEFAULT_MINUTES,
    place: str = "",
    contact_request=None,
    now: datetime,
) -> Interview:
    """A meeting that already took place, so that thanks and notes follow at once."""
    if starts_at > now:
        raise TimeToCome(
            f"{_local(starts_at, profile_for(owner).time_zone)} is still to come: "
            "schedule the interview instead"
        )
    return _new_interview(
        owner,
        person,
        starts_at,
        contact_request=contact_request,
        minutes=minutes,
        mode=mode,
        place=place,
        status=Interview.Status.HELD,
    )


def get_interview(owner, public_id) -> Interview:
    return Interview.owned_by(owner, public_id, "interview", "person")


def interview_with(owner, person: Person) -> Interview:
    """The person's next scheduled interview, else their most recent one."""
    interviews = Interview.objects.filter(owner=owner, person=person)
    upcoming = interviews.filter(status=Interview.Status.SCHEDULED).order_by("starts_at").first()
    found = upcoming or interviews.order_by("-starts_at").first()
    if found is None:
        raise NotFound(f"no interview with {person.name}: schedule one with `interview schedule`")
    return found


def _remember(owner, interview: Interview, kind: str, reason: str) -> None:
    change = InterviewChange(
        owner=owner,
        interview=interview,
        kind=kind,
        previous_starts_at=interview.starts_at,
        previous_minutes=interview.minutes,
        previous_mode=interview.mode,
        reason=reason,
    )
    validate(change)
    change.save()


@transaction.atomic
def reschedule(
    owner,
    interview: Interview,
    starts_at: datetime,
    *,
    minutes: int | None = None,
    mode: str | None = None,
    place: str | None = None,
    reason: str = "",
    now: datetime | None = None,
) -> Interview:
    if interview.status == Interview.Status.CANCELLED:
        raise Refused("this interview was cancelled; schedule a new one")
    refuse_past(starts_at, now, interview.time_zone)
    _remember(owner, interview, InterviewChange.Kind.RESCHEDULED, reason)
    interview.starts_at = starts_at
    interview.minutes = minutes or interview.minutes
    interview.mode = mode or interview.mode
    if place is not None:
        interview.place = place
    interview.status = Interview.Status.SCHEDULED
    validate(interview)
    interview.save()
    return interview


@transaction.atomic
def cancel(owner, interview: Interview, reason: str = "") -> Interview:
    if interview.status == Interview.Status.CANCELLED:
        raise Refused("this interview is already cancelled")
    _remember(owner, interview, InterviewChange.Kind.CANCELLED, reason)
    interview.status = Interview.Status.CANCELLED
    interview.save(update_fields=["status", "updated_at"])
    return interview


@transaction.atomic
def save_notes(owner, interview: Interview, notes: dict[str, str], *, now: datetime) -> int:
    """Notes keyed by question id; unknown ids are refused so nothing lands elsewhere."""
    questions = {
        str(q.public_id): q
        for q in PlannedQuestion.objects.filter(owner=owner, interview=interview)
    }
    for key in notes:
        try:
            uuid.UUID(key)
        except ValueError:
            raise Refused(f"not a question of this interview: {key!r}") from None
        if key not in questions:
            raise Refused(f"not a question of this interview: {key!r}")
    changed = 0
    for key, text in notes.items():
        question = questions[key]
        if question.notes != text:
            question.notes, question.notes_saved_at = text, now
            question.save(update_fields=["notes", "notes_saved_at", "updated_at"])
            changed += 1
    return changed


def suggested_in_interview(owner, interview: Interview, name: str, note: str = "") -> Person:
    """'They suggested I talk to …', said during the interview."""
    person = interview.person
    return add_referral(
        owner, person, name, how=f"Suggested by {person.name} in our interview", note=note
    )
