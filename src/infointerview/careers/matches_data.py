"""The O*NET and wage data every ranking reads, loaded once per process until it changes.

Ranking all occupations reads about 15,000 rows (interests, work values, wages); read
for every page that would take far longer than the ranking itself. The data changes
only when an import runs, so it is kept in memory under a fingerprint of the tables —
the newest row ids and row counts, and when each O*NET table was last imported —
which one small query checks on every use.
"""

from __future__ import annotations

import gc
import math
from dataclasses import dataclass, field

from django.db import connection

from infointerview.careers.goals import Earnings, load_wages, ratings
from infointerview.careers.models import (
    Interest,
    Occupation,
    OnetTable,
    WageEstimate,
    WageImport,
    WorkValue,
    soc_for,
)
from infointerview.careers.models.interests import LETTERS, TYPE_NAMES, WORK_VALUES
from infointerview.careers.wages import NATIONAL, broad_group

KEPT = 8  # area combinations kept at once; a personal install has one


@dataclass(frozen=True)
class OccupationInterests:
    """An occupation's six scores as deviations from their mean, ready for a correlation."""

    deviations: tuple[float, ...]
    norm: float
    high_points: str


@dataclass
class Reference:
    occupations: list[tuple[str, str, int | None]] = field(default_factory=list)
    interests: dict[str, OccupationInterests] = field(default_factory=dict)
    values: dict[str, dict[str, float]] = field(default_factory=dict)
    wages: dict[tuple[str, str], Earnings] = field(default_factory=dict)
    area_titles: dict[str, str] = field(default_factory=dict)
    has_job_zones: bool = False


_kept: dict[tuple, Reference] = {}


def high_points(values) -> str:
    """The three highest letters; ties keep the R-I-A-S-E-C order."""
    order = sorted(range(6), key=lambda i: -values[i])
    return "".join(LETTERS[i] for i in order[:3])


def centred(values) -> tuple[tuple[float, ...], float]:
    mean = sum(values) / len(values)
    deviations = tuple(v - mean for v in values)
    return deviations, math.sqrt(sum(d * d for d in deviations))


def interest_table() -> dict[str, list[float]]:
    """Each occupation's six OI scores, in R-I-A-S-E-C order; codes lacking any are left out."""
    column = {TYPE_NAMES[letter]: i for i, letter in enumerate(LETTERS)}
    table: dict[str, list[float | None]] = {}
    rows = Interest.objects.filter(element__in=column).values_list(
        "occupation__code", "element", "value"
    )
    for code, element, value in rows:
        table.setdefault(code, [None] * 6)[column[element]] = value
    return {code: values for code, values in table.items() if None not in values}


def _fingerprint() -> tuple:
    parts = []
    for model in (Occupation, Interest, WorkValue, WageImport):
        parts.append(f"(SELECT MAX(id) FROM {model._meta.db_table})")
        parts.append(f"(SELECT COUNT(*) FROM {model._meta.db_table})")
    # Wage imports replace rows, so new ids; counting 250,000 estimates would cost more.
    wages = WageEstimate._meta.db_table
    parts += [f"(SELECT MIN(id) FROM {wages})", f"(SELECT MAX(id) FROM {wages})"]
    parts.append(f"(SELECT MAX(imported_at) FROM {OnetTable._meta.db_table})")
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(parts)}")
        return (connection.alias, *cursor.fetchone())


def _load(area_codes: frozenset[str]) -> Reference:
    reference = Reference()
    reference.occupations = list(
        Occupation.objects.filter(retired_in="").values_list("code", "title", "job_zone")
    )
    for code, values in interest_table().items():
        deviations, norm = centred(values)
        if norm > 1e-9:  # a flat occupation profile fits nothing better than anything else
            reference.interests[code] = OccupationInterests(deviations, norm, high_points(values))
    reference.values = ratings(WorkValue, WORK_VALUES)
    codes = [code for code, _, _ in reference.occupations]
    areas = {NATIONAL, *area_codes}
    by_soc, reference.area_titles = load_wages(codes, areas)
    for code in codes:  # each occupation's figure: its SOC code's, else its broad group's
        soc = soc_for(code)
        for area in areas:
            found = by_soc.get((soc, area)) or by_soc.get((broad_group(soc), area))
            if found is not None:
                reference.wages[code, area] = found
    reference.has_job_zones = any(zone for _, _, zone in reference.occupations)
    return reference


def reference_for(areas: dict[str, str]) -> Reference:
    """The data for ranking with wages in these areas (Settings' state and metro)."""
    area_codes = frozenset(code for code in areas.values() if code)
    key = (_fingerprint(), area_codes)
    found = _kept.get(key)
    if found is None:
        if len(_kept) >= KEPT or any(k[0] != key[0] for k in _kept):
            _kept.clear()
        found = _kept[key] = _load(area_codes)
        # Thousands of long-lived objects: out of the collector's full sweeps, which
        # would otherwise walk them all every so often during a ranking.
        gc.freeze()
    return found


def forget() -> None:
    _kept.clear()
