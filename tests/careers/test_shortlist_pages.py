"""The shortlist page: adding an occupation, its status, and answering an O*NET proposal."""

import re

import pytest
from django.urls import reverse

from infointerview.careers.models import TargetOccupation
from infointerview.careers.services import add_target


@pytest.fixture
def proposed(alice):
    target = add_target(alice, "Widget design")
    target.proposed_onet_code = "27-9001.00"
    target.save()
    return target


def test_an_occupation_added_by_name_goes_on_the_shortlist(alice_client, alice):
    response = alice_client.post(
        reverse("careers:targets"),
        {"name": "  Graphic   Designers ", "level": "entry", "why": "I draw all day"},
    )
    assert response.status_code == 302 and response["Location"] == reverse("careers:targets")
    target = TargetOccupation.objects.get(owner=alice)
    assert (target.name, target.level, target.why, target.status) == (
        "Graphic Designers",
        "entry",
        "I draw all day",
        "exploring",
    )
    assert "Added Graphic Designers to your shortlist." in (
        alice_client.get(response["Location"]).content.decode()
    )


def test_the_same_occupation_twice_is_refused_on_the_form(alice_client, alice, designers):
    response = alice_client.post(
        reverse("careers:targets"), {"name": "graphic designers", "level": "entry"}
    )
    assert response.status_code == 200
    assert "already on your shortlist" in response.content.decode()
    assert TargetOccupation.objects.filter(owner=alice).count() == 1


def test_ruling_an_occupation_out_keeps_the_reason(alice_client, designers):
    response = alice_client.post(
        reverse("careers:target_status", args=[designers.public_id]),
        {"status": "ruled_out", "why": "too many late nights", "notes": "after two interviews"},
    )
    assert response.status_code == 302 and response["Location"] == reverse("careers:targets")
    designers.refresh_from_db()
    assert (designers.status, designers.why, designers.notes) == (
        "ruled_out",
        "too many late nights",
        "after two interviews",
    )


def test_yes_links_the_proposed_onet_occupation(alice_client, proposed):
    response = alice_client.post(
        reverse("careers:target_proposal", args=[proposed.public_id]), {"answer": "yes"}
    )
    assert response.status_code == 302 and response["Location"] == reverse("careers:targets")
    proposed.refresh_from_db()
    assert (proposed.onet_code, proposed.proposed_onet_code) == ("27-9001.00", "")


def test_no_clears_the_proposal_and_remembers_the_answer(alice_client, proposed):
    alice_client.post(
        reverse("careers:target_proposal", args=[proposed.public_id]), {"answer": "no"}
    )
    proposed.refresh_from_db()
    assert (proposed.onet_code, proposed.proposed_onet_code) == ("", "")
    assert proposed.declined_onet_codes == ["27-9001.00"]


def test_answering_when_nothing_is_proposed_is_refused(alice_client, designers):
    response = alice_client.post(
        reverse("careers:target_proposal", args=[designers.public_id]),
        {"answer": "yes"},
        follow=True,
    )
    assert "no O*NET match is waiting for your word on Graphic Designers" in (
        response.content.decode()
    )
    designers.refresh_from_db()
    assert designers.onet_code == ""


def test_another_user_cannot_answer_a_proposal(bob_client, proposed):
    response = bob_client.post(
        reverse("careers:target_proposal", args=[proposed.public_id]), {"answer": "yes"}
    )
    assert response.status_code == 404
    proposed.refresh_from_db()
    assert (proposed.onet_code, proposed.proposed_onet_code) == ("", "27-9001.00")


def test_every_field_on_the_shortlist_has_an_id_of_its_own(alice_client, alice, designers):
    add_target(alice, "Art Directors", level="entry")
    page = alice_client.get(reverse("careers:targets")).content.decode()
    ids = re.findall(r'\bid="([^"]+)"', page)
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    for label_for in re.findall(r'<label for="([^"]+)"', page):
        assert label_for in ids
