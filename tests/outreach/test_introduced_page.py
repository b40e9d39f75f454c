"""The acquaintance made the introduction: marked from the person's page."""

import pytest
from django.urls import reverse
from django.utils import timezone

from infointerview.accounts.services import profile_for
from infointerview.outreach.models import ContactRequest
from infointerview.outreach.services import draft, mark_sent
from infointerview.people.services import add_person
from tests.conftest import WEDNESDAY


@pytest.fixture
def kim(alice, designers):
    sam = add_person(alice, "Sam Park")
    return add_person(alice, "Kim Ode", occupation="Graphic Designers", introduced_by=sam)


@pytest.fixture
def asked(alice, kim):
    draft(alice, kim, "introduction", today=WEDNESDAY)
    return mark_sent(alice, kim, on=WEDNESDAY)


def test_an_introduction_made_means_calling_to_arrange_a_time(alice_client, alice, kim, asked):
    response = alice_client.post(reverse("outreach:introduced", args=[kim.public_id]))
    assert response.status_code == 302
    assert response["Location"] == reverse("agenda:person", args=[kim.public_id])
    asked.refresh_from_db()
    assert asked.stage == ContactRequest.Stage.INTRODUCED
    assert asked.next_call_kind == ContactRequest.NextCall.ARRANGE
    assert asked.next_call_on == profile_for(alice).today(timezone.now())
    page = alice_client.get(response["Location"]).content.decode()
    assert "Introduced: now call to arrange a date and time." in page


def test_without_an_introduction_in_progress_it_is_refused(alice_client, alice, dana):
    draft_request = draft(alice, dana, "email", today=WEDNESDAY)
    response = alice_client.post(reverse("outreach:introduced", args=[dana.public_id]), follow=True)
    assert "no introduction to Dana Lee is in progress" in response.content.decode()
    draft_request.refresh_from_db()
    assert draft_request.stage == ContactRequest.Stage.DRAFTED


def test_another_user_cannot_mark_an_introduction(bob_client, kim, asked):
    response = bob_client.post(reverse("outreach:introduced", args=[kim.public_id]))
    assert response.status_code == 404
    asked.refresh_from_db()
    assert asked.stage == ContactRequest.Stage.ASKED
    assert asked.next_call_kind == ContactRequest.NextCall.ASK_INTRODUCER
