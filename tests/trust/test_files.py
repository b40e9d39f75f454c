"""The safe reader: every archive and text it cannot read safely is one line, never more."""

from __future__ import annotations

import gzip
import io
import time
import tracemalloc
import zipfile

import pytest

from infointerview.lib.env import SettingError
from infointerview.lib.safe_files import Archive, FileRefused, Limits, kept_aside, limits
from tests.trust.files_fixture import (
    MB,
    compressed_with,
    encrypted,
    gzip_bomb,
    zip_bomb,
    zip_of,
)

SMALL = Limits(member_bytes=1 * MB, total_bytes=2 * MB, field_chars=1000)


def refusal(action) -> str:
    with pytest.raises(FileRefused) as error:
        action()
    message = str(error.value)
    assert "\n" not in message
    return message


def test_a_zip_member_that_expands_past_the_limit_is_refused_before_it_is_read(tmp_path):
    bomb = zip_bomb(tmp_path / "release.zip", "Task Statements.txt", 5 * MB)
    assert bomb.stat().st_size < 50_000
    with Archive(bomb, SMALL) as archive:
        message = refusal(lambda: archive.read("Task Statements.txt"))
    assert message.startswith("release.zip, Task Statements.txt: expands to 5 MB")
    assert "INFOINTERVIEW_IMPORT_MAX_MEMBER_MB" in message


def test_members_that_together_expand_past_the_limit_are_refused(tmp_path):
    members = {f"part{i}.txt": b"0" * (MB - 10) for i in range(3)}
    with Archive(zip_of(tmp_path / "parts.zip", members), SMALL) as archive:
        archive.read("part0.txt")
        archive.read("part0.txt")  # read twice, counted once
        archive.read("part1.txt")
        message = refusal(lambda: archive.read("part2.txt"))
    assert message.startswith("parts.zip, part2.txt: the files expand to more than the 2 MB")
    assert "INFOINTERVIEW_IMPORT_MAX_TOTAL_MB" in message


def test_a_gzip_is_stopped_as_it_expands(tmp_path):
    bomb = gzip_bomb(tmp_path / "oews.csv.gz", 5 * MB, block=MB)
    with Archive(bomb, SMALL) as archive:
        assert archive.members == ["oews.csv"]
        message = refusal(lambda: archive.digest("oews.csv"))
    assert message.startswith("oews.csv.gz, oews.csv: expands to more than the 1 MB allowed")


def test_a_4_mb_gzip_of_6_gib_is_refused_at_the_default_limit_in_little_memory(tmp_path):
    bomb = gzip_bomb(tmp_path / "wages.csv.gz", 6 * 1024 * MB + 200 * MB)
    assert bomb.stat().st_size < 8 * MB
    tracemalloc.start()
    try:
        with Archive(bomb) as archive:
            message = refusal(archive.check)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "expands to more than the 1,024 MB allowed for one file" in message
    assert peak < 20 * MB


def test_an_encrypted_member_is_refused(tmp_path):
    path = encrypted(zip_of(tmp_path / "secret.zip", {"Occupation Data.txt": b"a\tb\n"}))
    with Archive(path) as archive:
        message = refusal(lambda: archive.read("Occupation Data.txt"))
    assert message == (
        "secret.zip, Occupation Data.txt: is encrypted: unzip it with its password "
        "and import the folder"
    )


def test_an_unsupported_compression_method_is_refused(tmp_path):
    path = compressed_with(zip_of(tmp_path / "odd.zip", {"a.csv": b"x,y\n1,2\n"}), 9)
    with Archive(path) as archive:
        message = refusal(lambda: list(archive.rows("a.csv")))
    assert message == (
        "odd.zip, a.csv: uses a zip feature that cannot be read here (compression method 9); "
        "unzip it with another tool and import the folder"
    )


def test_a_damaged_zip_is_refused(tmp_path):
    good = zip_of(tmp_path / "good.zip", {"a.csv": b"x,y\n" + b"1,2\n" * 1000})
    (tmp_path / "cut.zip").write_bytes(good.read_bytes()[:100])
    assert "cut.zip is not a readable zip file" in refusal(lambda: Archive(tmp_path / "cut.zip"))
    data = bytearray(good.read_bytes())
    data[40:60] = b"\xff" * 20  # inside the deflated data
    (tmp_path / "bent.zip").write_bytes(bytes(data))
    with Archive(tmp_path / "bent.zip") as archive:
        message = refusal(lambda: list(archive.rows("a.csv")))
    assert message.startswith("bent.zip, a.csv: is damaged")


def test_a_damaged_gzip_is_refused(tmp_path):
    data = gzip.compress(b"x,y\n" * 10_000)
    (tmp_path / "cut.csv.gz").write_bytes(data[: len(data) // 2])
    with Archive(tmp_path / "cut.csv.gz") as archive:
        assert refusal(lambda: list(archive.rows("cut.csv"))).startswith(
            "cut.csv.gz, cut.csv: is damaged"
        )


def test_a_200000_character_field_is_refused_naming_the_line(tmp_path):
    path = tmp_path / "people.csv"
    path.write_text("name,notes\nDana,short\nEvan," + "x" * 200_000 + "\n")
    with Archive(path) as archive:
        message = refusal(lambda: list(archive.rows("people.csv")))
    assert message.startswith("people.csv line 3: a field is longer than 65,536 characters")
    assert "INFOINTERVIEW_IMPORT_MAX_FIELD_CHARS" in message


def test_a_quoted_field_across_many_lines_is_held_to_the_same_limit(tmp_path):
    path = tmp_path / "people.csv"
    path.write_text('name,notes\nDana,"' + "line\n" * 400 + '"\n')
    with Archive(path, SMALL) as archive:
        assert "a field is longer than 1,000 characters" in refusal(
            lambda: list(archive.rows("people.csv"))
        )


def test_a_line_without_an_end_is_refused_without_reading_it_whole(tmp_path):
    path = tmp_path / "one.csv"
    path.write_bytes(b"a," * (3 * MB))
    with Archive(path, Limits(member_bytes=100 * MB, field_chars=1000)) as archive:
        message = refusal(lambda: list(archive.rows("one.csv")))
    assert message.startswith("one.csv line 1: is longer than")


def test_a_wrong_encoding_names_its_line(tmp_path):
    path = tmp_path / "titles.txt"
    path.write_bytes("Code\tTitle\n1\tCafé\n".encode() + "2\tCrème\n".encode("latin-1"))
    with Archive(path) as archive:
        message = refusal(lambda: list(archive.rows("titles.txt", delimiter="\t")))
        assert message == "titles.txt line 3: not UTF-8 text; save the file as UTF-8"
        both = list(archive.rows("titles.txt", delimiter="\t", encodings=("utf-8", "cp1252")))
    assert both[-1] == (3, ["2", "Crème"])


def test_a_byte_no_encoding_can_read_is_refused_too(tmp_path):
    path = tmp_path / "w.csv"
    path.write_bytes(b"a,b\n1,\x81\n")
    with Archive(path) as archive:
        message = refusal(lambda: list(archive.rows("w.csv", encodings=("utf-8", "cp1252"))))
    assert message == "w.csv line 2: not UTF-8 or CP1252 text; save the file as UTF-8"


def test_a_folder_a_plain_file_a_gzip_and_a_zip_read_alike(tmp_path):
    text = "\ufeffa,b\r\n1,2\r\n\r\n3,4\r\n"
    (tmp_path / "folder" / "inner").mkdir(parents=True)
    (tmp_path / "folder" / "inner" / "t.csv").write_text(text, encoding="utf-8")
    (tmp_path / "t.csv").write_text(text, encoding="utf-8")
    (tmp_path / "t.csv.gz").write_bytes(gzip.compress(text.encode()))
    zip_of(tmp_path / "t.zip", {"dir/t.csv": text.encode()})
    expected = [(1, ["a", "b"]), (2, ["1", "2"]), (4, ["3", "4"])]
    for path, member in [
        (tmp_path / "folder", "inner/t.csv"),
        (tmp_path / "t.csv", "t.csv"),
        (tmp_path / "t.csv.gz", "t.csv"),
        (tmp_path / "t.zip", "dir/t.csv"),
    ]:
        with Archive(path) as archive:
            assert archive.members == [member]
            assert list(archive.rows(member)) == expected, path


def test_a_missing_path_is_refused(tmp_path):
    assert refusal(lambda: Archive(tmp_path / "nowhere.zip")).endswith(
        "nowhere.zip does not exist: give a file or a folder"
    )


def workbook(rows) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    for row in rows:
        book.active.append(row)
    data = io.BytesIO()
    book.save(data)
    return data.getvalue()


def rewrite_member(data: bytes, name: str, change) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info)
            target.writestr(info.filename, change(content) if info.filename == name else content)
    return out.getvalue()


def test_a_workbook_inside_a_zip_reads_row_by_row(tmp_path):
    book = workbook([["AREA", "A_MEDIAN"], ["0000000", 50000], ["0600000", None]])
    path = zip_of(tmp_path / "oesm25nat.zip", {"oesm25nat/national_M2025_dl.xlsx": book})
    with Archive(path) as archive:
        rows = list(archive.workbook_rows("oesm25nat/national_M2025_dl.xlsx"))
    assert rows == [(1, ["AREA", "A_MEDIAN"]), (2, ["0000000", "50000"]), (3, ["0600000", ""])]


def test_a_damaged_sheet_names_the_workbook_and_the_last_good_row(tmp_path):
    book = workbook([["AREA", "A_MEDIAN"], *[[f"{i:07}", i] for i in range(200)]])
    sheet = "xl/worksheets/sheet1.xml"
    damaged = rewrite_member(book, sheet, lambda xml: xml[: len(xml) // 2])
    path = zip_of(tmp_path / "oesm25st.zip", {"state_M2025_dl.xlsx": damaged})
    with Archive(path) as archive:
        message = refusal(lambda: list(archive.workbook_rows("state_M2025_dl.xlsx")))
    assert message.startswith("oesm25st.zip, state_M2025_dl.xlsx: the sheet is damaged after row")
    assert message.endswith("download the workbook again")


def test_a_workbook_whose_sheet_expands_past_the_limit_is_refused_unread(tmp_path):
    book = workbook([["NOTES"], ["x" * 30_000], *[["y" * 30_000] for _ in range(40)]])
    path = tmp_path / "big.xlsx"
    path.write_bytes(book)
    with Archive(path, SMALL) as archive:
        assert archive.members == ["big.xlsx"]
        message = refusal(lambda: list(archive.workbook_rows("big.xlsx")))
    assert "expands to" in message and "INFOINTERVIEW_IMPORT_MAX_MEMBER_MB" in message


def test_a_long_cell_is_refused_with_its_row(tmp_path):
    path = tmp_path / "w.xlsx"
    path.write_bytes(workbook([["A"], ["ok"], ["x" * 2000]]))
    with Archive(path, SMALL) as archive:
        message = refusal(lambda: list(archive.workbook_rows("w.xlsx")))
    assert message.startswith("w.xlsx: row 3: a cell is longer than 1,000 characters")


def test_something_that_is_not_a_workbook_is_refused(tmp_path):
    path = tmp_path / "fake.xlsx"
    path.write_bytes(b"AREA,A_MEDIAN\n")
    with Archive(path) as archive:
        assert "is not a readable Excel workbook" in refusal(
            lambda: list(archive.workbook_rows("fake.xlsx"))
        )


def test_the_limits_come_from_the_environment_or_stop_start_up():
    assert limits({}) == Limits()
    assert limits(
        {
            "INFOINTERVIEW_IMPORT_MAX_MEMBER_MB": "10",
            "INFOINTERVIEW_IMPORT_MAX_TOTAL_MB": "20",
            "INFOINTERVIEW_IMPORT_MAX_FIELD_CHARS": "500",
        }
    ) == Limits(member_bytes=10 * MB, total_bytes=20 * MB, field_chars=500)
    for bad in ("0", "-3", "lots", ""):
        with pytest.raises(SettingError, match="INFOINTERVIEW_IMPORT_MAX_TOTAL_MB"):
            limits({"INFOINTERVIEW_IMPORT_MAX_TOTAL_MB": bad})


def test_reading_a_normal_file_stays_quick(tmp_path):
    path = tmp_path / "big.csv"
    path.write_text("a,b,c\n" + "12345,some words here,67.8\n" * 200_000)
    started = time.perf_counter()
    with Archive(path) as archive:
        assert sum(1 for _ in archive.rows("big.csv")) == 200_001
    assert time.perf_counter() - started < 5


def test_a_member_name_with_a_line_break_stays_on_one_line(tmp_path):
    path = zip_of(tmp_path / "odd.zip", {"evil\nname\x1b[31m.csv": b"a\n\xff\n"})
    with Archive(path) as archive:
        [member] = archive.members
        message = refusal(lambda: list(archive.rows(member)))
    assert message == (
        "odd.zip, evil\\nname\\x1b[31m.csv line 2: not UTF-8 text; save the file as UTF-8"
    )


def test_a_file_sent_over_the_web_is_kept_aside_then_removed():
    sent = io.BytesIO(b"name,notes\nDana,met at the fair\n")
    with kept_aside(sent, "C:\\Users\\dana\\..\\contacts.csv") as path:
        assert path.name == "contacts.csv"
        with Archive(path) as archive:
            assert list(archive.rows("contacts.csv"))[1] == (2, ["Dana", "met at the fair"])
    assert not path.exists() and not path.parent.exists()


def test_a_file_sent_over_the_web_past_the_limit_is_refused_and_not_kept():
    sent = io.BytesIO(b"x" * (3 * MB))
    with pytest.raises(FileRefused) as error, kept_aside(sent, "../../etc/passwd", SMALL):
        pass
    assert str(error.value) == (
        "passwd is larger than the 2 MB an import may be; "
        "if you trust it, raise INFOINTERVIEW_IMPORT_MAX_TOTAL_MB"
    )
