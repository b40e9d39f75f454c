"""Wrong passwords lock the guesser, not everyone who shares their address."""

import pytest
from axes.models import AccessAttempt
from django.urls import reverse

from infointerview.lib import env

PASSPHRASE = "a long and correct passphrase"
SCHOOL_PROXY = "203.0.113.10"


@pytest.fixture
def with_passwords(alice, bob):
    for user in (alice, bob):
        user.set_password(PASSPHRASE)
        user.save()


def attempt(client, name: str, password: str, address: str, **headers):
    client.cookies.clear()
    return client.post(
        reverse("accounts:login"),
        {"username": name, "password": password},
        REMOTE_ADDR=address,
        **headers,
    )


def signs_in(client, name: str, address: str, **headers) -> bool:
    response = attempt(client, name, PASSPHRASE, address, **headers)
    client.post(reverse("accounts:logout"))
    return response.status_code == 302


def test_five_wrong_passwords_for_one_name_leave_others_behind_the_same_address_signing_in(
    client, with_passwords
):
    for _ in range(5):
        attempt(client, "alice", "wrong", SCHOOL_PROXY)
    locked = attempt(client, "alice", PASSPHRASE, SCHOOL_PROXY)
    assert locked.status_code == 429
    assert "Too many wrong passwords" in locked.content.decode()
    assert "infointerview sign-in-link" in locked.content.decode()
    assert signs_in(client, "bob", SCHOOL_PROXY)
    assert signs_in(client, "alice", "198.51.100.7")  # her own laptop, elsewhere


def test_guessing_names_that_do_not_exist_locks_no_one_else(client, with_passwords):
    for number in range(30):
        attempt(client, f"nobody{number}", "wrong", SCHOOL_PROXY)
    assert signs_in(client, "alice", SCHOOL_PROXY)


def test_a_name_guessed_at_from_many_addresses_is_locked_at_the_looser_limit(
    client, with_passwords
):
    for number in range(19):  # never five from one address
        attempt(client, "alice", "wrong", f"192.0.2.{number // 4 + 1}")
    assert signs_in(client, "alice", "198.51.100.7")  # 19 of 20: not yet
    for number in range(19):
        attempt(client, "alice", "wrong", f"192.0.2.{number // 4 + 1}")
    attempt(client, "alice", "wrong", "192.0.2.99")
    assert attempt(client, "alice", PASSPHRASE, "198.51.100.7").status_code == 429
    assert signs_in(client, "bob", "192.0.2.1")


def test_without_a_trusted_proxy_a_forwarded_header_is_ignored(client, with_passwords):
    for _ in range(5):
        attempt(client, "alice", "wrong", SCHOOL_PROXY, HTTP_X_FORWARDED_FOR="192.0.2.1")
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {SCHOOL_PROXY}
    # Changing the header does not give the guesser five more tries.
    response = attempt(client, "alice", PASSPHRASE, SCHOOL_PROXY, HTTP_X_FORWARDED_FOR="192.0.2.2")
    assert response.status_code == 429


def test_behind_a_trusted_proxy_each_client_address_is_counted_on_its_own(
    client, with_passwords, settings
):
    settings.TRUSTED_PROXIES = env.trusted_proxies({"PROXIES": "10.0.0.2"}, "PROXIES")
    for _ in range(5):
        attempt(client, "alice", "wrong", "10.0.0.2", HTTP_X_FORWARDED_FOR="evil, 192.0.2.1")
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"192.0.2.1"}
    assert (
        attempt(
            client, "alice", PASSPHRASE, "10.0.0.2", HTTP_X_FORWARDED_FOR="192.0.2.1"
        ).status_code
        == 429
    )
    assert signs_in(client, "alice", "10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.7")


def test_the_left_of_the_header_is_what_the_client_wrote_and_is_not_believed(
    client, with_passwords, settings
):
    settings.TRUSTED_PROXIES = env.trusted_proxies({"PROXIES": "10.0.0.0/24"}, "PROXIES")
    for number in range(5):
        attempt(
            client,
            "alice",
            "wrong",
            "10.0.0.2",
            HTTP_X_FORWARDED_FOR=f"198.51.100.{number}, 192.0.2.1, 10.0.0.7",
        )
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"192.0.2.1"}


def test_proxies_and_the_public_address_are_parsed_strictly():
    assert [str(net) for net in env.trusted_proxies({"P": "10.0.0.2, fd00::/8"}, "P")] == [
        "10.0.0.2/32",
        "fd00::/8",
    ]
    assert env.trusted_proxies({}) == ()
    with pytest.raises(env.SettingError, match="P: 'proxy.local' is not an address"):
        env.trusted_proxies({"P": "proxy.local"}, "P")
    assert env.public_url({"U": "https://careers.example.edu/"}, "U") == (
        "https://careers.example.edu"
    )
    assert env.public_url({}) is None
    for wrong in ("careers.example.edu", "ftp://careers.example.edu", "https://x:99999"):
        with pytest.raises(env.SettingError, match="U="):
            env.public_url({"U": wrong}, "U")


def test_a_proxy_seen_through_a_dual_stack_socket_is_still_trusted(client, settings, db):
    settings.TRUSTED_PROXIES = env.trusted_proxies({"PROXIES": "10.0.0.2"}, "PROXIES")
    attempt(client, "alice", "wrong", "::ffff:10.0.0.2", HTTP_X_FORWARDED_FOR="192.0.2.1")
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == ["192.0.2.1"]
