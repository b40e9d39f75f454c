"""Whatever the file holds: a valid result or a one-line error, never a traceback or half a write.

Each example starts from a real import of the fixture release and wages, changes one
file the way a damaged download, a hand edit or a hostile sender would, imports it,
and rolls the database back afterwards.
"""

from __future__ import annotations

import gzip
import os
import tempfile
import zipfile
from pathlib import Path

import pytest
from django.db import transaction
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from infointerview.careers.onet_import import import_release
from infointerview.careers.onet_source import OnetFileError
from infointerview.careers.wages import WageFileError, import_wages
from infointerview.lib.errors import UserError
from infointerview.lib.safe_files import Archive, FileRefused, Limits
from tests.careers.oews_fixture import HEADER, ROWS, csv_text, write_bls_zip
from tests.careers.onet_fixture import release_files, write_release
from tests.trust.test_files_imports import stored

EXAMPLES = settings(
    max_examples=int(os.environ.get("FILES_EXAMPLES", 60)),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

ODD_VALUES = [
    "nan",
    "NaN",
    "inf",
    "-inf",
    "1e400",
    "-1",
    "99999999999",
    "4.5",
    "#",
    "*",
    "**",
    "",
    "1,234",
    "\t",
    "\n",
    "\r",
    '"',
    "\x00",
    "é",
    "27-9001.00",
    "x" * 400,
]
cells = st.one_of(
    st.sampled_from(ODD_VALUES),
    st.text(max_size=40),
    st.floats().map(str),
    st.integers().map(str),
)


def one_line(error: UserError) -> None:
    message = str(error)
    assert message and "\n" not in message and "Traceback" not in message


@pytest.fixture
def before(db, tmp_path):
    import_release(write_release(tmp_path / "v28", "28.0"))
    import_wages(_write(tmp_path / "first.csv", csv_text().encode()))
    return stored()


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def attempt(action, error_class: type[UserError], before: dict) -> None:
    """Run an import inside a transaction rolled back afterwards; check what it left."""
    with transaction.atomic():
        try:
            action()
        except error_class as error:
            one_line(error)
            assert stored() == before
        transaction.set_rollback(True)


def changed_table(text: str, row: int, column: int, value: str) -> str:
    lines = text.splitlines(keepends=True)
    index = row % len(lines)
    ending = "\r\n" if lines[index].endswith("\r\n") else "\n"
    values = lines[index].rstrip("\r\n").split("\t")
    values[column % len(values)] = value
    lines[index] = "\t".join(values) + ending
    return "".join(lines)


onet_names = sorted(release_files("29.0"))


@EXAMPLES
@given(
    name=st.sampled_from(onet_names),
    row=st.integers(0, 20),
    column=st.integers(0, 12),
    value=cells,
)
def test_a_changed_cell_in_an_o_net_file(before, name, row, column, value):
    files = release_files("29.0")
    files[name] = changed_table(files[name], row, column, value)
    with tempfile.TemporaryDirectory() as folder:
        for file_name, text in files.items():
            (Path(folder) / file_name).write_text(text, encoding="utf-8")
        attempt(lambda: import_release(Path(folder), release="29.0"), OnetFileError, before)


NUMERIC_COLUMNS = [
    ("Task Statements.txt", "Task ID"),
    ("Task Ratings.txt", "Task ID"),
    ("Task Ratings.txt", "Data Value"),
    ("Job Zones.txt", "Job Zone"),
    ("Job Zone Reference.txt", "Job Zone"),
    ("Interests.txt", "Data Value"),
    ("Work Values.txt", "Data Value"),
    ("Related Occupations.txt", "Index"),
    ("Education, Training, and Experience.txt", "Category"),
    ("Education, Training, and Experience.txt", "Data Value"),
    ("Education, Training, and Experience Categories.txt", "Category"),
    ("Skills.txt", "Data Value"),
]
figures = st.one_of(
    st.sampled_from(["nan", "inf", "-inf", "1e400", "-1e400", "1e308", "-0", "0x10", "1_0"]),
    st.floats().map(str),
    st.integers().map(str),
    st.decimals(allow_nan=True).map(str),
)


@EXAMPLES
@given(place=st.sampled_from(NUMERIC_COLUMNS), row=st.integers(1, 8), value=figures)
def test_an_odd_figure_in_an_o_net_number_column(before, place, row, value):
    name, column = place
    files = release_files("29.0")
    header = files[name].splitlines()[0].split("\t")
    files[name] = changed_table(
        files[name], max(row % files[name].count("\n"), 1), header.index(column), value
    )
    with tempfile.TemporaryDirectory() as folder:
        for file_name, text in files.items():
            (Path(folder) / file_name).write_text(text, encoding="utf-8")
        attempt(lambda: import_release(Path(folder), release="29.0"), OnetFileError, before)


@EXAMPLES
@given(
    name=st.sampled_from(onet_names),
    position=st.integers(0, 10_000),
    garbage=st.binary(min_size=1, max_size=40),
    cut=st.booleans(),
)
def test_damaged_bytes_in_an_o_net_file(before, name, position, garbage, cut):
    files = {n: t.encode() for n, t in release_files("29.0").items()}
    data = files[name]
    at = position % (len(data) + 1)
    files[name] = data[:at] + garbage + (b"" if cut else data[at + len(garbage) :])
    with tempfile.TemporaryDirectory() as folder:
        for file_name, content in files.items():
            (Path(folder) / file_name).write_bytes(content)
        attempt(lambda: import_release(Path(folder), release="29.0"), OnetFileError, before)


def release_zip_bytes() -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "db_29_0_text.zip"
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, text in release_files("29.0").items():
                archive.writestr(f"db_29_0_text/{name}", text)
        return path.read_bytes()


RELEASE_ZIP = release_zip_bytes()


@EXAMPLES
@given(position=st.integers(0, len(RELEASE_ZIP)), garbage=st.binary(min_size=1, max_size=16))
def test_damaged_bytes_in_an_o_net_zip(before, position, garbage):
    data = RELEASE_ZIP[:position] + garbage + RELEASE_ZIP[position + len(garbage) :]
    with tempfile.TemporaryDirectory() as folder:
        path = _write(Path(folder) / "db_29_0_text.zip", data)
        attempt(lambda: import_release(path), OnetFileError, before)


@EXAMPLES
@given(
    row=st.integers(0, len(ROWS) - 1),
    column=st.sampled_from(HEADER),
    value=cells,
    repeat=st.booleans(),
    compress=st.booleans(),
)
# Found here on PostgreSQL, which refuses to store a zero byte: now refused as damage.
@example(row=0, column="AREA_TITLE", value="Nat\x00ional", repeat=False, compress=False)
def test_a_changed_cell_in_a_wages_file(before, row, column, value, repeat, compress):
    rows = [r[:] for r in ROWS]
    rows[row][HEADER.index(column)] = value
    if repeat:
        rows.append(rows[row])
    data = "\n".join([",".join(HEADER), *(",".join(_quoted(v) for v in r) for r in rows)])
    data = data.encode() + b"\n"
    with tempfile.TemporaryDirectory() as folder:
        path = _write(
            Path(folder) / ("oews.csv.gz" if compress else "oews.csv"),
            gzip.compress(data) if compress else data,
        )
        attempt(lambda: import_wages(path), WageFileError, before)


def _quoted(value: str) -> str:
    return '"' + value.replace('"', '""') + '"' if any(c in value for c in ',"\n\r') else value


def bls_zip_bytes() -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        return write_bls_zip(Path(folder) / "oesm25nat.zip").read_bytes()


BLS_ZIP = bls_zip_bytes()


@EXAMPLES
@given(position=st.integers(0, len(BLS_ZIP)), garbage=st.binary(min_size=1, max_size=16))
def test_damaged_bytes_in_the_bls_zip(before, position, garbage):
    data = BLS_ZIP[:position] + garbage + BLS_ZIP[position + len(garbage) :]
    with tempfile.TemporaryDirectory() as folder:
        path = _write(Path(folder) / "oesm25nat.zip", data)
        attempt(lambda: import_wages(path), WageFileError, before)


SMALL = Limits(member_bytes=64 * 1024, total_bytes=128 * 1024, field_chars=100)


@EXAMPLES
@given(
    data=st.one_of(
        st.binary(max_size=2000),
        st.text(max_size=2000).map(str.encode),
        st.binary(max_size=500).map(gzip.compress),
    ),
    suffix=st.sampled_from([".csv", ".txt", ".gz", ".zip", ".xlsx"]),
)
def test_the_reader_reads_any_bytes_or_says_why_not(data, suffix):
    with tempfile.TemporaryDirectory() as folder:
        path = _write(Path(folder) / f"file{suffix}", data)
        try:
            with Archive(path, SMALL) as archive:
                for member in archive.members:
                    if member.endswith(".xlsx"):
                        rows = list(archive.workbook_rows(member))
                    else:
                        rows = list(archive.rows(member, encodings=("utf-8", "cp1252")))
                    assert all(len(v) <= SMALL.field_chars for _, r in rows for v in r)
        except FileRefused as error:
            one_line(error)
