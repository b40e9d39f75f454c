"""The database holds only hashes of session keys: a copy of it signs no one in."""

import hashlib
from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session as DjangoSession
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from infointerview.accounts.models import Session
from infointerview.accounts.services import issue_sign_in_link
from infointerview.accounts.sessions import SessionStore, sign_out_other_sessions, stored_key


def signed_in(user) -> Client:
    """A browser that signed in the way people do: with a one-time link."""
    browser = Client()
    link = reverse("accounts:sign_in_link", args=[issue_sign_in_link(user, timezone.now())])
    assert browser.post(link).status_code == 302
    return browser


def cookie(browser: Client) -> str:
    return browser.cookies[settings.SESSION_COOKIE_NAME].value


def is_signed_in(browser: Client) -> bool:
    return browser.get(reverse("agenda:today")).status_code == 200


def test_the_stored_key_is_the_hash_of_the_cookie_and_never_the_cookie(alice):
    browser = signed_in(alice)
    [row] = Session.objects.all()
    assert row.session_key != cookie(browser)
    assert row.session_key == hashlib.sha256(cookie(browser).encode()).hexdigest()
    assert row.user_id == alice.pk
    assert cookie(browser) not in row.session_data


def test_a_key_read_from_the_database_does_not_sign_in(alice):
    signed_in(alice)
    [row] = Session.objects.all()
    thief = Client()
    thief.cookies[settings.SESSION_COOKIE_NAME] = row.session_key
    assert not is_signed_in(thief)
    assert thief.get(reverse("agenda:settings")).status_code == 302


def test_signing_out_ends_the_session_in_the_database(alice):
    browser = signed_in(alice)
    assert is_signed_in(browser)
    assert browser.post(reverse("accounts:logout")).status_code == 302
    assert not Session.objects.filter(user=alice).exists()
    assert not is_signed_in(browser)


def test_a_new_key_on_sign_in_forgets_the_old_one_and_keeps_the_data(db):
    store = SessionStore()
    store["cart"] = "kept"
    store.save()
    old = store.session_key
    store.cycle_key()
    assert store.session_key != old
    assert not Session.objects.filter(session_key=stored_key(old)).exists()
    assert not SessionStore().exists(old)
    assert SessionStore(store.session_key).load() == {"cart": "kept"}


def test_signing_out_other_sessions_keeps_this_one_and_other_users(alice, bob):
    here, elsewhere, bobs = signed_in(alice), signed_in(alice), signed_in(bob)
    assert sign_out_other_sessions(alice, cookie(here)) == 1
    assert is_signed_in(here)
    assert not is_signed_in(elsewhere)
    assert is_signed_in(bobs)
    assert sign_out_other_sessions(alice, None) == 1
    assert not is_signed_in(here)


def test_deleting_a_user_deletes_their_sessions(alice, bob):
    signed_in(alice), signed_in(bob)
    alice.delete()
    assert list(Session.objects.values_list("user", flat=True)) == [bob.pk]


@pytest.mark.django_db(transaction=True)
def test_sessions_kept_in_the_clear_before_are_forgotten_on_upgrade():
    executor = MigrationExecutor(connection)
    old_state = executor.migrate([("accounts", "0003_checked_on_save")]).apps
    OldSession = old_state.get_model("sessions", "Session")
    OldSession.objects.create(
        session_key="k" * 32, session_data="{}", expire_date=timezone.now() + timedelta(days=1)
    )

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    assert not DjangoSession.objects.exists()
