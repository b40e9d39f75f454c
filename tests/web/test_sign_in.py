"""No default password: the owner signs in with a one-time link, and guessing is throttled."""

from django.urls import reverse

from infointerview.accounts.services import issue_sign_in_link


def test_a_sign_in_link_works_once(client, alice):
    url = reverse("accounts:sign_in_link", args=[issue_sign_in_link(alice)])
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


def test_the_owner_has_no_usable_password_until_they_set_one(alice):
    assert not alice.has_usable_password()


def test_repeated_wrong_passwords_lock_the_account(client, alice):
    alice.set_password("a long and correct passphrase")
    alice.save()
    for _ in range(5):
        client.post(reverse("accounts:login"), {"username": "alice", "password": "wrong"})
    response = client.post(
        reverse("accounts:login"),
        {"username": "alice", "password": "a long and correct passphrase"},
    )
    assert response.status_code == 429
