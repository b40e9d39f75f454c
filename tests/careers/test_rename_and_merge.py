"""A list can be renamed, and a typo's list merged into the right one, on the web too."""

import pytest
from django.urls import reverse

from infointerview.careers.lists import close_names, merge_targets, rename_target
from infointerview.careers.models import TargetOccupation
from infointerview.careers.services import add_target, answer_proposal
from infointerview.interviews.models import ResearchEntry
from infointerview.interviews.research import add_entry
from infointerview.lib.errors import Refused
from infointerview.people.leads import add_lead
from infointerview.people.models import Person
from infointerview.people.services import add_person, list_of_names


@pytest.fixture
def typo(alice, designers):
    designers.why, designers.notes = "I draw all day", "Ask about portfolios"
    designers.save()
    add_person(alice, "Ana", occupation=designers)
    add_person(alice, "Bo", occupation=designers)
    target = add_target(alice, "Grafic Designers", why="typed fast")
    add_person(alice, "Cy", occupation=target)
    add_lead(alice, "Acme Print", "Grafic Designers")
    add_person(alice, "Di", occupation=target)
    return target


def test_adding_someone_to_a_new_occupation_starts_an_exploring_list(alice):
    person = add_person(alice, "Ana", occupation="Ébénistes")
    assert person.target.name == "Ébénistes" and person.target.status == "exploring"
    assert add_person(alice, "Bo", occupation="  ébénistes ").target == person.target


def test_merging_moves_people_leads_and_research_after_the_lists_own(alice, designers, typo):
    add_entry(alice, subject="occupation", title="OOH", onet_code="27-1024.00")
    ResearchEntry.objects.update(target=typo)
    merge_targets(alice, typo, designers)
    order = [
        e.person.name if e.person else e.lead.organization for e in list_of_names(alice, designers)
    ]
    assert order == ["Ana", "Bo", "Cy", "Acme Print", "Di"]
    designers.refresh_from_db()
    assert designers.name == "Graphic Designers" and designers.level == "entry"
    assert designers.why == "I draw all day\ntyped fast"
    assert ResearchEntry.objects.get().target == designers
    assert not TargetOccupation.objects.filter(pk=typo.pk).exists()


def test_lists_linked_to_different_occupations_are_not_merged(alice, designers, typo):
    designers.onet_code, typo.onet_code = "27-1024.00", "27-1021.00"
    designers.save()
    typo.save()
    with pytest.raises(Refused, match="different occupations"):
        merge_targets(alice, typo, designers)
    assert Person.objects.get(name="Cy").target == typo


def test_renaming_to_another_lists_name_suggests_a_merge(alice, designers, typo):
    with pytest.raises(Refused, match="merge"):
        rename_target(alice, typo, "graphic designers")
    rename_target(alice, typo, "Sign Painters")
    assert Person.objects.get(name="Cy").occupation == "Sign Painters"


def test_a_typed_name_close_to_a_list_is_suggested(alice, designers):
    assert close_names(alice, "Graphic Desigers") == ["Graphic Designers"]
    assert close_names(alice, "graphic designers") == []
    assert close_names(alice, "Astronauts") == []


def test_rename_and_merge_on_the_shortlist_page(alice_client, alice, designers, typo):
    page = alice_client.get(reverse("careers:targets")).content.decode()
    assert "Rename or merge this list" in page
    response = alice_client.post(
        reverse("careers:rename_target", args=[typo.public_id]), {f"{typo.pk}-name": "Graphik"}
    )
    assert response.status_code == 302
    typo.refresh_from_db()
    assert typo.name == "Graphik"
    alice_client.post(
        reverse("careers:merge_target", args=[typo.public_id]),
        {f"{typo.pk}-into": str(designers.public_id)},
    )
    assert set(designers.people.values_list("name", flat=True)) == {"Ana", "Bo", "Cy", "Di"}


def test_another_user_cannot_rename_or_merge_my_lists(bob_client, designers, typo):
    for name, data in (
        ("careers:rename_target", {f"{typo.pk}-name": "Mine now"}),
        ("careers:merge_target", {f"{typo.pk}-into": str(designers.public_id)}),
    ):
        assert bob_client.post(reverse(name, args=[typo.public_id]), data).status_code == 404
    typo.refresh_from_db()
    assert typo.name == "Grafic Designers" and typo.people.count() == 2


def test_a_persons_proposed_occupation_is_confirmed_or_refused_for_good(alice_client, alice, dana):
    dana.proposed_onet_code = "27-1024.00"
    dana.save()
    url = reverse("people:onet_proposal", args=[dana.public_id])
    alice_client.post(url, {"answer": "no"})
    dana.refresh_from_db()
    assert (dana.onet_code, dana.proposed_onet_code) == ("", "")
    assert dana.declined_onet_codes == ["27-1024.00"]
    dana.proposed_onet_code = "27-1021.00"
    dana.save()
    alice_client.post(url, {"answer": "yes"})
    dana.refresh_from_db()
    assert dana.onet_code == "27-1021.00"
    with pytest.raises(Refused, match="no O\\*NET match"):
        answer_proposal(alice, dana, accept=True)


def test_accents_typed_two_ways_and_invisible_characters_are_one_list(alice):
    composed = add_person(alice, "Ana", occupation="\u00c9b\u00e9niste").target
    assert add_person(alice, "Bo", occupation="E\u0301be\u0301niste").target == composed
    assert add_person(alice, "Cy", occupation="\u00c9b\u00e9\u200bniste").target == composed
    assert composed.name == "\u00c9b\u00e9niste"


def test_a_name_without_its_accents_is_a_near_miss(alice):
    add_person(alice, "Ana", occupation="Ébéniste")
    assert close_names(alice, "Ebeniste") == ["Ébéniste"]
