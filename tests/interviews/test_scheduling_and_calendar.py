"""Scheduling keeps history; calendar files and the feed parse back per RFC 5545."""

from datetime import UTC, date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from infointerview.agenda.calendar import call_ics, interview_ics, new_feed_token, upcoming_ics
from infointerview.interviews.models import InterviewChange
from infointerview.interviews.services import cancel, reschedule, schedule
from infointerview.lib.errors import Refused
from infointerview.outreach.services import draft, mark_sent
from tests.conftest import NOW, WEDNESDAY, at


def events(data: bytes) -> list:
    return Calendar.from_ical(data).walk("VEVENT")


def test_an_interview_is_scheduled_in_the_users_time_zone(alice, dana):
    interview = schedule(alice, dana, at("2026-12-10 14:30"), minutes=20, mode="video")
    interview.refresh_from_db()
    assert interview.starts_at.isoformat() == "2026-12-10T20:30:00+00:00"
    assert interview.time_zone == "America/Chicago"
    assert interview.ends_at - interview.starts_at == timedelta(minutes=20)


def test_rescheduling_and_cancelling_keep_history(alice, dana):
    interview = schedule(alice, dana, at("2026-12-10 14:30"))
    interview.refresh_from_db()
    reschedule(alice, interview, at("2026-12-11 09:00"), reason="they had a deadline")
    cancel(alice, interview, reason="they left the company")
    changes = list(InterviewChange.objects.filter(interview=interview))
    assert [c.kind for c in changes] == ["rescheduled", "cancelled"]
    assert changes[0].previous_starts_at.isoformat() == "2026-12-10T20:30:00+00:00"
    assert changes[1].previous_starts_at.isoformat() == "2026-12-11T15:00:00+00:00"
    with pytest.raises(Refused, match="cancelled"):
        reschedule(alice, interview, at("2026-12-12 09:00"))


def test_the_ics_keeps_its_uid_when_the_time_changes(alice, dana):
    interview = schedule(alice, dana, at("2026-12-10 14:30"), minutes=25)
    [before] = events(interview_ics(interview, NOW))
    reschedule(alice, interview, at("2026-12-11 09:00"))
    [after] = events(interview_ics(interview, NOW))
    assert before["UID"] == after["UID"] == f"interview-{interview.public_id}@infointerview.local"
    assert before.decoded("DTSTART").isoformat() == "2026-12-10T20:30:00+00:00"
    assert after.decoded("DTSTART").isoformat() == "2026-12-11T15:00:00+00:00"
    assert after.decoded("DTEND") - after.decoded("DTSTART") == timedelta(minutes=25)
    assert int(after["SEQUENCE"]) == 1
    assert "DTSTAMP" in after


def test_control_characters_typed_in_a_name_or_place_stay_out_of_the_file(alice, dana):
    from infointerview.people.models import Person

    Person.objects.filter(pk=dana.pk).update(name="Dana\x07 Lee\x1b", phones=["555\x0b0100"])
    dana.refresh_from_db()
    interview = schedule(alice, dana, at("2026-12-10 14:30"), place="Room\x01 4\nfloor 2")
    ics = interview_ics(interview, NOW)
    assert not any(byte < 0x20 and byte not in (0x0A, 0x0D, 0x09) for byte in ics)
    [event] = events(ics)
    assert str(event["SUMMARY"]) == "Informational interview: Dana Lee"
    assert str(event["LOCATION"]) == "Room 4\nfloor 2"


def test_a_follow_up_call_is_an_all_day_event_on_its_day(alice, dana):
    draft(alice, dana, "email", today=WEDNESDAY)
    request = mark_sent(alice, dana, on=WEDNESDAY)
    [event] = events(call_ics(request, NOW))
    assert event.decoded("DTSTART") == date(2026, 12, 7)
    assert "Follow-up call: Dana Lee" in str(event["SUMMARY"])
    assert "555-0100" in str(event["DESCRIPTION"])


def test_the_export_holds_interviews_and_calls(alice, dana):
    draft(alice, dana, "phone", today=WEDNESDAY)
    soon = (timezone.now() + timedelta(days=3)).replace(second=0, microsecond=0)
    schedule(alice, dana, soon)
    summaries = sorted(str(e["SUMMARY"]) for e in events(upcoming_ics(alice, NOW)))
    assert summaries == ["Call: Dana Lee", "Informational interview: Dana Lee"]


def test_the_feed_needs_its_token_and_a_new_token_revokes_the_old(client, alice, dana):
    soon = (timezone.now() + timedelta(days=3)).replace(second=0, microsecond=0)
    schedule(alice, dana, soon)
    token = new_feed_token(alice)
    url = reverse("agenda:feed", args=[token])
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert len(events(response.content)) == 1
    assert client.get(reverse("agenda:feed", args=["guessed-token"])).status_code == 404
    new = new_feed_token(alice)
    assert new != token
    assert client.get(url).status_code == 404
    assert client.get(reverse("agenda:feed", args=[new])).status_code == 200


def test_a_feed_shows_only_its_owners_events(client, alice, bob, dana):
    soon = (timezone.now() + timedelta(days=3)).replace(second=0, microsecond=0)
    schedule(alice, dana, soon)
    response = client.get(reverse("agenda:feed", args=[new_feed_token(bob)]))
    assert events(response.content) == []


def test_another_user_cannot_see_or_change_an_interview(bob_client, alice, dana):
    interview = schedule(alice, dana, at("2026-12-10 14:30"))
    names = [f"interviews:{n}" for n in ["detail", "plan", "conduct", "afterwards", "plan_print"]]
    for name in [*names, "agenda:interview_ics"]:
        assert bob_client.get(reverse(name, args=[interview.public_id])).status_code == 404
    response = bob_client.post(reverse("interviews:cancel", args=[interview.public_id]))
    assert response.status_code == 404
    interview.refresh_from_db()
    assert interview.status == "scheduled"


def test_a_calendar_asking_again_gets_not_modified_until_something_changes(client, alice, dana):
    soon = (timezone.now() + timedelta(days=3)).replace(second=0, microsecond=0)
    interview = schedule(alice, dana, soon)
    url = reverse("agenda:feed", args=[new_feed_token(alice)])
    first = client.get(url)
    assert first.status_code == 200 and first["ETag"]
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    reschedule(alice, interview, soon + timedelta(hours=2))
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200
    [event] = events(again.content)
    assert event["DTSTART"].dt == (soon + timedelta(hours=2)).astimezone(UTC)
