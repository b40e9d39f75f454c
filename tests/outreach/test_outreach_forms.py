"""Each outreach form that is refused comes back holding what was typed, the error by its field."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from infointerview.accounts.services import profile_for
from infointerview.lib.day_words import long_day
from infointerview.outreach.models import Attempt, ContactRequest, DraftTemplate
from infointerview.outreach.services import draft, log_outcome


@pytest.fixture
def today(alice):
    return profile_for(alice).today(timezone.now())


def test_a_refused_draft_keeps_the_channel_and_day_typed(alice_client, dana, today):
    response = alice_client.post(
        reverse("outreach:draft", args=[dana.public_id]),
        {"channel": "letter", "call_on": today.isoformat()},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert re.search(r'<input type="radio" name="channel" value="letter"[^>]* checked', page)
    assert f'value="{today.isoformat()}"' in page
    assert response.context["form"].errors["call_on"] == [
        f"the promised call day must be after today, {long_day(today)}"
    ]
    assert "--call-on" not in page
    assert not ContactRequest.objects.exists()


def test_a_draft_without_a_channel_keeps_the_day_typed(alice_client, dana, today):
    later = (today + timedelta(days=9)).isoformat()
    response = alice_client.post(
        reverse("outreach:draft", args=[dana.public_id]), {"call_on": later}
    )
    assert response.status_code == 400
    assert f'value="{later}"' in response.content.decode()
    assert "channel" in response.context["form"].errors


def test_marking_sent_in_the_future_keeps_the_day_typed(alice_client, alice, dana, today):
    draft(alice, dana, "email", today=today)
    tomorrow = (today + timedelta(days=1)).isoformat()
    response = alice_client.post(reverse("outreach:sent", args=[dana.public_id]), {"on": tomorrow})
    assert response.status_code == 400
    page = response.content.decode()
    assert f'value="{tomorrow}"' in page
    assert "is after today" in " ".join(response.context["sent_form"].errors["on"])
    assert ContactRequest.objects.get().stage == "drafted"


def test_correcting_an_attempt_changes_its_day_and_note(alice_client, alice, dana, today):
    attempt = log_outcome(alice, dana, "no-answer", on=today - timedelta(days=3)).attempt
    response = alice_client.post(
        reverse("outreach:edit_attempt", args=[attempt.public_id]),
        {"on": (today - timedelta(days=2)).isoformat(), "note": "rang the desk"},
        follow=True,
    )
    assert "Attempt corrected." in response.content.decode()
    attempt.refresh_from_db()
    assert (attempt.on, attempt.note) == (today - timedelta(days=2), "rang the desk")


def test_a_refused_correction_keeps_the_day_and_note_typed(alice_client, alice, dana, today):
    attempt = log_outcome(alice, dana, "no-answer", on=today).attempt
    tomorrow = (today + timedelta(days=1)).isoformat()
    response = alice_client.post(
        reverse("outreach:edit_attempt", args=[attempt.public_id]),
        {"on": tomorrow, "note": "a note I typed"},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert f'value="{tomorrow}"' in page and "a note I typed" in page
    assert "is after today" in page
    assert Attempt.objects.get().note == ""


def test_another_user_cannot_correct_my_attempt(bob_client, alice, dana, today):
    attempt = log_outcome(alice, dana, "no-answer", on=today).attempt
    response = bob_client.post(
        reverse("outreach:edit_attempt", args=[attempt.public_id]),
        {"on": today.isoformat(), "note": "bob was here"},
    )
    assert response.status_code == 404
    assert Attempt.objects.get().note == ""


def test_a_template_with_an_unknown_placeholder_is_refused_and_kept_as_typed(alice_client):
    body = "Dear {{ first_name }}, I am {{ my_name }}."
    response = alice_client.post(
        reverse("outreach:template", args=["email"]), {"subject": "Hello there", "body": body}
    )
    assert response.status_code == 200
    page = response.content.decode()
    errors = " ".join(response.context["form"].errors["body"])
    assert "unknown placeholder {{ first_name }}" in errors
    assert "{{ address_as }}" in errors and "{{ call_day }}" in errors
    assert "Dear {{ first_name }}, I am {{ my_name }}." in page
    assert 'value="Hello there"' in page
    assert not DraftTemplate.objects.exists()


def test_a_template_lacking_an_element_is_saved_and_the_draft_says_what_it_lacks(
    alice_client, alice, dana, today
):
    body = (
        "Dear {{ address_as }}, I am {{ my_name }}. {{ how_found }}. {{ purpose }}, {{ minutes }}."
    )
    response = alice_client.post(
        reverse("outreach:template", args=["email"]), {"subject": "Hi", "body": body}, follow=True
    )
    assert "Saved, but the template does not say: the day you will telephone" in (
        response.content.decode()
    )
    contact = draft(alice, dana, "email", today=today)
    page = alice_client.get(reverse("outreach:request", args=[contact.public_id])).content.decode()
    assert "Your e-mail template does not say:" in page
    assert "the day you will telephone for an answer" in page


def test_a_template_saved_before_the_check_shows_its_unknown_placeholder_on_drafts(
    alice_client, alice, dana, today
):
    DraftTemplate.objects.create(
        owner=alice, channel="email", subject="Hi", body="Dear {{ first_name }}"
    )
    contact = draft(alice, dana, "email", today=today)
    page = alice_client.get(reverse("outreach:request", args=[contact.public_id])).content.decode()
    assert "placeholders no draft fills" in page
    assert "<code>{{ first_name }}</code>" in page
