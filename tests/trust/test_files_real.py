"""The default limits accept the real O*NET and BLS files, with room to spare.

Read from ../shared beside the project (skipped with the reason when absent, a failure
under CI=true); nothing from them is copied here.
"""

from __future__ import annotations

import csv

import pytest

from infointerview.lib.safe_files import Archive, Limits
from tests.shared_data import shared_path

DEFAULT = Limits()


def measure(archive: Archive, member: str) -> tuple[int, int]:
    """(rows, longest field) of a member read whole under the default limits."""
    if member.lower().endswith(".xlsx"):
        rows = archive.workbook_rows(member)
    else:
        delimiter = "\t" if member.lower().endswith(".txt") else ","
        quoting = csv.QUOTE_NONE if delimiter == "\t" else csv.QUOTE_MINIMAL
        rows = archive.rows(member, delimiter=delimiter, quoting=quoting)
    count = longest = 0
    for _, values in rows:
        count += 1
        longest = max(longest, *(len(v) for v in values))
    return count, longest


@pytest.mark.parametrize(
    ("parts", "suffixes"),
    [
        (("onet", "27.0"), (".txt",)),
        (("onet", "30.0"), (".txt",)),
        (("onet", "29.3", "converted"), (".txt", ".xlsx")),
        (("oews", "oews-2025-cross-industry.csv.gz"), (".csv",)),
    ],
    ids=["onet-27.0", "onet-30.0", "onet-29.3-excel", "oews-2025"],
)
def test_the_default_limits_accept_the_real_files(parts, suffixes):
    path = shared_path(*parts)
    with Archive(path, DEFAULT) as archive:
        members = [m for m in archive.members if m.lower().endswith(suffixes)]
        assert members
        for member in members:
            rows, longest = measure(archive, member)
            assert rows > 1, member
            assert longest < DEFAULT.field_chars // 50, (member, longest)
        expanded = max(archive.expanded.values())
    # The largest member (the OEWS CSV, 50 MB) is far inside the limit for one file.
    assert expanded < DEFAULT.member_bytes // 10
