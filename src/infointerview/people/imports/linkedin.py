"""LinkedIn's Connections.csv, as its data export writes it (notes above the header)."""

from __future__ import annotations

from collections.abc import Iterator

from infointerview.people.imports.contacts import (
    Contact,
    ContactsFile,
    Table,
    linkedin_address,
    one_line,
)

COLUMNS = ("First Name", "Last Name", "Company", "Position")


def looks_like(header: list[str]) -> bool:
    folded = {value.casefold() for value in header}
    return {c.casefold() for c in COLUMNS} <= folded and "connected on" in folded


def contacts(file: ContactsFile) -> Iterator[Contact]:
    table = Table(file, looks_like, "LinkedIn (First Name, Last Name, …, Connected On)")
    for line, values in table:
        email = table.cell(values, "Email Address")
        connected = table.cell(values, "Connected On")
        yield Contact(
            line=line,
            name=one_line(f"{table.cell(values, 'First Name')} {table.cell(values, 'Last Name')}"),
            emails=[email] if email else [],
            organization=one_line(table.cell(values, "Company")),
            job_title=one_line(table.cell(values, "Position")),
            linkedin_url=linkedin_address(table.cell(values, "URL")),
            notes=[f"LinkedIn connection since {connected}"] if connected else [],
        )
