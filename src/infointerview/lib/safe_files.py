"""Reading files people bring in — a zip, a gzip, a folder or a plain file — within limits.

A small archive can expand to gigabytes (a 1.5 MB zip of repeated bytes to 10.9 GiB), so
nothing here reads a member whole: members are streamed, counted as they expand, and
refused once they pass a limit, with one line naming the file, the member and what to
do. Damage, encryption, unknown compression, bad encodings and overlong fields end the
same way, as the caller's error class, so an import can roll back and say why.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import lzma
import shutil
import tempfile
import zipfile
import zlib
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from infointerview.lib.env import SettingError
from infointerview.lib.errors import Refused, UserError

MB = 1024 * 1024
CHUNK = 256 * 1024
# Past this a workbook being copied out of an archive goes to a temporary file.
SPOOL_IN_MEMORY = 16 * MB
# A line may hold one field at the limit (4 bytes a character at most) plus the others.
LINE_SLACK = 1 * MB
READABLE_METHODS = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA}
MEMBER_SETTING = "INFOINTERVIEW_IMPORT_MAX_MEMBER_MB"
TOTAL_SETTING = "INFOINTERVIEW_IMPORT_MAX_TOTAL_MB"
FIELD_SETTING = "INFOINTERVIEW_IMPORT_MAX_FIELD_CHARS"
LIST_SIZE_SETTING = "INFOINTERVIEW_IMPORT_MAX_LIST_MB"
LIST_ROWS_SETTING = "INFOINTERVIEW_IMPORT_MAX_LIST_ROWS"
UNREADABLE = "uses a zip feature that cannot be read here"
UNZIP_ELSEWHERE = "unzip it with another tool and import the folder"
# What a damaged zip or gzip raises while it is read.
DAMAGE = (zipfile.BadZipFile, zlib.error, lzma.LZMAError, EOFError, gzip.BadGzipFile)


class FileRefused(Refused):
    """A file brought in cannot be read safely; nothing from it was kept."""


@dataclass(frozen=True)
class Limits:
    """How far a file may expand, and how long one field may be.

    The defaults are far above the real O*NET and BLS files (the largest member,
    the OEWS CSV, expands to 50 MB; the longest field, an occupation description, is
    812 characters) and far below what would exhaust a laptop's memory or disk.
    """

    member_bytes: int = 1024 * MB
    total_bytes: int = 2048 * MB
    field_chars: int = 65_536

    @property
    def line_bytes(self) -> int:
        return 4 * self.field_chars + LINE_SLACK


def limits(env: Mapping[str, str]) -> Limits:
    """The limits set by INFOINTERVIEW_IMPORT_MAX_* variables, else the defaults."""
    default = Limits()
    return Limits(
        member_bytes=_positive(env, MEMBER_SETTING, default.member_bytes // MB) * MB,
        total_bytes=_positive(env, TOTAL_SETTING, default.total_bytes // MB) * MB,
        field_chars=_positive(env, FIELD_SETTING, default.field_chars),
    )


def list_limits(env: Mapping[str, str]) -> tuple[Limits, int]:
    """A list of names (contacts, an alumni list): 50 MB and 50,000 rows unless set otherwise.

    Far above any one person's contacts, and small enough to preview in one page.
    """
    size = _positive(env, LIST_SIZE_SETTING, 50) * MB
    return (
        Limits(member_bytes=size, total_bytes=size, field_chars=limits(env).field_chars),
        _positive(env, LIST_ROWS_SETTING, 50_000),
    )


def _positive(env: Mapping[str, str], name: str, default: int) -> int:
    raw = env.get(name)
    if raw is None:
        return default
    try:
        value = int(raw.strip())
    except ValueError:
        value = 0
    if value <= 0:
        raise SettingError(f"{name}={raw!r} is not a positive whole number")
    return value


def sha256_of(path: Path) -> str:
    """The checksum of a file as it is on disk, read a block at a time."""
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        while block := file.read(CHUNK):
            digest.update(block)
    return digest.hexdigest()


@contextmanager
def kept_aside(
    stream: IO[bytes], name: str, limits: Limits | None = None, error: type[UserError] = FileRefused
) -> Iterator[Path]:
    """A file sent over the web, copied to a private temporary folder for `Archive` to open.

    The copy stops at the total limit, and the folder is removed when the block ends.
    """
    largest = (limits or Limits()).total_bytes
    safe_name = printable(Path(name.replace("\\", "/")).name).strip(". ") or "upload"
    with tempfile.TemporaryDirectory(prefix="infointerview-") as folder:
        path = Path(folder) / safe_name
        copied = 0
        with open(path, "wb") as out:
            while block := stream.read(CHUNK):
                copied += len(block)
                if copied > largest:
                    raise error(
                        f"{safe_name} is larger than the {_size(largest)} an import may be; "
                        f"if you trust it, raise {TOTAL_SETTING}"
                    )
                out.write(block)
        yield path


ZERO_BYTE = "holds a zero byte; the file is damaged"


def holds_zero_byte(cells) -> bool:
    """Whether a row of a file holds a zero byte, which no database keeps (PostgreSQL
    refuses it outright): refused with ZERO_BYTE before anything is written."""
    return any(isinstance(cell, str) and "\x00" in cell for cell in cells)


def printable(text: str) -> str:
    """Text from a file, made safe for a one-line message: line breaks and controls escaped."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def _size(count: int) -> str:
    return f"{count / MB:,.0f} MB" if count >= MB else f"{count:,} bytes"


class Archive:
    """A zip, a gzip, a folder or a plain file, whose members are read within `limits`.

    Errors are raised as `error` (a `UserError` class), so each import keeps its own.
    A `.xlsx` file is a zip too, but it is one member here: a workbook, read with
    `workbook_rows`. `zip_only` refuses any file that is not a zip (a folder is fine).
    """

    def __init__(
        self,
        path: Path,
        limits: Limits | None = None,
        error: type[UserError] = FileRefused,
        zip_only: bool = False,
    ):
        self.path = Path(path)
        self.limits = limits or Limits()
        self.error = error
        self.zip_only = zip_only
        self._zip: zipfile.ZipFile | None = None
        self._gzip = False
        self._expanded: dict[str, int] = {}
        self._total = 0
        self.members: list[str] = []
        self._open_path()

    # Opening

    def _open_path(self) -> None:
        path = self.path
        if path.is_dir():
            self.members = sorted(
                str(file.relative_to(path)) for file in path.rglob("*") if file.is_file()
            )
            return
        if not path.is_file():
            raise self.error(f"{path} does not exist: give a file or a folder")
        try:
            with open(path, "rb") as file:
                magic = file.read(4)
        except OSError as error:
            raise self.error(f"{path.name} cannot be read ({error.strerror})") from None
        suffix = path.suffix.lower()
        if self.zip_only or (suffix != ".xlsx" and (magic[:2] == b"PK" or suffix == ".zip")):
            self._open_zip()
        elif magic[:2] == b"\x1f\x8b" or suffix == ".gz":
            self._gzip = True
            self.members = [path.name[: -len(".gz")] if suffix == ".gz" else path.name]
        else:
            self.members = [path.name]

    def _open_zip(self) -> None:
        try:
            self._zip = zipfile.ZipFile(self.path)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as error:
            raise self.error(
                f"{self.path.name} is not a readable zip file ({error}): download it again"
            ) from None
        listed = self._zip.infolist()
        if any(not info.filename for info in listed):  # zipfile cannot even ask what it is
            raise self.error(
                f"{self.path.name} is not a readable zip file (a member has no name):"
                " download it again"
            )
        self.members = [info.filename for info in listed if not info.is_dir()]

    @property
    def is_archive(self) -> bool:
        """A zip or a folder, which may hold several files; not a single (gzipped) file."""
        return self._zip is not None or self.path.is_dir()

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # Naming

    def where(self, member: str, line: int | None = None) -> str:
        """'file.zip, member.txt line 3': enough to find the place by hand."""
        place = self.path.name if member == self.path.name else f"{self.path.name}, {member}"
        return place if line is None else f"{place} line {line}"

    def refuse(self, member: str, problem: str, line: int | None = None) -> UserError:
        return self.error(printable(f"{self.where(member, line)}: {problem}"))

    # Reading bytes

    @contextmanager
    def open(self, member: str) -> Iterator[IO[bytes]]:
        """The member's bytes as a stream that refuses to expand past the limits."""
        raw = self._open_raw(member)
        try:
            yield _Counted(raw, self, member)
        except DAMAGE as error:
            raise self.refuse(member, f"is damaged ({error}); download it again") from None
        except OSError as error:
            raise self.refuse(member, f"cannot be read ({error})") from None
        finally:
            raw.close()

    def _open_raw(self, member: str) -> IO[bytes]:
        if self._zip is not None:
            info = self._zip.getinfo(member)
            self._check_entry(member, info)
            try:
                return self._zip.open(info)
            except (*DAMAGE, OSError) as error:
                raise self.refuse(member, f"is damaged ({error}); download it again") from None
            except NotImplementedError as error:
                raise self.refuse(member, f"{UNREADABLE} ({error}); {UNZIP_ELSEWHERE}") from None
        location = self.path / member if self.path.is_dir() else self.path
        try:
            if self._gzip:
                return gzip.open(location, "rb")
            return open(location, "rb")  # noqa: SIM115 (closed by `open` above)
        except OSError as error:
            raise self.refuse(member, f"cannot be read ({error.strerror})") from None

    def _check_entry(self, member: str, info: zipfile.ZipInfo) -> None:
        if info.flag_bits & 0x1:
            raise self.refuse(
                member, "is encrypted: unzip it with its password and import the folder"
            )
        if info.compress_type not in READABLE_METHODS:
            raise self.refuse(
                member,
                f"{UNREADABLE} (compression method {info.compress_type}); {UNZIP_ELSEWHERE}",
            )
        if info.file_size > self.limits.member_bytes:
            raise self._too_big(member, info.file_size)

    def _too_big(self, member: str, size: int | None = None) -> UserError:
        expands = f"expands to {_size(size)}" if size else "expands to"
        return self.refuse(
            member,
            f"{expands} more than the {_size(self.limits.member_bytes)} allowed for one file; "
            f"if you trust it, raise {MEMBER_SETTING}",
        )

    def _count(self, member: str, read_so_far: int) -> None:
        """Called as a member expands; the total counts each member once however often read."""
        if read_so_far > self.limits.member_bytes:
            raise self._too_big(member)
        before = self._expanded.get(member, 0)
        if read_so_far > before:
            self._total += read_so_far - before
            self._expanded[member] = read_so_far
        if self._total > self.limits.total_bytes:
            raise self.refuse(
                member,
                f"the files expand to more than the {_size(self.limits.total_bytes)} allowed "
                f"in all; if you trust them, raise {TOTAL_SETTING}",
            )

    @property
    def expanded(self) -> dict[str, int]:
        """How far each member read so far has expanded, in bytes (a workbook's XML apart)."""
        return dict(self._expanded)

    def read(self, member: str) -> bytes:
        with self.open(member) as stream:
            return stream.read()

    def digest(self, member: str) -> str:
        """sha256 of the member's content, streamed."""
        digest = hashlib.sha256()
        with self.open(member) as stream:
            while block := stream.read(CHUNK):
                digest.update(block)
        return digest.hexdigest()

    def check(self) -> None:
        """Read every member to its end: damage or a bomb is found now, not mid-import."""
        for member in self.members:
            with self.open(member) as stream:
                while stream.read(CHUNK):
                    pass

    @contextmanager
    def spooled(self, member: str) -> Iterator[IO[bytes]]:
        """A seekable copy of the member (kept in memory when small) for readers that seek."""
        with tempfile.SpooledTemporaryFile(max_size=SPOOL_IN_MEMORY) as copy:
            with self.open(member) as stream:
                shutil.copyfileobj(stream, copy, CHUNK)
            copy.seek(0)
            yield copy

    # Reading text

    def lines(self, member: str, encodings: tuple[str, ...] = ("utf-8",)) -> Iterator[str]:
        """The member's lines as text, each decoded alone so a bad byte names its line.

        Each line is tried in `encodings` in turn (a spreadsheet export in Windows-1252
        among UTF-8 lines reads as the user meant); a leading byte-order mark is dropped.
        """
        limit = self.limits.line_bytes
        with self.open(member) as stream:
            number = 0
            buffered = io.BufferedReader(stream, CHUNK)  # type: ignore[arg-type]
            while raw := buffered.readline(limit + 1):
                number += 1
                if len(raw) > limit:
                    raise self.refuse(
                        member,
                        f"is longer than {limit:,} bytes; is this the right file?",
                        number,
                    )
                if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                    raw = raw[3:]
                elif number == 1 and raw.startswith((b"\xff\xfe", b"\xfe\xff")):
                    raise self.refuse(
                        member, "is UTF-16 text (Excel's 'Unicode text'); save it as UTF-8", 1
                    )
                yield self._decode(member, raw, number, encodings)

    def _decode(self, member: str, raw: bytes, line: int, encodings: tuple[str, ...]) -> str:
        for encoding in encodings:
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError:
                continue
        named = " or ".join(e.upper() for e in encodings)
        raise self.refuse(member, f"not {named} text; save the file as UTF-8", line)

    def rows(
        self,
        member: str,
        *,
        delimiter: str = ",",
        quoting: int = csv.QUOTE_MINIMAL,
        encodings: tuple[str, ...] = ("utf-8",),
    ) -> Iterator[tuple[int, list[str]]]:
        """(line number, values) of a CSV or tab-separated member; blank lines skipped."""
        # The csv module's limit is global: raise it if need be, never lower it for others.
        csv.field_size_limit(max(csv.field_size_limit(), self.limits.field_chars + 1))
        reader = csv.reader(
            self.lines(member, encodings), delimiter=delimiter, quoting=quoting, strict=False
        )
        while True:
            try:
                values = next(reader)
            except StopIteration:
                return
            except csv.Error as error:
                line = reader.line_num
                if "field larger" in str(error):
                    raise self._long_field(member, line) from None
                raise self.refuse(member, f"cannot be read as CSV ({error})", line) from None
            if not values or values == [""]:
                continue
            if any(len(value) > self.limits.field_chars for value in values):
                raise self._long_field(member, reader.line_num)
            yield reader.line_num, values

    def _long_field(self, member: str, line: int) -> UserError:
        return self.refuse(
            member,
            f"a field is longer than {self.limits.field_chars:,} characters; "
            f"if the file is right, raise {FIELD_SETTING}",
            line,
        )

    # Workbooks

    def workbook_rows(self, member: str) -> Iterator[tuple[int, list[str]]]:
        """(row number, cell texts) of the first sheet of an .xlsx member.

        A workbook is a zip of XML: its own members are checked against the limits
        before openpyxl reads them, and damage found while reading names the row.
        """
        from openpyxl import load_workbook  # loaded only when a workbook comes in

        with self.spooled(member) as copy:
            self._check_workbook(member, copy)
            try:
                workbook = load_workbook(copy, read_only=True, data_only=True)
                sheet = workbook.worksheets[0]
                cells = sheet.iter_rows(values_only=True)
            except Exception as error:  # openpyxl raises many kinds for a damaged workbook
                raise self.refuse(
                    member, f"is not a readable Excel workbook ({_short(error)})"
                ) from None
            number = 0
            try:
                while True:
                    try:
                        values = next(cells)
                    except StopIteration:
                        break
                    except Exception as error:  # damaged sheet XML, in any of its forms
                        raise self.refuse(
                            member,
                            f"the sheet is damaged after row {number} ({_short(error)}); "
                            "download the workbook again",
                        ) from None
                    number += 1
                    texts = ["" if value is None else str(value) for value in values]
                    if any(len(text) > self.limits.field_chars for text in texts):
                        raise self.refuse(
                            member,
                            f"row {number}: a cell is longer than "
                            f"{self.limits.field_chars:,} characters; "
                            f"if the file is right, raise {FIELD_SETTING}",
                        )
                    yield number, texts
            finally:
                workbook.close()

    def _check_workbook(self, member: str, copy: IO[bytes]) -> None:
        try:
            inner = zipfile.ZipFile(copy)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as error:
            raise self.refuse(member, f"is not a readable Excel workbook ({error})") from None
        with inner:
            declared = 0
            for info in inner.infolist():
                self._check_entry(f"{member}: {info.filename}", info)
                declared += info.file_size
            self._count(f"{member} (inside)", declared)
        copy.seek(0)


def _short(error: Exception) -> str:
    """An exception as a few words on one line."""
    text = " ".join(str(error).split()) or error.__class__.__name__
    return text[:200]


class _Counted(io.RawIOBase):
    """A stream that reports how far it has expanded, so the archive can stop it."""

    def __init__(self, raw: IO[bytes], archive: Archive, member: str):
        self._raw = raw
        self._archive = archive
        self._member = member
        self._read = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        chunk = self._raw.read(min(len(buffer), CHUNK))
        count = len(chunk)
        buffer[:count] = chunk
        self._read += count
        self._archive._count(self._member, self._read)
        return count

    def read(self, size: int = -1) -> bytes:
        if size is None or size < 0:
            parts = []
            while chunk := self.read(CHUNK):
                parts.append(chunk)
            return b"".join(parts)
        return super().read(size) or b""
