"""Who you know costs the same number of queries at 10 people and at 10,000."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from infointerview.accounts.services import create_owner
from infointerview.agenda.who_you_know import who_you_know
from infointerview.careers.onet_import import import_release
from infointerview.careers.search import cache
from infointerview.careers.services import add_to_shortlist
from infointerview.people.models import Acquaintance, Person
from tests.careers.onet_fixture import write_release

CODE = "27-9001.00"  # Widget Designers, in the O*NET test release
CODES = [CODE, "27-9001.01", "27-9002.00", "29-1141.00"]


def network(owner, size: int):
    """`size` people: a quarter in each code, colleagues in tens, every fifth introduced by
    the one before, and a knows link for every seventh."""
    people = Person.objects.bulk_create(
        Person(
            owner=owner,
            name=f"Person {n}",
            onet_code=CODES[n % 4],
            level="entry" if n % 3 else "supervisor",
            organization=f"Studio {n // 10}",
            position=n,
        )
        for n in range(size)
    )
    people = list(Person.objects.filter(owner=owner).order_by("pk"))
    for n, person in enumerate(people):
        if n % 5 == 1:
            person.introduced_by = people[n - 1]
    Person.objects.bulk_update(people, ["introduced_by"])
    Acquaintance.objects.bulk_create(
        Acquaintance(owner=owner, person=people[n], knows=people[n + 1])
        for n in range(0, size - 1, 7)
    )


@pytest.fixture
def release(tmp_path, db):
    import_release(write_release(tmp_path / "v28", "28.0"))
    cache.forget()
    yield
    cache.forget()


def queries(action) -> int:
    with CaptureQueriesContext(connection) as captured:
        action()
    return len(captured.captured_queries)


def test_the_count_is_the_same_at_10_and_10000_people(release):
    counts, found, pages = [], [], []
    for size in (10, 10_000):
        owner = create_owner(f"user{size}")
        target = add_to_shortlist(owner, CODE)
        network(owner, size)
        client = Client()
        client.force_login(owner, backend="django.contrib.auth.backends.ModelBackend")
        page = reverse("agenda:occupation", args=[CODE])
        shortlist = reverse("careers:targets")
        counts.append(
            (
                queries(
                    lambda owner=owner, target=target: found.append(who_you_know(owner, target))
                ),
                queries(lambda client=client, page=page: pages.append(client.get(page))),
                queries(lambda client=client, shortlist=shortlist: client.get(shortlist)),
            )
        )
    assert counts[0] == counts[1]
    small, large = found
    assert pages[1].status_code == 200 and b"Put on the list" in pages[1].content
    assert len(large.people) == 25 and large.more == 10_000 * 3 // 4 - 25
    assert all(k.introducers for k in large.people)
