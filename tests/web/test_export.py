"""A user's data goes out whole, by public id, and never includes another user's."""

import csv
import io
import json
import re

import pytest
from django.urls import reverse

from infointerview.cli import main
from infointerview.interviews.services import schedule
from infointerview.lib.errors import Refused
from infointerview.outreach.services import draft, log_outcome
from infointerview.people.services import add_person
from tests.conftest import NOW, WEDNESDAY, at


def test_the_json_export_holds_everything_linked_by_public_id(alice_client, alice, bob, dana):
    draft(alice, dana, "phone", today=WEDNESDAY)
    log_outcome(alice, dana, "no-answer", on=WEDNESDAY, note="rang twice")
    schedule(alice, dana, at("2026-12-10 14:30"))
    add_person(bob, "Bob's contact", occupation="Nurses")
    response = alice_client.get(reverse("agenda:export_json"))
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
            io.StringIO(alice_client.get(reverse("agenda:export_people_csv")).content.decode())
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


def test_an_export_restores_into_an_empty_account_and_again_changes_nothing(alice, dana, db):
    from infointerview.accounts.services import create_owner
    from infointerview.agenda.export import export_data
    from infointerview.agenda.restore import restore
    from infointerview.interviews.planning import build_plan
    from infointerview.people.models import Person

    sam = add_person(alice, "Sam Park")
    kim = add_person(alice, "Kim Ode", occupation="Graphic Designers", introduced_by=sam)
    sam.introduced_by = kim  # a link to a row that comes later in the export
    sam.save()
    draft(alice, dana, "phone", today=WEDNESDAY)
    log_outcome(alice, dana, "no-answer", on=WEDNESDAY)
    build_plan(alice, schedule(alice, dana, at("2026-12-10 14:30")))
    data = export_data(alice, NOW)
    Person.objects.filter(owner=alice).delete()
    first = restore(alice, data)
    assert first.created["people"] == 3 and first.created["questions"] >= 5
    assert Person.objects.get(owner=alice, name="Sam Park").introduced_by.name == "Kim Ode"
    again = restore(alice, data)
    assert again.created == {} and again.updated == {}

    def without_times(export):
        return {
            t: [{k: v for k, v in r.items() if not k.endswith("_at")} for r in rows]
            for t, rows in export.items()
            if isinstance(rows, list)
        }

    assert without_times(export_data(alice, NOW)) == without_times(data)
    carol = create_owner("carol")
    with pytest.raises(Refused, match="belongs to another account"):
        restore(carol, data)
    assert not Person.objects.filter(owner=carol).exists()


def test_a_damaged_export_is_refused_with_the_row_and_changes_nothing(
    alice, dana, tmp_path, capsys
):
    from infointerview.agenda.export import export_data
    from infointerview.people.models import Person

    data = export_data(alice, NOW)
    data["people"][0]["level"] = "entry"
    data["contact_requests"] = [
        {
            "public_id": "c6a3f4e6-59b5-4b39-9b6c-8f0c2c7a9d11",
            "person": "0e8bbd4e-0000-4000-8000-000000000000",
            "channel": "phone",
        }
    ]
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data))
    before = Person.objects.count()
    code = main(["--user", "alice", "restore", str(path)])
    _, err = capsys.readouterr()
    assert code == 1
    assert "contact_requests row 1: person 0e8bbd4e" in err
    assert Person.objects.count() == before
    path.write_text("{not json")
    assert main(["--user", "alice", "restore", str(path)]) == 1
    assert "is not a JSON export" in capsys.readouterr().err


def test_a_new_computer_gets_the_profile_back_with_everything_else(alice, dana, db):
    from django.contrib.auth import get_user_model

    from infointerview.accounts.services import create_owner, profile_for
    from infointerview.agenda.export import export_data
    from infointerview.agenda.restore import restore

    profile = profile_for(alice)
    profile.wage_state, profile.wage_metro = "S53", "M42660"
    profile.save()
    draft(alice, dana, "email", today=WEDNESDAY)
    before = export_data(alice, NOW)
    get_user_model().objects.filter(pk=alice.pk).delete()
    fresh = create_owner("alice")
    report = restore(fresh, before)
    assert report.updated["profile"] == 1
    after = export_data(fresh, NOW)
    assert profile_for(fresh).name_for_drafts() == "Alice Moreno"
    assert {**after, "exported_at": None} == {**before, "exported_at": None}


def test_a_profile_with_an_unknown_time_zone_is_refused(alice, db):
    from infointerview.accounts.services import profile_for
    from infointerview.agenda.export import export_data
    from infointerview.agenda.restore import restore

    data = export_data(alice, NOW)
    data["profile"]["time_zone"] = "Mars/Olympus_Mons"
    with pytest.raises(Refused, match="unknown time zone"):
        restore(alice, data)
    assert profile_for(alice).time_zone == "America/Chicago"


def test_a_version_1_export_restores_people_onto_their_lists(alice, db):
    from infointerview.agenda.export import export_data
    from infointerview.agenda.restore import restore
    from infointerview.people.models import Person

    ana = add_person(alice, "Ana", occupation="Graphic Designers")
    data = export_data(alice, NOW)
    assert data["version"] == 2
    data["version"] = 1
    data["targets"] = []
    row = data["people"][0]
    del row["target"]
    row["occupation"] = "Sign Painters"
    Person.objects.all().delete()
    restore(alice, data)
    ana = Person.objects.get(public_id=ana.public_id)
    assert ana.occupation == "Sign Painters" and ana.target.status == "exploring"


@pytest.mark.parametrize(
    ("table", "field", "value", "message"),
    [
        ("interviews", "time_zone", "Mars/Olympus", "unknown time zone 'Mars/Olympus'"),
        ("interviews", "mode", "telepathy", "unknown mode 'telepathy'"),
        ("interviews", "fit_rating", 99, "fit rating"),
        ("interviews", "purposes", "realities", "expected a list of texts"),
        ("interviews", "purposes", ["gossip"], "unknown purpose 'gossip'"),
        ("interviews", "kept_in_touch", "yes", "kept_in_touch 'yes' cannot be read"),
        ("interviews", "starts_at", "2026-12-03T14:30:00", "cannot be read"),
        ("people", "level", "god", "unknown level 'god'"),
        ("people", "emails", "a@b.c", "expected a list of texts"),
        ("people", "emails", ["not an email"], "emails"),
        ("people", "name", "", "name is needed"),
        ("people", "target", "garbage", "target garbage is not in this export"),
        ("targets", "onet_code", "not-a-code", "27-1024.00"),
        ("contact_requests", "channel", "pigeon", "unknown channel 'pigeon'"),
    ],
)
def test_a_restore_refuses_what_a_form_would_refuse(alice, dana, table, field, value, message):
    from infointerview.agenda.export import export_data
    from infointerview.agenda.restore import restore

    draft(alice, dana, "phone", today=WEDNESDAY)
    schedule(alice, dana, at("2026-12-10 14:30"))
    data = export_data(alice, NOW)
    before = json.dumps(export_data(alice, NOW), sort_keys=True)
    data[table][0][field] = value
    with pytest.raises(Refused, match=re.escape(message)):
        restore(alice, data)
    assert json.dumps(export_data(alice, NOW), sort_keys=True) == before


def test_an_interview_late_on_the_last_day_kept_survives_export_and_restore(alice, dana):
    from infointerview.agenda.export import export_data
    from infointerview.agenda.restore import restore

    late = schedule(alice, dana, at("2100-12-31 23:59"))
    data = export_data(alice, NOW)
    late.delete()
    restore(alice, data)
    assert dana.interviews.get().starts_at == at("2100-12-31 23:59")
