"""Changing a password asks for the old one, and ends every other way in."""

from datetime import timedelta
from importlib import import_module

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from infointerview.accounts.models import SignInLink
from infointerview.accounts.services import issue_sign_in_link
from infointerview.accounts.views import SIGNED_IN_BY_LINK_AT

OLD = "an old and long passphrase"
NEW = "a brand new long passphrase"


@pytest.fixture
def alice_with_password(alice):
    alice.set_password(OLD)
    alice.save()
    return alice


def signed_in_client(user) -> Client:
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def change(client, **fields):
    return client.post(reverse("agenda:set_password"), fields)


def signs_in_with(password: str) -> bool:
    response = Client().post(reverse("accounts:login"), {"username": "alice", "password": password})
    return response.status_code == 302


def sessions_of(user) -> int:
    """Read from whichever table the session engine keeps, by what each session holds."""
    store = import_module(settings.SESSION_ENGINE).SessionStore
    return sum(
        1
        for row in store.get_model_class().objects.all()
        if store().decode(row.session_data).get("_auth_user_id") == str(user.pk)
    )


def test_once_a_password_is_set_changing_it_asks_for_the_current_one(alice_with_password):
    client = signed_in_client(alice_with_password)
    page = client.get(reverse("agenda:settings")).content.decode()
    assert "Old password" in page and "autofocus" not in page
    without = change(client, new_password1=NEW, new_password2=NEW)
    assert without.status_code == 400
    wrong = change(client, old_password="a guess", new_password1=NEW, new_password2=NEW)
    assert wrong.status_code == 400
    assert "Your old password was entered incorrectly" in wrong.content.decode()
    assert signs_in_with(OLD) and not signs_in_with(NEW)
    right = change(client, old_password=OLD, new_password1=NEW, new_password2=NEW)
    assert right.status_code == 302
    assert "signed out everywhere else" in client.get(right["Location"]).content.decode()
    assert signs_in_with(NEW) and not signs_in_with(OLD)


def test_a_first_password_needs_no_current_one(alice_client, alice):
    assert "Old password" not in alice_client.get(reverse("agenda:settings")).content.decode()
    assert change(alice_client, new_password1=NEW, new_password2=NEW).status_code == 302
    assert signs_in_with(NEW)


@pytest.fixture(params=["configured", "django.contrib.sessions.backends.db"])
def session_engine(request, settings):
    """The engine in settings, and Django's own, whose rows say whose they are only inside."""
    if request.param != "configured":
        settings.SESSION_ENGINE = request.param


def test_changing_it_signs_out_every_other_session_and_keeps_this_one(
    session_engine, alice_with_password, bob
):
    laptop, library, phone = (signed_in_client(alice_with_password) for _ in range(3))
    bobs = signed_in_client(bob)
    assert sessions_of(alice_with_password) == 3
    change(laptop, old_password=OLD, new_password1=NEW, new_password2=NEW)
    assert sessions_of(alice_with_password) == 1  # the rows are gone, not only unusable
    assert laptop.get(reverse("agenda:today")).status_code == 200
    for other in (library, phone):
        assert other.get(reverse("agenda:today")).status_code == 302
    assert bobs.get(reverse("agenda:today")).status_code == 200


def test_changing_it_revokes_every_unused_sign_in_link(alice_with_password, bob):
    now = timezone.now()
    unused = [issue_sign_in_link(alice_with_password, now) for _ in range(2)]
    bobs_link = issue_sign_in_link(bob, now)
    client = signed_in_client(alice_with_password)
    change(client, old_password=OLD, new_password1=NEW, new_password2=NEW)
    assert not SignInLink.objects.filter(owner=alice_with_password, used_at__isnull=True).exists()
    for token in unused:
        response = Client().post(reverse("accounts:sign_in_link", args=[token]))
        assert response.status_code == 410
    assert Client().post(reverse("accounts:sign_in_link", args=[bobs_link])).status_code == 302


def test_just_after_signing_in_by_link_a_forgotten_password_can_be_replaced(
    alice_with_password,
):
    client = Client()
    token = issue_sign_in_link(alice_with_password, timezone.now())
    client.post(reverse("accounts:sign_in_link", args=[token]))
    assert "Old password" not in client.get(reverse("agenda:settings")).content.decode()
    assert change(client, new_password1=NEW, new_password2=NEW).status_code == 302
    assert signs_in_with(NEW)
    # Once used, the way round the old password is closed for this session too.
    assert "Old password" in client.get(reverse("agenda:settings")).content.decode()


def test_a_session_begun_by_link_long_ago_is_asked_for_the_current_password(
    alice_with_password,
):
    client = Client()
    token = issue_sign_in_link(alice_with_password, timezone.now())
    client.post(reverse("accounts:sign_in_link", args=[token]))
    session = client.session
    session[SIGNED_IN_BY_LINK_AT] = (timezone.now() - timedelta(minutes=16)).isoformat()
    session.save()
    assert change(client, new_password1=NEW, new_password2=NEW).status_code == 400
    assert signs_in_with(OLD)
