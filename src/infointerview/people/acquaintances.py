"""Who knows whom among the people the user knows: the links an introduction travels."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Q

from infointerview.accounts.validation import validate
from infointerview.lib.errors import Refused
from infointerview.people.models import Acquaintance, Person


def _pair(a: Person, b: Person) -> tuple[Person, Person]:
    """Knowing is mutual: a pair is stored once, the earlier-added person first."""
    return (a, b) if a.pk < b.pk else (b, a)


@transaction.atomic
def record_knows(owner, person: Person, other: Person, *, note: str = "") -> Acquaintance:
    """Note that two people know each other; saying it twice changes nothing but the note."""
    if person.pk == other.pk:
        raise Refused(f"{person.name} cannot be their own acquaintance: name someone else")
    if person.owner_id != owner.pk or other.owner_id != owner.pk:
        raise Refused("both people must be on your own lists")
    first, second = _pair(person, other)
    link, _ = Acquaintance.objects.get_or_create(
        owner=owner, person=first, knows=second, defaults={"note": note.strip()}
    )
    if note.strip() and link.note != note.strip():
        link.note = note.strip()
        validate(link)
        link.save(update_fields=["note", "updated_at"])
    return link


@transaction.atomic
def forget_knows(owner, person: Person, other: Person) -> bool:
    """Remove the link between two people; True when there was one."""
    first, second = _pair(person, other)
    deleted, _ = Acquaintance.objects.filter(owner=owner, person=first, knows=second).delete()
    return bool(deleted)


def acquaintances_of(owner, person: Person) -> list[Person]:
    """The people this person is recorded as knowing, by name."""
    links = Acquaintance.objects.filter(owner=owner).filter(Q(person=person) | Q(knows=person))
    links = links.select_related("person", "knows")
    return sorted((link.other_than(person.pk) for link in links), key=lambda p: p.name)


def knows(owner, person: Person, other: Person) -> bool:
    first, second = _pair(person, other)
    return Acquaintance.objects.filter(owner=owner, person=first, knows=second).exists()
