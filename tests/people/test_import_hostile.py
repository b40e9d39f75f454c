"""Files that are not what they claim, or far too large, are refused in one line, unwritten."""

import os
from pathlib import Path

import pytest

from infointerview.people.imports.batch import import_contacts
from infointerview.people.imports.contacts import ContactsRefused
from infointerview.people.models import ImportBatch, Person
from tests.conftest import NOW

FILES = Path(__file__).parent / "files"
PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489")


def refused(owner, path: Path, **options) -> str:
    with pytest.raises(ContactsRefused) as error:
        import_contacts(owner, path, now=NOW, **options)
    message = str(error.value)
    assert "\n" not in message
    assert not Person.objects.exists() and not ImportBatch.objects.exists()
    return message


def test_a_picture_named_like_a_list_is_refused(alice, tmp_path):
    picture = tmp_path / "contacts.csv"
    picture.write_bytes(PNG)
    assert refused(alice, picture) == (
        "contacts.csv line 3: holds a zero byte: is this the right file?"
    )


def test_a_csv_given_as_a_vcard_is_refused_at_its_first_line(alice):
    message = refused(alice, FILES / "alumni_list.csv", file_format="vcard")
    assert message == (
        "alumni_list.csv line 1: is not a vCard: text outside BEGIN:VCARD … END:VCARD"
    )


def test_a_google_file_given_as_linkedin_is_refused(alice):
    message = refused(alice, FILES / "google_contacts_2024.csv", file_format="linkedin")
    assert message == (
        "google_contacts_2024.csv: has no LinkedIn (First Name, Last Name, …, Connected On) "
        "header in its first 20 lines"
    )


def test_a_broken_encoding_names_its_line(alice, tmp_path):
    broken = tmp_path / "Connections.csv"
    broken.write_bytes((FILES / "Connections.csv").read_bytes().replace("Zoë".encode(), b"Zo\xeb"))
    assert refused(alice, broken) == (
        "Connections.csv line 6: not UTF-8 text; save the file as UTF-8"
    )


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_a_utf16_list_is_named_as_such(alice, tmp_path, encoding):
    """What Excel's "Unicode text" and Outlook save; with or without a format given."""
    unicode_text = tmp_path / "contacts.csv"
    text = (FILES / "Connections.csv").read_text(encoding="utf-8")
    unicode_text.write_bytes(("\ufeff" + text).encode(encoding))
    expected = "contacts.csv line 1: is UTF-16 text (Excel's 'Unicode text'); save it as UTF-8"
    assert refused(alice, unicode_text) == expected
    assert refused(alice, unicode_text, file_format="csv") == expected


def test_a_vcard_cut_short_is_refused(alice, tmp_path):
    cut = tmp_path / "cut.vcf"
    cut.write_bytes((FILES / "apple_3_0.vcf").read_bytes()[:-30])
    assert refused(alice, cut) == "cut.vcf line 17: a card has no END:VCARD: the file is cut short"


def test_a_sparse_200_mb_file_is_refused_before_it_is_read(alice, tmp_path):
    sparse = tmp_path / "Connections.csv"
    with open(sparse, "wb") as out:
        os.truncate(out.fileno(), 200 * 1024 * 1024)
    assert refused(alice, sparse) == (
        "Connections.csv is 200 MB, larger than the 50 MB a contacts file may be; "
        "if you trust it, raise INFOINTERVIEW_IMPORT_MAX_LIST_MB"
    )


def test_a_file_of_nothing_but_zero_bytes_under_the_size_limit_is_refused(alice, tmp_path):
    sparse = tmp_path / "contacts.vcf"
    with open(sparse, "wb") as out:
        os.truncate(out.fileno(), 40 * 1024 * 1024)
    assert "is longer than" in refused(alice, sparse)


def test_100000_rows_are_refused_naming_the_row_past_the_limit(alice, tmp_path):
    big = tmp_path / "alumni.csv"
    rows = "".join(f"Person {n},p{n}@example.com\n" for n in range(100_000))
    big.write_text("Name,Email\n" + rows)
    assert refused(alice, big) == (
        "alumni.csv line 50002: has more than 50,000 contacts, more than one import may "
        "bring in; split it, or if you trust it raise INFOINTERVIEW_IMPORT_MAX_LIST_ROWS"
    )


def test_a_mapping_to_a_column_the_file_lacks_names_the_headings(alice):
    message = refused(alice, FILES / "alumni_list.csv", mapping={"name": "Graduate"})
    assert message == (
        "alumni_list.csv line 1: columns: name=Graduate: no such column (the headings "
        "are: full name, e-mail, class year, employer, title, willing to talk)"
    )


def test_a_missing_file_is_refused(alice, tmp_path):
    assert refused(alice, tmp_path / "nowhere.csv").endswith(
        "nowhere.csv cannot be read (No such file or directory)"
    )
