"""Importing BLS OEWS wage estimates and finding the right one for an O*NET occupation.

Reads the official downloads (xlsx inside the zip BLS publishes: national, state,
metro) and the same columns as CSV, plain or gzip. `*` means BLS did not release the
figure and is stored as unknown; `#` means at or above the top code and is kept as
such, so a page can say "$239,200 or more" rather than invent a number.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.db import connection, transaction

from infointerview.careers.files import file_limits
from infointerview.careers.models import WageEstimate, WageImport, soc_for
from infointerview.lib import long_writes
from infointerview.lib.errors import UserError
from infointerview.lib.safe_files import (
    ZERO_BYTE,
    Archive,
    holds_zero_byte,
    printable,
    sha256_of,
)

NATIONAL = "0000000"
REQUIRED = ["AREA", "AREA_TITLE", "AREA_TYPE", "OCC_CODE", "OCC_TITLE", "A_MEDIAN"]
ANNUAL = {
    "A_MEDIAN": "annual_median",
    "A_PCT10": "annual_p10",
    "A_PCT25": "annual_p25",
    "A_PCT75": "annual_p75",
    "A_PCT90": "annual_p90",
}
BATCH = 5000


class WageFileError(UserError):
    pass


@dataclass
class WageReport:
    source: str
    rows: int = 0
    skipped: dict[str, int] = field(default_factory=dict)
    unchanged: bool = False

    def skip(self, reason: str) -> None:
        self.skipped[reason] = self.skipped.get(reason, 0) + 1

    def to_dict(self) -> dict:
        return {
            "source": self.source,
            "rows": self.rows,
            "skipped": self.skipped,
            "unchanged": self.unchanged,
        }


Values = Iterator[tuple[int, list[str]]]


def _tables(source: Archive) -> Iterator[tuple[str, Values]]:
    """Each data file: the file itself, or each xlsx/csv inside a zip or folder."""
    for member in source.members:
        lower = member.lower()
        if lower.endswith(".xlsx"):
            yield member, source.workbook_rows(member)
        elif lower.endswith(".csv") or not source.is_archive:
            yield member, source.rows(member, encodings=("utf-8", "cp1252"))


def _records(source: Archive, member: str, values: Values) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows by column name; the first row is the header."""
    header: list[str] = []
    strict = not member.lower().endswith(".xlsx")
    for line, row in values:
        if not header:
            header = [h.strip().upper() for h in row]
            continue
        if strict and len(row) != len(header):
            raise WageFileError(
                f"{printable(source.where(member, line))}: {len(row)} columns where the header "
                f"has {len(header)}; the file is damaged"
            )
        if holds_zero_byte(row):
            raise WageFileError(f"{printable(source.where(member, line))}: {ZERO_BYTE}")
        yield line, dict(zip(header, row, strict=False))


NOT_RELEASED = ("", "*", "**", "#", "~")
LARGEST = 2_147_483_647  # what the integer columns hold on every database
SOC_CODE = re.compile(r"\d\d-\d{4}")


class _Reader:
    """Reads one row's figures, naming the file, line and column of a bad one."""

    def __init__(self, where: str, row: dict[str, str]):
        self.where = where
        self.row = row

    def refuse(self, column: str, problem: str) -> WageFileError:
        shown = self.row.get(column, "")[:40]
        return WageFileError(f"{self.where}: {column} {shown!r} {problem}")

    def number(self, column: str) -> float | None:
        """None for figures BLS did not release; nan, inf and 1e400 are refused."""
        text = self.row.get(column, "").strip().replace(",", "")
        if text in NOT_RELEASED:
            return None
        try:
            value = float(text)
        except ValueError:
            return None
        if not math.isfinite(value):
            raise self.refuse(column, "is not a number; is this an OEWS file?")
        return value

    def whole(self, column: str) -> int | None:
        value = self.number(column)
        if value is None:
            return None
        if not 0 <= value <= LARGEST:
            raise self.refuse(column, f"is not a figure from 0 to {LARGEST:,}")
        return int(value)

    def text(self, column: str, longest: int) -> str:
        value = self.row.get(column, "").strip()
        if len(value) > longest:
            raise self.refuse(column, f"is longer than {longest} characters")
        return value


COLUMNS = [
    "soc_code",
    "title",
    "group",
    "area_code",
    "area_title",
    "area_type",
    "state_code",
    "employment",
    "annual_median",
    "annual_p10",
    "annual_p25",
    "annual_p75",
    "annual_p90",
    "hourly_median",
    "top_coded_columns",
    "year",
]


def _estimate(where: str, row: dict[str, str], year: int | None) -> tuple:
    """One estimate as a row of COLUMNS."""
    read = _Reader(where, row)
    area_type = read.number("AREA_TYPE")
    if area_type is None or area_type not in WageEstimate.AreaType.values:
        raise read.refuse("AREA_TYPE", "is not an OEWS area type (1, 2, 3, 4 or 6)")
    soc_code = row["OCC_CODE"].strip()
    if not SOC_CODE.fullmatch(soc_code):
        raise read.refuse("OCC_CODE", "is not a SOC code such as 15-1252")
    area_code = read.text("AREA", 10)
    if not area_code:
        raise read.refuse("AREA", "is empty; each row names its area")
    if area_type == WageEstimate.AreaType.NATION:
        area_code = NATIONAL  # some BLS files write the nation as "99"
    top_coded = ",".join(a for c, a in ANNUAL.items() if row.get(c, "").strip() == "#")
    return (
        soc_code,
        row["OCC_TITLE"].strip()[:300],
        read.text("O_GROUP", 20),
        area_code,
        row["AREA_TITLE"].strip()[:200],
        int(area_type),
        row.get("PRIM_STATE", "").strip()[:2],
        read.whole("TOT_EMP"),
        read.whole("A_MEDIAN"),
        read.whole("A_PCT10"),
        read.whole("A_PCT25"),
        read.whole("A_PCT75"),
        read.whole("A_PCT90"),
        read.number("H_MEDIAN"),
        top_coded,
        year,
    )


def _year(name: str) -> int | None:
    found = re.search(r"(?:M|oews[-_])(\d{4})", name, re.IGNORECASE) or re.search(
        r"oesm(\d{2})", name, re.IGNORECASE
    )
    if not found:
        return None
    value = found.group(1)
    return int(value) if len(value) == 4 else 2000 + int(value)


def import_wages(path: Path, progress: Callable[[int], None] | None = None) -> WageReport:
    """One transaction; each area in the file replaces what was stored for it.

    Files are streamed within the configured limits; the import is noted as running
    (outside its transaction) so that a write it blocks can say what it waits for.
    """
    path = Path(path)
    with Archive(path, file_limits(), error=WageFileError) as source:
        digest = sha256_of(path) if path.is_file() else None
        report = WageReport(source=path.name)
        if digest and WageImport.objects.filter(sha256=digest).exists():
            report.unchanged = True
            return report
        with long_writes.running("a wages import"), transaction.atomic():
            _import(source, report, progress)
            if report.rows == 0:
                raise WageFileError(
                    f"{path.name}: no OEWS estimates found; expected columns {', '.join(REQUIRED)}"
                )
            if digest:
                WageImport.objects.create(source=path.name, sha256=digest, rows=report.rows)
    return report


def _import(source: Archive, report: WageReport, progress: Callable[[int], None] | None) -> None:
    seen_areas: set[str] = set()
    seen_rows: dict[tuple[str, str], tuple[str, int]] = {}
    for name, values in _tables(source):
        year = _year(name) or _year(source.path.name)
        batch: list[tuple] = []
        found_columns = False
        for line, row in _records(source, name, values):
            if not found_columns:
                if any(c not in row for c in REQUIRED):
                    values.close()
                    break
                found_columns = True
            naics = row.get("NAICS", "000000").strip()
            if naics not in ("", "000000") or row.get("I_GROUP", "").lower() not in (
                "",
                "cross-industry",
            ):
                report.skip("industry-specific rows")
                continue
            where = printable(source.where(name, line))
            estimate = _estimate(where, row, year)
            key = (estimate[3], estimate[0])
            if key in seen_rows:
                first_name, first_line = seen_rows[key]
                first = f"line {first_line}"
                if first_name != name:
                    first = f"{first_name} {first}"
                raise WageFileError(
                    printable(
                        f"{where}: area {key[0]} and occupation {key[1]} are already on "
                        f"{first}; keep one row for each"
                    )
                )
            seen_rows[key] = (name, line)
            batch.append(estimate)
            if len(batch) >= BATCH:
                _save(batch, seen_areas, report, progress)
                batch = []
        _save(batch, seen_areas, report, progress)
        if not found_columns:
            report.skip(f"{name}: not an OEWS data table")


def _save(batch: list[tuple], seen_areas: set[str], report: WageReport, progress) -> None:
    """An area in the file replaces everything stored for that area, and nothing else.

    Rows go in with one executemany: the ORM's per-object work would triple the time
    of a full national, state and metro release.
    """
    if not batch:
        return
    new_areas = {row[3] for row in batch} - seen_areas
    if new_areas:
        WageEstimate.objects.filter(area_code__in=new_areas).delete()
        seen_areas |= new_areas
    table = connection.ops.quote_name(WageEstimate._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(c) for c in COLUMNS)
    marks = ", ".join(["%s"] * len(COLUMNS))
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", batch)
    report.rows += len(batch)
    if progress:
        progress(len(batch))


@dataclass
class Wages:
    """The estimate that applies to an O*NET occupation in one area, and how it was found."""

    estimate: WageEstimate
    soc_code: str
    via_group: bool

    def note(self) -> str:
        if self.via_group:
            return (
                f"BLS publishes only the group {self.estimate.soc_code} "
                f"({self.estimate.title}) for this occupation"
            )
        return ""

    def to_dict(self) -> dict:
        e = self.estimate
        return {
            "area": e.area_title,
            "area_type": e.get_area_type_display(),
            "soc_code": e.soc_code,
            "title": e.title,
            "via_group": self.via_group,
            "note": self.note() or None,
            "employment": e.employment,
            "annual_median": e.annual_median,
            "annual_p10": e.annual_p10,
            "annual_p25": e.annual_p25,
            "annual_p75": e.annual_p75,
            "annual_p90": e.annual_p90,
            "hourly_median": e.hourly_median,
            "top_coded": e.top_coded,
            "year": e.year,
        }


def broad_group(soc_code: str) -> str:
    """13-1021 belongs to the broad group 13-1020."""
    return soc_code[:6] + "0"


def wages_for(onet_code: str, area_codes: list[str] | None = None) -> list[Wages]:
    """National first, then the areas asked for; a detailed code, else its broad group."""
    soc = soc_for(onet_code)
    areas = [NATIONAL, *(area_codes or [])]
    found: dict[str, Wages] = {}
    for estimate in WageEstimate.objects.filter(soc_code=soc, area_code__in=areas):
        found[estimate.area_code] = Wages(estimate, soc, via_group=False)
    missing = [a for a in areas if a not in found]
    if missing and broad_group(soc) != soc:
        for estimate in WageEstimate.objects.filter(
            soc_code=broad_group(soc), area_code__in=missing
        ):
            found[estimate.area_code] = Wages(estimate, soc, via_group=True)
    return [found[a] for a in areas if a in found]
