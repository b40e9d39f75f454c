"""Who the user knows in a shortlisted occupation, and who can introduce them.

"The easiest way to start is to ask people you already know": the people whose O*NET
code is the occupation (or a related one: the same 6-digit SOC code, or the same minor
group), at the user's level first; then, for each, the people linked to them — who
introduced them, whom they referred, colleagues at the same organization, and the
"knows" links the user recorded — one step away before two.

A page shows the first names and how many more, with a fixed number of queries however
many people the user knows.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Case, Count, IntegerField, Q, Value, When
from django.db.models.functions import Lower

from infointerview.accounts.validation import validate
from infointerview.careers.lists import target_named
from infointerview.careers.models import LEVEL_RANK, TargetOccupation
from infointerview.careers.services import target_for_code
from infointerview.lib.errors import NotFound, Refused
from infointerview.people.models import Acquaintance, Person, Source
from infointerview.people.services import next_position

SHOWN = 25
INTRODUCERS_SHOWN = 3
SAME_OCCUPATION, SAME_SOC, SAME_MINOR_GROUP = 0, 1, 2
CLOSENESS = {
    SAME_OCCUPATION: "",
    SAME_SOC: "related: same 6-digit SOC code",
    SAME_MINOR_GROUP: "related: same SOC minor group",
}
# Of two links of the same length, the one that says most about knowing the person.
LINK_ORDER = ["knows", "introduced", "referred", "organization"]


def soc_code(onet_code: str) -> str:
    """'27-1024.01' → '27-1024': the 6-digit SOC occupation an O*NET code belongs to."""
    return onet_code[:7]


def minor_group(onet_code: str) -> str:
    """'27-1024.01' → '27-1': the SOC minor group (27-1000, art and design workers)."""
    return onet_code[:4]


@dataclass
class Introducer:
    """Someone who can introduce the user, and the way from them to the person."""

    person: Person
    steps: int
    how: str
    kind: str

    def to_dict(self) -> dict:
        return {
            "id": str(self.person.public_id),
            "name": self.person.name,
            "steps": self.steps,
            "how": self.how,
        }


@dataclass
class Known:
    """A person the user knows in the occupation or a related one."""

    person: Person
    closeness: int
    at_your_level: bool
    on_this_list: bool
    introducers: list[Introducer] = field(default_factory=list)

    @property
    def related(self) -> str:
        return CLOSENESS[self.closeness]

    def to_dict(self) -> dict:
        return {
            "id": str(self.person.public_id),
            "name": self.person.name,
            "onet_code": self.person.onet_code,
            "related": self.related or None,
            "level": self.person.level,
            "at_your_level": self.at_your_level,
            "on_this_list": self.on_this_list,
            "headline": self.person.headline(),
            "introducers": [i.to_dict() for i in self.introducers],
        }


@dataclass
class WhoYouKnow:
    target: TargetOccupation
    people: list[Known]
    more: int = 0

    @property
    def linked(self) -> bool:
        return bool(self.target.onet_code)

    def to_dict(self) -> dict:
        return {
            "occupation": self.target.name,
            "onet_code": self.target.onet_code or None,
            "level": self.target.level,
            "people": [k.to_dict() for k in self.people],
            "more": self.more,
        }


def _matches(owner, target: TargetOccupation):
    """People in the occupation's minor group: the occupation itself first, then its SOC."""
    code = target.onet_code
    return (
        Person.objects.filter(owner=owner, onet_code__startswith=minor_group(code))
        .annotate(
            off_level=Case(
                When(level=target.level, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            ),
            closeness=Case(
                When(onet_code=code, then=Value(SAME_OCCUPATION)),
                When(onet_code__startswith=soc_code(code), then=Value(SAME_SOC)),
                default=Value(SAME_MINOR_GROUP),
                output_field=IntegerField(),
            ),
        )
        .order_by("off_level", "closeness", "name", "pk")
    )


def _link(links, a: Person, b: Person, kind: str, how_a: str, how_b: str) -> None:
    """Record that a and b are linked, said from each side."""
    links[a.pk].append((b, kind, how_b))
    links[b.pk].append((a, kind, how_a))


def _neighbours(owner, people: list[Person]) -> dict[int, list[tuple[Person, str, str]]]:
    """For each person, who is linked to them and how, in four queries.

    `how` is said of the neighbour: "introduced Dana to you", "knows Dana".
    """
    links: dict[int, list[tuple[Person, str, str]]] = defaultdict(list)
    ids = [p.pk for p in people]
    introducers = Person.objects.in_bulk({p.introduced_by_id for p in people} - {None})
    for p in people:
        if p.introduced_by_id is not None:
            kind = "referred" if p.source == Source.REFERRAL else "introduced"
            verb = "referred you to" if kind == "referred" else "introduced you to"
            links[p.pk].append((introducers[p.introduced_by_id], kind, f"{verb} {p.name}"))
    for other in Person.objects.filter(owner=owner, introduced_by__in=ids).select_related(
        "introduced_by"
    ):
        them = other.introduced_by
        kind = "referred" if other.source == Source.REFERRAL else "introduced"
        verb = "was referred to you by" if kind == "referred" else "was introduced by"
        links[them.pk].append((other, kind, f"{verb} {them.name}"))
    pairs = Acquaintance.objects.filter(owner=owner).filter(Q(person__in=ids) | Q(knows__in=ids))
    for pair in pairs.select_related("person", "knows"):
        note = f" ({pair.note})" if pair.note else ""
        _link(
            links,
            pair.person,
            pair.knows,
            "knows",
            f"knows {pair.knows.name}{note}",
            f"knows {pair.person.name}{note}",
        )
    organizations = {p.organization.casefold() for p in people if p.organization.strip()}
    if organizations:
        by_organization = defaultdict(list)
        colleagues = (
            Person.objects.filter(owner=owner)
            .annotate(organization_key=Lower("organization"))
            .filter(organization_key__in=organizations)
        )
        for colleague in colleagues:
            by_organization[colleague.organization_key].append(colleague)
        for p in people:
            for colleague in by_organization.get(p.organization.casefold(), []):
                if colleague.pk != p.pk:
                    links[p.pk].append(
                        (colleague, "organization", f"works at {p.organization} too")
                    )
    return links


def _introducers(owner, shown: list[Person]) -> dict[int, list[Introducer]]:
    """One step (linked to the person) before two (linked to someone who is)."""
    first = _neighbours(owner, shown)
    found: dict[int, dict[int, Introducer]] = defaultdict(dict)
    via = {}
    for person in shown:
        for neighbour, kind, how in first[person.pk]:
            if neighbour.pk != person.pk:
                found[person.pk].setdefault(neighbour.pk, Introducer(neighbour, 1, how, kind))
                via[neighbour.pk] = neighbour
    second = _neighbours(owner, list(via.values())) if via else {}
    for person in shown:
        for step in list(found[person.pk].values()):
            for neighbour, kind, how in second.get(step.person.pk, []):
                if neighbour.pk in (person.pk, *found[person.pk].keys()):
                    continue
                said = f"{how}, who {step.how}"
                found[person.pk][neighbour.pk] = Introducer(neighbour, 2, said, kind)
    return {
        pk: sorted(
            by_person.values(),
            key=lambda i: (i.steps, LINK_ORDER.index(i.kind), i.person.name),
        )
        for pk, by_person in found.items()
    }


def who_you_know(owner, target: TargetOccupation, *, shown: int = SHOWN) -> WhoYouKnow:
    """The people the user knows in the occupation, each with who can introduce them."""
    if not target.onet_code:
        return WhoYouKnow(target=target, people=[])
    matches = _matches(owner, target)
    total = matches.count()
    people = list(matches[:shown])
    introducers = _introducers(owner, people)
    known = [
        Known(
            person=p,
            closeness=p.closeness,
            at_your_level=LEVEL_RANK[p.level] == LEVEL_RANK[target.level],
            on_this_list=p.target_id == target.pk,
            introducers=introducers.get(p.pk, [])[:INTRODUCERS_SHOWN],
        )
        for p in people
    ]
    return WhoYouKnow(target=target, people=known, more=max(total - len(known), 0))


def shortlisted(owner, occupation: str) -> TargetOccupation:
    """A shortlisted occupation by its name or its O*NET code."""
    target = target_for_code(owner, occupation.strip()) or target_named(owner, occupation)
    if target is None:
        raise NotFound(
            f"{occupation!r} is not on your shortlist: give the name or O*NET code of "
            "an occupation from `infointerview shortlist list`"
        )
    return target


@dataclass
class ShortlistCount:
    target: TargetOccupation
    here: int = 0
    at_your_level: int = 0
    related: int = 0


def counts_for_shortlist(owner, targets: list[TargetOccupation]) -> list[ShortlistCount]:
    """How many people the user knows in each shortlisted occupation, in one query."""
    counts = [ShortlistCount(t) for t in targets if t.onet_code]
    groups = {minor_group(c.target.onet_code) for c in counts}
    if not groups:
        return counts
    wanted = Q()
    for group in groups:
        wanted |= Q(onet_code__startswith=group)
    # Counted by code and level in the database: thousands of people share a few dozen.
    people = (
        Person.objects.filter(owner=owner)
        .filter(wanted)
        .order_by()
        .values("onet_code", "level")
        .annotate(n=Count("id"))
        .values_list("onet_code", "level", "n")
    )
    for code, level, n in people:
        for count in counts:
            theirs = count.target.onet_code
            if code == theirs:
                count.here += n
                count.at_your_level += n if level == count.target.level else 0
            elif minor_group(code) == minor_group(theirs):
                count.related += n
    return counts


@transaction.atomic
def put_on_list(owner, person: Person, target: TargetOccupation) -> Person:
    """One click: the person joins the end of the occupation's list of names."""
    if person.owner_id != owner.pk or target.owner_id != owner.pk:
        raise Refused("both the person and the occupation must be your own")
    if person.target_id == target.pk:
        return person
    person.target, person.position = target, next_position(owner)
    validate(person)
    person.save(update_fields=["target", "position", "updated_at"])
    return person
