"""The confirm page does the same number of queries for 10 proposals as for 1,000,
which it shows a page at a time."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from infointerview.careers.onet_import import import_release
from infointerview.people.models import Person
from tests.careers.onet_fixture import write_release

TITLES = ["Puzzle programming lead", "Widget design", "Sign work", "Muralism at Acme"]
CODES = ["15-9001.00", "27-9001.00", "27-9002.00", "27-9002.00"]


def propose(owner, count):
    Person.objects.bulk_create(
        Person(
            owner=owner,
            name=f"Person {owner.username} {i}",
            job_title=TITLES[i % 4],
            proposed_onet_code=CODES[i % 4],
            position=i,
        )
        for i in range(count)
    )


def queries(client):
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/people/occupations/")
    assert response.status_code == 200
    return len(captured), response.content.decode().count("occupation/yes/")


@pytest.fixture
def release_28(db, tmp_path):
    import_release(write_release(tmp_path / "v28", "28.0"))


def test_the_number_of_queries_does_not_grow_with_the_proposals(alice, alice_client, release_28):
    propose(alice, 10)
    alice_client.get("/people/occupations/")  # the title index is built once per import
    few, shown = queries(alice_client)
    assert shown == 10
    propose(alice, 990)
    many, shown = queries(alice_client)
    assert shown == 50
    assert few == many
    last = alice_client.get("/people/occupations/?page=20").content.decode()
    assert "951–1000 of 1000 to confirm." in last and last.count("occupation/yes/") == 50
