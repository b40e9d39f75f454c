"""Reading an O*NET text release from a zip or a folder, by column name, line by line.

Releases add columns and move files into sub-folders, so files are found by name and
columns by header; every problem names the file and line so the user can act on it.
"""

from __future__ import annotations

import csv
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from infointerview.careers.files import file_limits
from infointerview.lib.errors import UserError
from infointerview.lib.safe_files import ZERO_BYTE, Archive, Limits, holds_zero_byte, printable


class OnetFileError(UserError):
    """A release file cannot be read; nothing from this import is kept."""


@dataclass
class Row:
    """One data row, read by column name."""

    line: int
    values: dict[str, str]

    def __getitem__(self, column: str) -> str:
        return self.values[column]

    def get(self, column: str, default: str = "") -> str:
        return self.values.get(column, default)


class Release:
    """The files of one O*NET text release, wherever they sit in the zip or folder.

    Files are streamed from the archive within the configured limits, never read whole.
    """

    def __init__(self, path: Path, limits: Limits | None = None):
        self.path = path
        self._files = Archive(path, limits or file_limits(), error=OnetFileError, zip_only=True)
        self._names: dict[str, str] = {}
        for member in self._files.members:
            if member.lower().endswith(".txt"):
                self._names.setdefault(Path(member).name.lower(), member)

    def close(self) -> None:
        self._files.close()

    def __enter__(self) -> Release:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def has(self, file_name: str) -> bool:
        return file_name.lower() in self._names

    def checksum(self, file_name: str) -> str:
        return self._files.digest(self._names[file_name.lower()])

    def rows(self, file_name: str, required: list[str]) -> Iterator[Row]:
        """Rows of a tab-separated O*NET file by column name; CRLF and LF alike."""
        member = self._names[file_name.lower()]
        found = self._files.rows(member, delimiter="\t", quoting=csv.QUOTE_NONE)
        where = printable(self._files.where(member))
        header: list[str] | None = None
        for line, values in found:
            if header is None:
                header = [column.strip() for column in values]
                missing = [column for column in required if column not in header]
                if missing:
                    raise OnetFileError(
                        f"{where} line {line}: no column "
                        f"{', '.join(repr(m) for m in missing)} "
                        f"(found {printable(', '.join(header)[:300])}); is this an O*NET text file?"
                    )
                continue
            if len(values) != len(header):
                raise OnetFileError(
                    f"{where} line {line}: {len(values)} columns where the header "
                    f"has {len(header)}; the file is damaged"
                )
            if holds_zero_byte(values):
                raise OnetFileError(f"{where} line {line}: {ZERO_BYTE}")
            yield Row(line, dict(zip(header, values, strict=True)))
        if header is None:
            raise OnetFileError(f"{where} is empty")

    def release_name(self, given: str | None = None) -> str | None:
        """From `Read Me.txt`, else the zip's or folder's name (db_30_0_text), else as given."""
        if self.has("Read Me.txt"):
            member = self._names["read me.txt"]
            lines = self._files.lines(member, encodings=("utf-8", "cp1252"))
            for text in lines:
                found = re.search(r"O\*NET\s+(\d+\.\d+)\s+Database", text)
                if found:
                    lines.close()
                    return found.group(1)
        found = re.search(r"db_(\d+)_(\d+)", self.path.name) or re.fullmatch(
            r"(\d+)\.(\d+)", self.path.name
        )
        if found:
            return f"{found.group(1)}.{found.group(2)}"
        return given


def number(row: Row, column: str, file_name: str) -> float:
    """A finite number: nan, inf and 1e400 would break every page that shows them."""
    text = row[column]
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value):
        raise OnetFileError(f"{file_name} line {row.line}: {column} {text[:40]!r} is not a number")
    return value


def whole(row: Row, column: str, file_name: str, highest: int = 2_147_483_647) -> int:
    """A whole number from 0 to `highest` (what the column can hold)."""
    value = number(row, column, file_name)
    if value != int(value) or not 0 <= value <= highest:
        raise OnetFileError(
            f"{file_name} line {row.line}: {column} {row[column][:40]!r} is not a whole "
            f"number from 0 to {highest:,}"
        )
    return int(value)
