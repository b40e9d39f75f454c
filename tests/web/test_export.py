"""A user's data goes out whole, by public id, and never includes another user's."""

import csv
import io
import json

from django.urls import reverse

from infointerview.cli import main
from infointerview.interviews.services import schedule
from infointerview.outreach.services import draft, log_outcome
from infointerview.people.services import add_person
from tests.conftest import WEDNESDAY


def test_the_json_export_holds_everything_linked_by_public_id(alice_client, alice, bob, dana):
    draft(alice, dana, "phone", today=WEDNESDAY)
    log_outcome(alice, dana, "no-answer", on=WEDNESDAY, note="rang twice")
    schedule(alice, dana, "2026-12-10 14:30")
    add_person(bob, "Bob's contact", occupation="Nurses")
    response = alice_client.get(reverse("accounts:export_json"))
    assert response["Content-Disposition"] == 'attachment; filename="infointerview-export.json"'
    data = json.loads(response.content)
    assert data["format"] == "infointerview-export"
    assert data["profile"]["full_name"] == "Alice Moreno"
    assert [p["name"] for p in data["people"]] == ["Dana Lee"]
    assert data["contact_requests"][0]["person"] == str(dana.public_id)
    assert data["attempts"][0]["note"] == "rang twice"
    assert data["attempts"][0]["request"] == data["contact_requests"][0]["public_id"]
    assert data["interviews"][0]["person"] == str(dana.public_id)
    assert "Bob's contact" not in response.content.decode()
    assert "owner" not in data["people"][0]


def test_people_export_as_csv(alice_client, dana):
    rows = list(
        csv.DictReader(
            io.StringIO(alice_client.get(reverse("accounts:export_people_csv")).content.decode())
        )
    )
    assert rows[0]["name"] == "Dana Lee"
    assert rows[0]["emails"] == "dana@example.com"
    assert rows[0]["id"] == str(dana.public_id)


def test_export_from_the_command_line(dana, tmp_path, capsys):
    target = tmp_path / "all.json"
    people = tmp_path / "people.csv"
    assert main(["--user", "alice", "export", str(target), "--people-csv", str(people)]) == 0
    assert json.loads(target.read_text())["people"][0]["name"] == "Dana Lee"
    assert "Dana Lee" in people.read_text()
