"""Scheduling interviews, keeping their history, taking notes and recording referrals."""

from __future__ import annotations

import uuid
from datetime import datetime
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from infointerview.accounts.services import profile_for
from infointerview.interviews.models import (
    DEFAULT_MINUTES,
    Interview,
    InterviewChange,
    PlannedQuestion,
)
from infointerview.lib.errors import NotFound, Refused
from infointerview.people.models import Person
from infointerview.people.services import add_referral


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


def _check_minutes(minutes: int) -> int:
    if not 5 <= minutes <= 180:
        raise Refused("an interview lasts between 5 and 180 minutes; 20–30 is the usual")
    return minutes


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
    Interview.check_lengths({"place": place})
    time_zone = profile_for(owner).time_zone
    if isinstance(starts_at, str):
        starts_at = parse_moment(starts_at, time_zone)
    return Interview.objects.create(
        owner=owner,
        person=person,
        contact_request=contact_request,
        starts_at=starts_at,
        time_zone=time_zone,
        minutes=_check_minutes(minutes),
        mode=parse_mode(mode),
        place=place,
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
    InterviewChange.check_lengths({"reason": reason})
    InterviewChange.objects.create(
        owner=owner,
        interview=interview,
        kind=kind,
        previous_starts_at=interview.starts_at,
        previous_minutes=interview.minutes,
        previous_mode=interview.mode,
        reason=reason,
    )


@transaction.atomic
def reschedule(
    owner,
    interview: Interview,
    starts_at: str,
    *,
    minutes: int | None = None,
    mode: str | None = None,
    place: str | None = None,
    reason: str = "",
) -> Interview:
    if interview.status == Interview.Status.CANCELLED:
        raise Refused("this interview was cancelled; schedule a new one")
    moment = parse_moment(starts_at, interview.time_zone)
    _remember(owner, interview, InterviewChange.Kind.RESCHEDULED, reason)
    interview.starts_at = moment
    interview.minutes = _check_minutes(minutes or interview.minutes)
    interview.mode = parse_mode(mode or interview.mode)
    if place is not None:
        Interview.check_lengths({"place": place})
        interview.place = place
    interview.status = Interview.Status.SCHEDULED
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
def save_notes(owner, interview: Interview, notes: dict[str, str]) -> int:
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
    now = timezone.now()
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
