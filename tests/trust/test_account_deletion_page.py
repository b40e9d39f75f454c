"""The page that deletes an account: it shows what goes, asks for the name, then signs out."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from infointerview.people.models import Person
from tests.trust.test_account_deletion import rows_holding, rows_owned_by

URL = reverse("agenda:delete_account")


@pytest.fixture
def alice_client(client, alice, dana):
    client.force_login(alice, backend="django.contrib.auth.backends.ModelBackend")
    return client


def test_it_shows_what_will_be_removed_and_asks_for_the_name(alice_client):
    page = alice_client.get(URL).content.decode()
    assert "<dt>People</dt><dd>1</dd>" in page
    assert "<dt>Occupations on your shortlist</dt><dd>1</dd>" in page
    assert "<dt>Signed-in sessions</dt><dd>1</dd>" in page
    assert "<dt>Interviews</dt>" not in page  # none yet: only what exists is listed
    assert "Type your user name to confirm" in page
    assert f'action="{URL}"' in page


def test_it_deletes_the_account_signs_out_and_says_so_on_the_sign_in_page(alice_client, alice, bob):
    response = alice_client.post(URL, {"username": "alice"}, follow=True)
    assert response.redirect_chain == [(reverse("accounts:login"), 302)]
    assert "The account alice and everything in it were deleted." in response.content.decode()
    assert list(get_user_model().objects.values_list("username", flat=True)) == ["bob"]
    assert not Person.objects.exists()
    assert rows_owned_by(alice.pk) == {}
    assert rows_holding("alice") == {}  # signing out after the deletion records nothing
    signed_out = alice_client.get(reverse("agenda:today"))
    assert signed_out["Location"].startswith(reverse("accounts:login"))


def test_another_name_deletes_nothing(alice_client, alice):
    response = alice_client.post(URL, {"username": "Alice"})
    assert response.status_code == 400
    assert "That is not your user name; nothing was deleted." in response.content.decode()
    assert Person.objects.filter(owner=alice).count() == 1
    assert alice_client.get(reverse("agenda:today")).status_code == 200


def test_an_empty_confirmation_deletes_nothing(alice_client, alice):
    assert alice_client.post(URL).status_code == 400
    assert Person.objects.filter(owner=alice).count() == 1


def test_another_user_cannot_delete_alice_by_typing_her_name(alice, dana, bob_client):
    response = bob_client.post(URL, {"username": "alice"})
    assert response.status_code == 400
    assert get_user_model().objects.count() == 2
    assert Person.objects.filter(owner=alice).count() == 1


def test_a_visitor_who_is_not_signed_in_is_sent_to_sign_in(client, alice, dana):
    response = client.post(URL, {"username": "alice"})
    assert response["Location"].startswith(reverse("accounts:login"))
    assert get_user_model().objects.filter(username="alice").exists()


def test_settings_links_to_the_account_deletion_page(alice_client):
    page = alice_client.get(reverse("agenda:settings")).content.decode()
    assert f'href="{URL}"' in page
