"""Named actors for every test: alice owns the data, bob is another user who must be refused."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model

from infointerview.accounts.services import create_owner, profile_for
from infointerview.careers.services import add_target
from infointerview.people.services import add_person

# Records every POST the tests make, for tests/web/test_every_post_is_tested.py.
pytest_plugins = ["tests.post_coverage"]

CHICAGO = ZoneInfo("America/Chicago")  # alice's time zone


def at(text: str, zone: ZoneInfo = CHICAGO) -> datetime:
    """'YYYY-MM-DD HH:MM' in alice's time zone, as the forms and the command line read it."""
    return datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=zone)


# A Wednesday: two business days before a weekend, so waits cross Saturday and Sunday.
WEDNESDAY = date(2026, 12, 2)
# The moment tests run at: noon on that Wednesday in alice's Chicago.
NOW = datetime(2026, 12, 2, 18, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """PBKDF2 is slow on purpose, to protect real passwords; test passwords need no such care."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def alice(db):
    user = create_owner("alice", full_name="Alice Moreno", time_zone="America/Chicago")
    profile = profile_for(user)
    profile.introduction = "a second-year design student at Lakeside College"
    profile.email = "alice@example.org"
    profile.phone = "555-0142"
    profile.save()
    return user


@pytest.fixture
def bob(db):
    return create_owner("bob", full_name="Bob Ng")


@pytest.fixture
def designers(alice):
    return add_target(alice, "Graphic Designers", level="entry")


@pytest.fixture
def dana(alice, designers):
    return add_person(
        alice,
        "Dana Lee",
        occupation="Graphic Designers",
        source="alumni",
        source_detail="Alumni office list 2026",
        emails=["dana@example.com"],
        phones=["555-0100"],
        organization="Brightline Studio",
        job_title="Junior Designer",
    )


@pytest.fixture
def alice_client(client, alice):
    client.force_login(alice, backend="django.contrib.auth.backends.ModelBackend")
    return client


@pytest.fixture
def bob_client(client, bob):
    client.force_login(bob, backend="django.contrib.auth.backends.ModelBackend")
    return client


@pytest.fixture
def user_count():
    return lambda: get_user_model().objects.count()


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Cached calendar feeds belong to one test's database, never the next."""
    from django.core.cache import cache

    cache.clear()
    yield
