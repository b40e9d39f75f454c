"""People, their place on the list of names, and organization leads."""

from __future__ import annotations

import unicodedata
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Max, Min, Q

from infointerview.accounts.validation import validate
from infointerview.careers.lists import existing_target, list_for
from infointerview.careers.models import LEVEL_RANK, TargetOccupation, is_hiring_work, name_key
from infointerview.careers.services import level_named
from infointerview.lib.errors import Ambiguous, NotFound, Refused
from infointerview.lib.typed import quoted
from infointerview.people.models import OrganizationLead, Person, Source

LEVEL_ADVICE = "The method suggests someone closer to your level."
HIRING_ADVICE = "Workers know the day-to-day better than HR or recruiters."
NAME_LENGTH = Person._meta.get_field("name").max_length


SOURCE_ALIASES = {"past-coworker": Source.COWORKER, "career-center": Source.ALUMNI}


def source_named(text: str) -> str:
    """Where a name came from as typed: any case, spaces or hyphens; checked on save."""
    wanted = text.strip().lower().replace(" ", "-")
    return SOURCE_ALIASES.get(wanted, wanted)


def clean_emails(emails: list[str]) -> list[str]:
    """The addresses trimmed; one that is not an address is refused, named."""
    cleaned = []
    for email in emails:
        email = email.strip()
        try:
            validate_email(email)
        except ValidationError:
            raise Refused(f"{quoted(email)} is not an e-mail address") from None
        cleaned.append(email)
    return cleaned


class SamePerson(Refused):
    """Someone with that name is already listed: adding them again needs a yes."""

    def __init__(self, name: str, people: list[Person]):
        if len(people) == 1:
            said = f"there is already a {described(people[0])}"
        else:
            said = f"there are already {len(people)} people named {name}: " + "; ".join(
                described(p) for p in people
            )
        super().__init__(said)
        self.people = people


def described(person: Person) -> str:
    """A name with its list, so that two people of one name can be told apart."""
    return f"{person.name} ({person.occupation or 'on no list'})"


def same_person_as(
    owner,
    name: str,
    *,
    besides: Person | None = None,
    emails: Iterable[str] = (),
    linkedin_url: str = "",
    organization: str | None = None,
) -> list[Person]:
    """Who already listed is probably this person: the one place duplicates are found.

    Names are compared folded as list names are (case, spacing, how an accent is typed),
    in Python, since SQLite folds ASCII only. Given an organization, a name matches only
    where the organizations agree or one is blank. The same e-mail address or LinkedIn
    address is the same person whatever the name.
    """
    found = _same_name(owner, name, organization)
    wanted = {email.strip().casefold() for email in emails if email.strip()}
    if wanted:
        stored = Person.objects.filter(owner=owner).filter(
            reduce(or_, (Q(emails__icontains=f'"{email}"') for email in wanted))
        )
        for pk, addresses in stored.values_list("pk", "emails"):
            if wanted & {address.casefold() for address in addresses}:
                found.append(pk)
    if linkedin_url:
        found += Person.objects.filter(owner=owner, linkedin_url__iexact=linkedin_url).values_list(
            "pk", flat=True
        )
    if besides is not None:
        found = [pk for pk in found if pk != besides.pk]
    return list(Person.objects.filter(pk__in=found).select_related("target"))


def person_key(name: str) -> str:
    """A name as two records of one person agree on: folded as list names are, and without
    accents, since a phone's contacts write "Jose Munoz" where LinkedIn has "José Muñoz"."""
    if name.isascii():  # no accents to take off
        return name_key(name)
    decomposed = unicodedata.normalize("NFKD", name_key(name))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _same_name(owner, name: str, organization: str | None) -> list[int]:
    key = person_key(name)
    if not key or _longer_than_any_name(key):
        return []
    # A plain-ASCII name folds to its lower case, which SQL can compare; only names with
    # other characters need Python's folding.
    names = Person.objects.filter(owner=owner).filter(
        Q(name__iexact=key) | Q(name__regex=r"[^ -~]")
    )
    return [
        pk
        for pk, other, works_at in names.values_list("pk", "name", "organization")
        if person_key(other) == key
        and (organization is None or same_organization(works_at, organization))
    ]


def same_organization(one: str, other: str) -> bool:
    """Folded like names; a blank organization agrees with any."""
    return not one.strip() or not other.strip() or name_key(one) == name_key(other)


def likeliest_of(people: list[Person], target: TargetOccupation | None) -> Person:
    """Of several matches, the one on the list in question, else the first added."""
    on_list = [p for p in people if target is not None and p.target_id == target.pk]
    return (on_list or sorted(people, key=lambda p: p.pk))[0]


def next_position(owner) -> int:
    highest = [
        model.objects.filter(owner=owner).aggregate(top=Max("position"))["top"]
        for model in (Person, OrganizationLead)
    ]
    return max([p for p in highest if p is not None], default=0) + 1


def _top_position(owner, target: TargetOccupation | None) -> int:
    lowest = [
        model.objects.filter(owner=owner, target=target).aggregate(low=Min("position"))["low"]
        for model in (Person, OrganizationLead)
    ]
    return min([p for p in lowest if p is not None], default=1) - 1


def _details(
    owner,
    name: str,
    *,
    address_as: str = "",
    occupation: str | TargetOccupation | None = "",
    level: str = "entry",
    source: str = "friend",
    source_detail: str = "",
    emails: list[str] | None = None,
    phones: list[str] | None = None,
    postal_address: str = "",
    organization: str = "",
    job_title: str = "",
    linkedin_url: str | None = None,
    introduced_by: str | Person | None = None,
    notes: str = "",
    tags: list[str] | None = None,
) -> dict:
    """What the user typed about a person, checked and tidied, ready to store.

    A LinkedIn address not given (None) is left as it is: most callers never ask for one.
    """
    name = " ".join(name.split())
    if not name:
        raise Refused("a person needs a name")
    introducer = introduced_by if isinstance(introduced_by, Person) else None
    if introduced_by and introducer is None:
        introducer = _introducer(owner, introduced_by)
    fields = {
        "name": name,
        "address_as": " ".join(address_as.split()),
        "target": (
            occupation
            if isinstance(occupation, TargetOccupation) or occupation is None
            else list_for(owner, occupation)
        ),
        "level": level_named(level),
        "source": source_named(source),
        "source_detail": source_detail.strip(),
        "emails": clean_emails(emails or []),
        "phones": [p.strip() for p in phones or [] if p.strip()],
        "postal_address": postal_address.strip(),
        "organization": organization.strip(),
        "job_title": job_title.strip(),
        "introduced_by": introducer,
        "notes": notes,
        "tags": sorted({t.strip() for t in tags or [] if t.strip()}),
    }
    if linkedin_url is not None:
        fields["linkedin_url"] = linkedin_url.strip()
    return fields


@transaction.atomic
def add_person(
    owner, name: str, *, at_top: bool = False, allow_duplicate: bool = False, **details
) -> Person:
    """Add someone to the end of their occupation's list (a referral goes to the top).

    Naming an occupation no list has yet starts that list, as 'exploring'. A name already
    listed is refused (`SamePerson`) unless the user said to add them anyway.
    """
    fields = _details(owner, name, **details)
    if not allow_duplicate:
        same = same_person_as(owner, fields["name"])
        if same:
            raise SamePerson(fields["name"], same)
    position = _top_position(owner, fields["target"]) if at_top else next_position(owner)
    person = Person(owner=owner, position=position, **fields)
    validate(person)
    person.save()
    return person


@transaction.atomic
def add_referral(owner, referrer: Person, name: str, *, how: str, note: str = "") -> Person:
    """A name someone gave: at the top of the referrer's list, introduced by them.

    A name already listed is that person, now referred by them (a second click on the
    same suggestion changes nothing).
    """
    same = same_person_as(owner, name, besides=referrer)
    if same:
        return _referred(likeliest_of(same, referrer.target), referrer, how=how, note=note)
    return add_person(
        owner,
        name,
        occupation=referrer.target,
        level=referrer.level,
        source=Source.REFERRAL,
        source_detail=how,
        introduced_by=referrer,
        notes=note,
        at_top=True,
    )


def _referred(person: Person, referrer: Person, *, how: str, note: str) -> Person:
    """Someone already listed was suggested: the suggestion becomes their introduction,
    unless someone already introduced them; where the name first came from is kept."""
    if person.introduced_by_id is None:
        earlier = person.get_source_display()
        if person.source_detail:
            earlier += f" — {person.source_detail}"
        person.notes = "\n".join(p for p in (person.notes, f"First found: {earlier}") if p)
        person.introduced_by = referrer
        person.source, person.source_detail = Source.REFERRAL, how
    if note and note not in person.notes:
        person.notes = "\n".join(p for p in (person.notes, note) if p)
    validate(person)
    person.save()
    return person


def _longer_than_any_name(text: str) -> bool:
    """Such a name matches nobody, and SQLite refuses a pattern that long outright."""
    return len(text) > NAME_LENGTH


def _introducer(owner, name: str) -> Person:
    """The acquaintance who introduced someone: found by name, or kept as a new contact."""
    if _longer_than_any_name(name.strip()):
        raise Refused(
            f"introduced by: a name is at most {NAME_LENGTH} characters; "
            f"this one has {len(name.strip()):,}"
        )
    matches = same_person_as(owner, name)
    if len(matches) > 1:
        raise Ambiguous(
            f"several people are named {name!r}: give the id instead",
            [f"{p.name} ({p.public_id})" for p in matches],
        )
    if matches:
        return matches[0]
    return Person.objects.create(
        owner=owner, name=" ".join(name.split()), source=Source.FRIEND, position=0
    )


def find_person(owner, reference: str) -> Person:
    """A person by id or by name; several with that name are refused with the candidates."""
    reference = reference.strip()
    try:
        return Person.objects.get(owner=owner, public_id=uuid.UUID(reference))
    except ValueError:
        pass
    except Person.DoesNotExist:
        raise NotFound(f"no person with id {reference}") from None
    if _longer_than_any_name(reference):
        raise NotFound(
            f"no person has a name of {len(reference):,} characters "
            f"(names are at most {NAME_LENGTH}); see `infointerview people list`"
        )
    matches = list(Person.objects.filter(owner=owner, name__iexact=reference))
    if not matches:
        matches = list(Person.objects.filter(owner=owner, name__icontains=reference)[:10])
    if not matches:
        raise NotFound(f"no person named {reference!r}; see `infointerview people list`")
    if len(matches) > 1:
        candidates = [
            f"{p.name} ({p.occupation or 'no occupation'}) {p.public_id}" for p in matches
        ]
        raise Ambiguous(
            f"{reference!r} matches {len(matches)} people: "
            + "; ".join(candidates)
            + " — give the id",
            candidates,
        )
    return matches[0]


def get_person(owner, public_id) -> Person:
    return Person.owned_by(owner, public_id, "person")


@dataclass
class ListEntry:
    """One line of an occupation's list of names: a person, or an organization to call."""

    person: Person | None = None
    lead: OrganizationLead | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def position(self) -> int:
        return (self.person or self.lead).position

    def to_dict(self) -> dict:
        body = self.person.to_dict() if self.person else self.lead.to_dict()
        return {"kind": "person" if self.person else "lead", **body, "warnings": self.warnings}


def warnings_for(person: Person, target: TargetOccupation | None) -> list[str]:
    warnings = []
    if target is not None and LEVEL_RANK[person.level] > LEVEL_RANK[target.level]:
        warnings.append(LEVEL_ADVICE)
    if is_hiring_work(person.job_title) and not is_hiring_work(target.name if target else ""):
        warnings.append(HIRING_ADVICE)
    return warnings


def list_of_names(owner, target: TargetOccupation) -> list[ListEntry]:
    """The ordered list the three-attempt rule moves along, with advice on who fits."""
    people = Person.objects.filter(owner=owner, target=target).select_related("target")
    leads = OrganizationLead.objects.filter(
        owner=owner, target=target, status=OrganizationLead.Status.OPEN
    ).select_related("target")
    entries = [ListEntry(person=p, warnings=warnings_for(p, target)) for p in people]
    entries += [ListEntry(lead=lead) for lead in leads]
    return sorted(entries, key=lambda e: (e.position, e.person is None))


def list_people(owner, occupation: str | None = None) -> list[ListEntry]:
    if occupation:
        return list_of_names(owner, existing_target(owner, occupation))
    people = Person.objects.filter(owner=owner).select_related("introduced_by", "target")
    return [
        ListEntry(person=p, warnings=warnings_for(p, p.target))
        for p in people.order_by("target__name", "position", "id")
    ]


def lists_in_use(owner) -> list[TargetOccupation]:
    """Every list of names: the shortlist, in name order."""
    return list(TargetOccupation.objects.filter(owner=owner))


@transaction.atomic
def move(owner, person: Person, steps: int) -> None:
    """Move a person up (negative) or down their occupation's list by swapping places."""
    if person.target is None:
        return
    entries = list_of_names(owner, person.target)
    index = next(i for i, e in enumerate(entries) if e.person and e.person.pk == person.pk)
    other = index + steps
    if not 0 <= other < len(entries):
        return
    a, b = entries[index], entries[other]
    first = a.person or a.lead
    second = b.person or b.lead
    first.position, second.position = second.position, first.position
    if first.position == second.position:
        first.position += 1 if steps > 0 else -1
    first.save(update_fields=["position", "updated_at"])
    second.save(update_fields=["position", "updated_at"])


@transaction.atomic
def update_person(owner, person: Person, *, name: str, **details) -> Person:
    """Change what is known of a person; a new occupation puts them at the end of its list."""
    fields = _details(owner, name, **details)
    if fields["introduced_by"] is not None and fields["introduced_by"].pk == person.pk:
        raise Refused("a person cannot introduce themselves")
    if fields["target"] != person.target:
        person.position = next_position(owner)
    for field_name, value in fields.items():
        setattr(person, field_name, value)
    validate(person)
    person.save()
    return person


def people_without_occupation(owner) -> list[Person]:
    """Acquaintances who introduce others but are not themselves on a list."""
    return list(Person.objects.filter(owner=owner, target=None).order_by("name"))


def warnings_for_person(owner, person: Person) -> list[str]:
    return warnings_for(person, person.target)


@transaction.atomic
def delete_person(owner, person: Person) -> None:
    """Remove someone with their requests and attempts; people they introduced stay."""
    if person.owner_id != owner.pk:
        raise NotFound("no such person")
    person.delete()
