"""Which reader a file needs: the one named, or the one its content shows."""

from __future__ import annotations

import csv
from itertools import islice
from pathlib import Path

from infointerview.lib.errors import Refused
from infointerview.people.imports import google, linkedin, mapped_csv, vcard
from infointerview.people.imports.contacts import HEADER_SEARCH_ROWS, Contact, ContactsFile
from infointerview.people.models import ImportBatch, Source

FORMATS = [choice.value for choice in ImportBatch.Format]
# Where the names in each kind of file usually came from, unless the user says.
SOURCES = {
    ImportBatch.Format.LINKEDIN: Source.COWORKER,
    ImportBatch.Format.VCARD: Source.FRIEND,
    ImportBatch.Format.GOOGLE: Source.FRIEND,
    ImportBatch.Format.CSV: Source.ALUMNI,
}


def format_named(text: str | None) -> str | None:
    if not text:
        return None
    wanted = text.strip().lower()
    if wanted not in FORMATS:
        raise Refused(f"--format {text}: give one of {', '.join(FORMATS)}")
    return wanted


def detected(file: ContactsFile) -> str:
    """The format the file's first lines show; a plain CSV list when nothing more specific."""
    if Path(file.member).suffix.lower() in (".vcf", ".vcard"):
        return ImportBatch.Format.VCARD
    first = list(islice(file.lines(mapped_csv.ENCODINGS), HEADER_SEARCH_ROWS))
    if any(vcard.looks_like(line) for line in first):
        return ImportBatch.Format.VCARD
    try:
        rows = [[value.strip() for value in row] for row in csv.reader(first)]
    except csv.Error:
        rows = []
    if any(linkedin.looks_like(row) for row in rows):
        return ImportBatch.Format.LINKEDIN
    if any(google.looks_like(row) for row in rows):
        return ImportBatch.Format.GOOGLE
    return ImportBatch.Format.CSV


def contacts_in(file: ContactsFile, file_format: str, mapping: dict[str, str]) -> list[Contact]:
    """Every contact in the file, or a one-line refusal naming the file and line."""
    if mapping and file_format != ImportBatch.Format.CSV:
        raise Refused("columns can be given for a plain CSV list only (the csv format)")
    if file_format == ImportBatch.Format.LINKEDIN:
        read = linkedin.contacts(file)
    elif file_format == ImportBatch.Format.GOOGLE:
        read = google.contacts(file)
    elif file_format == ImportBatch.Format.VCARD:
        read = vcard.contacts(file)
    else:
        read = mapped_csv.contacts(file, mapping)
    return list(file.counted(read))
