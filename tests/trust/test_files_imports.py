"""O*NET and wages imports refuse hostile files in one line and keep what was stored."""

from __future__ import annotations

import gzip
import zipfile

import pytest
from django.forms.models import model_to_dict

from infointerview.careers import onet_import, wages
from infointerview.careers.models import (
    AlternateTitle,
    Interest,
    JobZoneReference,
    Occupation,
    OnetTable,
    Task,
    WageEstimate,
    WageImport,
)
from infointerview.careers.onet_import import import_release
from infointerview.careers.onet_source import OnetFileError
from infointerview.careers.wages import WageFileError, import_wages
from infointerview.lib import long_writes
from infointerview.lib.errors import UserError
from infointerview.lib.safe_files import Limits
from tests.careers.oews_fixture import HEADER, ROWS, write_bls_zip, write_csv
from tests.careers.onet_fixture import release_files, write_release, zip_release
from tests.trust.files_fixture import MB, compressed_with, encrypted, gzip_bomb, zip_bomb
from tests.trust.test_files import rewrite_member

STORED = [
    Occupation,
    AlternateTitle,
    Task,
    Interest,
    JobZoneReference,
    OnetTable,
    WageEstimate,
    WageImport,
]


def stored() -> dict:
    return {
        model.__name__: sorted(
            (model_to_dict(row) for row in model.objects.all()), key=lambda d: repr(d)
        )
        for model in STORED
    }


@pytest.fixture
def before(db, tmp_path):
    """O*NET 28.0 and the wages already imported: what a refused file must leave alone."""
    import_release(write_release(tmp_path / "v28", "28.0"))
    import_wages(write_csv(tmp_path / "first.csv"))
    return stored()


def refused(error_class, action) -> str:
    with pytest.raises(error_class) as error:
        action()
    message = str(error.value)
    assert "\n" not in message and "Traceback" not in message
    return message


def replace_in(folder, file_name: str, old: bytes, new: bytes):
    path = folder / file_name
    data = path.read_bytes()
    assert old in data
    path.write_bytes(data.replace(old, new, 1))
    return folder


# O*NET


@pytest.mark.parametrize("bad", ["nan", "inf", "-inf", "1e400"])
def test_a_rating_that_is_not_a_finite_number_is_refused(before, tmp_path, bad):
    release = replace_in(
        write_release(tmp_path / "v29", "29.0"), "Interests.txt", b"6.5", bad.encode()
    )
    message = refused(OnetFileError, lambda: import_release(release))
    assert message == f"Interests.txt line 2: Data Value {bad!r} is not a number"
    assert stored() == before


@pytest.mark.parametrize(
    ("file_name", "old", "new", "message"),
    [
        (
            "Task Statements.txt",
            b"\t100\t",
            b"\t1e400\t",
            "Task Statements.txt line 2: Task ID '1e400' is not a number",
        ),
        (
            "Task Statements.txt",
            b"\t100\t",
            b"\t99999999999\t",
            "Task Statements.txt line 2: Task ID '99999999999' is not a whole number",
        ),
        (
            "Related Occupations.txt",
            b"Primary-Short\t1",
            b"Primary-Short\tnan",
            "Related Occupations.txt line 2: Index 'nan' is not a number",
        ),
        (
            "Job Zones.txt",
            b"\t4\t",
            b"\t4.5\t",
            "Job Zones.txt line 2: Job Zone '4.5' is not a whole number",
        ),
    ],
)
def test_a_whole_number_out_of_range_is_refused(before, tmp_path, file_name, old, new, message):
    release = replace_in(write_release(tmp_path / "v29", "29.0"), file_name, old, new)
    assert refused(OnetFileError, lambda: import_release(release)).startswith(message)
    assert stored() == before


def test_a_duplicated_occupation_code_is_refused_naming_both_lines(before, tmp_path):
    release = write_release(tmp_path / "v29", "29.0")
    path = release / "Occupation Data.txt"
    path.write_bytes(path.read_bytes() + b"27-9002.00\tSign Painters again\tSame code.\r\n")
    message = refused(OnetFileError, lambda: import_release(release))
    assert message.startswith("Occupation Data.txt line 5: 27-9002.00 is already on line 2")
    assert stored() == before


def test_a_duplicated_job_zone_is_refused(before, tmp_path):
    release = write_release(tmp_path / "v29", "29.0")
    path = release / "Job Zone Reference.txt"
    path.write_bytes(path.read_bytes() + path.read_bytes().splitlines(keepends=True)[1])
    assert "job zone 1 comes twice" in refused(OnetFileError, lambda: import_release(release))
    assert stored() == before


def test_a_200000_character_field_is_refused(before, tmp_path):
    release = replace_in(
        write_release(tmp_path / "v29", "29.0"),
        "Alternate Titles.txt",
        b"Muralist",
        b"M" * 200_000,
    )
    message = refused(OnetFileError, lambda: import_release(release))
    assert message.startswith("v29, Alternate Titles.txt line 5: a field is longer than 65,536")
    assert stored() == before


def test_a_title_longer_than_its_column_is_refused(before, tmp_path):
    release = replace_in(
        write_release(tmp_path / "v29", "29.0"), "Alternate Titles.txt", b"Muralist", b"M" * 400
    )
    message = refused(OnetFileError, lambda: import_release(release))
    assert message.startswith("Alternate Titles.txt line 5: title is 400 characters, more than")
    assert stored() == before


def test_a_line_in_another_encoding_is_named(before, tmp_path):
    release = replace_in(
        write_release(tmp_path / "v29", "29.0"),
        "Task Statements.txt",
        b"Occasional side task.",
        "Tâche occasionnelle.".encode("latin-1"),
    )
    message = refused(OnetFileError, lambda: import_release(release))
    assert message == "v29, Task Statements.txt line 5: not UTF-8 text; save the file as UTF-8"
    assert stored() == before


def test_an_encrypted_release_is_refused(before, tmp_path):
    path = encrypted(zip_release(tmp_path / "db_29_0_text.zip", "29.0"))
    assert "is encrypted: unzip it with its password" in refused(
        OnetFileError, lambda: import_release(path)
    )
    assert stored() == before


def test_a_release_compressed_another_way_is_refused(before, tmp_path):
    path = compressed_with(zip_release(tmp_path / "db_29_0_text.zip", "29.0"), 9)
    assert "(compression method 9)" in refused(OnetFileError, lambda: import_release(path))
    assert stored() == before


def test_a_release_whose_file_expands_past_the_limit_is_refused(before, tmp_path, settings):
    settings.FILE_LIMITS = Limits(member_bytes=2 * MB, total_bytes=4 * MB)
    bomb = zip_bomb(tmp_path / "db_29_0_text.zip", "db_29_0_text/Task Statements.txt", 20 * MB)
    with zipfile.ZipFile(bomb, "a") as archive:
        for name, text in release_files("29.0").items():
            if name != "Task Statements.txt":
                archive.writestr(f"db_29_0_text/{name}", text)
    message = refused(OnetFileError, lambda: import_release(bomb))
    assert message.startswith(
        "db_29_0_text.zip, db_29_0_text/Task Statements.txt: expands to 20 MB more than the 2 MB"
    )
    assert stored() == before


def test_the_o_net_import_says_it_is_running_while_it_writes(db, tmp_path, monkeypatch):
    seen = []
    original = onet_import._job_zones

    def watching(*args):
        seen.extend(long_writes.running_now())
        return original(*args)

    monkeypatch.setattr(onet_import, "_job_zones", watching)
    import_release(write_release(tmp_path / "v28", "28.0"))
    assert [what for what, _ in seen] == ["an O*NET import"]
    assert long_writes.running_now() == []


# Wages


def wage_rows(**changes) -> list[list[str]]:
    """The fixture rows with cells changed: {(row, column name): value}."""
    rows = [row[:] for row in ROWS]
    for (index, column), value in changes.get("cells", {}).items():
        rows[index][HEADER.index(column)] = value
    return rows


@pytest.mark.parametrize("bad", ["nan", "inf", "1e400", "-inf"])
@pytest.mark.parametrize("column", ["A_MEDIAN", "TOT_EMP", "H_MEDIAN", "AREA_TYPE"])
def test_a_wage_figure_that_is_not_a_finite_number_is_refused(before, tmp_path, bad, column):
    path = write_csv(tmp_path / "new.csv", wage_rows(cells={(1, column): bad}))
    message = refused(WageFileError, lambda: import_wages(path))
    assert message.startswith(f"new.csv line 3: {column} {bad!r} is not")
    assert stored() == before


def test_a_figure_too_large_for_its_column_is_refused(before, tmp_path):
    path = write_csv(tmp_path / "new.csv", wage_rows(cells={(1, "A_MEDIAN"): "99999999999"}))
    message = refused(WageFileError, lambda: import_wages(path))
    assert message.startswith("new.csv line 3: A_MEDIAN '99999999999' is not a figure from 0")
    assert stored() == before


def test_a_duplicated_area_and_occupation_row_is_refused(before, tmp_path):
    rows = wage_rows()
    path = write_csv(tmp_path / "new.csv", [*rows, rows[1]])
    message = refused(WageFileError, lambda: import_wages(path))
    assert message == (
        "new.csv line 9: area 0000000 and occupation 27-9001 are already on line 3; "
        "keep one row for each"
    )
    assert stored() == before


def test_a_row_repeated_in_a_second_file_of_the_zip_is_refused(before, tmp_path):
    csv_bytes = write_csv(tmp_path / "x.csv").read_bytes()
    path = tmp_path / "oesm25.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("national.csv", csv_bytes)
        archive.writestr("again.csv", csv_bytes)
    message = refused(WageFileError, lambda: import_wages(path))
    assert message.startswith("oesm25.zip, again.csv line 2: area 0000000 and occupation 00-0000")
    assert message.endswith("already on national.csv line 2; keep one row for each")
    assert stored() == before


def test_a_code_that_is_not_a_soc_code_is_refused(before, tmp_path):
    path = write_csv(tmp_path / "new.csv", wage_rows(cells={(1, "OCC_CODE"): "2" * 40}))
    assert "OCC_CODE '2222" in refused(WageFileError, lambda: import_wages(path))
    assert stored() == before


def test_a_damaged_sheet_in_the_bls_zip_is_refused(before, tmp_path):
    path = write_bls_zip(tmp_path / "oesm25nat.zip")
    member = "oesm25nat/national_M2025_dl.xlsx"
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    members[member] = rewrite_member(
        members[member], "xl/worksheets/sheet1.xml", lambda xml: xml[: len(xml) * 2 // 3]
    )
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    message = refused(WageFileError, lambda: import_wages(path))
    assert message.startswith(f"oesm25nat.zip, {member}: the sheet is damaged after row")
    assert stored() == before


def test_a_workbook_that_is_not_one_is_refused(before, tmp_path):
    path = tmp_path / "oesm25nat.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("national_M2025_dl.xlsx", b"PK\x03\x04 not really")
    assert "is not a readable Excel workbook" in refused(WageFileError, lambda: import_wages(path))
    assert stored() == before


def test_a_200000_character_wage_field_is_refused(before, tmp_path):
    path = write_csv(tmp_path / "new.csv", wage_rows(cells={(2, "OCC_TITLE"): "x" * 200_000}))
    message = refused(WageFileError, lambda: import_wages(path))
    assert message.startswith("new.csv line 4: a field is longer than 65,536 characters")
    assert stored() == before


def test_a_wage_line_in_no_known_encoding_is_named(before, tmp_path):
    path = write_csv(tmp_path / "new.csv")
    data = path.read_bytes().replace(b"Design Group", b"Design \x81Group")
    path.write_bytes(data)
    message = refused(WageFileError, lambda: import_wages(path))
    assert message == "new.csv line 4: not UTF-8 or CP1252 text; save the file as UTF-8"
    assert stored() == before


def test_a_windows_1252_title_is_read_as_meant(db, tmp_path):
    path = write_csv(tmp_path / "new.csv")
    path.write_bytes(path.read_bytes().replace(b"Design Group", "Désign Group".encode("cp1252")))
    import_wages(path)
    assert WageEstimate.objects.get(soc_code="27-9000").title == "Désign Group"


def test_an_encrypted_bls_zip_is_refused(before, tmp_path):
    path = encrypted(write_bls_zip(tmp_path / "oesm25nat.zip"))
    assert "is encrypted" in refused(WageFileError, lambda: import_wages(path))
    assert stored() == before


def test_a_wages_gzip_that_expands_past_the_limit_is_refused(before, tmp_path, settings):
    settings.FILE_LIMITS = Limits(member_bytes=100_000, total_bytes=200_000)
    bomb = gzip_bomb(tmp_path / "oews.csv.gz", MB, content=b"\r\n")
    head = gzip.compress(write_csv(tmp_path / "head.csv").read_bytes())
    bomb.write_bytes(head + bomb.read_bytes())
    message = refused(WageFileError, lambda: import_wages(bomb))
    assert message.startswith(
        "oews.csv.gz, oews.csv: expands to more than the 100,000 bytes allowed for one file"
    )
    assert stored() == before


def test_the_wages_import_says_it_is_running_while_it_writes(db, tmp_path):
    seen = []
    import_wages(write_csv(tmp_path / "w.csv"), lambda rows: seen.extend(long_writes.running_now()))
    assert [what for what, _ in seen] == ["a wages import"]
    assert long_writes.running_now() == []


def test_the_limits_can_be_set_in_the_environment(db, tmp_path, settings, monkeypatch):
    settings.FILE_LIMITS = None
    monkeypatch.setenv("INFOINTERVIEW_IMPORT_MAX_FIELD_CHARS", "5")
    path = write_csv(tmp_path / "w.csv")
    assert "a field is longer than 5 characters" in refused(
        WageFileError, lambda: import_wages(path)
    )
    monkeypatch.setenv("INFOINTERVIEW_IMPORT_MAX_FIELD_CHARS", "many")
    assert "INFOINTERVIEW_IMPORT_MAX_FIELD_CHARS='many'" in refused(
        UserError, lambda: import_wages(path)
    )
    assert wages.WageEstimate.objects.count() == 0
