"""`outreach attempts`, `edit-attempt`, `undo`, `voicemail` and `follow-up` on the command line."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone

from infointerview.accounts.services import profile_for
from infointerview.cli import main
from infointerview.interviews.models import Interview
from infointerview.outreach.models import Attempt, ContactRequest
from infointerview.people.models import Person


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def one_line_error(code, err, message):
    assert code == 1
    assert len(err.strip().splitlines()) == 1, err
    assert message in err


@pytest.fixture
def dana(db, capsys):
    code, _, err = run(capsys, "people", "add", "Dana Lee", "--occupation", "Graphic Designers")
    assert code == 0, err
    return Person.objects.get(name="Dana Lee")


@pytest.fixture
def today(dana):
    return profile_for(dana.owner).today(timezone.now())


def log(capsys, *extra):
    code, _, err = run(capsys, "outreach", "log", "Dana Lee", *extra)
    assert code == 0, err


def test_attempts_are_listed_with_numbers(dana, today, capsys):
    log(capsys, "--outcome", "no-answer", "--on", (today - timedelta(days=2)).isoformat())
    log(capsys, "--outcome", "busy", "--note", "in a meeting")
    code, out, err = run(capsys, "outreach", "attempts", "Dana Lee", "--json")
    assert code == 0, err
    rows = json.loads(out)
    assert [(r["number"], r["outcome"]) for r in rows] == [(1, "no-answer"), (2, "busy")]
    assert rows[1]["note"] == "in a meeting"


def test_edit_attempt_changes_the_day_and_note(dana, today, capsys):
    log(capsys, "--outcome", "no-answer", "--on", (today - timedelta(days=2)).isoformat())
    yesterday = (today - timedelta(days=1)).isoformat()
    code, out, err = run(
        capsys, "outreach", "edit-attempt", "Dana Lee", "--on", yesterday, "--note", "rang twice",
        "--json",
    )  # fmt: skip
    assert code == 0, err
    shown = json.loads(out)
    assert (shown["on"], shown["note"]) == (yesterday, "rang twice")
    assert Attempt.objects.get().note == "rang twice"


def test_edit_attempt_into_the_future_is_one_line_and_changes_nothing(dana, today, capsys):
    log(capsys, "--outcome", "no-answer")
    tomorrow = (today + timedelta(days=1)).isoformat()
    code, _, err = run(capsys, "outreach", "edit-attempt", "Dana Lee", "--on", tomorrow)
    one_line_error(code, err, "is after today")
    assert Attempt.objects.get().on == today


def test_edit_attempt_with_a_number_out_of_range_is_one_line(dana, capsys):
    log(capsys, "--outcome", "no-answer")
    code, _, err = run(capsys, "outreach", "edit-attempt", "Dana Lee", "--number", "4")
    one_line_error(code, err, "choose a number from 1 to 1")


def test_undo_takes_back_agreed_and_the_interview_it_scheduled(dana, today, capsys):
    later = f"{(today + timedelta(days=7)).isoformat()} 10:00"
    log(capsys, "--outcome", "agreed", "--at", later)
    assert Interview.objects.count() == 1
    code, out, err = run(capsys, "outreach", "undo", "Dana Lee", "--json")
    assert code == 0, err
    shown = json.loads(out)
    assert shown["undone"]["outcome"] == "agreed"
    assert shown["interview_removed"] is True
    assert not Interview.objects.exists() and not Attempt.objects.exists()


def test_undo_referred_removes_the_person_it_added(dana, capsys):
    log(capsys, "--outcome", "referred", "--referred", "Kim Ode")
    code, out, err = run(capsys, "outreach", "undo", "Dana Lee")
    assert code == 0, err
    assert "Kim Ode is off the list again" in out
    assert not Person.objects.filter(name="Kim Ode").exists()
    assert not ContactRequest.objects.exists()


def test_undo_with_nothing_logged_is_one_line(dana, capsys):
    code, _, err = run(capsys, "outreach", "undo", "Dana Lee")
    one_line_error(code, err, "nothing has been logged for Dana Lee yet")


def test_voicemail_and_follow_up(dana, today, capsys):
    code, out, err = run(capsys, "outreach", "voicemail", "Dana Lee")
    assert code == 0, err
    assert "Hello Dana Lee, this is" in out
    code, _, err = run(capsys, "outreach", "follow-up", "Dana Lee")
    one_line_error(code, err, "no request to Dana Lee is in progress")


def test_a_note_is_printed_as_typed_not_as_markup(dana, capsys):
    log(capsys, "--outcome", "no-answer", "--note", "[bold]rang[/bold] C:\\")
    code, out, err = run(capsys, "outreach", "attempts", "Dana Lee")
    assert code == 0, err
    assert "[bold]rang[/bold] C:\\" in out


def test_a_weekend_call_day_is_accepted_with_the_monday_offered(dana, today, capsys):
    saturday = today + timedelta(days=12 - today.weekday())
    monday = saturday + timedelta(days=2)
    code, out, err = run(
        capsys, "outreach", "draft", "Dana Lee", "--channel", "letter",
        "--call-on", saturday.isoformat(), "--json",
    )  # fmt: skip
    assert code == 0, err
    shown = json.loads(out)
    assert shown["call_on"] == saturday.isoformat()
    assert "a weekend day: most offices are closed" in shown["warning"]
    code, out, err = run(
        capsys, "outreach", "draft", "Dana Lee", "--channel", "letter",
        "--call-on", saturday.isoformat(),
    )  # fmt: skip
    assert f"Draft it again with --call-on {monday.isoformat()}." in out
    code, out, err = run(
        capsys, "outreach", "draft", "Dana Lee", "--channel", "letter",
        "--call-on", monday.isoformat(), "--json",
    )  # fmt: skip
    assert json.loads(out)["warning"] is None
