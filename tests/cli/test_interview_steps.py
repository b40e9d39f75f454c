"""`interview record` for a meeting that took place, and `interview plan`'s changes."""

import json

import pytest

from infointerview.cli import main
from infointerview.interviews.models import Interview, PlannedQuestion


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def dana(db, capsys):
    code, _, err = run(capsys, "people", "add", "Dana Lee", "--occupation", "Graphic Designers")
    assert code == 0, err


def test_a_meeting_that_took_place_is_recorded_as_held(dana, capsys):
    code, out, err = run(
        capsys, "interview", "record", "Dana Lee", "--at", "2026-01-05 10:00", "--minutes", "20",
        "--mode", "phone", "--json",
    )  # fmt: skip
    assert code == 0, err
    shown = json.loads(out)
    assert (shown["status"], shown["minutes"], shown["mode"]) == ("held", 20, "phone")
    code, out, _ = run(capsys, "interview", "thank", "Dana Lee")
    assert "Dear Dana Lee," in out


def test_recording_a_meeting_still_to_come_is_one_line_and_records_nothing(dana, capsys):
    code, out, err = run(capsys, "interview", "record", "Dana Lee", "--at", "2099-01-05 10:00")
    assert code == 1
    assert err.strip().endswith(
        "Monday, January 5, 2099 at 10:00 is still to come: schedule the interview instead"
    )
    assert len(err.strip().splitlines()) == 1
    assert not Interview.objects.exists()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--at", "last tuesday"], "write it as 'YYYY-MM-DD HH:MM'"),
        (["--at", "2026-01-05 10:00", "--mode", "carrier-pigeon"], "unknown mode"),
        (["--at", "2026-01-05 10:00", "--minutes", "900"], "between 5 and 180 minutes"),
    ],
)
def test_bad_input_to_record_is_one_line_and_records_nothing(dana, capsys, argv, message):
    code, _, err = run(capsys, "interview", "record", "Dana Lee", *argv)
    assert code == 1 and message in err and len(err.strip().splitlines()) == 1
    assert not Interview.objects.exists()


def test_recording_for_someone_unknown_is_one_line(db, capsys):
    code, _, err = run(capsys, "interview", "record", "Nobody Here", "--at", "2026-01-05 10:00")
    assert code == 1 and len(err.strip().splitlines()) == 1


@pytest.fixture
def planned(dana, capsys):
    run(capsys, "interview", "schedule", "Dana Lee", "--at", "2099-03-02 10:00")
    code, _, err = run(capsys, "interview", "plan", "Dana Lee", "--purpose", "choosing")
    assert code == 0, err


def texts() -> list[str]:
    return list(PlannedQuestion.objects.order_by("position").values_list("text", flat=True))


CHOOSE = "How did you come to choose this occupation over others?"
SPECIAL = "Which specialties are there, and how do people end up in one?"
AGAIN = "If you were starting again, which related work would you also consider?"
WHOM = "Whom else would you suggest I talk to, and may I mention your name?"


def test_edit_plan_removes_moves_adds_and_rewords(planned, capsys):
    code, out, err = run(capsys, "interview", "plan", "Dana Lee", "--remove", "2")
    assert code == 0, err
    assert f"Removed question 2: {SPECIAL}" in out
    assert texts() == [CHOOSE, AGAIN, WHOM]
    run(capsys, "interview", "plan", "Dana Lee", "--move", "3", "--to", "1")
    assert texts() == [WHOM, CHOOSE, AGAIN]
    run(
        capsys,
        "interview",
        "plan",
        "Dana Lee",
        "--add",
        "What surprised you?",
        "--minutes",
        "3",
    )
    assert texts()[-1] == "What surprised you?"
    assert PlannedQuestion.objects.get(text="What surprised you?").minutes == 3
    run(capsys, "interview", "plan", "Dana Lee", "--edit", "2", "--text", "Why this work?")
    assert texts() == [WHOM, "Why this work?", AGAIN, "What surprised you?"]
    code, out, _ = run(capsys, "interview", "plan", "Dana Lee", "--json")
    assert [q["text"] for q in json.loads(out)["questions"]] == texts()


def test_replanning_from_the_command_line_keeps_own_and_edited_questions(planned, capsys):
    run(capsys, "interview", "plan", "Dana Lee", "--add", "What surprised you?")
    run(capsys, "interview", "plan", "Dana Lee", "--edit", "1", "--text", "Why this work?")
    run(capsys, "interview", "plan", "Dana Lee", "--purpose", "realities")
    assert texts()[:2] == ["Why this work?", "What surprised you?"]
    assert SPECIAL not in texts()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--remove", "9"], "no question 9: the plan has 4"),
        (["--move", "1"], "--move N and --to M go together"),
        (["--move", "1", "--to", "7"], "give a number from 1 to 4"),
        (["--remove", "1", "--edit", "2", "--text", "x"], "one change at a time"),
        (["--edit", "2"], "--edit N needs --text"),
        (["--text", "x"], "--text goes with --edit N"),
        (["--edit", "2", "--text", "   "], "write the question first"),
        (["--add", "Why?", "--minutes", "0"], "minutes"),
    ],
)
def test_bad_plan_changes_are_one_line_and_change_nothing(planned, capsys, argv, message):
    before = texts()
    code, _, err = run(capsys, "interview", "plan", "Dana Lee", *argv)
    assert code == 1 and message in err and len(err.strip().splitlines()) == 1
    assert texts() == before


def test_scheduling_a_time_already_past_is_refused_in_one_line(dana, capsys):
    code, _, err = run(capsys, "interview", "schedule", "Dana Lee", "--at", "2026-01-05 10:00")
    assert code == 1 and len(err.strip().splitlines()) == 1
    assert (
        "Monday, January 5, 2026 at 10:00 has already passed" in err and "record it as held" in err
    )
    assert not Interview.objects.exists()


def test_rescheduling_to_a_time_already_past_is_refused_and_changes_nothing(planned, capsys):
    before = Interview.objects.get().starts_at
    code, _, err = run(capsys, "interview", "reschedule", "Dana Lee", "--at", "2026-01-05 10:00")
    assert code == 1 and "Monday, January 5, 2026 at 10:00 has already passed" in err
    assert Interview.objects.get().starts_at == before
