"""Two records of one person: finding them, and merging the second into the first.

A person's history spans every stage (requests and attempts, interviews, thank-yous,
introductions, leads), so merging lives here in the composition layer. Rows that point
at a person are moved by reading the model's relations rather than a list of tables, so
a table added later (an import's record of whom it created) moves too.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from django.core.paginator import Page, Paginator
from django.db import models, transaction
from django.db.models import Q

from infointerview.accounts.validation import validate
from infointerview.agenda.models import DifferentPeople
from infointerview.lib.errors import Refused
from infointerview.outreach.models import ContactRequest
from infointerview.people.models import Acquaintance, OrganizationLead, Person
from infointerview.people.services import person_key

# The shorter of two open requests ends as merged, with its next name already dealt
# with, so Today proposes nobody because of it.
ENDED_AS_MERGED = ContactRequest.Status.MERGED

# Fields of the kept record that the merge decides itself, never copied over blindly.
DECIDED = {
    "id",
    "public_id",
    "owner",
    "created_at",
    "updated_at",
    "name",
    "position",
    "target",
    "introduced_by",
    "level",
    "source",
    "notes",
}


DUPLICATES_PER_PAGE = 25


@dataclass
class Duplicate:
    """Two records that look like one person, and why; the earlier-added one is kept."""

    keep: Person
    drop: Person
    reasons: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "keep": {"id": str(self.keep.public_id), "name": self.keep.name},
            "drop": {"id": str(self.drop.public_id), "name": self.drop.name},
            "reasons": self.reasons,
        }


def linkedin_key(url: str) -> str:
    """One profile however the address was copied: scheme, www, case, trailing slash."""
    text = (url or "").strip().casefold()
    for prefix in ("https://", "http://"):
        text = text.removeprefix(prefix)
    return text.removeprefix("www.").split("?")[0].rstrip("/")


class _Looks(NamedTuple):
    """What duplicates are found by, read for every person without building the rows."""

    pk: int
    name: str
    emails: list[str]
    linkedin_url: str
    organization: str


def _keys(person: _Looks) -> list[tuple[str, str]]:
    keys = [("the same e-mail", email.strip().casefold()) for email in person.emails]
    if person.linkedin_url:
        keys.append(("the same LinkedIn profile", linkedin_key(person.linkedin_url)))
    organization = " ".join(person.organization.split()).casefold()
    if organization:
        keys.append(("the same name and organization", f"{person_key(person.name)}|{organization}"))
    return [(reason, key) for reason, key in keys if key]


def _pairs(owner) -> list[tuple[int, int, list[str]]]:
    """(kept id, other id, reasons) for every pair, in the order they are shown."""
    groups: dict[tuple[str, str], list[_Looks]] = defaultdict(list)
    people = Person.objects.filter(owner=owner).order_by("pk").values_list(*_Looks._fields)
    names = {}
    for row in people:
        person = _Looks(*row)
        names[person.pk] = person.name.casefold()
        for reason, key in _keys(person):
            groups[(reason, key)].append(person)
    different = set(
        DifferentPeople.objects.filter(owner=owner).values_list("first_id", "second_id")
    )
    pairs: dict[tuple[int, int], list[str]] = {}
    for (reason, _), members in groups.items():
        first = members[0]
        for other in members[1:]:
            if (first.pk, other.pk) in different:
                continue
            reasons = pairs.setdefault((first.pk, other.pk), [])
            if reason not in reasons:
                reasons.append(reason)
    ordered = sorted(pairs.items(), key=lambda pair: (names[pair[0][0]], *pair[0]))
    return [(keep, drop, reasons) for (keep, drop), reasons in ordered]


def _as_duplicates(pairs: list[tuple[int, int, list[str]]]) -> list[Duplicate]:
    ids = {pk for keep, drop, _ in pairs for pk in (keep, drop)}
    people = Person.objects.select_related("target").in_bulk(ids)
    return [Duplicate(people[keep], people[drop], reasons) for keep, drop, reasons in pairs]


def proposed_duplicates(owner) -> list[Duplicate]:
    """Records sharing an e-mail, a LinkedIn profile, or a name and an organization.

    Every person's few telling fields are read in one query and compared in Python, where
    names fold as list names do; whole rows are read only for the pairs returned.
    """
    return _as_duplicates(_pairs(owner))


def page_of_duplicates(owner, number) -> Page:
    """The pairs a page shows: at three months of contacts there can be hundreds."""
    page = Paginator(_pairs(owner), DUPLICATES_PER_PAGE).get_page(number)
    page.object_list = _as_duplicates(list(page.object_list))
    return page


@transaction.atomic
def mark_different(owner, one: Person, other: Person) -> DifferentPeople:
    """'Not the same person': the pair is never proposed as duplicates again."""
    if one.pk == other.pk:
        raise Refused(f"{one.name} and {other.name} are the same record: name two people")
    if one.owner_id != owner.pk or other.owner_id != owner.pk:
        raise Refused("both people must be on your own lists")
    first, second = sorted((one, other), key=lambda person: person.pk)
    pair, _ = DifferentPeople.objects.get_or_create(owner=owner, first=first, second=second)
    return pair


def _move_differences(owner, keep: Person, drop: Person) -> None:
    """Who the dropped record was said not to be, the kept one is not either."""
    rows = DifferentPeople.objects.filter(Q(first=drop) | Q(second=drop))
    others = {row.second_id if row.first_id == drop.pk else row.first_id for row in rows}
    rows.delete()
    for other_id in others - {keep.pk}:
        first_id, second_id = sorted((keep.pk, other_id))
        DifferentPeople.objects.get_or_create(owner=owner, first_id=first_id, second_id=second_id)


@dataclass
class Merged:
    """What a merge did, to say in one line."""

    kept: Person
    dropped_name: str
    moved: int = 0
    ended_request: ContactRequest | None = None
    notes: list[str] = field(default_factory=list)

    def summary(self) -> str:
        said = f"Merged {self.dropped_name} into {self.kept.name}"
        said += f": {self.moved} record{'s' if self.moved != 1 else ''} moved"
        if self.ended_request is not None:
            said += (
                f"; the {self.ended_request.get_channel_display().lower()} request with fewer "
                "attempts was ended"
            )
        return ". ".join([said, *self.notes]) + "."


def _unique_sets(model: type[models.Model], field_name: str) -> list[list[str]]:
    """The unique field sets of a table that include the field pointing at a person."""
    sets = [list(fields) for fields in model._meta.unique_together]
    sets += [
        list(c.fields)
        for c in model._meta.constraints
        if isinstance(c, models.UniqueConstraint) and c.fields and c.condition is None
    ]
    return [fields for fields in sets if field_name in fields]


def _move_rows(model: type[models.Model], field_name: str, keep: Person, drop: Person) -> int:
    """Point a table's rows from one record to the other; a row the kept one already has
    (by the table's own uniqueness) is the same fact, and the second copy goes."""
    rows = model._default_manager.filter(**{field_name: drop})
    unique_sets = _unique_sets(model, field_name)
    if not unique_sets:
        return rows.update(**{field_name: keep})
    moved = 0
    for row in rows:
        clash = Q()
        for fields in unique_sets:
            same = {name: getattr(row, name) for name in fields if name != field_name}
            clash |= Q(**same, **{field_name: keep})
        if model._default_manager.filter(clash).exists():
            row.delete()
        else:
            model._default_manager.filter(pk=row.pk).update(**{field_name: keep})
            moved += 1
    return moved


def _move_one_to_one(relation, keep: Person, drop: Person, merged: Merged) -> None:
    """Such a row may point at one person only: the kept one's stays, the other is unlinked."""
    model, name = relation.related_model, relation.field.name
    theirs = model._default_manager.filter(**{name: drop}).first()
    if theirs is None:
        return
    if model._default_manager.filter(**{name: keep}).exists():
        model._default_manager.filter(pk=theirs.pk).update(**{name: None})
        if model is OrganizationLead:
            merged.notes.append(f"the lead {theirs} no longer names a person")
    else:
        model._default_manager.filter(pk=theirs.pk).update(**{name: keep})
        merged.moved += 1


def _end_the_shorter_request(keep: Person, drop: Person, today: date) -> ContactRequest | None:
    """Both open: the one with more attempts stays open, the other ends as merged."""
    open_ones = {
        r.person_id: r
        for r in ContactRequest.objects.filter(
            person__in=[keep, drop], status=ContactRequest.Status.OPEN
        ).prefetch_related("attempts")
    }
    if len(open_ones) < 2:
        return None
    ours, theirs = open_ones[keep.pk], open_ones[drop.pk]
    ended = theirs if ours.counted_attempts() >= theirs.counted_attempts() else ours
    ended.status, ended.ended_on, ended.next_name_seen = ENDED_AS_MERGED, today, True
    ended.next_call_on, ended.next_call_kind = None, ""
    validate(ended)
    ended.save()
    return ended


def _move_acquaintances(owner, keep: Person, drop: Person) -> int:
    """Whom the second record knew, the kept one now knows (once, and never itself)."""
    moved = 0
    links = Acquaintance.objects.filter(Q(person=drop) | Q(knows=drop)).select_related(
        "person", "knows"
    )
    for link in links:
        other = link.other_than(drop.pk)
        link.delete()
        if other.pk == keep.pk:
            continue
        first, second = (keep, other) if keep.pk < other.pk else (other, keep)
        _, created = Acquaintance.objects.get_or_create(
            owner=owner, person=first, knows=second, defaults={"note": link.note}
        )
        moved += created
    return moved


def _move_introductions(keep: Person, drop: Person) -> int:
    """Introduced-by on both sides: who introduced the second record, and whom it introduced."""
    if keep.introduced_by_id == drop.pk:
        keep.introduced_by_id = drop.introduced_by_id
    if keep.introduced_by_id is None:
        keep.introduced_by_id = drop.introduced_by_id
    if keep.introduced_by_id == keep.pk:
        keep.introduced_by_id = None
    return Person.objects.filter(introduced_by=drop).exclude(pk=keep.pk).update(introduced_by=keep)


def _is_blank(value) -> bool:
    return value in ("", None, [], {})


def _combined_list(ours: list, theirs: list) -> list:
    """Both records' values, each once (e-mails compared without case), in order."""
    seen = {str(v).casefold() for v in ours}
    return ours + [v for v in theirs if str(v).casefold() not in seen]


def _fill_in(keep: Person, drop: Person) -> None:
    """The kept record keeps what it has, takes what only the other knew, and both notes."""
    for person_field in Person._meta.concrete_fields:
        name = person_field.attname
        if person_field.name in DECIDED:
            continue
        ours, theirs = getattr(keep, name), getattr(drop, name)
        if isinstance(ours, list) and isinstance(theirs, list):
            combined = _combined_list(ours, theirs)
            setattr(keep, name, sorted(combined) if person_field.name == "tags" else combined)
        elif _is_blank(ours) and not _is_blank(theirs):
            setattr(keep, name, theirs)
    if drop.notes.strip() and drop.notes.strip() not in keep.notes:
        keep.notes = "\n".join(part for part in (keep.notes.strip(), drop.notes.strip()) if part)
    if keep.target_id is None and drop.target_id is not None:
        keep.target_id, keep.position = drop.target_id, drop.position
        keep.level = drop.level


def _person_relations():
    """Every relation that points at a person, hidden ones included."""
    return [
        f
        for f in Person._meta.get_fields(include_hidden=True)
        if f.is_relation and f.auto_created and not f.concrete
    ]


@transaction.atomic
def merge(owner, keep: Person, drop: Person, *, today: date) -> Merged:
    """Keep the first record and move everything of the second's to it, then delete it.

    One transaction: a merge that fails part-way leaves both records as they were.
    """
    if keep.pk == drop.pk:
        raise Refused(f"{keep.name} and {drop.name} are the same record: name two people")
    if keep.owner_id != owner.pk or drop.owner_id != owner.pk:
        raise Refused("both people must be on your own lists")
    keep = Person.objects.select_for_update().get(pk=keep.pk)
    drop = Person.objects.select_for_update().get(pk=drop.pk)
    merged = Merged(kept=keep, dropped_name=drop.name)
    merged.ended_request = _end_the_shorter_request(keep, drop, today)
    merged.moved += _move_acquaintances(owner, keep, drop)
    merged.moved += _move_introductions(keep, drop)
    _move_differences(owner, keep, drop)
    for relation in _person_relations():
        model = relation.related_model
        if model in (Acquaintance, DifferentPeople) or (
            model is Person and relation.field.name == "introduced_by"
        ):
            continue
        if relation.one_to_one:
            _move_one_to_one(relation, keep, drop, merged)
        elif relation.one_to_many:
            merged.moved += _move_rows(model, relation.field.name, keep, drop)
        elif relation.many_to_many:
            through = relation.through
            source = next(
                f.name
                for f in through._meta.concrete_fields
                if f.is_relation and f.related_model is Person
            )
            merged.moved += _move_rows(through, source, keep, drop)
    for m2m in Person._meta.many_to_many:
        through = m2m.remote_field.through
        source = m2m.m2m_field_name()
        merged.moved += _move_rows(through, source, keep, drop)
    if keep.target_id and drop.target_id and keep.target_id != drop.target_id:
        merged.notes.append(
            f"{keep.name} stays on the list for {keep.target.name}, not {drop.target.name}"
        )
    _fill_in(keep, drop)
    validate(keep)
    keep.save()
    drop.delete()
    return merged
