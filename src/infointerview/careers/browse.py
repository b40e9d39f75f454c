"""Occupations by field, to wander through as in a library.

The fields are the 23 major groups of the Standard Occupational Classification, named
as BLS publishes them; an occupation's group is the first two digits of its code. Each
list shows the national median wage and the job zone, and sorts on either.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count
from django.db.models.functions import Substr

from infointerview.careers.models import JobZoneReference, Occupation, WageEstimate, soc_for
from infointerview.careers.wages import NATIONAL, broad_group
from infointerview.lib.errors import NotFound
from infointerview.lib.money import TOP_CODE_ANNUAL, money

# 2018 SOC major groups, as BLS names them in OEWS and the SOC manual.
MAJOR_GROUPS = {
    "11": "Management Occupations",
    "13": "Business and Financial Operations Occupations",
    "15": "Computer and Mathematical Occupations",
    "17": "Architecture and Engineering Occupations",
    "19": "Life, Physical, and Social Science Occupations",
    "21": "Community and Social Service Occupations",
    "23": "Legal Occupations",
    "25": "Educational Instruction and Library Occupations",
    "27": "Arts, Design, Entertainment, Sports, and Media Occupations",
    "29": "Healthcare Practitioners and Technical Occupations",
    "31": "Healthcare Support Occupations",
    "33": "Protective Service Occupations",
    "35": "Food Preparation and Serving Related Occupations",
    "37": "Building and Grounds Cleaning and Maintenance Occupations",
    "39": "Personal Care and Service Occupations",
    "41": "Sales and Related Occupations",
    "43": "Office and Administrative Support Occupations",
    "45": "Farming, Fishing, and Forestry Occupations",
    "47": "Construction and Extraction Occupations",
    "49": "Installation, Maintenance, and Repair Occupations",
    "51": "Production Occupations",
    "53": "Transportation and Material Moving Occupations",
    "55": "Military Specific Occupations",
}
HOURS_A_YEAR = 2080  # how BLS turns an hourly wage into an annual one
# What the list may be sorted by, each with the way a first click sorts it ("-": down).
SORTS = {"title": "title", "wage": "-wage", "zone": "zone"}
SORT_CHOICES = [*SORTS, *(f"-{key}" for key in SORTS)]
DEFAULT_SORT = "title"


@dataclass
class Field:
    code: str
    name: str
    occupations: int


@dataclass
class Median:
    """A national median as people read it: unreleased, top-coded or hourly-only said so."""

    annual: int | None  # what it sorts by: an hourly-only wage at 2,080 hours
    text: str
    via_group: bool = False


@dataclass
class Row:
    occupation: Occupation
    median: Median


@dataclass
class FieldPage:
    field: Field
    rows: list[Row]
    sort: str
    zones: list[JobZoneReference]

    def sort_links(self) -> dict[str, str]:
        """Each column's sort: the other way round when the list is sorted by it already."""
        current = self.sort.lstrip("-")
        links = dict(SORTS)
        if current in links:
            links[current] = current if self.sort.startswith("-") else f"-{current}"
        return links


def fields() -> list[Field]:
    """Every major group with how many current occupations it holds, in SOC order."""
    counts = dict(
        Occupation.objects.filter(retired_in="")
        .annotate(group=Substr("code", 1, 2))
        .order_by()
        .values("group")
        .annotate(n=Count("id"))
        .values_list("group", "n")
    )
    return [Field(code, name, counts.get(code, 0)) for code, name in MAJOR_GROUPS.items()]


def field_named(code: str) -> Field:
    if code not in MAJOR_GROUPS:
        raise NotFound(f"no field {code!r}: fields are the SOC major groups 11 to 55")
    return Field(code, MAJOR_GROUPS[code], 0)


def median_of(estimate: WageEstimate | None, via_group: bool = False) -> Median:
    """The national median to show and sort by, whatever BLS did or did not release."""
    if estimate is None:
        return Median(None, "no wage figures")
    if estimate.annual_median is not None:
        return Median(estimate.annual_median, money(estimate.annual_median), via_group)
    if "annual_median" in estimate.top_coded:
        return Median(TOP_CODE_ANNUAL, money(TOP_CODE_ANNUAL, top_coded=True), via_group)
    if estimate.hourly_median is not None:
        annual = round(estimate.hourly_median * HOURS_A_YEAR)
        return Median(annual, f"${estimate.hourly_median:,.2f} an hour", via_group)
    return Median(None, "not released", via_group)


def national_medians(codes: list[str], group: str = "") -> dict[str, Median]:
    """Each O*NET code's national median: its SOC code's, else its broad group's.

    One query: the major group's national estimates when `group` is given, else those
    of the codes and their broad groups.
    """
    estimates = WageEstimate.objects.filter(area_code=NATIONAL)
    if group:
        estimates = estimates.filter(soc_code__startswith=f"{group}-")
    else:
        socs = {soc_for(code) for code in codes}
        estimates = estimates.filter(soc_code__in=socs | {broad_group(s) for s in socs})
    by_soc = {e.soc_code: e for e in estimates}
    medians = {}
    for code in codes:
        soc = soc_for(code)
        if soc in by_soc:
            medians[code] = median_of(by_soc[soc])
        else:
            medians[code] = median_of(by_soc.get(broad_group(soc)), via_group=True)
    return medians


def _sort_key(sort: str):
    key = sort.lstrip("-")
    if key == "wage":
        return lambda row: row.median.annual
    if key == "zone":
        return lambda row: row.occupation.job_zone
    return lambda row: row.occupation.title.casefold()


def sorted_rows(rows: list[Row], sort: str) -> list[Row]:
    """Sorted by the key asked for, title within it; unknown figures last either way."""
    key = _sort_key(sort)
    rows = sorted(rows, key=lambda row: row.occupation.title.casefold())
    known = [row for row in rows if key(row) is not None]
    unknown = [row for row in rows if key(row) is None]
    return sorted(known, key=key, reverse=sort.startswith("-")) + unknown


def field_page(code: str, sort: str = DEFAULT_SORT) -> FieldPage:
    """A field's current occupations with their national median wage and job zone."""
    field = field_named(code)
    occupations = list(Occupation.objects.filter(code__startswith=f"{code}-", retired_in=""))
    field.occupations = len(occupations)
    medians = national_medians([o.code for o in occupations], group=code)
    rows = [Row(o, medians[o.code]) for o in occupations]
    return FieldPage(
        field=field,
        rows=sorted_rows(rows, sort),
        sort=sort,
        zones=list(JobZoneReference.objects.order_by("zone")),
    )
