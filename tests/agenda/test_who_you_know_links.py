"""'A knows B': the links the user records between people, and where they travel."""

import pytest
from django.contrib.auth import get_user_model

from infointerview.accounts.services import create_owner
from infointerview.agenda.export import export_data
from infointerview.agenda.restore import restore
from infointerview.lib.errors import Refused
from infointerview.people.acquaintances import (
    acquaintances_of,
    forget_knows,
    knows,
    record_knows,
)
from infointerview.people.models import Acquaintance, Person
from infointerview.people.services import add_person
from tests.conftest import NOW


@pytest.fixture
def kim(alice):
    return add_person(alice, "Kim Ode")


def test_knowing_is_mutual_and_kept_once(alice, dana, kim):
    record_knows(alice, dana, kim)
    record_knows(alice, kim, dana, note="Worked together at Brightline")
    assert Acquaintance.objects.count() == 1
    assert acquaintances_of(alice, dana) == [kim]
    assert acquaintances_of(alice, kim) == [dana]
    assert Acquaintance.objects.get().note == "Worked together at Brightline"


def test_a_link_can_be_forgotten(alice, dana, kim):
    record_knows(alice, dana, kim)
    assert forget_knows(alice, kim, dana)
    assert not knows(alice, dana, kim)


def test_nobody_knows_themselves(alice, dana):
    with pytest.raises(Refused, match="their own acquaintance"):
        record_knows(alice, dana, dana)
    assert not Acquaintance.objects.exists()


def test_another_users_person_is_refused(alice, bob, dana):
    theirs = add_person(bob, "Kim Ode")
    with pytest.raises(Refused, match="your own"):
        record_knows(alice, dana, theirs)
    assert not Acquaintance.objects.exists()


def test_deleting_a_person_removes_their_links(alice, dana, kim):
    record_knows(alice, dana, kim)
    Person.objects.filter(pk=kim.pk).delete()
    assert not Acquaintance.objects.exists()


def test_the_links_travel_with_an_export(alice, dana, kim):
    record_knows(alice, dana, kim, note="Neighbours")
    exported = export_data(alice, NOW)
    assert exported["acquaintances"][0]["note"] == "Neighbours"
    get_user_model().objects.filter(pk=alice.pk).delete()
    fresh = create_owner("alice")
    assert restore(fresh, exported).created["acquaintances"] == 1
    link = Acquaintance.objects.get(owner=fresh)
    assert {link.person.name, link.knows.name} == {"Dana Lee", "Kim Ode"}
