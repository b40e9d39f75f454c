"""Recording what happened on a call: the one use case that spans outreach and interviews.

Log the attempt (outreach), schedule the meeting when they agreed (interviews) — or,
when "agreed" is logged after the meeting, record it as held — and propose the next
name when the request ended without one (the list).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from django.db import transaction

from infointerview.accounts.services import profile_for
from infointerview.agenda.lists import next_name
from infointerview.interviews import services as interviews
from infointerview.interviews.models import Interview
from infointerview.outreach import services as outreach
from infointerview.outreach.models import Outcome
from infointerview.people.models import Person


@dataclass
class OutcomeResult:
    log: outreach.LogResult
    interview: Interview | None = None
    next_person: Person | None = None

    @property
    def attempt(self):
        return self.log.attempt

    @property
    def request(self):
        return self.log.request

    @property
    def referral(self) -> Person | None:
        return self.log.referral

    @property
    def advice(self) -> str:
        return self.log.advice

    def summary(self) -> str:
        """One line for a message or the terminal."""
        text = [f"Logged: {self.attempt.get_outcome_display()}."]
        if self.interview and self.interview.status == Interview.Status.HELD:
            text.append("The interview is recorded as held: write the thank-you now.")
        if self.advice:
            text.append(self.advice)
        if self.next_person:
            text.append(f"Next name on the list: {self.next_person.name}.")
        if self.referral:
            text.append(f"Added {self.referral.name} at the top of the list.")
        return " ".join(text)


@transaction.atomic
def record_outcome(
    owner,
    person: Person,
    outcome: str,
    *,
    on: date,
    call_back_on: date | None = None,
    referred_name: str = "",
    interview_at=None,
    mode: str = Interview.Mode.IN_PERSON,
    place: str = "",
    note: str = "",
    now: datetime | None = None,
) -> OutcomeResult:
    """All of it or nothing: a meeting that cannot be scheduled leaves no attempt behind.

    `now` tells a meeting to come from one that already took place; without it, a
    meeting before the day logged is taken as held.
    """
    if outcome == Outcome.AGREED and not interview_at:
        raise outreach.FieldRefused(
            "interview_at", "say when you will meet: the meeting's day and time"
        )
    log = outreach.log_outcome(
        owner,
        person,
        outcome,
        on=on,
        call_back_on=call_back_on,
        referred_name=referred_name,
        note=note,
        today=profile_for(owner).today(now) if now else None,
    )
    result = OutcomeResult(log=log)
    if outcome == Outcome.AGREED:
        meeting = {"mode": mode, "place": place, "contact_request": log.request}
        moment = now or datetime.combine(on, time.min, ZoneInfo(profile_for(owner).time_zone))
        if isinstance(interview_at, datetime) and interview_at < moment - interviews.GRACE:
            result.interview = interviews.record_interview(
                owner, person, interview_at, now=moment, **meeting
            )
        else:
            result.interview = interviews.schedule(owner, person, interview_at, now=now, **meeting)
    if log.ended_without_meeting:
        result.next_person = next_name(owner, person.target, after=person)
    return result
