"""Reading an O*NET text release from a zip or a folder, by column name, line by line.

Releases add columns and move files into sub-folders, so files are found by name and
columns by header; every problem names the file and line so the user can act on it.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from infointerview.lib.errors import UserError

csv.field_size_limit(10_000_000)


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
    """The files of one O*NET text release, wherever they sit in the zip or folder."""

    def __init__(self, path: Path):
        self.path = path
        self._zip: zipfile.ZipFile | None = None
        self._names: dict[str, str] = {}
        if path.is_dir():
            for file in path.rglob("*.txt"):
                self._names.setdefault(file.name.lower(), str(file))
        elif path.is_file():
            try:
                self._zip = zipfile.ZipFile(path)
            except (zipfile.BadZipFile, OSError) as error:
                raise OnetFileError(
                    f"{path.name} is not a readable zip file ({error}): download it again"
                ) from None
            for name in self._zip.namelist():
                if name.lower().endswith(".txt"):
                    self._names.setdefault(name.rsplit("/", 1)[-1].lower(), name)
        else:
            raise OnetFileError(f"{path} does not exist: give a zip file or a folder")

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()

    def __enter__(self) -> Release:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def has(self, file_name: str) -> bool:
        return file_name.lower() in self._names

    def read_bytes(self, file_name: str) -> bytes:
        location = self._names[file_name.lower()]
        try:
            if self._zip is not None:
                return self._zip.read(location)
            return Path(location).read_bytes()
        except (zipfile.BadZipFile, OSError, EOFError, zlib.error) as error:
            raise OnetFileError(
                f"{file_name}: cannot be read ({error}); the zip may be damaged"
            ) from None

    def release_name(self, given: str | None = None) -> str | None:
        """From `Read Me.txt`, else the zip's or folder's name (db_30_0_text), else as given."""
        if self.has("Read Me.txt"):
            text = self.read_bytes("Read Me.txt").decode("utf-8", errors="replace")
            found = re.search(r"O\*NET\s+(\d+\.\d+)\s+Database", text)
            if found:
                return found.group(1)
        found = re.search(r"db_(\d+)_(\d+)", self.path.name) or re.fullmatch(
            r"(\d+)\.(\d+)", self.path.name
        )
        if found:
            return f"{found.group(1)}.{found.group(2)}"
        return given


def checksum(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def rows(file_name: str, data: bytes, required: list[str]) -> Iterator[Row]:
    """Rows of a tab-separated O*NET file; CRLF and LF alike; a BOM is ignored."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise OnetFileError(
            f"{file_name} line {line}: not UTF-8 text; use the official text release"
        ) from None
    reader = csv.reader(io.StringIO(text, newline=""), delimiter="\t", quoting=csv.QUOTE_NONE)
    try:
        header = [column.strip() for column in next(reader)]
    except StopIteration:
        raise OnetFileError(f"{file_name} is empty") from None
    missing = [column for column in required if column not in header]
    if missing:
        raise OnetFileError(
            f"{file_name} line 1: no column {', '.join(repr(m) for m in missing)} "
            f"(found {', '.join(header)}); is this an O*NET text file?"
        )
    for values in reader:
        if not values or values == [""]:
            continue
        if len(values) != len(header):
            raise OnetFileError(
                f"{file_name} line {reader.line_num}: {len(values)} columns where the header "
                f"has {len(header)}; the file is damaged"
            )
        yield Row(reader.line_num, dict(zip(header, values, strict=True)))


def number(row: Row, column: str, file_name: str) -> float:
    try:
        return float(row[column])
    except ValueError:
        raise OnetFileError(
            f"{file_name} line {row.line}: {column} {row[column]!r} is not a number"
        ) from None
