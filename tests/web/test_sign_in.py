"""No default password: the owner signs in with a one-time link, and guessing is throttled."""

import pytest
from django.urls import reverse
from django.utils import timezone

from infointerview.accounts.services import issue_sign_in_link


def test_a_sign_in_link_works_once(client, alice):
    url = reverse("accounts:sign_in_link", args=[issue_sign_in_link(alice, timezone.now())])
    assert client.get(url).status_code == 200
    assert client.get(reverse("agenda:today")).status_code == 302  # a GET does not sign in
    response = client.post(url)
    assert response.status_code == 302
    assert client.get(reverse("agenda:today")).status_code == 200
    client.logout()
    assert client.post(url).status_code == 410
    assert client.get(reverse("agenda:today")).status_code == 302


def test_a_made_up_link_is_refused(client, alice):
    response = client.post(reverse("accounts:sign_in_link", args=["not-a-real-token"]))
    assert response.status_code == 410
    assert b"expired or was already used" in response.content


PASSPHRASE = "a long and correct passphrase"


def sign_in(client, password: str):
    return client.post(reverse("accounts:login"), {"username": "alice", "password": password})


def test_the_owner_has_no_usable_password_until_they_set_one_and_then_signs_in_with_it(
    client, alice
):
    assert not alice.has_usable_password()
    assert sign_in(client, PASSPHRASE).status_code == 200  # the form again: refused
    assert client.get(reverse("agenda:today")).status_code == 302
    client.force_login(alice, backend="django.contrib.auth.backends.ModelBackend")
    response = client.post(
        reverse("agenda:set_password"), {"new_password1": PASSPHRASE, "new_password2": PASSPHRASE}
    )
    assert response.status_code == 302 and response["Location"] == reverse("agenda:settings")
    assert "Password set." in client.get(response["Location"]).content.decode()
    client.post(reverse("accounts:logout"))
    refused = sign_in(client, "a long and wrong passphrase")
    assert refused.status_code == 200
    assert "Please enter a correct username and password." in refused.content.decode()
    assert client.get(reverse("agenda:today")).status_code == 302
    response = sign_in(client, PASSPHRASE)
    assert response.status_code == 302 and response["Location"] == reverse("agenda:today")
    assert client.get(reverse("agenda:today")).status_code == 200


def test_setting_a_password_keeps_the_user_signed_in(alice_client):
    alice_client.post(
        reverse("agenda:set_password"), {"new_password1": PASSPHRASE, "new_password2": PASSPHRASE}
    )
    assert alice_client.get(reverse("agenda:today")).status_code == 200


@pytest.mark.parametrize(
    ("first", "second", "message"),
    [
        (PASSPHRASE, "a long and different passphrase", "The two password fields didn’t match."),
        ("password", "password", "This password is too common."),
        ("alice", "alice", "This password is too short."),
    ],
)
def test_a_mismatched_or_weak_password_is_refused_and_none_is_set(
    alice_client, alice, first, second, message
):
    response = alice_client.post(
        reverse("agenda:set_password"), {"new_password1": first, "new_password2": second}
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    alice.refresh_from_db()
    assert not alice.has_usable_password()


def test_signing_out_takes_a_post_and_ends_the_session(alice_client):
    assert alice_client.get(reverse("accounts:logout")).status_code == 405
    assert alice_client.get(reverse("agenda:today")).status_code == 200
    response = alice_client.post(reverse("accounts:logout"))
    assert response.status_code == 302 and response["Location"] == reverse("accounts:login")
    assert alice_client.get(reverse("agenda:today")).status_code == 302


def test_repeated_wrong_passwords_lock_the_account(client, alice):
    alice.set_password(PASSPHRASE)
    alice.save()
    for _ in range(5):
        client.post(reverse("accounts:login"), {"username": "alice", "password": "wrong"})
    response = sign_in(client, PASSPHRASE)
    assert response.status_code == 429
