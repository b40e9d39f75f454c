"""Importing an O*NET text release into the shared occupation tables.

One transaction for the whole release; a table whose file is absent keeps what it
had; a table whose file is unchanged (same checksum) is not touched, so importing the
same release twice changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from django.db import models, transaction

from infointerview.careers.models import (
    AlternateTitle,
    EducationCategory,
    EducationLevel,
    ElementRating,
    Interest,
    JobZoneReference,
    Occupation,
    OnetTable,
    RelatedOccupation,
    ReportedTitle,
    Skill,
    Task,
    TechnologySkill,
    WorkContext,
    WorkValue,
)
from infointerview.careers.onet_source import OnetFileError, Release, Row, number, whole
from infointerview.lib import long_writes
from infointerview.lib.safe_files import printable

CODE = "O*NET-SOC Code"
BATCH = 5000
SMALL = 32_767  # the largest value a small-integer column holds on every database


@dataclass
class TableResult:
    name: str
    status: str  # imported, unchanged, absent
    rows: int = 0
    skipped: int = 0
    note: str = ""


@dataclass
class ImportReport:
    release: str
    tables: list[TableResult] = field(default_factory=list)
    retired: list[str] = field(default_factory=list)
    renamed: list[tuple[str, str, str]] = field(default_factory=list)
    added: int = 0

    def absent(self) -> list[str]:
        return [t.name for t in self.tables if t.status == "absent"]

    def to_dict(self) -> dict:
        return {
            "release": self.release,
            "tables": [t.__dict__ for t in self.tables],
            "added": self.added,
            "retired": self.retired,
            "renamed": [{"code": c, "from": a, "to": b} for c, a, b in self.renamed],
        }


def _flag(text: str) -> bool:
    return text.strip().upper() == "Y"


@dataclass
class Table:
    """How one release file becomes rows of one model."""

    file: str
    model: type[models.Model]
    required: list[str]
    build: Callable[[Row, dict[str, int], str], models.Model | None]
    optional: bool = False


def _alternate(row: Row, ids: dict[str, int], file: str) -> models.Model | None:
    short = row.get("Short Title")
    return AlternateTitle(
        occupation_id=ids[row[CODE]],
        title=row["Alternate Title"],
        short_title="" if short == "n/a" else short,
    )


def _reported(row: Row, ids: dict[str, int], file: str) -> models.Model | None:
    return ReportedTitle(
        occupation_id=ids[row[CODE]],
        title=row["Reported Job Title"],
        shown_in_my_next_move=_flag(row.get("Shown in My Next Move")),
    )


def _task(row: Row, ids: dict[str, int], file: str) -> models.Model | None:
    return Task(
        occupation_id=ids[row[CODE]],
        task_id=whole(row, "Task ID", file),
        text=row["Task"],
        task_type=row.get("Task Type"),
    )


RATING_COLUMNS = [CODE, "Element Name", "Scale ID", "Data Value"]


def _ratings(name: str, model: type[ElementRating], scale: str, optional: bool = False) -> Table:
    """An element-rating file; O*NET rates most elements on several scales, we keep one."""

    def build(row: Row, ids: dict[str, int], file: str) -> models.Model | None:
        if row["Scale ID"] != scale:
            return None
        return model(
            occupation_id=ids[row[CODE]],
            element=row["Element Name"],
            value=number(row, "Data Value", file),
        )

    return Table(name, model, RATING_COLUMNS, build, optional)


def _related(row: Row, ids: dict[str, int], file: str) -> models.Model | None:
    return RelatedOccupation(
        occupation_id=ids[row[CODE]],
        related_code=row["Related O*NET-SOC Code"],
        tier=row.get("Relatedness Tier"),
        rank=whole(row, "Index", file, SMALL) if row.get("Index") else 0,
    )


EDUCATION_SCALES = {"RL", "RW", "PT", "OJ"}


def _education(row: Row, ids: dict[str, int], file: str) -> models.Model | None:
    """Category shares only; a rating such as certification importance has no category."""
    if row["Scale ID"] not in EDUCATION_SCALES:
        return None
    return EducationLevel(
        occupation_id=ids[row[CODE]],
        scale=row["Scale ID"],
        category=whole(row, "Category", file, SMALL),
        percent=number(row, "Data Value", file),
    )


def _technology(row: Row, ids: dict[str, int], file: str) -> models.Model | None:
    return TechnologySkill(
        occupation_id=ids[row[CODE]],
        example=row["Example"],
        commodity_title=row.get("Commodity Title"),
        hot=_flag(row.get("Hot Technology")),
        in_demand=_flag(row.get("In Demand")),
    )


TABLES = [
    Table("Alternate Titles.txt", AlternateTitle, [CODE, "Alternate Title"], _alternate),
    Table("Sample of Reported Titles.txt", ReportedTitle, [CODE, "Reported Job Title"], _reported),
    Table("Task Statements.txt", Task, [CODE, "Task ID", "Task"], _task),
    _ratings("Interests.txt", Interest, "OI"),
    _ratings("Work Values.txt", WorkValue, "EX"),
    Table("Related Occupations.txt", RelatedOccupation, [CODE, "Related O*NET-SOC Code"], _related),
    Table(
        "Education, Training, and Experience.txt",
        EducationLevel,
        [CODE, "Scale ID", "Category", "Data Value"],
        _education,
    ),
    Table("Technology Skills.txt", TechnologySkill, [CODE, "Example"], _technology),
    _ratings("Skills.txt", Skill, "IM", optional=True),
    _ratings("Work Context.txt", WorkContext, "CX", optional=True),
]


@cache
def _text_fields(model: type[models.Model]) -> list[models.CharField]:
    return [f for f in model._meta.concrete_fields if isinstance(f, models.CharField)]


def _fits(instance: models.Model, file: str, row: Row) -> models.Model:
    """Refuse text longer than its column: PostgreSQL would fail mid-import, SQLite keep it."""
    for column in _text_fields(type(instance)):
        value = getattr(instance, column.attname) or ""
        if len(value) > column.max_length:
            raise OnetFileError(
                f"{file} line {row.line}: {column.verbose_name} is {len(value):,} characters, "
                f"more than the {column.max_length} it may have; is this an O*NET text file?"
            )
    return instance


def _unchanged(name: str, release: str, digest: str) -> bool:
    return OnetTable.objects.filter(name=name, release=release, sha256=digest).exists()


def _record(report: ImportReport, release: str, digest: str, result: TableResult) -> None:
    """Report a table imported and keep its checksum, so the same file next time is unchanged."""
    report.tables.append(result)
    OnetTable.objects.update_or_create(
        name=result.name, defaults={"release": release, "sha256": digest, "rows": result.rows}
    )


def _changed_file(
    source: Release,
    name: str,
    release: str,
    report: ImportReport,
    kept: str | None,
    force: bool = False,
) -> str | None:
    """The file's checksum when it needs importing; else report why not.

    `kept` is the note for an absent file; None keeps an optional file's absence quiet.
    `force` imports an unchanged file whose rows another table's import has replaced.
    """
    if not source.has(name):
        if kept is not None:
            report.tables.append(TableResult(name, "absent", note=kept))
        return None
    digest = source.checksum(name)
    if not force and _unchanged(name, release, digest):
        report.tables.append(TableResult(name, "unchanged"))
        return None
    return digest


def _occupations(source: Release, release: str, report: ImportReport) -> None:
    """Upsert by code: new codes added, titles updated, vanished codes marked retired."""
    name = "Occupation Data.txt"
    digest = _changed_file(source, name, release, report, "occupations keep what they had")
    if digest is None:
        return
    existing = {o.code: o for o in Occupation.objects.all()}
    seen: dict[str, int] = {}
    changed, created = [], []
    for row in source.rows(name, [CODE, "Title", "Description"]):
        code, title, description = row[CODE].strip(), row["Title"], row["Description"]
        if code in seen:
            raise OnetFileError(
                f"{name} line {row.line}: {printable(code[:20])} is already on line "
                f"{seen[code]}; each O*NET-SOC code comes once: download the release again"
            )
        seen[code] = row.line
        occupation = existing.get(code)
        if occupation is None:
            created.append(
                _fits(Occupation(code=code, title=title, description=description), name, row)
            )
            continue
        if occupation.title != title:
            report.renamed.append((code, occupation.title, title))
            occupation.previous_title = occupation.title
        if (occupation.title, occupation.description, occupation.retired_in) != (
            title,
            description,
            "",
        ):
            occupation.title, occupation.description, occupation.retired_in = title, description, ""
            changed.append(_fits(occupation, name, row))
    for code, occupation in existing.items():
        if code not in seen and not occupation.retired_in:
            occupation.retired_in = release
            changed.append(occupation)
            report.retired.append(code)
    Occupation.objects.bulk_create(created, batch_size=BATCH)
    Occupation.objects.bulk_update(
        changed, ["title", "description", "previous_title", "retired_in"], batch_size=BATCH
    )
    report.added = len(created)
    _record(report, release, digest, TableResult(name, "imported", rows=len(seen)))


def _job_zones(source: Release, release: str, ids: dict[str, int], report: ImportReport) -> None:
    name = "Job Zones.txt"
    digest = _changed_file(source, name, release, report, "job zones keep what they had")
    if digest is None:
        return
    zones: dict[int, list[str]] = {}
    skipped = 0
    for row in source.rows(name, [CODE, "Job Zone"]):
        if row[CODE] not in ids:
            skipped += 1
            continue
        zones.setdefault(whole(row, "Job Zone", name, SMALL), []).append(row[CODE])
    Occupation.objects.update(job_zone=None)
    for zone, codes in zones.items():
        Occupation.objects.filter(code__in=codes).update(job_zone=zone)
    count = sum(len(codes) for codes in zones.values())
    _record(report, release, digest, TableResult(name, "imported", rows=count, skipped=skipped))


def _replace(source: Release, release: str, table: Table, ids, report: ImportReport) -> None:
    kept = None if table.optional else "kept what it had"
    digest = _changed_file(source, table.file, release, report, kept)
    if digest is None:
        return
    table.model.objects.all().delete()
    count = skipped = 0
    batch: list[models.Model] = []
    for row in source.rows(table.file, table.required):
        if row[CODE] not in ids:
            skipped += 1
            continue
        instance = table.build(row, ids, table.file)
        if instance is None:
            continue
        batch.append(_fits(instance, table.file, row))
        if len(batch) >= BATCH:
            table.model.objects.bulk_create(batch)
            count += len(batch)
            batch = []
    table.model.objects.bulk_create(batch)
    count += len(batch)
    note = f"{skipped} rows name codes not in Occupation Data" if skipped else ""
    _record(report, release, digest, TableResult(table.file, "imported", count, skipped, note))


def _job_zone_references(source: Release, name: str) -> list[models.Model]:
    zones: dict[int, models.Model] = {}
    for row in source.rows(name, ["Job Zone", "Name"]):
        zone = whole(row, "Job Zone", name, SMALL)
        if zone in zones:
            raise OnetFileError(
                f"{name} line {row.line}: job zone {zone} comes twice; download the release again"
            )
        zones[zone] = _fits(
            JobZoneReference(
                zone=zone,
                name=row["Name"],
                experience=row.get("Experience"),
                education=row.get("Education"),
                training=row.get("Job Training"),
                examples=row.get("Examples"),
            ),
            name,
            row,
        )
    return list(zones.values())


def _education_categories(source: Release, name: str) -> list[models.Model]:
    """One row per scale and category, as the table is unique on them; the last text wins."""
    categories: dict[tuple[str, int], models.Model] = {}
    for row in source.rows(name, ["Scale ID", "Category", "Category Description"]):
        scale, category = row["Scale ID"], whole(row, "Category", name, SMALL)
        categories[scale, category] = _fits(
            EducationCategory(
                scale=scale, category=category, description=row["Category Description"]
            ),
            name,
            row,
        )
    return list(categories.values())


REFERENCE = [
    ("Job Zone Reference.txt", JobZoneReference, _job_zone_references),
    (
        "Education, Training, and Experience Categories.txt",
        EducationCategory,
        _education_categories,
    ),
]


def _reference(source: Release, release: str, report: ImportReport) -> None:
    """Small lookup tables with no occupation codes, each replaced whole."""
    for name, model, build in REFERENCE:
        digest = _changed_file(source, name, release, report, "kept what it had")
        if digest is None:
            continue
        instances = build(source, name)
        model.objects.all().delete()
        model.objects.bulk_create(instances)
        _record(report, release, digest, TableResult(name, "imported", rows=len(instances)))


def _task_ratings(source: Release, release: str, report: ImportReport) -> None:
    """Task importance; re-applied whenever the tasks themselves were replaced."""
    name = "Task Ratings.txt"
    tasks_replaced = any(
        t.name == "Task Statements.txt" and t.status == "imported" for t in report.tables
    )
    digest = _changed_file(source, name, release, report, None, force=tasks_replaced)
    if digest is None:
        return
    importance: dict[int, float] = {}
    for row in source.rows(name, ["Task ID", "Scale ID", "Data Value"]):
        if row["Scale ID"] == "IM":
            importance[whole(row, "Task ID", name)] = number(row, "Data Value", name)
    tasks = list(Task.objects.filter(task_id__in=importance))
    for task in tasks:
        task.importance = importance[task.task_id]
    Task.objects.bulk_update(tasks, ["importance"], batch_size=BATCH)
    _record(report, release, digest, TableResult(name, "imported", rows=len(importance)))


def import_release(path: Path, release: str | None = None) -> ImportReport:
    """Import a zip or folder; on any error nothing of it is kept.

    The import is one transaction, noted as running (outside it) so that a write
    it blocks can say what it waits for.
    """
    with Release(Path(path)) as source:
        name = source.release_name(release)
        if not name:
            raise OnetFileError(
                f"cannot tell which O*NET release {Path(path).name} is: pass --release, e.g. 30.0"
            )
        known = ["Occupation Data.txt", "Job Zones.txt", "Task Ratings.txt"]
        known += [table.file for table in TABLES] + [name for name, *_ in REFERENCE]
        if not any(source.has(file) for file in known):
            raise OnetFileError(
                f"{Path(path).name} holds none of O*NET's tables (such as Occupation Data.txt):"
                " give the text release, its zip or the folder unpacked from it"
            )
        report = ImportReport(release=name)
        with long_writes.running("an O*NET import"), transaction.atomic():
            _occupations(source, name, report)
            ids = dict(Occupation.objects.values_list("code", "id"))
            if not ids:
                raise OnetFileError(
                    "no occupations yet: the first import needs Occupation Data.txt"
                )
            _job_zones(source, name, ids, report)
            for table in TABLES:
                _replace(source, name, table, ids, report)
            _task_ratings(source, name, report)
            _reference(source, name, report)
        return report
