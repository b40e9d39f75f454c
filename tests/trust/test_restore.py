"""A restore refuses a hand-edited or damaged export whole, naming the first bad row."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest
from django.contrib.auth import get_user_model

from infointerview.accounts.services import create_owner
from infointerview.agenda import restore as restoring
from infointerview.agenda.export import export_data
from infointerview.agenda.restore import read_export, restore, restore_file
from infointerview.interviews.planning import build_plan
from infointerview.interviews.research import add_entry
from infointerview.interviews.services import schedule
from infointerview.lib import long_writes
from infointerview.lib.errors import Refused
from infointerview.outreach.services import draft, log_outcome
from infointerview.people.models import Person
from infointerview.people.services import add_person
from tests.conftest import NOW, WEDNESDAY, at

NAN = float("nan")


@pytest.fixture
def history(alice, dana):
    """One of everything a page shows: a list, a person, a request, a call, an interview."""
    draft(alice, dana, "phone", today=WEDNESDAY)
    log_outcome(alice, dana, "no-answer", on=WEDNESDAY, note="rang twice")
    interview = schedule(alice, dana, at("2026-12-10 14:30"))
    build_plan(alice, interview)
    add_entry(
        alice,
        subject="occupation",
        title="Handbook page",
        interview=interview,
        url="https://example.org/designers",
    )
    return alice


def stored(owner) -> str:
    return json.dumps(export_data(owner, NOW), sort_keys=True)


@pytest.mark.parametrize(
    ("table", "field", "value", "message"),
    [
        ("people", "level", "god", "people row 1: unknown level 'god'"),
        ("people", "source", "telepathy", "people row 1: unknown source 'telepathy'"),
        ("targets", "status", "adored", "targets row 1: unknown status 'adored'"),
        ("interviews", "time_zone", "Mars/Olympus", "interviews row 1: time zone: unknown"),
        (
            "interviews",
            "starts_at",
            "9999-12-03T10:00:00+00:00",
            "interviews row 1: starts_at: 9999-12-03 is outside 1900–2100",
        ),
        ("attempts", "on", "9999-01-01", "attempts row 1: on: 9999-01-01 is outside 1900–2100"),
        (
            "questions",
            "notes_saved_at",
            "0001-01-01T00:00:00+00:00",
            "questions row 1: notes_saved_at: 0001-01-01 is outside 1900–2100",
        ),
        (
            "people",
            "created_at",
            "9999-01-01T00:00:00+00:00",
            "people row 1: created_at: 9999-01-01 is outside",
        ),
        ("interviews", "fit_rating", 99, "interviews row 1: fit rating"),
        ("people", "name", "x" * 5000, "people row 1: name is 5000 characters long; at most 200"),
        ("research", "url", "javascript:alert(1)", "research row 1: url"),
        ("people", "phones", "555-0100", "people row 1: phones '555-0100' cannot be read"),
        ("people", "declined_onet_codes", "15-1252.00", "expected a list of texts"),
        ("interviews", "purposes", 5, "interviews row 1: purposes 5 cannot be read"),
        ("interviews", "purposes", [["realities"]], "expected a list of texts"),
        ("people", "name", ["Dana"], "people row 1: name ['Dana'] cannot be read"),
        ("people", "notes", 5, "people row 1: notes 5 cannot be read: expected a text"),
        ("people", "name", "Dana\x00Lee", "people row 1: name holds a NUL character"),
        ("people", "tags", ["a\x00"], "people row 1: tags holds a NUL character"),
        ("people", "position", 1.5, "people row 1: position 1.5 cannot be read"),
        ("people", "position", True, "people row 1: position True cannot be read"),
        ("questions", "minutes", NAN, "questions row 1: minutes nan cannot be read"),
        ("interviews", "kept_in_touch", "yes", "kept_in_touch 'yes' cannot be read"),
        ("people", "name", None, "people row 1: name cannot be empty"),
        ("contact_requests", "sent_on", "2026-02-30", "sent_on '2026-02-30' cannot be read"),
        ("people", "public_id", "not-an-id", "people row 1: no valid public_id"),
        ("people", "target", "garbage", "people row 1: target garbage is not in this export"),
        ("people", "target", "a\nb", "people row 1: target 'a\\nb' is not in this export"),
        ("attempts", "request", 7, "attempts row 1: request 7 cannot be read"),
    ],
)
def test_a_bad_value_refuses_the_whole_file_and_changes_nothing(
    history, table, field, value, message
):
    data = export_data(history, NOW)
    before = stored(history)
    data[table][0][field] = value
    with pytest.raises(Refused, match=re.escape(message)):
        restore(history, data)
    assert stored(history) == before


def test_a_link_must_name_a_row_in_the_same_file(history, dana):
    sam = add_person(history, "Sam Park")
    dana.introduced_by = sam
    dana.save()
    data = export_data(history, NOW)
    data["people"] = [row for row in data["people"] if row["name"] != "Sam Park"]
    with pytest.raises(Refused, match=f"people row 1: introduced_by {sam.public_id} is not in"):
        restore(history, data)


def test_a_public_id_twice_in_one_table_is_refused(history):
    data = export_data(history, NOW)
    data["people"].append(dict(data["people"][0], name="Someone else"))
    with pytest.raises(Refused, match="people row 2: public_id .* appears twice"):
        restore(history, data)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"version": 3}, "export format version 3 is not one this version reads"),
        ({"version": "2"}, "export format version '2' is not one"),
        ({"people": "Dana Lee"}, "people: expected a list of rows"),
        ({"people": ["Dana Lee"]}, "people row 1: expected an object"),
        ({"format": "something else"}, "this is not an infointerview export"),
    ],
)
def test_a_file_of_the_wrong_shape_is_refused(history, change, message):
    data = {**export_data(history, NOW), **change}
    before = stored(history)
    with pytest.raises(Refused, match=re.escape(message)):
        restore(history, data)
    assert stored(history) == before


def test_a_bad_row_late_in_the_file_keeps_every_earlier_change_out(history, dana):
    data = export_data(history, NOW)
    before = stored(history)
    data["people"][0]["name"] = "Dana Renamed"
    another = "0e8bbd4e-0000-4000-8000-00000000aa01"
    data["people"].append({**data["people"][0], "public_id": another})
    data["research"][0]["url"] = "javascript:alert(1)"
    with pytest.raises(Refused, match="research row 1: url"):
        restore(history, data)
    assert stored(history) == before
    assert Person.objects.get(pk=dana.pk).name == "Dana Lee"


def test_an_old_backup_restores_whatever_today_is(history, dana):
    """Nothing depends on today: a call logged in 1901 and an interview in 2100 come back."""
    data = export_data(history, NOW)
    data["attempts"][0]["on"] = "1901-01-02"
    data["contact_requests"][0]["sent_on"] = "1900-01-01"
    data["interviews"][0]["starts_at"] = "2100-12-31T23:00:00-06:00"
    restore(history, data)
    assert dana.contact_requests.get().attempts.get().on == date(1901, 1, 2)


def test_a_normal_export_written_to_a_file_restores_into_a_new_account(history, tmp_path):
    path = tmp_path / "export.json"
    before = export_data(history, NOW)
    path.write_text(json.dumps(before, indent=2, ensure_ascii=False), encoding="utf-8")
    assert sum(restore_file(history, path).created.values()) == 0
    get_user_model().objects.filter(pk=history.pk).delete()
    fresh = create_owner("alice")
    report = restore_file(fresh, path)
    assert report.created["people"] == 1 and report.created["research"] == 1
    after = export_data(fresh, NOW)
    assert {**after, "exported_at": None} == {**before, "exported_at": None}


def test_deep_nesting_in_a_file_is_one_line_and_changes_nothing(history, tmp_path):
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000)
    before = stored(history)
    with pytest.raises(Refused, match="nests deeper than any export"):
        restore_file(history, path)
    assert stored(history) == before


def test_deep_nesting_inside_a_row_is_refused(history):
    nested: list = []
    for _ in range(100_000):
        nested = [nested]
    data = export_data(history, NOW)
    data["people"][0]["tags"] = nested
    with pytest.raises(Refused, match="people row 1: tags a value nested too deeply cannot"):
        restore(history, data)


def test_a_file_over_the_limit_is_refused_before_it_is_read(history, tmp_path, monkeypatch):
    path = tmp_path / "huge.json"
    path.write_text("{" + " " * 2_000)  # not even JSON: only its size is looked at
    monkeypatch.setattr(restoring, "LARGEST_FILE", 1_000)
    with pytest.raises(Refused, match="huge.json is 2,001 bytes, more than the 1,000"):
        read_export(path, restoring.LARGEST_FILE)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"people": [{"position": NaN}]}', "NaN is not a number"),
        ('{"x": Infinity}', "Infinity is not a number"),
        ("{not json", "is not a JSON export"),
        ('{"x": 1' + "0" * 10_000 + "}", "is not a JSON export"),
    ],
)
def test_text_that_is_not_a_plain_json_export_is_refused(tmp_path, text, message):
    path = tmp_path / "bad.json"
    path.write_text(text)
    with pytest.raises(Refused, match=message):
        read_export(path)


def test_a_folder_or_a_missing_file_is_refused(tmp_path):
    with pytest.raises(Refused, match="is a folder"):
        read_export(tmp_path)
    with pytest.raises(Refused, match="does not exist"):
        read_export(tmp_path / "missing.json")
    bad = tmp_path / "latin1.json"
    bad.write_bytes(b'{"name": "Jos\xe9"}')
    with pytest.raises(Refused, match="is not a JSON export"):
        read_export(bad)


def test_a_restore_says_it_is_running_while_it_writes(history, monkeypatch):
    seen = []
    check = restoring._check_rows

    def watching(*args):
        seen.extend(what for what, _ in long_writes.running_now())
        return check(*args)

    monkeypatch.setattr(restoring, "_check_rows", watching)
    restore(history, export_data(history, NOW))
    assert seen == ["a restore"]
    assert long_writes.running_now() == []
