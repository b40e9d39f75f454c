"""`infointerview people import`: a preview with --dry-run, one import, the same file again."""

import json
from pathlib import Path

import pytest

from infointerview.cli import main
from infointerview.people.models import ImportBatch, Person, Source

FILES = Path(__file__).parent.parent / "people" / "files"


@pytest.fixture(autouse=True)
def wide_terminal(monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_dry_run_says_what_would_happen_and_writes_nothing(capsys, alice, dana):
    code, out, err = run(capsys, "people", "import", str(FILES / "Connections.csv"), "--dry-run")
    assert (code, err) == (0, "")
    assert "Connections.csv (linkedin): 5 to create, 0 to update, 1 to merge" in out
    assert "already listed as Dana Lee (same name and organization)" in out
    assert "Nothing was written (--dry-run)." in out
    assert Person.objects.count() == 1 and not ImportBatch.objects.exists()


def test_the_same_file_twice_imports_once(capsys, alice):
    code, out, _ = run(capsys, "people", "import", str(FILES / "outlook_2_1.vcf"))
    assert code == 0 and "Imported outlook_2_1.vcf." in out
    code, out, _ = run(capsys, "people", "import", str(FILES / "outlook_2_1.vcf"))
    assert code == 0
    assert "0 to create, 0 to update, 0 to merge, 2 unchanged" in out
    assert "Nothing to import: everyone is already as the file says." in out
    assert Person.objects.count() == 2 and ImportBatch.objects.count() == 1


def test_a_list_with_a_mapping_and_a_source_as_json(capsys, alice, tmp_path):
    listing = tmp_path / "directory.csv"
    listing.write_text("Graduate,Mail\nKim Ode,kim@example.com\n")
    code, out, _ = run(
        capsys,
        "people",
        "import",
        str(listing),
        "--format",
        "csv",
        "--map",
        "name=Graduate,email=Mail",
        "--source",
        "association",
        "--json",
    )
    printed = json.loads(out)
    assert code == 0
    assert (printed["imported"], printed["counts"]["created"]) == (True, 1)
    assert printed["rows"][0] == {
        "line": 2,
        "name": "Kim Ode",
        "outcome": "created",
        "why": "new",
        "changes": [],
        "conflicts": [],
    }
    kim = Person.objects.get()
    assert (kim.emails, kim.source) == (["kim@example.com"], Source.ASSOCIATION)


def test_refusals_are_one_line_on_stderr_and_write_nothing(capsys, alice, tmp_path):
    picture = tmp_path / "contacts.vcf"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    for argv, message in [
        (
            [str(FILES / "Connections.csv"), "--format", "outlook"],
            "--format outlook: give one of linkedin, vcard, google, csv",
        ),
        ([str(FILES / "alumni_list.csv"), "--map", "age=Age"], "columns: no field “age”"),
        ([str(picture)], "contacts.vcf line 1: is not a vCard"),
        ([str(FILES / "Connections.csv"), "--source", "moon"], "source"),
    ]:
        code, out, err = run(capsys, "people", "import", *argv)
        assert code == 1, argv
        assert message in err and err.count("\n") == 1, err
    assert not Person.objects.exists() and not ImportBatch.objects.exists()


def test_a_value_left_out_is_said_on_its_line(capsys, alice, tmp_path):
    listing = tmp_path / "list.csv"
    listing.write_text("Name,E-mail\nBad Mail,not-an-email\nGood Mail,good@example.org\n")
    assert main(["--user", "alice", "people", "import", str(listing), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "“not-an-email” is not an e-mail address, left out" in " ".join(out.split())
    assert "Good Mail" not in out  # a row imported as it is is only counted
