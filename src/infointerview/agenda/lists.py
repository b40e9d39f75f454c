"""The next name on a list: it reads people, requests and interviews, so it lives above
the stages."""

from __future__ import annotations

from django.db.models import F, Q, Window
from django.db.models.functions import RowNumber

from infointerview.careers.models import TargetOccupation
from infointerview.interviews.models import Interview
from infointerview.outreach.models import Channel, ContactRequest
from infointerview.people.models import Person


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
    # The window picks ids only; whole rows are then read by id. Selecting whole rows
    # through the window wraps them in a subquery that cost more to build than to run.
    first = (
        Person.objects.filter(owner=owner, target_id__in=target_ids)
        .exclude(Q(pk__in=contacted) | Q(pk__in=met))
        .annotate(
            place=Window(
                RowNumber(), partition_by=[F("target_id")], order_by=[F("position"), F("id")]
            )
        )
        .filter(place=1)
        .values_list("pk", flat=True)
    )
    people = Person.objects.filter(pk__in=list(first)).select_related("target", "introduced_by")
    return {person.target_id: person for person in people}


def first_channel(person: Person) -> str:
    """How to make the first contact, in the method's order of preference: an
    introduction by whoever knows them, else e-mail, else a letter, else the telephone."""
    if person.introduced_by_id is not None:
        return Channel.INTRODUCTION
    if person.emails:
        return Channel.EMAIL
    if person.postal_address.strip():
        return Channel.LETTER
    return Channel.PHONE
