"""The ordered list of names per occupation, with advice on who fits the method."""

import pytest

from infointerview.careers.lists import existing_target
from infointerview.careers.services import add_target
from infointerview.lib.errors import Ambiguous, NotFound, Refused
from infointerview.people.leads import add_lead, lead_gave_name
from infointerview.people.models import OrganizationLead, Source
from infointerview.people.services import (
    HIRING_ADVICE,
    LEVEL_ADVICE,
    add_person,
    find_person,
    list_of_names,
    move,
)
from tests.conftest import NOW


def names(alice, occupation="Graphic Designers"):
    return [
        entry.person.name if entry.person else f"lead:{entry.lead.organization}"
        for entry in list_of_names(alice, existing_target(alice, occupation))
    ]


def test_new_people_go_to_the_end_of_their_list(alice, designers):
    for name in ["Ana", "Ben", "Cy"]:
        add_person(alice, name, occupation="Graphic Designers")
    add_person(alice, "Other", occupation="Nurses")
    assert names(alice) == ["Ana", "Ben", "Cy"]


def test_the_user_can_reorder_the_list(alice, designers):
    people = [add_person(alice, n, occupation="Graphic Designers") for n in ["Ana", "Ben", "Cy"]]
    move(alice, people[2], -1)
    assert names(alice) == ["Ana", "Cy", "Ben"]
    move(alice, people[0], 1)
    assert names(alice) == ["Cy", "Ana", "Ben"]
    move(alice, people[1], -1)
    assert names(alice) == ["Cy", "Ben", "Ana"]


def test_moving_past_either_end_changes_nothing(alice, designers):
    ana = add_person(alice, "Ana", occupation="Graphic Designers")
    ben = add_person(alice, "Ben", occupation="Graphic Designers")
    move(alice, ana, -1)
    move(alice, ben, 1)
    assert names(alice) == ["Ana", "Ben"]


def test_someone_above_the_users_level_is_flagged(alice, designers):
    add_person(alice, "Boss", occupation="Graphic Designers", level="supervisor")
    add_person(alice, "Peer", occupation="Graphic Designers", level="entry")
    warnings = {e.person.name: e.warnings for e in list_of_names(alice, designers)}
    assert warnings == {"Boss": [LEVEL_ADVICE], "Peer": []}


def test_an_experienced_target_accepts_experienced_people(alice):
    add_target(alice, "Nurses", level="experienced")
    add_person(alice, "Jo", occupation="Nurses", level="experienced")
    assert list_of_names(alice, existing_target(alice, "Nurses"))[0].warnings == []


@pytest.mark.parametrize(
    "title", ["HR Generalist", "Technical Recruiter", "Hiring Manager", "Human Resources Partner"]
)
def test_hiring_titles_are_flagged(alice, designers, title):
    add_person(alice, "Pat", occupation="Graphic Designers", job_title=title)
    assert list_of_names(alice, designers)[0].warnings == [HIRING_ADVICE]


def test_hiring_titles_are_fine_when_the_target_is_hiring_work(alice):
    hr = add_target(alice, "Human Resources Specialists")
    add_person(alice, "Pat", occupation=hr, job_title="HR Generalist")
    assert list_of_names(alice, hr)[0].warnings == []


def test_a_lead_that_yields_a_name_becomes_a_person_in_its_place(alice, designers):
    add_person(alice, "Ana", occupation="Graphic Designers")
    lead = add_lead(
        alice, "Acme Print", "Graphic Designers", department="design department", phone="555-0199"
    )
    add_person(alice, "Cy", occupation="Graphic Designers")
    assert names(alice) == ["Ana", "lead:Acme Print", "Cy"]
    person = lead_gave_name(alice, lead, "Lee Wong", job_title="Production Designer")
    assert names(alice) == ["Ana", "Lee Wong", "Cy"]
    assert person.source == Source.ORGANIZATION
    assert person.organization == "Acme Print"
    assert person.phones == ["555-0199"]
    lead.refresh_from_db()
    assert lead.status == OrganizationLead.Status.NAMED
    assert lead.person == person
    with pytest.raises(Refused, match="already"):
        lead_gave_name(alice, lead, "Someone Else")


def test_a_name_matching_several_people_is_refused_with_candidates(alice, designers):
    first = add_person(alice, "Dana Lee", occupation="Graphic Designers")
    add_person(alice, "Dana Lee", occupation="Nurses", allow_duplicate=True)
    with pytest.raises(Ambiguous) as refused:
        find_person(alice, "dana lee")
    assert len(refused.value.candidates) == 2
    assert str(first.public_id) in str(refused.value)
    assert find_person(alice, str(first.public_id)) == first


def test_people_are_only_found_among_the_owners(alice, bob, designers):
    dana = add_person(alice, "Dana Lee", occupation="Graphic Designers")
    with pytest.raises(NotFound):
        find_person(bob, "Dana Lee")
    with pytest.raises(NotFound):
        find_person(bob, str(dana.public_id))


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("level", "guru", "unknown level"),
        ("source", "psychic", "unknown source"),
        ("emails", ["not-an-email"], "not an e-mail"),
    ],
)
def test_bad_person_details_are_refused(alice, field, value, message):
    with pytest.raises(Refused, match=message):
        add_person(alice, "Someone", **{field: value})


def test_editing_a_person_keeps_their_place_unless_the_occupation_changes(alice, designers):
    from infointerview.people.services import update_person

    ana = add_person(alice, "Ana", occupation="Graphic Designers")
    add_person(alice, "Ben", occupation="Graphic Designers")
    update_person(alice, ana, name="Ana Ruiz", occupation="Graphic Designers", job_title="Designer")
    assert names(alice) == ["Ana Ruiz", "Ben"]
    add_person(alice, "Cy", occupation="Nurses")
    update_person(alice, ana, name="Ana Ruiz", occupation="Nurses")
    assert names(alice, "Nurses") == ["Cy", "Ana Ruiz"]
    with pytest.raises(Refused, match="introduce themselves"):
        update_person(alice, ana, name="Ana Ruiz", introduced_by="Ana Ruiz")


def test_a_lead_that_led_nowhere_can_be_closed(alice, designers):
    from infointerview.agenda.services import today
    from infointerview.people.leads import close_lead

    lead = add_lead(alice, "Acme Print", "Graphic Designers")
    close_lead(alice, lead, "No designers on staff")
    assert names(alice) == []
    assert today(alice, NOW).leads == []
    assert "No designers on staff" in lead.notes
    with pytest.raises(Refused, match="already closed"):
        close_lead(alice, lead)


def test_a_lead_has_a_call_script_to_ask_for_the_right_department(alice, designers):
    from infointerview.people.leads import lead_script

    lead = add_lead(alice, "Acme Print", "Graphic Designers", department="design department")
    script = lead_script(lead, "Alice Moreno")
    assert script.startswith("Hello, my name is Alice Moreno. I'm exploring a career as a graphic")
    assert "design department" in script
    lead.call_script = "My own words"
    assert lead_script(lead, "Alice Moreno") == "My own words"
