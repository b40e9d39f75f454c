"""Two look-alike records the user says are different people are never proposed again."""

import json

import pytest
from django.urls import reverse

from infointerview.agenda.export import export_data
from infointerview.agenda.merging import mark_different, merge, proposed_duplicates
from infointerview.agenda.models import DifferentPeople
from infointerview.agenda.restore import restore
from infointerview.cli import main
from infointerview.lib.errors import Refused
from infointerview.people.services import add_person
from tests.conftest import NOW, WEDNESDAY


@pytest.fixture
def other_dana(alice, designers):
    """Another Dana Lee at the same studio, with an e-mail of her own."""
    return add_person(
        alice,
        "Dana Lee",
        allow_duplicate=True,
        emails=["d.lee@studio.example"],
        organization="Brightline Studio",
    )


def test_a_pair_said_to_be_different_is_no_longer_proposed(alice, dana, other_dana):
    assert len(proposed_duplicates(alice)) == 1
    mark_different(alice, other_dana, dana)  # in either order
    mark_different(alice, dana, other_dana)  # and saying it twice is the same fact
    assert proposed_duplicates(alice) == []
    assert DifferentPeople.objects.count() == 1


def test_someone_is_never_different_from_themselves_or_from_another_users_record(alice, bob, dana):
    with pytest.raises(Refused, match="same record"):
        mark_different(alice, dana, dana)
    bobs = add_person(bob, "Dana Lee", organization="Brightline Studio")
    with pytest.raises(Refused, match="your own lists"):
        mark_different(alice, dana, bobs)
    assert not DifferentPeople.objects.exists()


def test_a_merge_carries_what_the_merged_record_was_said_not_to_be(alice, dana, other_dana):
    third = add_person(alice, "Dana Lee", allow_duplicate=True, emails=["dana@example.com"])
    mark_different(alice, other_dana, third)
    merge(alice, dana, third, today=WEDNESDAY)
    (pair,) = DifferentPeople.objects.all()
    assert {pair.first_id, pair.second_id} == {dana.pk, other_dana.pk}
    assert proposed_duplicates(alice) == []


def test_the_pairs_travel_with_export_and_restore(alice, dana, other_dana):
    mark_different(alice, dana, other_dana)
    exported = export_data(alice, NOW)
    assert exported["different_people"] == [
        {
            "public_id": str(DifferentPeople.objects.get().public_id),
            "created_at": exported["different_people"][0]["created_at"],
            "updated_at": exported["different_people"][0]["updated_at"],
            "first": str(dana.public_id),
            "second": str(other_dana.public_id),
        }
    ]
    DifferentPeople.objects.all().delete()
    restore(alice, json.loads(json.dumps(exported)))
    (pair,) = DifferentPeople.objects.filter(owner=alice)
    assert (pair.first, pair.second) == (dana, other_dana)
    assert proposed_duplicates(alice) == []


def test_the_duplicates_page_says_not_the_same_person(alice_client, alice, dana, other_dana):
    page = alice_client.get(reverse("agenda:duplicates")).content.decode()
    assert "Not the same person" in page
    response = alice_client.post(
        reverse("agenda:different_people"),
        {"first": dana.public_id, "second": other_dana.public_id},
        follow=True,
    )
    assert "Noted: Dana Lee and Dana Lee are different people." in response.content.decode()
    assert "No duplicates found." in response.content.decode()


def test_the_command_line_says_it_too(capsys, alice, dana, other_dana):
    code = main(
        ["--user", "alice", "people", "different", str(dana.public_id), str(other_dana.public_id)]
    )
    assert code == 0
    assert "are different people" in capsys.readouterr().out
    assert main(["--user", "alice", "people", "duplicates"]) == 0
    assert "No duplicates found." in capsys.readouterr().out
