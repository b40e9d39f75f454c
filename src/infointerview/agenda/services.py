"""Today: everything due, computed when read so that nothing depends on a background job."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from infointerview.accounts.services import profile_for
from infointerview.agenda.lists import next_name
from infointerview.careers.models import TargetOccupation
from infointerview.interviews.afterwards import ThanksDue, keep_in_touch_due, thanks_due
from infointerview.interviews.models import Interview
from infointerview.outreach.models import ContactRequest
from infointerview.people.models import OrganizationLead, Person

COMING_UP_DAYS = 7
ENDED = [
    ContactRequest.Status.MOVED_ON,
    ContactRequest.Status.DECLINED,
    ContactRequest.Status.REFERRED,
]


@dataclass
class CallDue:
    request: ContactRequest
    days_overdue: int

    def to_dict(self) -> dict:
        return {**self.request.to_dict(), "days_overdue": self.days_overdue}


@dataclass
class EndedRequest:
    """A request that ended, and the name the method says to try next."""

    request: ContactRequest
    proposed: Person | None

    def advice(self) -> str:
        if self.request.status == ContactRequest.Status.DECLINED:
            return "If you have not yet, ask whom else they would suggest."
        if self.request.status == ContactRequest.Status.REFERRED:
            return "They pointed you to someone else: contact them next."
        return "Three attempts made: move on to the next name."

    def to_dict(self) -> dict:
        return {
            **self.request.to_dict(),
            "advice": self.advice(),
            "proposed": self.proposed.to_dict() if self.proposed else None,
        }


@dataclass
class Today:
    day: date
    calls_due: list[CallDue] = field(default_factory=list)
    interviews: list[Interview] = field(default_factory=list)
    ended: list[EndedRequest] = field(default_factory=list)
    leads: list[OrganizationLead] = field(default_factory=list)
    targets_without_contact: list[TargetOccupation] = field(default_factory=list)
    coming_up: list[ContactRequest] = field(default_factory=list)
    thanks: list[ThanksDue] = field(default_factory=list)
    keep_in_touch: list[Interview] = field(default_factory=list)

    def is_empty(self) -> bool:
        return not (
            self.calls_due
            or self.interviews
            or self.thanks
            or self.keep_in_touch
            or self.ended
            or self.leads
            or self.targets_without_contact
        )

    def to_dict(self) -> dict:
        return {
            "day": self.day.isoformat(),
            "calls_due": [c.to_dict() for c in self.calls_due],
            "interviews": [i.to_dict() for i in self.interviews],
            "ended": [e.to_dict() for e in self.ended],
            "leads": [lead.to_dict() for lead in self.leads],
            "targets_without_contact": [t.to_dict() for t in self.targets_without_contact],
            "coming_up": [r.to_dict() for r in self.coming_up],
            "thanks": [
                {
                    "interview": t.interview.to_dict(),
                    "to": t.recipient.name,
                    "introducer": t.is_introducer,
                }
                for t in self.thanks
            ],
            "keep_in_touch": [i.to_dict() for i in self.keep_in_touch],
        }


def _proposal(owner, request: ContactRequest) -> Person | None:
    if request.status == ContactRequest.Status.REFERRED:
        return request.person.introduced.order_by("-created_at").first()
    return next_name(owner, request.person.occupation, after=request.person)


def _dealt_with(owner, request: ContactRequest) -> bool:
    if request.next_name_seen:
        return True
    return (
        ContactRequest.objects.filter(
            owner=owner,
            person__occupation__iexact=request.person.occupation,
            created_at__gte=request.updated_at,
        )
        .exclude(person=request.person)
        .exists()
    )


def today(owner, on: date | None = None) -> Today:
    profile = profile_for(owner)
    day = on or profile.today()
    agenda = Today(day=day)
    requests = ContactRequest.objects.filter(owner=owner).select_related("person")
    for request in requests.filter(status=ContactRequest.Status.OPEN, next_call_on__lte=day):
        agenda.calls_due.append(CallDue(request, (day - request.next_call_on).days))
    agenda.calls_due.sort(key=lambda c: (c.request.next_call_on, c.request.person.name))
    agenda.coming_up = list(
        requests.filter(
            status=ContactRequest.Status.OPEN,
            next_call_on__gt=day,
            next_call_on__lte=day + timedelta(days=COMING_UP_DAYS),
        ).order_by("next_call_on")
    )
    start_of_day = datetime.combine(day, time.min, tzinfo=ZoneInfo(profile.time_zone))
    agenda.interviews = list(
        Interview.objects.filter(
            owner=owner, status=Interview.Status.SCHEDULED, starts_at__gte=start_of_day
        ).select_related("person")
    )
    for request in requests.filter(status__in=ENDED).order_by("-ended_on", "-id"):
        if not _dealt_with(owner, request):
            agenda.ended.append(EndedRequest(request, _proposal(owner, request)))
    agenda.leads = list(
        OrganizationLead.objects.filter(owner=owner, status=OrganizationLead.Status.OPEN)
    )
    reached = list(requests.values_list("person__occupation", flat=True)) + list(
        Interview.objects.filter(owner=owner).values_list("person__occupation", flat=True)
    )
    contacted = {name.lower() for name in reached if name}
    agenda.targets_without_contact = [
        target
        for target in TargetOccupation.objects.filter(
            owner=owner, status=TargetOccupation.Status.EXPLORING
        )
        if target.name.lower() not in contacted
    ]
    agenda.thanks = thanks_due(owner)
    agenda.keep_in_touch = keep_in_touch_due(owner, day)
    return agenda
