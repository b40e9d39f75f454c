"""The JSON export reads only the account's own rows, however many other accounts hold."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext

from infointerview.accounts.tables import user_tables
from infointerview.agenda.export import export_data
from infointerview.interviews.services import schedule
from infointerview.outreach.services import draft
from infointerview.people.services import add_person
from tests.conftest import NOW, WEDNESDAY, at


def test_every_query_of_a_user_table_is_limited_to_the_account(alice, bob, dana):
    someone = add_person(bob, "Bob's contact", occupation="Nurses")
    draft(bob, someone, "phone", today=WEDNESDAY)
    schedule(alice, dana, at("2026-12-10 14:30"))
    tables = {table.model._meta.db_table for table in user_tables()}
    with CaptureQueriesContext(connection) as queries:
        data = export_data(alice, NOW)
    for query in queries.captured_queries:
        sql = query["sql"]
        if any(f'FROM "{table}"' in sql for table in tables):
            assert f'"owner_id" = {alice.pk}' in sql, sql
    assert data["interviews"][0]["person"] == str(dana.public_id)
