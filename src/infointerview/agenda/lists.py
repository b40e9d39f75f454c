"""Lists of names with where each person stands: they read people, requests and interviews."""

from __future__ import annotations

from django.db.models import F, Q, Window
from django.db.models.functions import RowNumber

from infointerview.careers.models import TargetOccupation
from infointerview.interviews.models import Interview
from infointerview.outreach.models import ContactRequest
from infointerview.people import services as people
from infointerview.people.models import OrganizationLead, Person


def next_name(owner, target: TargetOccupation | None, after: Person | None = None) -> Person | None:
    """Who to contact next: the first person on the list not yet contacted or met."""
    if target is None:
        return None
    contacted = ContactRequest.objects.filter(owner=owner).values_list("person_id", flat=True)
    met = Interview.objects.filter(owner=owner).values_list("person_id", flat=True)
    candidates = Person.objects.filter(owner=owner, target=target).exclude(
        Q(pk__in=contacted) | Q(pk__in=met) | Q(pk=after.pk if after else None)
    )
    return candidates.order_by("position", "id").first()


def next_names(owner, target_ids: set[int]) -> dict[int, Person]:
    """The first name not yet contacted or met on each of these lists, in one query."""
    if not target_ids:
        return {}
    contacted = ContactRequest.objects.filter(owner=owner).values_list("person_id", flat=True)
    met = Interview.objects.filter(owner=owner).values_list("person_id", flat=True)
    first = (
        Person.objects.filter(owner=owner, target_id__in=target_ids)
        .exclude(Q(pk__in=contacted) | Q(pk__in=met))
        .annotate(
            place=Window(
                RowNumber(), partition_by=[F("target_id")], order_by=[F("position"), F("id")]
            )
        )
        .filter(place=1)
        .select_related("target")
    )
    return {person.target_id: person for person in first}


def latest_requests(owner, persons: list[Person]) -> dict[int, ContactRequest]:
    """Each person's most recent request, for status columns on lists (bodies left behind)."""
    latest = (
        ContactRequest.objects.filter(owner=owner, person__in=persons)
        .only("id", "person_id", "status", "created_at")
        .annotate(
            place=Window(
                RowNumber(),
                partition_by=[F("person_id")],
                order_by=[F("created_at").desc(), F("id").desc()],
            )
        )
        .filter(place=1)
    )
    return {request.person_id: request for request in latest}


def lists_with_status(owner, target: TargetOccupation | None = None) -> list[dict]:
    """Every list of names (or one), each person with their latest request, in four queries."""
    targets = list(TargetOccupation.objects.filter(owner=owner))
    if target is not None:
        targets = [t for t in targets if t.pk == target.pk]
    by_target = {t.pk: [] for t in targets}
    listed = Person.objects.filter(owner=owner, target_id__in=by_target)
    for person in listed.select_related("introduced_by"):
        by_target[person.target_id].append(people.ListEntry(person=person))
    latest = latest_requests(owner, [e.person for rows in by_target.values() for e in rows])
    for rows in by_target.values():
        for entry in rows:
            entry.latest = latest.get(entry.person.pk)
    for lead in OrganizationLead.objects.filter(
        owner=owner, target_id__in=by_target, status=OrganizationLead.Status.OPEN
    ):
        by_target[lead.target_id].append(people.ListEntry(lead=lead))
    lists = []
    for t in targets:
        entries = sorted(by_target[t.pk], key=lambda e: (e.position, e.person is None))
        for entry in entries:
            if entry.person is not None:
                entry.person.target = t
                entry.warnings = people.warnings_for(entry.person, t)
            else:
                entry.lead.target = t
        lists.append({"target": t, "occupation": t.name, "entries": entries})
    return lists
