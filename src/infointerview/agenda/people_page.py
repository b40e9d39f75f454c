"""The People page: every list of names, a page at a time, filtered by list or by name."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from urllib.parse import urlencode

from django import forms
from django.core.paginator import Page, Paginator
from django.db.models import (
    CharField,
    Count,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.urls import reverse

from infointerview.addresses import address_of
from infointerview.careers.models import TargetOccupation
from infointerview.outreach.models import ContactRequest
from infointerview.people import services as people
from infointerview.people.models import OrganizationLead, Person

# The People page: every list of names, a page at a time, filtered by list or by name.
# A page is a slice of one sequence: the lists in name order, each in its own order
# (people and organizations to call interleaved by place), then the acquaintances who
# are on no list, by name. The database orders and slices that sequence, so a page
# costs the same few queries whether the user has ten people or ten thousand.

PAGE_SIZE = 50
ACQUAINTANCES = "acquaintances"
OPEN = OrganizationLead.Status.OPEN


class PeopleFilter(forms.Form):
    """What the People page was asked for: a name to look for, one list, a page."""

    q = forms.CharField(label="Name", required=False, max_length=200)
    list = forms.ChoiceField(label="List", required=False)
    page = forms.IntegerField(required=False, min_value=1)

    def __init__(self, data, *, targets: list[TargetOccupation]):
        super().__init__(data)
        self.fields["list"].choices = [
            ("", "All lists"),
            *((str(t.public_id), t.name) for t in targets),
            (ACQUAINTANCES, "Acquaintances (on no list)"),
        ]


@dataclass
class Row:
    """One line of a list on the page: a person, or an organization to call, at its place."""

    person: Person | None = None
    lead: OrganizationLead | None = None
    place: int = 0
    warnings: list[str] = field(default_factory=list)
    status: str = ""  # of the person's latest request ('' when never contacted)
    url: str = ""  # the person's or organization's page
    up: str = ""  # moving the person up or down their list, back to the same page
    down: str = ""

    @property
    def status_label(self) -> str:
        return ContactRequest.Status(self.status).label if self.status else ""


@dataclass
class NameList:
    """One list of names (or the acquaintances, target None) and the part of it on the page."""

    target: TargetOccupation | None
    people: int = 0
    leads: int = 0
    matching: int = 0
    rows: list[Row] = field(default_factory=list)
    before: bool = False  # some of it (of what matches) is on earlier pages
    after: bool = False  # and on later ones

    @property
    def occupation(self) -> str:
        return self.target.name if self.target else "Acquaintances"

    @property
    def size(self) -> int:
        return self.people + self.leads

    @property
    def continues(self) -> str:
        """Where the rest of a list the page cuts is ('' when it is all here)."""
        if self.before and self.after:
            return "the previous and next pages"
        return "the previous page" if self.before else "the next page" if self.after else ""


@dataclass
class PeoplePage:
    """What the People page shows: the filter as understood, and this page of the lists."""

    query: str
    choice: str
    choices: list[tuple[str, str]]
    lists: list[NameList]
    page: Page

    def _url(self, number: int) -> str:
        params = {"q": self.query, "list": self.choice, "page": number if number > 1 else ""}
        wanted = {name: value for name, value in params.items() if value}
        return reverse("agenda:people") + (f"?{urlencode(wanted)}" if wanted else "")

    @property
    def url(self) -> str:
        """This very page: where a reordering without JavaScript comes back to."""
        return self._url(self.page.number)

    @cached_property
    def state(self) -> str:
        """'?…' that brings back this page, for the reordering arrows ('' on the first page)."""
        query = self.url.partition("?")[2]
        return f"?{query}" if query else ""

    @property
    def previous_url(self) -> str:
        return self._url(self.page.previous_page_number()) if self.page.has_previous() else ""

    @property
    def next_url(self) -> str:
        return self._url(self.page.next_page_number()) if self.page.has_next() else ""

    @property
    def filtered(self) -> bool:
        return bool(self.query or self.choice)

    def list_for(self, target: TargetOccupation) -> NameList | None:
        return next((n for n in self.lists if n.target and n.target.pk == target.pk), None)


def people_url(params) -> str:
    """The People page with the filter and page of these parameters, for redirects."""
    wanted = {name: params.get(name, "") for name in ("q", "list", "page")}
    wanted = {name: value for name, value in wanted.items() if value}
    return reverse("agenda:people") + (f"?{urlencode(wanted)}" if wanted else "")


KEY = ("k_group", "k_list", "k_position", "k_kind", "k_name", "k_id")
PERSON, LEAD = 0, 1


def _keys(queryset: QuerySet, *, group: int, kind: int, listed: bool) -> QuerySet:
    """The columns that order the whole sequence, the same in every part of the union."""
    text = CharField()
    return (
        queryset.order_by()
        .annotate(
            k_group=Value(group),
            k_list=F("target__name") if listed else Value("", output_field=text),
            k_position=F("position") if listed else Value(0),
            k_kind=Value(kind),
            k_name=Value("", output_field=text) if listed else F("name"),
            k_id=F("pk"),
        )
        .values_list(*KEY)
    )


def _sequence(owner, query: str, target: TargetOccupation | None, choice: str) -> QuerySet:
    persons = Person.objects.filter(owner=owner)
    leads = OrganizationLead.objects.filter(owner=owner, status=OPEN, target__isnull=False)
    if query:
        persons = persons.filter(name__icontains=query)
        leads = leads.filter(organization__icontains=query)
    parts = []
    if choice != ACQUAINTANCES:
        on_lists = {"target": target} if target else {"target__isnull": False}
        parts.append(_keys(persons.filter(**on_lists), group=0, kind=PERSON, listed=True))
        parts.append(_keys(leads.filter(**on_lists), group=0, kind=LEAD, listed=True))
    if target is None:
        parts.append(_keys(persons.filter(target=None), group=1, kind=PERSON, listed=False))
    first, *rest = parts
    return (first.union(*rest, all=True) if rest else first).order_by(*KEY)


class _Sequence:
    """What Paginator needs: a length known from the counts, and slices from the database."""

    def __init__(self, length: int, keys: QuerySet):
        self.length, self.keys = length, keys

    def __len__(self) -> int:
        return self.length

    def __getitem__(self, part: slice) -> list[tuple]:
        return list(self.keys[part]) if self.length else []


def _counts(owner, query: str) -> dict[int | None, NameList]:
    """Per list: everyone on it, organizations still to call, and how many match the name."""
    lists: dict[int | None, NameList] = {}
    persons = Person.objects.filter(owner=owner).order_by().values("target_id")
    leads = OrganizationLead.objects.filter(owner=owner, status=OPEN, target__isnull=False)
    for rows, name, attribute in (
        (persons, "name", "people"),
        (leads.order_by().values("target_id"), "organization", "leads"),
    ):
        matching = Count("pk", filter=Q(**{f"{name}__icontains": query})) if query else Count("pk")
        for row in rows.annotate(n=Count("pk"), m=matching):
            counted = lists.setdefault(row["target_id"], NameList(target=None))
            setattr(counted, attribute, row["n"])
            counted.matching += row["m"]
    return lists


def _on_page(lists: list[NameList], bottom: int, top: int, total: int) -> list[NameList]:
    """The lists with a row in [bottom, top); an empty list shows on the page where it starts."""
    shown, start = [], 0
    for name_list in lists:
        end = start + name_list.matching
        if name_list.matching:
            if start < top and end > bottom:
                name_list.before, name_list.after = start < bottom, end > top
                shown.append(name_list)
        elif bottom <= start < top or start == top == total:
            shown.append(name_list)
        start = end
    return shown


def page_of_people(owner, data) -> PeoplePage:
    """The People page for these GET parameters, in the same few queries at any size."""
    targets = list(TargetOccupation.objects.filter(owner=owner))
    form = PeopleFilter(data, targets=targets)
    form.is_valid()
    query = form.cleaned_data.get("q", "")
    choice = form.cleaned_data.get("list", "")
    target = next((t for t in targets if str(t.public_id) == choice), None)

    counts = _counts(owner, query)
    lists = []
    for t in targets:
        name_list = counts.get(t.pk) or NameList(target=t)
        name_list.target = t
        lists.append(name_list)
    acquaintances = counts.get(None)
    if choice == ACQUAINTANCES:
        lists = [acquaintances or NameList(target=None)]
    elif target is not None:
        lists = [n for n in lists if n.target == target]
    elif acquaintances:
        lists.append(acquaintances)
    if query and target is None:
        lists = [n for n in lists if n.matching]
    total = sum(n.matching for n in lists)

    paginator = Paginator(_Sequence(total, _sequence(owner, query, target, choice)), PAGE_SIZE)
    page = paginator.get_page(form.cleaned_data.get("page"))
    bottom = (page.number - 1) * PAGE_SIZE
    shown = _on_page(lists, bottom, min(bottom + PAGE_SIZE, total), total)
    choices = form.fields["list"].choices
    if acquaintances is None and choice != ACQUAINTANCES:
        choices = choices[:-1]
    listing = PeoplePage(query=query, choice=choice, choices=choices, lists=shown, page=page)
    _fill(owner, shown, page.object_list, listing.state)
    return listing


# What a row shows of a person, and what warnings_for reads.
PERSON_SHOWN = ("public_id", "name", "job_title", "organization", "level", "target", "position")


def _places(owner, target_ids: list[int], leads) -> dict[tuple[int, int], int]:
    """Each row's place on the lists shown: by position, a person before an organization at
    the same one. Three numbers a row of those lists, read once, cost less than counting
    the rows before each of the page's fifty in the database."""
    people = Person.objects.filter(owner=owner, target_id__in=target_ids).order_by()
    rows = [(t, at, PERSON, pk) for t, at, pk in people.values_list("target_id", "position", "pk")]
    rows += [(lead.target_id, lead.position, LEAD, lead.pk) for lead in leads]
    places: dict[tuple[int, int], int] = {}
    counted: Counter = Counter()
    for target_id, _, kind, pk in sorted(rows):
        counted[target_id] += 1
        places[kind, pk] = counted[target_id]
    return places


def _fill(owner, shown: list[NameList], keys: list[tuple], state: str) -> None:
    """Fetch the page's people and organizations and set them, in order, on their lists.

    Organizations to call are few on any list (they stand in until there is a name), so
    those of the lists shown are read whole: one query on every page, whatever it holds.
    The arrows' addresses end in `state`, which brings the same page back.
    """
    by_key = {n.target.pk if n.target else None: n for n in shown}
    target_ids = [k for k in by_key if k is not None]
    person_ids = [key[-1] for key in keys if key[3] == PERSON]
    latest = ContactRequest.objects.filter(person=OuterRef("pk")).order_by("-created_at", "-id")
    persons = (
        Person.objects.filter(owner=owner, pk__in=person_ids)
        .only(*PERSON_SHOWN)
        .annotate(latest_status=Subquery(latest.values("status")[:1]))
    )
    persons = {p.pk: p for p in persons}
    leads = OrganizationLead.objects.filter(owner=owner, status=OPEN, target_id__in=target_ids)
    leads = {lead.pk: lead for lead in leads}
    places = _places(owner, target_ids, leads.values())
    for *_, kind, _, pk in keys:
        found = persons.get(pk) if kind == PERSON else leads.get(pk)
        name_list = by_key.get(found.target_id) if found is not None else None
        if name_list is None:  # changed since the counts were taken: shown on the next load
            continue
        if kind == LEAD:
            url = address_of("people:lead", found.public_id)
            name_list.rows.append(Row(lead=found, place=places[LEAD, pk], url=url))
            continue
        target = name_list.target
        warnings = people.warnings_for(found, target) if target else []
        name_list.rows.append(
            Row(
                person=found,
                place=places.get((PERSON, pk), 1),  # acquaintances: no list, first place
                warnings=warnings,
                status=found.latest_status or "",
                url=address_of("agenda:person", found.public_id),
                up=address_of("agenda:move_person", found.public_id, "up") + state,
                down=address_of("agenda:move_person", found.public_id, "down") + state,
            )
        )
