"""Lists of names with where each person stands: they read people, requests and interviews."""

from __future__ import annotations

from django.db.models import Q

from infointerview.interviews.models import Interview
from infointerview.outreach.models import ContactRequest
from infointerview.people import services as people
from infointerview.people.models import Person


def next_name(owner, occupation: str, after: Person | None = None) -> Person | None:
    """Who to contact next: the first person on the list not yet contacted or met."""
    contacted = ContactRequest.objects.filter(owner=owner).values_list("person_id", flat=True)
    met = Interview.objects.filter(owner=owner).values_list("person_id", flat=True)
    candidates = Person.objects.filter(owner=owner, occupation__iexact=occupation).exclude(
        Q(pk__in=contacted) | Q(pk__in=met) | Q(pk=after.pk if after else None)
    )
    return candidates.order_by("position", "id").first()


def latest_requests(owner, persons: list[Person]) -> dict[int, ContactRequest]:
    """Each person's most recent request, for status columns on lists."""
    latest: dict[int, ContactRequest] = {}
    for request in ContactRequest.objects.filter(owner=owner, person__in=persons):
        latest.setdefault(request.person_id, request)
    return latest


def lists_with_status(owner) -> list[dict]:
    """Every occupation's list of names, each person with their latest request."""
    lists = []
    for occupation in people.occupations_in_use(owner):
        entries = people.list_of_names(owner, occupation)
        listed = [e.person for e in entries if e.person]
        latest = latest_requests(owner, listed)
        for entry in entries:
            entry.latest = latest.get(entry.person.pk) if entry.person else None
        lists.append({"occupation": occupation, "entries": entries})
    return lists
