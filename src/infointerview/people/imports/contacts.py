"""What every contacts file becomes, and the reading every format shares."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from infointerview.lib.safe_files import (
    LIST_ROWS_SETTING,
    LIST_SIZE_SETTING,
    Archive,
    FileRefused,
    Limits,
    list_limits,
    printable,
)

LINKEDIN_PROFILE = re.compile(
    r"(?:https?://)?(?:[a-z]{2,3}\.)?linkedin\.com/in/([^/?#\s]+)/?(?:[?#].*)?", re.IGNORECASE
)


# No database can store it (PostgreSQL refuses it outright), and no contacts file has one.
ZERO_BYTE = "holds a zero byte: is this the right file?"


class ContactsRefused(FileRefused):
    """A contacts file that cannot be imported; nothing from it was kept."""


@dataclass
class Contact:
    """One person as a file describes them, before anything is matched or stored."""

    line: int
    name: str = ""
    emails: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    organization: str = ""
    job_title: str = ""
    linkedin_url: str = ""
    postal_address: str = ""
    notes: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    # Why the file says to leave this row out (an alumnus not willing to talk).
    left_out: str = ""


def one_line(text: str) -> str:
    return " ".join(text.split())


def linkedin_address(text: str) -> str:
    """A LinkedIn profile address written one way, so that two spellings of it match."""
    found = LINKEDIN_PROFILE.fullmatch(text.strip())
    return f"https://www.linkedin.com/in/{found.group(1).lower()}" if found else ""


def address(text: str) -> str:
    """A postal address with one line break between lines, whatever the file used."""
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def several(cell: str) -> list[str]:
    """Google and Outlook put several values in one cell, separated by ' ::: '."""
    return [one_line(part) for part in cell.split(":::") if one_line(part)]


class ContactsFile:
    """A contacts file within the limits of a list: its size, its rows, its lines."""

    def __init__(self, path: Path, archive: Archive, member: str, rows_allowed: int):
        self.path = path
        self.archive = archive
        self.member = member
        self.rows_allowed = rows_allowed

    def refuse(self, problem: str, line: int | None = None) -> ContactsRefused:
        return self.archive.refuse(self.member, problem, line)  # type: ignore[return-value]

    def lines(self, encodings: tuple[str, ...] = ("utf-8",)) -> Iterator[str]:
        for number, line in enumerate(self.archive.lines(self.member, encodings), start=1):
            if "\x00" in line:
                raise self.refuse(ZERO_BYTE, number)
            yield line

    def rows(self, encodings: tuple[str, ...] = ("utf-8",)) -> Iterator[tuple[int, list[str]]]:
        for line, values in self.archive.rows(self.member, encodings=encodings):
            if any("\x00" in value for value in values):
                raise self.refuse(ZERO_BYTE, line)
            yield line, values

    def counted(self, contacts: Iterator[Contact]) -> Iterator[Contact]:
        """The contacts, refused past the row limit before any is stored."""
        for count, contact in enumerate(contacts, start=1):
            if count > self.rows_allowed:
                raise self.refuse(
                    f"has more than {self.rows_allowed:,} contacts, more than one import "
                    f"may bring in; split it, or if you trust it raise {LIST_ROWS_SETTING}",
                    contact.line,
                )
            yield contact


@contextmanager
def opened(path: Path, env=None) -> Iterator[ContactsFile]:
    """The file (or the one contacts file in a zip, such as LinkedIn's export) to read."""
    limits, rows = list_limits(os.environ if env is None else env)
    path = Path(path)
    _check_size(path, limits)
    with Archive(path, limits, error=ContactsRefused) as archive:
        yield ContactsFile(path, archive, _member(archive), rows)


def _check_size(path: Path, limits: Limits) -> None:
    """A file larger than a list may be is refused before a byte of it is read."""
    try:
        size = path.stat().st_size
    except OSError as error:
        raise ContactsRefused(f"{printable(str(path))} cannot be read ({error.strerror})") from None
    if size > limits.total_bytes:
        raise ContactsRefused(
            f"{printable(path.name)} is {size / 1024 / 1024:,.0f} MB, larger than the "
            f"{limits.total_bytes // 1024 // 1024} MB a contacts file may be; "
            f"if you trust it, raise {LIST_SIZE_SETTING}"
        )


def _member(archive: Archive) -> str:
    if not archive.is_archive:
        return archive.members[0]
    wanted = [m for m in archive.members if Path(m).name.lower() == "connections.csv"]
    wanted = wanted or [m for m in archive.members if m.lower().endswith((".csv", ".vcf"))]
    if len(wanted) != 1:
        named = printable(archive.path.resolve().name or str(archive.path))  # '.' has no name
        raise ContactsRefused(
            f"{named} holds {len(wanted)} contacts files (.csv or .vcf); "
            "unpack it and import one file"
        )
    return wanted[0]


HEADER_SEARCH_ROWS = 20


class Table:
    """A CSV with a header row, which may come after a few lines of notes (LinkedIn's do)."""

    def __init__(
        self,
        file: ContactsFile,
        is_header,
        expected: str,
        encodings: tuple[str, ...] = ("utf-8",),
    ):
        self.file = file
        self._rows = file.rows(encodings)
        for line, values in self._rows:
            if is_header([value.strip() for value in values]):
                self.header_line = line
                self.columns = {value.strip().casefold(): i for i, value in enumerate(values)}
                return
            if line >= HEADER_SEARCH_ROWS:
                break
        raise file.refuse(f"has no {expected} header in its first {HEADER_SEARCH_ROWS} lines")

    def __iter__(self) -> Iterator[tuple[int, list[str]]]:
        return iter(self._rows)

    def has(self, column: str) -> bool:
        return column.casefold() in self.columns

    def cell(self, values: list[str], column: str) -> str:
        index = self.columns.get(column.casefold())
        if index is None or index >= len(values):
            return ""
        return values[index].strip()
