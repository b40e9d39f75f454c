"""The interview and calendar commands, as documented."""

import json

import pytest
from icalendar import Calendar

from infointerview.cli import main
from infointerview.interviews.models import Interview, ThankYou
from tests.conftest import at


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_schedule_plan_notes_thank_and_export(db, tmp_path, capsys):
    run(capsys, "people", "add", "Dana Lee", "--occupation", "Graphic Designers")
    code, out, err = run(
        capsys,
        "interview",
        "schedule",
        "Dana Lee",
        "--at",
        "2099-03-02 10:00",
        "--minutes",
        "20",
        "--mode",
        "phone",
        "--json",
    )
    assert code == 0, err
    assert json.loads(out)["minutes"] == 20
    code, out, _ = run(
        capsys,
        "interview",
        "plan",
        "Dana Lee",
        "--purpose",
        "realities",
        "--purpose",
        "preparation",
        "--json",
    )
    plan = json.loads(out)
    assert plan["fits"] and plan["minutes_planned"] <= 20
    assert plan["questions"][-1]["text"].startswith("Whom else would you suggest")
    code, _, _ = run(
        capsys, "interview", "notes", "Dana Lee", "--question", "1", "--text", "Mostly layout work"
    )
    assert code == 0
    code, out, _ = run(capsys, "interview", "notes", "Dana Lee", "--json")
    assert json.loads(out)[0]["notes"] == "Mostly layout work"
    code, out, _ = run(capsys, "interview", "thank", "Dana Lee")
    assert "Dear Dana Lee," in out
    run(capsys, "interview", "thank", "Dana Lee", "--sent", "--on", "2099-03-02")
    assert ThankYou.objects.get().sent_on.isoformat() == "2099-03-02"
    target = tmp_path / "upcoming.ics"
    code, out, _ = run(capsys, "calendar", "export", str(target))
    assert code == 0
    [event] = Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Informational interview: Dana Lee"


def test_reschedule_and_cancel_from_the_command_line(db, capsys):
    run(capsys, "people", "add", "Dana Lee", "--occupation", "Graphic Designers")
    run(capsys, "interview", "schedule", "Dana Lee", "--at", "2099-03-02 10:00")
    assert run(capsys, "interview", "reschedule", "Dana Lee", "--at", "2099-03-03 11:00")[0] == 0
    assert run(capsys, "interview", "cancel", "Dana Lee", "--reason", "ill")[0] == 0
    interview = Interview.objects.get()
    assert interview.status == "cancelled"
    assert interview.changes.count() == 2


def test_interview_errors_are_one_line(db, capsys):
    run(capsys, "people", "add", "Dana Lee")
    for argv, message in [
        (["interview", "plan", "Dana Lee"], "no interview with Dana Lee"),
        (["interview", "schedule", "Dana Lee", "--at", "tomorrow"], "bad time"),
        (
            ["interview", "schedule", "Dana Lee", "--at", "2099-03-02 10:00", "--minutes", "500"],
            "between 5 and 180",
        ),
    ]:
        code, out, err = run(capsys, *argv)
        assert code == 1 and out == "" and err.count("\n") == 1 and message in err
    assert not Interview.objects.exists()


def test_today_on_a_later_day_shows_the_thanks_owed(alice, dana, capsys):
    from infointerview.interviews.services import schedule

    schedule(alice, dana, at("2026-12-03 10:00"))
    assert main(["--user", "alice", "today", "--on", "2026-12-02", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["thanks"] == []
    assert main(["--user", "alice", "today", "--on", "2026-12-04", "--json"]) == 0
    owed = json.loads(capsys.readouterr().out)["thanks"]
    assert [t["to"] for t in owed] == ["Dana Lee"]


@pytest.mark.parametrize(
    ("at", "why"),
    [
        ("2026-03-08 02:30", "does not exist in America/Chicago"),
        ("2026-11-01 01:30", "happens twice in America/Chicago"),
    ],
)
def test_a_time_the_clocks_skip_or_repeat_is_refused(alice, dana, capsys, at, why):
    assert main(["--user", "alice", "interview", "schedule", "Dana Lee", "--at", at]) == 1
    assert why in capsys.readouterr().err
    assert not Interview.objects.exists()


def test_today_on_a_day_outside_the_kept_years_is_refused(alice, capsys):
    assert main(["--user", "alice", "today", "--on", "9999-12-31"]) == 1
    assert "9999-12-31 is outside 1900–2100" in capsys.readouterr().err


def test_times_print_in_the_users_own_time_zone(alice, dana, capsys):
    assert (
        main(["--user", "alice", "interview", "schedule", "Dana Lee", "--at", "2026-12-03 23:30"])
        == 0
    )
    assert "Thursday, December 3, 2026 at 23:30" in capsys.readouterr().out
