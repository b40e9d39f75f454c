"""Importing BLS OEWS wage estimates and finding the right one for an O*NET occupation.

Reads the official downloads (xlsx inside the zip BLS publishes: national, state,
metro) and the same columns as CSV, plain or gzip. `*` means BLS did not release the
figure and is stored as unknown; `#` means at or above the top code and is kept as
such, so a page can say "$239,200 or more" rather than invent a number.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.db import connection, transaction

from infointerview.careers.models import WageEstimate, WageImport, soc_for
from infointerview.lib.errors import UserError

REQUIRED = ["AREA", "AREA_TITLE", "AREA_TYPE", "OCC_CODE", "OCC_TITLE", "A_MEDIAN"]
ANNUAL = {
    "A_MEDIAN": "annual_median",
    "A_PCT10": "annual_p10",
    "A_PCT25": "annual_p25",
    "A_PCT75": "annual_p75",
    "A_PCT90": "annual_p90",
}
BATCH = 5000
TOP_CODE_ANNUAL = 239_200


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


def _xlsx_rows(name: str, data: bytes) -> Iterator[tuple[int, dict[str, str]]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged workbook
        raise WageFileError(f"{name}: not a readable Excel workbook ({error})") from None
    sheet = workbook.worksheets[0]
    header: list[str] = []
    for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
        if not header:
            header = [str(v or "").strip().upper() for v in values]
            continue
        yield number, {h: "" if v is None else str(v) for h, v in zip(header, values, strict=False)}
    workbook.close()


def _csv_rows(name: str, data: bytes) -> Iterator[tuple[int, dict[str, str]]]:
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as error:
            raise WageFileError(f"{name}: damaged gzip file ({error})") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252")
    reader = csv.reader(io.StringIO(text, newline=""))
    header = [h.strip().upper() for h in next(reader, [])]
    for values in reader:
        if not values:
            continue
        if len(values) != len(header):
            raise WageFileError(
                f"{name} line {reader.line_num}: {len(values)} columns where the header has "
                f"{len(header)}; the file is damaged"
            )
        yield reader.line_num, dict(zip(header, values, strict=True))


def _members(path: Path) -> Iterator[tuple[str, bytes]]:
    """(name, bytes) of each data file: the file itself, or each xlsx/csv inside a zip."""
    data = path.read_bytes()
    if data[:4] != b"PK\x03\x04" or path.suffix.lower() == ".xlsx":
        yield path.name, data
        return
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = [n for n in archive.namelist() if n.lower().endswith((".xlsx", ".csv"))]
        for name in names:
            yield name, archive.read(name)
    except zipfile.BadZipFile as error:
        raise WageFileError(f"{path.name} is not a readable zip file ({error})") from None


def _rows(name: str, data: bytes) -> Iterator[tuple[int, dict[str, str]]]:
    if name.lower().endswith(".xlsx"):
        return _xlsx_rows(name, data)
    return _csv_rows(name, data)


def _number(text: str) -> float | None:
    text = text.strip().replace(",", "")
    if text in ("", "*", "**", "#", "~"):
        return None
    try:
        return float(text)
    except ValueError:
        return None


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


def _whole(text: str) -> int | None:
    value = _number(text)
    return int(value) if value is not None else None


def _estimate(name: str, line: int, row: dict[str, str], year: int | None) -> tuple:
    """One estimate as a row of COLUMNS."""
    try:
        area_type = int(float(row["AREA_TYPE"]))
    except ValueError:
        raise WageFileError(
            f"{name} line {line}: AREA_TYPE {row['AREA_TYPE']!r} is not a number"
        ) from None
    get = row.get
    top_coded = ",".join(a for c, a in ANNUAL.items() if get(c, "").strip() == "#")
    return (
        row["OCC_CODE"].strip(),
        row["OCC_TITLE"].strip()[:300],
        get("O_GROUP", "").strip(),
        row["AREA"].strip(),
        row["AREA_TITLE"].strip()[:200],
        area_type,
        get("PRIM_STATE", "").strip()[:2],
        _whole(get("TOT_EMP", "")),
        _whole(get("A_MEDIAN", "")),
        _whole(get("A_PCT10", "")),
        _whole(get("A_PCT25", "")),
        _whole(get("A_PCT75", "")),
        _whole(get("A_PCT90", "")),
        _number(get("H_MEDIAN", "")),
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
    """One transaction; each area in the file replaces what was stored for it."""
    path = Path(path)
    if not path.exists():
        raise WageFileError(f"{path} does not exist")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    report = WageReport(source=path.name)
    if WageImport.objects.filter(sha256=digest).exists():
        report.unchanged = True
        return report
    seen_areas: set[str] = set()
    with transaction.atomic():
        for name, data in _members(path):
            year = _year(name) or _year(path.name)
            batch: list[tuple] = []
            found_columns = False
            for line, row in _rows(name, data):
                if not found_columns:
                    if any(c not in row for c in REQUIRED):
                        break
                    found_columns = True
                naics = row.get("NAICS", "000000").strip()
                if naics not in ("", "000000") or row.get("I_GROUP", "").lower() not in (
                    "",
                    "cross-industry",
                ):
                    report.skip("industry-specific rows")
                    continue
                batch.append(_estimate(name, line, row, year))
                if len(batch) >= BATCH:
                    _save(batch, seen_areas, report, progress)
                    batch = []
            _save(batch, seen_areas, report, progress)
            if not found_columns:
                report.skip(f"{name}: not an OEWS data table")
        if report.rows == 0:
            raise WageFileError(
                f"{path.name}: no OEWS estimates found; expected columns {', '.join(REQUIRED)}"
            )
        WageImport.objects.create(source=path.name, sha256=digest, rows=report.rows)
    return report


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
    areas = ["0000000", *(area_codes or [])]
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
