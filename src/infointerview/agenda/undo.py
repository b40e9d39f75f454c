"""Undoing the latest outcome logged for a person, with what it created.

"Agreed" scheduled an interview and "referred" added a person: undoing the outcome
removes them too, but only while nothing has been added to them since; otherwise it
refuses and names what is in the way, so that no notes are lost to an undo.
"""

from __future__ import annotations

from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.db import transaction

from infointerview.interviews.models import Interview
from infointerview.lib.day_words import long_day
from infointerview.lib.errors import Refused
from infointerview.outreach import attempts
from infointerview.outreach.models import Attempt, Outcome
from infointerview.people.models import Person, Source

PERSON_DETAILS = {
    "emails": "an e-mail address",
    "phones": "a telephone number",
    "postal_address": "a postal address",
    "organization": "an organization",
    "job_title": "a job title",
    "tags": "tags",
    "onet_code": "a linked occupation",
}


@dataclass
class Undone:
    taken: attempts.TakenBack
    person: Person
    interview_removed: bool = False
    referral_removed: str = ""

    def summary(self) -> str:
        text = [self.taken.summary(self.person)]
        if self.interview_removed:
            text.append("The interview it scheduled is removed.")
        if self.referral_removed:
            text.append(f"{self.referral_removed} is off the list again.")
        return " ".join(text)


def _interviews_made_by(attempt: Attempt) -> list[Interview]:
    return list(
        Interview.objects.filter(contact_request=attempt.request, person=attempt.request.person)
    )


def _added_to_interview(interview: Interview) -> list[str]:
    found = []
    if interview.questions.exists():
        found.append("a question plan")
    if interview.learned or interview.insights.exists():
        found.append("notes on what you learned")
    if interview.fit_rating:
        found.append("a rating of the fit")
    if interview.thanks.exists():
        found.append("a thank-you")
    if interview.research.exists():
        found.append("research")
    if interview.changes.exists():
        found.append("a change of time or a cancellation")
    return found


def _referral_made_by(attempt: Attempt) -> Person | None:
    """The person "referred" added, if it added one rather than linking someone listed."""
    return (
        Person.objects.filter(
            owner=attempt.owner,
            introduced_by=attempt.request.person,
            source=Source.REFERRAL,
            created_at__gte=attempt.created_at,
        )
        .order_by("created_at", "id")
        .first()
    )


def _added_to_person(person: Person) -> list[str]:
    found = [said for field, said in PERSON_DETAILS.items() if getattr(person, field)]
    if person.contact_requests.exists():
        found.append("a request to them")
    if person.interviews.exists():
        found.append("an interview")
    if person.introduced.exists():
        found.append("people they introduced")
    if person.notes.strip():
        found.append("notes")
    return found


def _in_the_way(what: str, added: list[str]) -> Refused:
    return Refused(
        f"cannot undo: {what} has {', '.join(added)} added since; "
        "remove those first, or correct the attempt instead"
    )


@transaction.atomic
def undo_latest(owner, person: Person) -> Undone:
    """Take back the person's latest attempt, and what it created if still untouched."""
    attempt = attempts.latest_attempt(owner, person)
    attempts.refuse_if_superseded(owner, attempt)
    interviews, referral = [], None
    if attempt.outcome == Outcome.AGREED:
        interviews = _interviews_made_by(attempt)
        for interview in interviews:
            added = _added_to_interview(interview)
            if added:
                day = interview.starts_at.astimezone(ZoneInfo(interview.time_zone))
                raise _in_the_way(f"the interview with {person.name} on {long_day(day)}", added)
    elif attempt.outcome == Outcome.REFERRED:
        referral = _referral_made_by(attempt)
        added = _added_to_person(referral) if referral else []
        if added:
            raise _in_the_way(referral.name, added)
    for interview in interviews:
        interview.delete()
    if referral is not None:
        referral.delete()
    return Undone(
        taken=attempts.take_back(owner, attempt),
        person=person,
        interview_removed=bool(interviews),
        referral_removed=referral.name if referral else "",
    )
