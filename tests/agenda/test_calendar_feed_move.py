"""A calendar subscription made before the feed moved to the agenda app keeps working."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from infointerview.accounts.services import create_owner
from infointerview.agenda.calendar import feed_token

BEFORE_THE_MOVE = [("interviews", "0002_plan_notes_thanks_research"), ("agenda", None)]


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
    assert feed_token(owner) == "made-before-the-move"
    assert client.get(reverse("agenda:feed", args=["never-made"])).status_code == 404
