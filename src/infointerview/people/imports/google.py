"""Google Contacts CSV, in both layouts Google has used.

Until 2020 the export ("Google CSV") named people by Name / Given Name / Family Name and
had "Organization 1 - Name"; since then it has First / Middle / Last Name and
"Organization Name". Both number their e-mails and phones ("E-mail 1 - Value") and put
several values in one cell separated by " ::: ".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from infointerview.people.imports.contacts import (
    Contact,
    ContactsFile,
    Table,
    address,
    linkedin_address,
    one_line,
    several,
)

NUMBERED = re.compile(r"(e-mail|phone|address|website) (\d+) - (value|formatted)")


def looks_like(header: list[str]) -> bool:
    folded = {value.casefold() for value in header}
    named = {"given name", "family name"} <= folded or {"first name", "last name"} <= folded
    return named and "e-mail 1 - value" in folded


def contacts(file: ContactsFile) -> Iterator[Contact]:
    table = Table(file, looks_like, "Google Contacts (Given/First Name, E-mail 1 - Value, …)")
    numbered = [
        (found.group(1), index)
        for column, index in table.columns.items()
        if (found := NUMBERED.fullmatch(column))
    ]
    for line, values in table:
        cells: dict[str, list[str]] = {"e-mail": [], "phone": [], "address": [], "website": []}
        for kind, index in numbered:
            if index < len(values):
                cells[kind] += several(values[index]) if kind != "address" else [values[index]]
        name = table.cell(values, "Name") or " ".join(
            table.cell(values, part)
            for part in ("Given Name", "First Name", "Additional Name", "Middle Name")
            + ("Family Name", "Last Name")
        )
        notes = table.cell(values, "Notes")
        yield Contact(
            line=line,
            name=one_line(name),
            emails=cells["e-mail"],
            phones=cells["phone"],
            organization=one_line(
                table.cell(values, "Organization 1 - Name")
                or table.cell(values, "Organization Name")
            ),
            job_title=one_line(
                table.cell(values, "Organization 1 - Title")
                or table.cell(values, "Organization Title")
            ),
            linkedin_url=next((url for url in map(linkedin_address, cells["website"]) if url), ""),
            postal_address=next((address(a) for a in cells["address"] if address(a)), ""),
            notes=[notes] if notes else [],
        )
