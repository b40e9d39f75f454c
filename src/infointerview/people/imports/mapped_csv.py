"""Any CSV list of people, such as a career center's alumni list, read by a column mapping.

The mapping says which column holds what (`name=Full Name,email=E-mail`); columns with
the usual headings are found without one. Spreadsheets save such lists in Windows-1252
as often as in UTF-8, so both are read.
"""

from __future__ import annotations

from collections.abc import Iterator

from infointerview.lib.errors import Refused
from infointerview.lib.spreadsheet_cells import unguarded
from infointerview.lib.typed import quoted
from infointerview.people.imports.contacts import (
    Contact,
    ContactsFile,
    Table,
    address,
    linkedin_address,
    one_line,
    several,
)

USUAL_HEADINGS = {
    "name": ("name", "full name"),
    "first_name": ("first name", "given name", "first"),
    "last_name": ("last name", "family name", "surname", "last"),
    "email": ("email", "e-mail", "email address", "e-mail address"),
    "phone": ("phone", "telephone", "phone number"),
    "employer": ("employer", "organization", "organisation", "company"),
    "title": ("title", "job title", "position"),
    "class_year": ("class year", "class", "graduation year", "year"),
    "willing": ("willing to talk", "willing-to-talk", "willing"),
    "linkedin": ("linkedin", "linkedin url", "linkedin profile"),
    "address": ("address", "postal address"),
    "notes": ("notes", "note"),
}
ALIASES = {"organization": "employer", "job_title": "title", "willing_to_talk": "willing"}
YES = {"yes", "y", "true", "1", "x", "willing"}
NO = {"no", "n", "false", "0", "not willing"}
ENCODINGS = ("utf-8", "cp1252")


def mapping_from(text: str) -> dict[str, str]:
    """'name=Full Name,email=E-mail' as {field: column}; unknown fields refused by name."""
    mapping = {}
    for part in text.split(","):
        if not part.strip():
            continue
        field, equals, column = part.partition("=")
        field = field.strip().lower().replace("-", "_").replace(" ", "_")
        field = ALIASES.get(field, field)
        if not equals or not column.strip():
            raise Refused(f"columns: {quoted(part)} should be field=Column heading")
        if field not in USUAL_HEADINGS:
            fields = ", ".join(USUAL_HEADINGS)
            raise Refused(f"columns: no field {quoted(field)}; the fields are {fields}")
        mapping[field] = column.strip()
    return mapping


def contacts(file: ContactsFile, mapping: dict[str, str] | None = None) -> Iterator[Contact]:
    table = Table(file, lambda header: any(header), "column", ENCODINGS)
    columns = _columns(file, table, mapping or {})

    def cell(values: list[str], field: str) -> str:
        column = columns.get(field)
        return unguarded(table.cell(values, column)) if column else ""

    for line, values in table:
        name = cell(values, "name") or f"{cell(values, 'first_name')} {cell(values, 'last_name')}"
        willing = cell(values, "willing").casefold()
        year = cell(values, "class_year")
        notes = cell(values, "notes")
        yield Contact(
            line=line,
            name=one_line(name),
            emails=several(cell(values, "email").replace(";", ":::")),
            phones=several(cell(values, "phone").replace(";", ":::")),
            organization=one_line(cell(values, "employer")),
            job_title=one_line(cell(values, "title")),
            linkedin_url=linkedin_address(cell(values, "linkedin")),
            postal_address=address(cell(values, "address")),
            notes=[n for n in (f"Class of {year}" if year else "", notes) if n],
            tags=["willing to talk"] if willing in YES else [],
            left_out="the list says they are not willing to talk" if willing in NO else "",
        )


def _columns(file: ContactsFile, table: Table, mapping: dict[str, str]) -> dict[str, str]:
    """Which heading holds each field: as mapped, else a usual heading found in the file."""
    for field, column in mapping.items():
        if not table.has(column):
            headings = ", ".join(table.columns) or "none"
            raise file.refuse(
                f"columns: {field}={column}: no such column (the headings are: {headings})",
                table.header_line,
            )
    columns = dict(mapping)
    for field, usual in USUAL_HEADINGS.items():
        if field not in columns:
            columns[field] = next((h for h in usual if table.has(h)), "")
    if not columns["name"] and not (columns["first_name"] or columns["last_name"]):
        raise file.refuse(
            "no column holds the names: say which one does, e.g. name=Full Name", table.header_line
        )
    return columns
