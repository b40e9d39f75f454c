"""Whatever a contacts file holds: a valid import or a one-line refusal, never a traceback,
never half a write. One property per reader, over files built from its own pieces, odd
cells and stray bytes.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from infointerview.accounts.validation import validate
from infointerview.lib.errors import UserError
from infointerview.people.imports.batch import import_contacts
from infointerview.people.models import ImportBatch, ImportedPerson, Person
from tests.conftest import NOW

EXAMPLES = settings(
    max_examples=int(os.environ.get("IMPORT_EXAMPLES", 40)),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
ODD = [
    "",
    " ",
    '"',
    ",",
    "\n",
    "\r\n",
    "\x00",
    "=1+1",
    "@SUM(A1)",
    "é",
    "Zoë Ångström",
    "a@b.co",
    "not-an-address",
    "https://www.linkedin.com/in/x",
    "x" * 250,
    ":::",
    "BEGIN:VCARD",
    "END:VCARD",
    "=C3=",
    "\ud7ff",
]
cells = st.one_of(st.sampled_from(ODD), st.text(max_size=30))
LINKEDIN = [
    "First Name",
    "Last Name",
    "URL",
    "Email Address",
    "Company",
    "Position",
    "Connected On",
]
GOOGLE = ["First Name", "Last Name", "Organization Name", "Organization Title", "E-mail 1 - Value"]
GOOGLE += ["Phone 1 - Value", "Address 1 - Formatted", "Website 1 - Value", "Notes"]
ALUMNI = ["Full Name", "E-mail", "Class Year", "Employer", "Title", "Willing to talk"]
VCARD_LINES = [
    "BEGIN:VCARD",
    "END:VCARD",
    "VERSION:2.1",
    "VERSION:3.0",
    "VERSION:4.0",
    "FN:{}",
    "N:{};{};;;",
    "EMAIL;TYPE=work:{}",
    "ORG:{};x",
    "TITLE:{}",
    "TEL:{}",
    "URL:{}",
    "ADR:;;{};{};;;",
    "NOTE;ENCODING=QUOTED-PRINTABLE:{}=",
    "PHOTO;ENCODING=b:{}",
    " {}",
    "{}",
]


def csv_file(header: list[str], rows: list[list[str]], prefix: str) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return (prefix + out.getvalue()).encode("utf-8", "surrogatepass")


def rows_of(width: int):
    return st.lists(st.lists(cells, min_size=0, max_size=width + 1), max_size=8)


def noise():
    return st.one_of(st.just(b""), st.binary(max_size=40))


def check(owner, content: bytes, name: str, **options) -> None:
    """The property: a plan whose people are valid, or one line and nothing written."""
    before = (Person.objects.count(), ImportBatch.objects.count(), ImportedPerson.objects.count())
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(content)
        try:
            plan, batch = import_contacts(owner, path, now=NOW, **options)
        except UserError as error:
            assert "\n" not in str(error) and str(error)
            after = (
                Person.objects.count(),
                ImportBatch.objects.count(),
                ImportedPerson.objects.count(),
            )
            assert after == before
            return
    assert Person.objects.count() == before[0] + plan.counts["created"]
    for person in Person.objects.filter(owner=owner):
        validate(person)
    if batch is not None:
        assert batch.counts == plan.counts


@EXAMPLES
@given(
    rows=rows_of(len(LINKEDIN)), prefix=st.sampled_from(["", 'Notes:\n"x, y"\n\n']), tail=noise()
)
def test_any_linkedin_file(alice, rows, prefix, tail):
    check(alice, csv_file(LINKEDIN, rows, prefix) + tail, "Connections.csv", file_format="linkedin")


@EXAMPLES
@given(rows=rows_of(len(GOOGLE)), tail=noise())
def test_any_google_file(alice, rows, tail):
    check(alice, csv_file(GOOGLE, rows, "") + tail, "contacts.csv", file_format="google")


@EXAMPLES
@given(
    header=st.one_of(st.just(ALUMNI), st.lists(cells, max_size=6)),
    rows=rows_of(len(ALUMNI)),
    tail=noise(),
)
def test_any_mapped_csv_file(alice, header, rows, tail):
    check(alice, csv_file(header, rows, "") + tail, "alumni.csv")


@EXAMPLES
@given(
    lines=st.lists(st.tuples(st.sampled_from(VCARD_LINES), cells), max_size=25),
    tail=noise(),
)
def test_any_vcard_file(alice, lines, tail):
    text = "\r\n".join(pattern.replace("{}", cell) for pattern, cell in lines)
    check(alice, text.encode("utf-8", "surrogatepass") + tail, "contacts.vcf")


@EXAMPLES
@given(content=st.binary(max_size=300))
def test_any_bytes_at_all(alice, content):
    check(alice, content, "contacts.csv")
