"""One person is listed once: a name already on the lists is recognised, not added again."""

import pytest

from infointerview.agenda.merging import proposed_duplicates
from infointerview.interviews.services import schedule, suggested_in_interview
from infointerview.people.leads import add_lead, lead_gave_name
from infointerview.people.models import OrganizationLead, Person, Source
from infointerview.people.services import SamePerson, add_person, add_referral, same_person_as
from tests.conftest import NOW


def test_a_name_already_listed_is_refused_naming_the_list(alice, dana):
    with pytest.raises(SamePerson) as refused:
        add_person(alice, "Dana Lee", occupation="Nurses")
    assert str(refused.value) == "there is already a Dana Lee (Graphic Designers)"
    assert refused.value.people == [dana]
    assert Person.objects.filter(owner=alice).count() == 1


def test_names_are_compared_as_list_names_are(alice, dana):
    zoe = add_person(alice, "Zoë Ångström")
    assert same_person_as(alice, "  dana   LEE ") == [dana]
    assert same_person_as(alice, "Zoe\u0308 ÅNGSTRÖM") == [zoe]
    assert same_person_as(alice, "ＤＡＮＡ Ｌｅｅ") == [dana]
    assert same_person_as(alice, "Dana Leeds") == []
    assert same_person_as(alice, "Dana_Lee") == []


def test_another_users_people_are_not_the_same_person(alice, bob, dana):
    assert same_person_as(bob, "Dana Lee") == []
    assert add_person(bob, "Dana Lee").owner == bob


def test_the_user_may_add_a_second_person_of_the_same_name(alice, dana):
    other = add_person(alice, "Dana Lee", occupation="Nurses", allow_duplicate=True)
    with pytest.raises(SamePerson) as refused:
        add_person(alice, "Dana Lee")
    assert refused.value.people == [dana, other]
    assert str(refused.value) == (
        "there are already 2 people named Dana Lee: Dana Lee (Graphic Designers); Dana Lee (Nurses)"
    )


def test_a_suggestion_made_twice_in_an_interview_adds_one_person(alice, dana):
    interview = schedule(alice, dana, NOW)
    first = suggested_in_interview(alice, interview, "Kim Ode")
    again = suggested_in_interview(alice, interview, "Kim Ode")
    assert again == first
    assert Person.objects.filter(owner=alice, name="Kim Ode").count() == 1
    assert list(dana.referrals()) == [first]


def test_a_referral_already_listed_is_linked_to_the_referrer(alice, dana):
    kim = add_person(
        alice, "Kim Ode", occupation="Graphic Designers", source="association", source_detail="AIGA"
    )
    linked = add_referral(alice, dana, "kim ode", how="Referred by Dana Lee", note="Ask: print")
    kim.refresh_from_db()
    assert linked == kim
    assert (kim.introduced_by, kim.source) == (dana, Source.REFERRAL)
    assert "First found: Professional association — AIGA" in kim.notes
    assert "Ask: print" in kim.notes
    assert Person.objects.filter(owner=alice).count() == 2


def test_a_referral_keeps_an_earlier_introduction(alice, dana):
    ravi = add_person(alice, "Ravi Shah", introduced_by=dana)
    sam = add_person(alice, "Sam Park")
    assert add_referral(alice, sam, "Ravi Shah", how="Referred by Sam Park") == ravi
    ravi.refresh_from_db()
    assert ravi.introduced_by == dana


def test_a_name_from_a_lead_that_is_already_listed_is_that_person(alice, dana):
    lead = add_lead(alice, "Brightline Studio", "Graphic Designers")
    named = lead_gave_name(alice, lead, "Dana Lee")
    lead.refresh_from_db()
    assert named == dana
    assert (lead.status, lead.person) == (OrganizationLead.Status.NAMED, dana)
    assert Person.objects.filter(owner=alice).count() == 1


def test_a_name_two_leads_gave_is_noted_on_the_second(alice, designers):
    first = add_lead(alice, "Acme Print", "Graphic Designers")
    second = add_lead(alice, "Acme Web", "Graphic Designers")
    lee = lead_gave_name(alice, first, "Lee Wong")
    assert lead_gave_name(alice, second, "Lee Wong") == lee
    second.refresh_from_db()
    assert second.status == OrganizationLead.Status.NAMED
    assert second.person is None
    assert "Gave the name Lee Wong, already on your list." in second.notes


def test_an_introducer_is_found_by_a_folded_name(alice, dana):
    kim = add_person(alice, "Kim Ode", introduced_by="DANA  lee")
    assert kim.introduced_by == dana


def test_a_name_typed_without_its_accents_is_the_same_person(alice, designers):
    jose = add_person(alice, "José Muñoz", organization="City of Springfield")
    assert same_person_as(alice, "Jose Munoz") == [jose]
    assert same_person_as(alice, "JOSE MUNOZ", organization="City of Springfield") == [jose]
    assert same_person_as(alice, "Jose Munoz", organization="Elsewhere") == []


def test_accents_either_way_are_proposed_as_duplicates(alice, designers):
    first = add_person(alice, "Jose Munoz", organization="City of Springfield")
    second = add_person(
        alice, "José Muñoz", organization="City of Springfield", allow_duplicate=True
    )
    (pair,) = proposed_duplicates(alice)
    assert (pair.keep, pair.drop) == (first, second)
    assert pair.reasons == ["the same name and organization"]
