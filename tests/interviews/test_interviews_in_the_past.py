"""A time already past cannot be scheduled; a meeting that took place is recorded as held."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from infointerview.accounts.services import profile_for
from infointerview.agenda.outcomes import record_outcome
from infointerview.interviews.models import Interview, InterviewChange
from infointerview.interviews.services import record_interview, reschedule, schedule
from infointerview.lib.errors import Refused
from infointerview.outreach.models import Attempt
from infointerview.outreach.services import draft, mark_sent
from tests.conftest import NOW, WEDNESDAY, at

# Long past whatever the clock says when the web tests run.
LONG_AGO = "2026-01-05T10:00"


def test_a_time_more_than_a_quarter_hour_past_is_refused_and_nothing_is_scheduled(alice, dana):
    with pytest.raises(Refused, match="Wednesday, December 2, 2026 at 11:44 has already passed"):
        schedule(alice, dana, NOW - timedelta(minutes=16), now=NOW)
    assert not Interview.objects.exists()


def test_a_meeting_being_set_up_as_it_starts_can_still_be_scheduled(alice, dana):
    interview = schedule(alice, dana, NOW - timedelta(minutes=14), now=NOW)
    assert interview.status == Interview.Status.SCHEDULED


def test_rescheduling_into_the_past_is_refused_and_the_interview_is_unchanged(alice, dana):
    interview = schedule(alice, dana, at("2026-12-10 14:30"), now=NOW)
    with pytest.raises(Refused, match="has already passed"):
        reschedule(alice, interview, at("2026-12-01 09:00"), now=NOW)
    interview.refresh_from_db()
    assert interview.starts_at == at("2026-12-10 14:30")
    assert not InterviewChange.objects.exists()


def test_a_meeting_that_took_place_is_recorded_as_held(alice, dana):
    interview = record_interview(alice, dana, at("2026-12-01 09:00"), minutes=30, now=NOW)
    assert (interview.status, interview.minutes) == (Interview.Status.HELD, 30)
    assert interview.starts_at == at("2026-12-01 09:00")


def test_a_meeting_still_to_come_cannot_be_recorded_as_held(alice, dana):
    with pytest.raises(
        Refused, match="Thursday, December 3, 2026 at 09:00 is still to come: schedule"
    ):
        record_interview(alice, dana, at("2026-12-03 09:00"), now=NOW)
    assert not Interview.objects.exists()


def test_the_web_form_refuses_a_past_time_on_its_field_and_keeps_what_was_typed(alice_client, dana):
    response = alice_client.post(
        reverse("interviews:schedule", args=[dana.public_id]),
        {"starts_at": LONG_AGO, "minutes": "25", "mode": "video", "place": "Room 4"},
    )
    assert response.status_code == 200
    [error] = response.context["form"].errors["starts_at"]
    assert "Monday, January 5, 2026 at 10:00 has already passed" in error
    html = response.content.decode()
    assert 'value="Room 4"' in html and "This interview already took place" in html
    assert not Interview.objects.exists()


def test_the_web_form_records_a_meeting_that_already_took_place(alice_client, alice, dana):
    response = alice_client.post(
        reverse("interviews:schedule", args=[dana.public_id]),
        {"starts_at": LONG_AGO, "minutes": "20", "mode": "phone", "took_place": "on"},
    )
    interview = Interview.objects.get(owner=alice, person=dana)
    assert interview.status == Interview.Status.HELD
    assert response["Location"] == reverse("interviews:afterwards", args=[interview.public_id])


def test_the_web_form_will_not_record_a_future_meeting_as_held(alice_client, dana):
    response = alice_client.post(
        reverse("interviews:schedule", args=[dana.public_id]),
        {"starts_at": "2099-01-05T10:00", "minutes": "25", "mode": "phone", "took_place": "on"},
    )
    assert "is still to come" in response.context["form"].errors["starts_at"][0]
    assert not Interview.objects.exists()


def test_rescheduling_on_the_web_into_the_past_says_so_naming_the_field(alice_client, alice, dana):
    interview = schedule(alice, dana, at("2099-12-10 14:30"))
    response = alice_client.post(
        reverse("interviews:reschedule", args=[interview.public_id]),
        {"starts_at": LONG_AGO, "minutes": "25", "mode": "phone"},
        follow=True,
    )
    assert (
        "Date and time: Monday, January 5, 2026 at 10:00 has already passed"
        in response.content.decode()
    )
    interview.refresh_from_db()
    assert interview.starts_at == at("2099-12-10 14:30")
    assert not InterviewChange.objects.exists()


@pytest.fixture
def emailed(alice, dana):
    draft(alice, dana, "email", today=WEDNESDAY)
    return mark_sent(alice, dana, on=WEDNESDAY)


def test_agreed_logged_the_day_after_the_meeting_records_it_as_held(alice, dana, emailed):
    result = record_outcome(
        alice, dana, "agreed", on=date(2026, 12, 2), interview_at=at("2026-12-01 15:00"), now=NOW
    )
    assert result.interview.status == Interview.Status.HELD
    assert result.request.status == "agreed"
    assert "recorded as held" in result.summary()


def test_agreed_logged_without_the_clock_takes_a_meeting_before_that_day_as_held(
    alice, dana, emailed
):
    result = record_outcome(
        alice, dana, "agreed", on=date(2026, 12, 2), interview_at=at("2026-12-01 15:00")
    )
    assert result.interview.status == Interview.Status.HELD


def test_agreed_for_a_meeting_to_come_schedules_it(alice, dana, emailed):
    result = record_outcome(
        alice, dana, "agreed", on=date(2026, 12, 2), interview_at=at("2026-12-04 15:00"), now=NOW
    )
    assert result.interview.status == Interview.Status.SCHEDULED


def test_agreed_on_the_person_page_after_the_meeting_records_it_as_held(alice_client, alice, dana):
    today = profile_for(alice).today(timezone.now()).isoformat()
    response = alice_client.post(
        reverse("agenda:log_outcome", args=[dana.public_id]),
        {"outcome": "agreed", "on": today, "interview_at": LONG_AGO, "mode": "phone"},
        follow=True,
    )
    interview = Interview.objects.get(owner=alice, person=dana)
    assert interview.status == Interview.Status.HELD
    assert Attempt.objects.filter(owner=alice, outcome="agreed").exists()
    assert "recorded as held" in response.content.decode()
