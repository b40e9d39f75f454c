"""Calendar subscriptions made under older versions keep working after each migration.

The feed moved from the interviews app to the agenda app, then came to keep only the hash
of its secret: an address made before either still serves the feed.
"""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from infointerview.accounts.services import create_owner
from infointerview.agenda.models import CalendarFeed

BEFORE_THE_MOVE = [("interviews", "0002_plan_notes_thanks_research"), ("agenda", None)]
BEFORE_HASHING = [("agenda", "0001_calendar_feed")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    return executor.migrate(targets or executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_an_address_made_before_the_move_still_serves_the_feed(client):
    owner = create_owner("alice")
    old_state = _migrate(BEFORE_THE_MOVE).apps
    OldFeed = old_state.get_model("interviews", "CalendarFeed")
    OldFeed.objects.create(owner_id=owner.pk, token="made-before-the-move")

    _migrate(None)

    response = client.get(reverse("agenda:feed", args=["made-before-the-move"]))
    assert response.status_code == 200
    assert response.content.startswith(b"BEGIN:VCALENDAR")
    assert client.get(reverse("agenda:feed", args=["never-made"])).status_code == 404


@pytest.mark.django_db(transaction=True)
def test_an_address_stored_in_the_clear_is_hashed_in_place_and_keeps_working(client):
    alice, bob = create_owner("alice"), create_owner("bob")
    old_state = _migrate(BEFORE_HASHING).apps
    OldFeed = old_state.get_model("agenda", "CalendarFeed")
    OldFeed.objects.create(owner_id=alice.pk, token="alices-address-in-the-clear")
    OldFeed.objects.create(owner_id=bob.pk, token="bobs-address-in-the-clear")

    _migrate(None)

    stored = set(CalendarFeed.objects.values_list("token_hash", flat=True))
    assert len(stored) == 2
    assert not stored & {"alices-address-in-the-clear", "bobs-address-in-the-clear"}
    for token in ["alices-address-in-the-clear", "bobs-address-in-the-clear"]:
        response = client.get(reverse("agenda:feed", args=[token]))
        assert response.status_code == 200
        assert response.content.startswith(b"BEGIN:VCALENDAR")
    assert client.get(reverse("agenda:feed", args=[sorted(stored)[0]])).status_code == 404
