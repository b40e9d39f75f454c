"""Drafts address each person as the user chose, speak to the introducer of "their" career,
and offer a voicemail script, a follow-up note and a weekday for the promised call."""

from datetime import date, timedelta

from django.urls import reverse
from django.utils import timezone

from infointerview.accounts.services import profile_for
from infointerview.outreach.models import ContactRequest
from infointerview.outreach.services import (
    draft,
    mark_sent,
    monday_instead,
    voicemail,
    weekend_warning,
)
from infointerview.people.services import add_person
from tests.conftest import WEDNESDAY

SATURDAY = date(2026, 12, 5)
MONDAY = date(2026, 12, 7)


def _introduced_by_sam(alice, dana):
    sam = add_person(alice, "Sam Ortiz")
    dana.introduced_by = sam
    dana.save()
    return sam


def test_the_introduction_asks_the_introducer_about_their_career(alice, dana):
    _introduced_by_sam(alice, dana)
    body = draft(alice, dana, "introduction", today=WEDNESDAY).body
    assert "to learn about their career as a graphic designer" in body
    assert "your career" not in body
    assert body.startswith("Dear Sam Ortiz,")


def test_the_introduction_addresses_the_introducer_as_the_user_chose(alice, dana):
    sam = _introduced_by_sam(alice, dana)
    sam.address_as = "Sam"
    sam.save()
    assert draft(alice, dana, "introduction", today=WEDNESDAY).body.startswith("Dear Sam,")


def test_a_letter_to_the_person_still_speaks_of_your_career(alice, dana):
    assert "to learn about your career" in draft(alice, dana, "letter", today=WEDNESDAY).body


def test_drafts_address_the_person_as_the_user_chose(alice, dana):
    assert draft(alice, dana, "email", today=WEDNESDAY).body.startswith("Dear Dana Lee,")
    dana.address_as = "Ms. Lee"
    dana.save()
    assert draft(alice, dana, "email", today=WEDNESDAY).body.startswith("Dear Ms. Lee,")
    assert draft(alice, dana, "letter", today=WEDNESDAY).body.startswith("Dear Ms. Lee,")


def test_no_title_is_guessed_from_a_name(alice, designers):
    person = add_person(alice, "Dr. Robin Hale", occupation="Graphic Designers")
    assert draft(alice, person, "email", today=WEDNESDAY).body.startswith("Dear Dr. Robin Hale,")


def test_a_weekend_call_day_is_accepted_and_the_monday_offered(alice, dana):
    request = draft(alice, dana, "email", today=WEDNESDAY, call_on=SATURDAY)
    assert request.call_on == SATURDAY
    assert monday_instead(SATURDAY) == monday_instead(SATURDAY + timedelta(days=1)) == MONDAY
    assert monday_instead(MONDAY) is None
    assert weekend_warning(SATURDAY) == (
        "The draft promises a call on Saturday, December 5, a weekend day: most offices are "
        "closed. Promise Monday, December 7 instead?"
    )


def test_the_web_warns_of_a_weekend_call_day_and_offers_the_monday(alice_client, alice, dana):
    today = profile_for(alice).today(timezone.now())
    saturday = today + timedelta(days=12 - today.weekday())
    monday = saturday + timedelta(days=2)
    response = alice_client.post(
        reverse("outreach:draft", args=[dana.public_id]),
        {"channel": "email", "call_on": saturday.isoformat()},
        follow=True,
    )
    page = response.content.decode()
    assert "a weekend day: most offices are closed" in page
    assert f'name="call_on" value="{monday.isoformat()}"' in page
    alice_client.post(
        reverse("outreach:draft", args=[dana.public_id]),
        {"channel": "email", "call_on": monday.isoformat()},
    )
    assert ContactRequest.objects.get().call_on == monday


def test_a_phone_request_shows_a_voicemail_script_beside_the_script(alice_client, alice, dana):
    request = draft(alice, dana, "phone", today=WEDNESDAY)
    script = voicemail(alice, dana)
    assert script.startswith("Hello Dana Lee, this is Alice Moreno;")
    assert "you can reach me at 555-0142" in script
    assert "{{" not in script
    page = alice_client.get(reverse("outreach:request", args=[request.public_id])).content
    assert "If you reach voicemail" in page.decode()


def test_a_follow_up_note_is_offered_once_the_promised_day_came(alice_client, alice, dana):
    today = profile_for(alice).today(timezone.now())
    request = draft(alice, dana, "email", today=today - timedelta(days=10))
    mark_sent(alice, dana, on=today - timedelta(days=10))
    request.refresh_from_db()
    page = alice_client.get(reverse("outreach:request", args=[request.public_id])).content.decode()
    assert "No reply by the promised day?" in page
    assert "Following up: learning about your career as a graphic designer" in page
    assert "said I would telephone on" in page


def test_no_follow_up_note_before_the_promised_day(alice_client, alice, dana):
    today = profile_for(alice).today(timezone.now())
    request = draft(alice, dana, "email", today=today)
    mark_sent(alice, dana, on=today)
    page = alice_client.get(reverse("outreach:request", args=[request.public_id])).content.decode()
    assert "No reply by the promised day?" not in page
