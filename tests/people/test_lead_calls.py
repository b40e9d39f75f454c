"""A switchboard call that got nowhere is logged on the lead; the third closes it."""

import re
from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from infointerview.accounts.services import create_owner, profile_for
from infointerview.agenda.export import export_data
from infointerview.agenda.restore import restore
from infointerview.lib.errors import Refused
from infointerview.people.leads import add_lead, calls_left, log_lead_call
from infointerview.people.models import LeadCall, OrganizationLead
from tests.conftest import WEDNESDAY


@pytest.fixture
def lead(alice, designers):
    return add_lead(alice, "Acme Print", "Graphic Designers", phone="555-0199")


def test_three_calls_without_a_name_close_the_lead(alice, lead):
    log_lead_call(alice, lead, "no-answer", WEDNESDAY, today=WEDNESDAY)
    log_lead_call(alice, lead, "no-name", WEDNESDAY, today=WEDNESDAY, note="Try in spring")
    assert (lead.status, calls_left(lead)) == (OrganizationLead.Status.OPEN, 1)
    log_lead_call(alice, lead, "no-answer", WEDNESDAY, today=WEDNESDAY)
    lead.refresh_from_db()
    assert lead.status == OrganizationLead.Status.CLOSED
    assert "3 calls without a name; last on Wednesday, December 2, 2026." in lead.notes
    assert [c.note for c in lead.calls.all()] == ["", "Try in spring", ""]


def test_a_refusal_closes_the_lead_at_once(alice, lead):
    log_lead_call(alice, lead, "declined", WEDNESDAY, today=WEDNESDAY)
    lead.refresh_from_db()
    assert lead.status == OrganizationLead.Status.CLOSED


@pytest.mark.parametrize(
    ("outcome", "on", "message"),
    [
        (
            "voicemail",
            WEDNESDAY,
            "unknown outcome 'voicemail': choose no-answer, no-name, declined",
        ),
        ("no-answer", WEDNESDAY + timedelta(days=1), "is after today (2026-12-02)"),
        ("no-answer", date(1850, 1, 1), "1900"),
    ],
)
def test_a_bad_call_is_refused_and_nothing_is_logged(alice, lead, outcome, on, message):
    with pytest.raises(Refused, match=message.replace("(", r"\(").replace(")", r"\)")):
        log_lead_call(alice, lead, outcome, on, today=WEDNESDAY)
    assert not LeadCall.objects.exists()


def test_a_closed_lead_takes_no_more_calls(alice, lead):
    log_lead_call(alice, lead, "declined", WEDNESDAY, today=WEDNESDAY)
    with pytest.raises(Refused, match="already closed"):
        log_lead_call(alice, lead, "no-answer", WEDNESDAY, today=WEDNESDAY)
    assert LeadCall.objects.count() == 1


def test_the_lead_page_logs_a_call(alice_client, alice, lead):
    today = profile_for(alice).today(timezone.now())
    url = reverse("people:log_lead_call", args=[lead.public_id])
    response = alice_client.post(url, {"outcome": "no-name", "on": today.isoformat()})
    assert response["Location"] == reverse("people:lead", args=[lead.public_id])
    page = alice_client.get(response["Location"]).content.decode()
    assert "Logged. 2 more calls before moving on." in page
    assert "Could not give a name" in page
    for _ in range(2):
        response = alice_client.post(url, {"outcome": "no-answer", "on": today.isoformat()})
    assert response["Location"] == reverse("agenda:people")
    lead.refresh_from_db()
    assert lead.status == OrganizationLead.Status.CLOSED


def test_a_call_dated_tomorrow_is_refused_on_the_page(alice_client, alice, lead):
    tomorrow = profile_for(alice).today(timezone.now()) + timedelta(days=1)
    response = alice_client.post(
        reverse("people:log_lead_call", args=[lead.public_id]),
        {"outcome": "declined", "on": tomorrow.isoformat(), "note": "Call the other office"},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "log it once made" in page
    # What was typed comes back: the outcome chosen and the note.
    assert re.search(r'<input type="radio" name="outcome" value="declined"[^>]* checked', page)
    assert 'name="note" value="Call the other office"' in page
    assert not LeadCall.objects.exists()


def test_a_call_on_a_day_that_is_not_a_day_keeps_what_was_typed(alice_client, lead):
    response = alice_client.post(
        reverse("people:log_lead_call", args=[lead.public_id]),
        {"outcome": "no-name", "on": "0000-01-01", "note": "Ask for Jo"},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert 'name="note" value="Ask for Jo"' in page and '<small class="error">' in page


def test_another_users_lead_cannot_be_logged(bob_client, lead):
    response = bob_client.post(
        reverse("people:log_lead_call", args=[lead.public_id]),
        {"outcome": "no-answer", "on": "2026-12-01"},
    )
    assert response.status_code == 404
    assert not LeadCall.objects.exists()


def test_the_calls_travel_with_an_export(alice, lead):
    log_lead_call(alice, lead, "no-name", WEDNESDAY, today=WEDNESDAY, note="Ask in spring")
    exported = export_data(alice, timezone.now())
    assert exported["lead_calls"][0]["note"] == "Ask in spring"
    get_user_model().objects.filter(pk=alice.pk).delete()
    fresh = create_owner("alice")
    assert restore(fresh, exported).created["lead_calls"] == 1
    call = LeadCall.objects.get(owner=fresh)
    assert (call.outcome, call.lead.organization) == ("no-name", "Acme Print")


def test_today_says_how_many_calls_a_lead_has_had(alice_client, alice, lead):
    log_lead_call(alice, lead, "no-answer", WEDNESDAY, today=WEDNESDAY)
    page = alice_client.get(reverse("agenda:today")).content.decode()
    assert "for Graphic Designers · 1 call without a name so far" in page
