"""Dates outside 1900–2100 are refused wherever they come in: forms, commands, restores."""

import pytest
from django.urls import reverse

from infointerview.agenda.export import export_data
from infointerview.agenda.restore import restore
from infointerview.cli import main
from infointerview.interviews.models import Interview
from infointerview.lib.errors import Refused
from infointerview.outreach.models import Attempt
from infointerview.outreach.services import draft, log_outcome
from tests.conftest import NOW, WEDNESDAY


def test_a_year_9999_interview_is_refused_on_the_web(alice_client, dana):
    response = alice_client.post(
        reverse("interviews:schedule", args=[dana.public_id]),
        {"starts_at": "9999-12-03T10:00", "minutes": "25", "mode": "in-person"},
    )
    assert "9999-12-03 is outside 1900–2100" in response.content.decode()
    assert not Interview.objects.exists()


def test_a_year_9999_call_back_is_refused_on_the_web(alice_client, alice, dana):
    draft(alice, dana, "phone", today=WEDNESDAY)
    response = alice_client.post(
        reverse("agenda:log_outcome", args=[dana.public_id]),
        {"outcome": "busy", "on": "2026-12-02", "call_back_on": "9999-01-04", "mode": "phone"},
        follow=True,
    )
    assert "9999-01-04 is outside 1900–2100" in response.content.decode()
    assert not Attempt.objects.exists()


def test_year_one_is_refused_on_the_command_line(alice, dana, capsys):
    code = main(
        ["--user", "alice", "interview", "schedule", "Dana Lee", "--at", "0001-01-01 09:00"]
    )
    assert code == 1
    assert "0001-01-01 is outside 1900–2100" in capsys.readouterr().err
    assert not Interview.objects.exists()


def test_a_promised_call_day_beyond_2100_is_refused(alice, dana):
    from datetime import date

    with pytest.raises(Refused, match="2101-01-03 is outside 1900–2100"):
        draft(alice, dana, "email", today=WEDNESDAY, call_on=date(2101, 1, 3))


def test_a_restore_with_a_date_out_of_range_is_refused_and_changes_nothing(alice, dana):
    draft(alice, dana, "phone", today=WEDNESDAY)
    log_outcome(alice, dana, "no-answer", on=WEDNESDAY)
    data = export_data(alice, NOW)
    data["attempts"][0]["on"] = "9999-01-01"
    with pytest.raises(Refused, match="attempts row 1: on: 9999-01-01 is outside 1900–2100"):
        restore(alice, data)
    assert Attempt.objects.get().on == WEDNESDAY
