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


def test_each_merge_menu_points_to_its_description(alice_client, alice, designers):
    add_target(alice, "Art Directors", level="entry")
    page = alice_client.get(reverse("careers:targets")).content.decode()
    ids = set(re.findall(r'\bid="([^"]+)"', page))
    described = re.findall(r'<select name="\d+-into" aria-describedby="([^"]+)"', page)
    assert len(described) == 2 and set(described) <= ids, set(described) - ids


def test_a_card_shows_its_status_why_and_notes_ready_to_change(alice_client, designers):
    designers.status, designers.why = "ruled_out", "nights & weekends"
    designers.notes = "<b>two</b> interviews"
    designers.save()
    page = alice_client.get(reverse("careers:targets")).content.decode()
    pk = designers.pk
    status = re.search(rf'<select name="status" id="id_{pk}_status">(.*?)</select>', page, re.S)
    assert re.findall(r'<option value="(\w+)"( selected)?', status.group(1)) == [
        ("exploring", ""),
        ("confirmed", ""),
        ("ruled_out", " selected"),
    ]
    assert f'value="nights &amp; weekends" maxlength="500" id="id_{pk}_why"' in page
    assert "&lt;b&gt;two&lt;/b&gt; interviews</textarea>" in page


def test_the_merge_menu_on_a_card_offers_the_other_lists_and_merges(alice_client, alice, designers):
    typo = add_target(alice, "Grafic Designers", level="entry")
    directors = add_target(alice, "Art Directors", level="entry")
    page = alice_client.get(reverse("careers:targets")).content.decode()
    menu = re.search(rf'<select name="({typo.pk}-into)"[^>]*>(.*?)</select>', page, re.S)
    offered = re.findall(r'<option value="([^"]+)">([^<]+)</option>', menu.group(2))
    assert offered == [
        (str(directors.public_id), "Art Directors"),
        (str(designers.public_id), "Graphic Designers"),
    ]
    response = alice_client.post(
        reverse("careers:merge_target", args=[typo.public_id]), {menu.group(1): offered[1][0]}
    )
    assert response.status_code == 302
    assert list(TargetOccupation.objects.filter(owner=alice).values_list("name", flat=True)) == [
        "Art Directors",
        "Graphic Designers",
    ]


def test_a_list_name_is_escaped_in_the_other_cards_merge_menus(alice_client, alice, designers):
    add_target(alice, '<b>Bold</b> & "Co"', level="entry")
    page = alice_client.get(reverse("careers:targets")).content.decode()
    menu = re.search(rf'<select name="{designers.pk}-into"[^>]*>(.*?)</select>', page, re.S)
    assert "&lt;b&gt;Bold&lt;/b&gt; &amp; &quot;Co&quot;</option>" in menu.group(1)
    assert "<b>Bold</b>" not in page
