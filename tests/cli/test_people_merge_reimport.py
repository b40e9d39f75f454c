"""Import, merge, then import the same files again: nobody is created twice."""

import json

import pytest

from infointerview.cli import main
from infointerview.people.models import Person

CONNECTIONS = """Notes:
"When exporting your connection data, you may notice that some of the email addresses are missing."

First Name,Last Name,URL,Email Address,Company,Position,Connected On
Jo,Park,https://www.linkedin.com/in/jo-park-exhibits,,Harbor Museum,Exhibit Designer,14 Mar 2024
Zoë,Ångström,https://www.linkedin.com/in/zoe,zoe@example.se,Nordisk Tryck,Artist,02 Feb 2023
"""

CARDS = """BEGIN:VCARD
VERSION:3.0
N:Park;Joanne;;;
FN:Joanne Park
ORG:Harbor Museum of Art;
TITLE:Exhibit Designer
EMAIL;type=INTERNET;type=WORK:joanne.park@example.org
TEL;type=CELL:555-0123
NOTE:Met at the museum open day.
END:VCARD
BEGIN:VCARD
VERSION:3.0
N:Okafor;Ngozi;;;
FN:Ngozi Okafor
EMAIL;type=INTERNET:ngozi@example.ng
END:VCARD
"""


@pytest.fixture(autouse=True)
def wide_terminal(monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def imported(capsys, path) -> dict:
    return json.loads(run(capsys, "people", "import", str(path), "--json"))["counts"]


def test_import_merge_and_import_again_creates_nobody(capsys, alice, tmp_path):
    connections = tmp_path / "Connections.csv"
    connections.write_text(CONNECTIONS, encoding="utf-8")
    cards = tmp_path / "contacts.vcf"
    cards.write_text(CARDS.replace("\n", "\r\n"), encoding="utf-8")
    assert imported(capsys, connections)["created"] == 2
    assert imported(capsys, cards)["created"] == 2

    out = run(capsys, "people", "merge", "Jo Park", "Joanne Park")

    assert "Merged Joanne Park into Jo Park" in out
    jo = Person.objects.get(owner=alice, name="Jo Park")
    assert jo.emails == ["joanne.park@example.org"] and jo.phones == ["555-0123"]
    assert jo.linkedin_url == "https://www.linkedin.com/in/jo-park-exhibits"
    people = set(Person.objects.filter(owner=alice).values_list("pk", flat=True))
    assert len(people) == 3

    for path in (connections, cards, connections):
        counts = imported(capsys, path)
        assert (counts["created"], counts["unchanged"]) == (0, 2), counts
    assert set(Person.objects.filter(owner=alice).values_list("pk", flat=True)) == people
