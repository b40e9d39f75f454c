"""Interest profiles (finished and half-done) and goals travel in export and restore."""

import json

import pytest

from infointerview.accounts.services import create_owner
from infointerview.agenda.account_deletion import delete_account, what_will_be_removed
from infointerview.agenda.export import export_data
from infointerview.agenda.restore import restore
from infointerview.careers.goals import goals_for, save_goals
from infointerview.careers.interests import in_progress, profile_from_code, save_answers
from infointerview.careers.matches import latest_profile
from infointerview.careers.models import Goals, InterestProfile
from infointerview.lib.errors import Refused
from tests.conftest import NOW


@pytest.fixture
def explored(alice):
    profile_from_code(alice, "AES", NOW)
    save_answers(alice, {"1": "like", "2": "dislike"})
    save_goals(alice, min_wage=55000, wage_area="state", max_job_zone=4, work_values=["Support"])
    return alice


def test_the_export_holds_the_history_the_questionnaire_under_way_and_the_goals(explored):
    data = export_data(explored, NOW)
    assert len(data["interest_profiles"]) == 2
    assert {row["source"] for row in data["interest_profiles"]} == {"code", "questionnaire"}
    assert data["goals"][0]["work_values"] == ["Support"]


def test_a_restore_brings_them_back_in_a_new_account(explored):
    data = json.loads(json.dumps(export_data(explored, NOW)))
    carol = create_owner("carol")
    InterestProfile.objects.filter(owner=explored).delete()  # ids are unique across accounts
    Goals.objects.filter(owner=explored).delete()
    restore(carol, data)
    assert latest_profile(carol).top_three() == "AES"
    assert in_progress(carol).given() == {"1": "like", "2": "dislike"}
    goals = goals_for(carol).goals
    assert (goals.min_wage, goals.wage_area, goals.max_job_zone) == (55000, "state", 4)


def test_restoring_the_same_export_changes_nothing(explored):
    data = json.loads(json.dumps(export_data(explored, NOW)))
    report = restore(explored, data)
    assert report.unchanged["interest_profiles"] == 2
    assert InterestProfile.objects.count() == 2 and Goals.objects.count() == 1


@pytest.mark.parametrize(
    ("table", "field", "value", "message"),
    [
        ("interest_profiles", "answers", ["adore"], "interest_profiles row 1: answers"),
        ("interest_profiles", "answers", ["like"] * 61, "interest_profiles row 1: answers"),
        ("interest_profiles", "artistic", -1, "interest_profiles row"),
        ("goals", "work_values", ["Fame"], "goals row 1"),
        ("goals", "max_job_zone", 9, "goals row 1"),
    ],
)
def test_a_hand_edited_value_is_refused_and_nothing_changes(explored, table, field, value, message):
    data = json.loads(json.dumps(export_data(explored, NOW)))
    for row in data[table]:
        row[field] = value
    before = json.dumps(export_data(explored, NOW), sort_keys=True)
    with pytest.raises(Refused, match=message):
        restore(explored, data)
    assert json.dumps(export_data(explored, NOW), sort_keys=True) == before


def test_deleting_the_account_removes_them(explored, bob):
    profile_from_code(bob, "SEC", NOW)
    assert what_will_be_removed(explored)
    delete_account(explored)
    assert InterestProfile.objects.get().owner == bob
    assert Goals.objects.count() == 0
