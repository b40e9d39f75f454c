"""Today: everything due, computed when read so that nothing depends on a background job."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db.models import Count, Exists, F, Func, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from infointerview.accounts.models import Profile
from infointerview.accounts.services import profile_for
from infointerview.accounts.validation import validate
from infointerview.agenda.lists import first_channel, next_names
from infointerview.careers.models import TargetOccupation
from infointerview.interviews.afterwards import (
    INTERVIEW_SHOWN,
    ThanksDue,
    keep_in_touch_due,
    thanks_due,
)
from infointerview.interviews.models import Interview
from infointerview.outreach.models import (
    AWAITING_NEXT_NAME,
    COUNTED_OUTCOMES,
    Attempt,
    Channel,
    ContactRequest,
)
from infointerview.people.models import LeadCall, OrganizationLead, Person

COMING_UP_DAYS = 7
# What Today's rows and `today --json` read of a request and of its person: whole rows
# (drafts, notes, addresses) cost more to build than the page spends on showing them.
REQUEST_SHOWN = (
    "public_id",
    "person",
    "channel",
    "status",
    "stage",
    "call_on",
    "sent_on",
    "next_call_on",
    "next_call_kind",
    "ended_on",
)
PERSON_SHOWN = ("person__public_id", "person__name", "person__phones")


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
class FirstName:
    """Where to start on a list nobody on it has been contacted from yet."""

    person: Person
    channel: str

    def how(self) -> str:
        if self.channel == Channel.INTRODUCTION:
            return f"through {self.person.introduced_by.name}, who can introduce you"
        return {Channel.EMAIL: "by e-mail", Channel.LETTER: "by letter"}.get(
            self.channel, "by telephone"
        )

    def action(self) -> str:
        return {
            Channel.INTRODUCTION: "Draft the request for an introduction",
            Channel.EMAIL: "Draft the e-mail",
            Channel.LETTER: "Draft the letter",
        }.get(self.channel, "Prepare the call")

    def to_dict(self) -> dict:
        return {"person": self.person.to_dict(), "channel": self.channel}


@dataclass
class Today:
    day: date
    calls_due: list[CallDue] = field(default_factory=list)
    interviews: list[Interview] = field(default_factory=list)
    ended: list[EndedRequest] = field(default_factory=list)
    leads: list[OrganizationLead] = field(default_factory=list)
    targets_without_contact: list[TargetOccupation] = field(default_factory=list)
    # By list: the first name on each untouched list that has people on it.
    first_names: dict[int, FirstName] = field(default_factory=dict)
    coming_up: list[ContactRequest] = field(default_factory=list)
    thanks: list[ThanksDue] = field(default_factory=list)
    keep_in_touch: list[Interview] = field(default_factory=list)
    totals: dict[str, int] = field(default_factory=dict)

    def more(self) -> dict[str, int]:
        """How many of each kind are not shown, when the page shows the first few."""
        shown = {name: len(getattr(self, name)) for name in self.totals}
        return {name: total - shown[name] for name, total in self.totals.items()}

    def untouched(self) -> list[tuple[TargetOccupation, FirstName | None]]:
        """Each list nobody has been contacted from, with where to start when it can."""
        return [(t, self.first_names.get(t.pk)) for t in self.targets_without_contact]

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
            "targets_without_contact": [
                {**target.to_dict(), "first": first.to_dict() if first else None}
                for target, first in self.untouched()
            ],
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


def _undealt_ended(owner) -> QuerySet[ContactRequest]:
    """Ended requests the user has not acted on: the next name is not marked done and
    nobody else on the list was contacted since (outreach marks those as it happens)."""
    return (
        ContactRequest.objects.filter(
            owner=owner, status__in=AWAITING_NEXT_NAME, next_name_seen=False
        )
        .select_related("person__target")
        .only(*REQUEST_SHOWN, *PERSON_SHOWN, "person__target__name")
        .order_by("-ended_on", "-id")
    )


def _proposals(
    owner, ended: list[ContactRequest], first_names: dict[int, Person]
) -> dict[int, Person | None]:
    """The next name for each ended request, from the first names of their lists."""
    if not ended:
        return {}
    referred = [r for r in ended if r.status == ContactRequest.Status.REFERRED]
    latest_referral: dict[int, Person] = {}
    for person in (
        Person.objects.filter(owner=owner, introduced_by__in=[r.person_id for r in referred])
        .select_related("target")
        .order_by("created_at", "id")
    ):
        latest_referral[person.introduced_by_id] = person
    return {
        r.pk: latest_referral.get(r.person_id)
        if r.status == ContactRequest.Status.REFERRED
        else first_names.get(r.person.target_id)
        for r in ended
    }


def _targets_without_contact(owner) -> list[TargetOccupation]:
    """Lists being explored where nobody has been asked or met (a list holds one user's
    people only, so the person's list says whose they are)."""
    touched = Person.objects.filter(target=OuterRef("pk")).filter(
        Q(contact_requests__isnull=False) | Q(interviews__isnull=False)
    )
    return list(
        TargetOccupation.objects.filter(
            owner=owner, status=TargetOccupation.Status.EXPLORING
        ).exclude(Exists(touched))
    )


def _first(queryset, limit: int | None) -> tuple[list, int]:
    """The first rows and how many there are: a page lists a few, the command line all."""
    if limit is None:
        rows = list(queryset)
        return rows, len(rows)
    return list(queryset[:limit]), queryset.order_by().count()


def _count_attempts(*lists: list[ContactRequest]) -> None:
    """Each request's attempts toward the three, for the rows shown only, in one query."""
    requests = [request for rows in lists for request in rows]
    counted = dict(
        Attempt.objects.filter(request__in=requests, outcome__in=COUNTED_OUTCOMES)
        .order_by()
        .values("request")
        .annotate(n=Count("id"))
        .values_list("request", "n")
    )
    for request in requests:
        request.counted = counted.get(request.pk, 0)


def _calls_made():
    """Calls to an organization so far, as a subquery: grouping the leads by every column
    of theirs and their list's costs more than counting a few calls per lead."""
    return (
        LeadCall.objects.filter(lead=OuterRef("pk"))
        .order_by()
        .annotate(n=Func(F("pk"), function="COUNT", output_field=IntegerField()))
        .values("n")
    )


def today(owner, now: datetime, day: date | None = None, limit: int | None = None) -> Today:
    """What is due on a day (today in the user's time zone unless given), as of `now`.

    For another day, `now` moves to the same time of day on that day, so an interview
    that ended the day before owes its thank-you. With a limit, the long lists (calls,
    interviews, next names, leads, calls coming up, thank-yous, keep in touch) hold their
    first rows and `totals` says how many.
    """
    profile = profile_for(owner)
    zone = ZoneInfo(profile.time_zone)
    local = now.astimezone(zone)
    day = day or local.date()
    now = datetime.combine(day, local.time(), tzinfo=zone)
    agenda = Today(day=day)
    open_requests = (
        ContactRequest.objects.filter(owner=owner, status=ContactRequest.Status.OPEN)
        .select_related("person")
        .only(*REQUEST_SHOWN, *PERSON_SHOWN)
    )
    due, agenda.totals["calls_due"] = _first(
        open_requests.filter(next_call_on__lte=day).order_by("next_call_on", "person__name"),
        limit,
    )
    agenda.calls_due = [CallDue(request, (day - request.next_call_on).days) for request in due]
    coming_up, agenda.totals["coming_up"] = _first(
        open_requests.filter(
            next_call_on__gt=day, next_call_on__lte=day + timedelta(days=COMING_UP_DAYS)
        ).order_by("next_call_on", "person__name"),
        limit,
    )
    agenda.coming_up = coming_up
    start_of_day = datetime.combine(day, time.min, tzinfo=zone)
    agenda.interviews, agenda.totals["interviews"] = _first(
        Interview.objects.filter(
            owner=owner, status=Interview.Status.SCHEDULED, starts_at__gte=start_of_day
        )
        .select_related("person")
        .only(*INTERVIEW_SHOWN, *PERSON_SHOWN)
        .order_by("starts_at", "id"),
        limit,
    )
    ended, agenda.totals["ended"] = _first(_undealt_ended(owner), limit)
    agenda.targets_without_contact = untouched = _targets_without_contact(owner)
    # One search for the first names of both: the lists of ended requests and those
    # nobody has been contacted from.
    first = next_names(
        owner, {r.person.target_id for r in ended} - {None} | {t.pk for t in untouched}
    )
    proposals = _proposals(owner, ended, first)
    agenda.ended = [EndedRequest(request, proposals[request.pk]) for request in ended]
    agenda.first_names = {
        target.pk: FirstName(first[target.pk], first_channel(first[target.pk]))
        for target in untouched
        if target.pk in first
    }
    _count_attempts(due, coming_up, ended)
    agenda.leads, agenda.totals["leads"] = _first(
        OrganizationLead.objects.filter(owner=owner, status=OrganizationLead.Status.OPEN)
        .select_related("target")
        .annotate(calls_made=Coalesce(Subquery(_calls_made()), 0))
        .order_by("position", "id"),  # their places on the lists
        limit,
    )
    agenda.thanks, agenda.totals["thanks"] = thanks_due(owner, now, limit)
    agenda.keep_in_touch, agenda.totals["keep_in_touch"] = _first(
        keep_in_touch_due(owner, day).only(*INTERVIEW_SHOWN, *PERSON_SHOWN), limit
    )
    return agenda


def name_the_user(owner, full_name: str) -> Profile:
    """The name drafts sign with, asked on the first visit so they never say the login."""
    profile = profile_for(owner)
    profile.full_name = " ".join(full_name.split())
    validate(profile)
    profile.save()
    return profile
