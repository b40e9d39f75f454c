"""A file of job titles, one a line, read through the one reader of outside files."""

from __future__ import annotations

from pathlib import Path

from infointerview.careers.files import file_limits
from infointerview.lib.safe_files import Archive, FileRefused


def titles_in(path: Path) -> list[str]:
    """The file's non-blank lines, as UTF-8 text (a gzip or a one-file zip is fine)."""
    with Archive(path, file_limits(), error=FileRefused) as archive:
        if len(archive.members) != 1:
            raise FileRefused(f"{path}: give one text file of job titles, one a line")
        member = archive.members[0]
        try:
            text = archive.read(member).decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise archive.refuse(member, "is not UTF-8 text; save it as UTF-8") from error
    return [line.strip() for line in text.splitlines() if line.strip()]
