"""Every row is its owner's: another user's id in a URL gives 404, and nothing changes."""

import pytest
from django.urls import reverse

from infointerview.outreach.models import Attempt, ContactRequest
from infointerview.outreach.services import draft
from infointerview.people.leads import add_lead
from tests.conftest import WEDNESDAY


@pytest.fixture
def alices_things(alice, dana, designers):
    request = draft(alice, dana, "email", today=WEDNESDAY)
    lead = add_lead(alice, "Acme Print", "Graphic Designers")
    return {"person": dana, "request": request, "lead": lead}


def owned_pages(things):
    person, request, lead = things["person"], things["request"], things["lead"]
    return [
        reverse("agenda:person", args=[person.public_id]),
        reverse("people:edit", args=[person.public_id]),
        reverse("people:lead", args=[lead.public_id]),
        reverse("outreach:request", args=[request.public_id]),
        reverse("outreach:letter", args=[request.public_id]),
        reverse("outreach:eml", args=[request.public_id]),
        reverse("outreach:practice", args=[request.public_id]),
    ]


def test_the_owner_sees_their_pages(alice_client, alices_things):
    for url in owned_pages(alices_things):
        assert alice_client.get(url).status_code == 200, url


def test_another_user_gets_404_on_each_page(bob_client, alices_things):
    for url in owned_pages(alices_things):
        assert bob_client.get(url).status_code == 404, url


def test_another_user_cannot_log_or_reorder_for_someone_elses_person(bob_client, alices_things):
    person = alices_things["person"]
    response = bob_client.post(
        reverse("agenda:log_outcome", args=[person.public_id]),
        {"outcome": "declined", "on": "2026-12-02", "mode": "in-person"},
    )
    assert response.status_code == 404
    assert (
        bob_client.post(reverse("agenda:move_person", args=[person.public_id, "up"])).status_code
        == 404
    )
    assert Attempt.objects.count() == 0


def test_anonymous_visitors_are_sent_to_sign_in(client, alices_things):
    for url in [*owned_pages(alices_things), reverse("agenda:today"), reverse("agenda:people")]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("accounts:login"))


def test_only_the_owner_can_delete_a_person(client, alice, bob, alices_things):
    from infointerview.people.models import Person

    person = alices_things["person"]
    url = reverse("people:delete", args=[person.public_id])
    client.force_login(bob, backend="django.contrib.auth.backends.ModelBackend")
    assert client.post(url).status_code == 404
    assert Person.objects.filter(pk=person.pk).exists()
    client.force_login(alice, backend="django.contrib.auth.backends.ModelBackend")
    assert client.post(url).status_code == 302
    assert not Person.objects.filter(pk=person.pk).exists()
    assert not ContactRequest.objects.exists()
