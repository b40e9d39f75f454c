"""Scheduling, rescheduling and cancelling an interview from its pages."""

import pytest
from django.urls import reverse

from infointerview.interviews.models import Interview, InterviewChange
from infointerview.interviews.services import cancel, schedule
from tests.conftest import at


@pytest.fixture
def interview(alice, dana):
    return schedule(alice, dana, at("2026-12-10 14:30"), minutes=25)


def test_scheduling_creates_the_interview_in_the_users_time_zone(alice_client, alice, dana):
    response = alice_client.post(
        reverse("interviews:schedule", args=[dana.public_id]),
        {"starts_at": "2026-12-10T14:30", "minutes": "20", "mode": "video"},
    )
    interview = Interview.objects.get(owner=alice, person=dana)
    assert response.status_code == 302
    assert response["Location"] == reverse("interviews:detail", args=[interview.public_id])
    assert interview.starts_at.isoformat() == "2026-12-10T20:30:00+00:00"  # 14:30 in Chicago
    assert (interview.minutes, interview.mode, interview.status) == (20, "video", "scheduled")


def test_the_place_given_when_scheduling_is_kept(alice_client, alice, dana):
    alice_client.post(
        reverse("interviews:schedule", args=[dana.public_id]),
        {
            "starts_at": "2026-12-10T14:30",
            "minutes": "25",
            "mode": "video",
            "place": "https://meet.example.org/dana",
        },
    )
    assert Interview.objects.get(owner=alice).place == "https://meet.example.org/dana"


def test_a_time_that_cannot_be_read_keeps_the_form_and_schedules_nothing(alice_client, dana):
    response = alice_client.post(
        reverse("interviews:schedule", args=[dana.public_id]),
        {"starts_at": "next tuesday", "minutes": "25", "mode": "in-person"},
    )
    assert response.status_code == 200
    assert "Enter a valid date/time." in response.content.decode()
    assert not Interview.objects.exists()


def test_a_length_out_of_range_keeps_the_form_and_schedules_nothing(alice_client, dana):
    response = alice_client.post(
        reverse("interviews:schedule", args=[dana.public_id]),
        {"starts_at": "2026-12-10T14:30", "minutes": "600", "mode": "in-person"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["minutes"]
    assert not Interview.objects.exists()


def test_another_user_cannot_schedule_with_someone_elses_person(bob_client, dana):
    response = bob_client.post(
        reverse("interviews:schedule", args=[dana.public_id]),
        {"starts_at": "2026-12-10T14:30", "minutes": "25", "mode": "in-person"},
    )
    assert response.status_code == 404
    assert not Interview.objects.exists()


def test_rescheduling_moves_the_interview_and_keeps_what_it_was(alice_client, interview):
    url = reverse("interviews:reschedule", args=[interview.public_id])
    response = alice_client.post(
        url,
        {
            "starts_at": "2026-12-11T09:00",
            "minutes": "30",
            "mode": "phone",
            "reason": "they had a deadline",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("interviews:detail", args=[interview.public_id])
    interview.refresh_from_db()
    assert interview.starts_at.isoformat() == "2026-12-11T15:00:00+00:00"
    assert (interview.minutes, interview.mode) == (30, "phone")
    [change] = InterviewChange.objects.filter(interview=interview)
    assert change.kind == "rescheduled"
    assert change.reason == "they had a deadline"
    assert change.previous_starts_at.isoformat() == "2026-12-10T20:30:00+00:00"
    assert change.previous_minutes == 25
    page = alice_client.get(response["Location"]).content.decode()
    assert "Rescheduled. The calendar feed shows the new time." in page
    assert "(they had a deadline)" in page


def test_rescheduling_without_a_time_says_so_and_changes_nothing(alice_client, interview):
    response = alice_client.post(
        reverse("interviews:reschedule", args=[interview.public_id]),
        {"starts_at": "", "minutes": "30", "mode": "phone"},
        follow=True,
    )
    assert "Date and time: This field is required." in response.content.decode()
    interview.refresh_from_db()
    assert interview.starts_at.isoformat() == "2026-12-10T20:30:00+00:00"
    assert (interview.minutes, interview.mode) == (25, "in-person")
    assert not InterviewChange.objects.exists()


def test_a_cancelled_interview_cannot_be_rescheduled(alice_client, alice, interview):
    cancel(alice, interview)
    response = alice_client.post(
        reverse("interviews:reschedule", args=[interview.public_id]),
        {"starts_at": "2026-12-11T09:00", "minutes": "25", "mode": "in-person"},
        follow=True,
    )
    assert "this interview was cancelled; schedule a new one" in response.content.decode()
    interview.refresh_from_db()
    assert interview.status == "cancelled"
    assert interview.starts_at.isoformat() == "2026-12-10T20:30:00+00:00"


def test_another_user_cannot_reschedule_an_interview(bob_client, interview):
    response = bob_client.post(
        reverse("interviews:reschedule", args=[interview.public_id]),
        {"starts_at": "2026-12-11T09:00", "minutes": "30", "mode": "phone"},
    )
    assert response.status_code == 404
    interview.refresh_from_db()
    assert interview.starts_at.isoformat() == "2026-12-10T20:30:00+00:00"
    assert not InterviewChange.objects.exists()


def test_cancelling_keeps_the_interview_and_the_reason(alice_client, interview):
    response = alice_client.post(
        reverse("interviews:cancel", args=[interview.public_id]),
        {"reason": "they left the company"},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("interviews:detail", args=[interview.public_id])
    interview.refresh_from_db()
    assert interview.status == "cancelled"
    [change] = InterviewChange.objects.filter(interview=interview)
    assert (change.kind, change.reason) == ("cancelled", "they left the company")
