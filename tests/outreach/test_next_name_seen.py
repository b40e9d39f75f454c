"""An ended request proposes the next name on Today until the user says they dealt with it."""

import pytest
from django.urls import reverse

from infointerview.agenda.outcomes import record_outcome
from infointerview.people.services import add_person
from tests.conftest import WEDNESDAY


@pytest.fixture
def declined(alice, dana):
    add_person(alice, "Ravi Shah", occupation="Graphic Designers")
    return record_outcome(alice, dana, "declined", on=WEDNESDAY).request


def test_done_takes_the_ended_request_off_today(alice_client, declined):
    done = reverse("outreach:next_name_seen", args=[declined.public_id])
    before = alice_client.get(reverse("agenda:today")).content.decode()
    assert f'action="{done}"' in before and "Ravi Shah" in before
    response = alice_client.post(done)
    assert response.status_code == 302 and response["Location"] == reverse("agenda:today")
    declined.refresh_from_db()
    assert declined.next_name_seen
    assert f'action="{done}"' not in alice_client.get(reverse("agenda:today")).content.decode()


def test_another_user_cannot_dismiss_the_proposal(bob_client, declined):
    response = bob_client.post(reverse("outreach:next_name_seen", args=[declined.public_id]))
    assert response.status_code == 404
    declined.refresh_from_db()
    assert not declined.next_name_seen
