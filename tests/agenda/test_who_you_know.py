"""Who the user knows in a shortlisted occupation, and who can introduce them."""

import pytest

from infointerview.agenda.who_you_know import (
    counts_for_shortlist,
    put_on_list,
    shortlisted,
    who_you_know,
)
from infointerview.careers.services import add_target
from infointerview.lib.errors import NotFound, Refused
from infointerview.people.acquaintances import record_knows
from infointerview.people.services import add_person

GRAPHIC = "27-1024.00"


@pytest.fixture
def graphic(alice, designers):
    designers.onet_code = GRAPHIC
    designers.save()
    return designers


def known(owner, name, code, **details):
    person = add_person(owner, name, **details)
    person.onet_code = code
    person.save()
    return person


def names(found):
    return [k.person.name for k in found.people]


def test_people_at_the_users_level_come_first_and_related_ones_are_marked(alice, graphic):
    known(alice, "Sue Boss", GRAPHIC, level="supervisor")
    known(alice, "Ann Art", "27-1024.01")
    known(alice, "Eve Entry", GRAPHIC)
    known(alice, "Ian Illustrator", "27-1013.00")
    known(alice, "Nora Nurse", "29-1141.00")

    found = who_you_know(alice, graphic)

    assert names(found) == ["Eve Entry", "Ann Art", "Ian Illustrator", "Sue Boss"]
    assert [k.related for k in found.people] == [
        "",
        "related: same 6-digit SOC code",
        "related: same SOC minor group",
        "",
    ]
    assert [k.at_your_level for k in found.people] == [True, True, True, False]


def test_introducers_one_step_away_come_before_two(alice, graphic):
    eve = known(alice, "Eve Entry", GRAPHIC, organization="Brightline Studio")
    kim = add_person(alice, "Kim Ode")
    record_knows(alice, kim, eve, note="neighbours")
    colleague = add_person(alice, "Cal Coworker", organization="brightline studio")
    uncle = add_person(alice, "Uncle Bo")
    record_knows(alice, uncle, kim)

    (row,) = who_you_know(alice, graphic).people

    assert [(i.person.name, i.steps) for i in row.introducers] == [
        ("Kim Ode", 1),
        ("Cal Coworker", 1),
        ("Uncle Bo", 2),
    ]
    assert row.introducers[0].how == "knows Eve Entry (neighbours)"
    assert row.introducers[1].how == "works at Brightline Studio too"
    assert row.introducers[2].how == "knows Kim Ode, who knows Eve Entry (neighbours)"
    assert colleague.pk == row.introducers[1].person.pk


def test_who_introduced_or_referred_them_can_introduce_you(alice, graphic):
    teacher = add_person(alice, "Prof Park", source="teacher")
    eve = known(alice, "Eve Entry", GRAPHIC, introduced_by=teacher)
    add_person(alice, "Rae Referral", source="referral", introduced_by=eve)

    (row,) = who_you_know(alice, graphic).people

    assert {i.person.name: i.how for i in row.introducers} == {
        "Prof Park": "introduced you to Eve Entry",
        "Rae Referral": "was referred to you by Eve Entry",
    }


def test_an_occupation_not_linked_to_onet_finds_nobody(alice, designers):
    known(alice, "Eve Entry", GRAPHIC)
    found = who_you_know(alice, designers)
    assert not found.linked and found.people == []


def test_only_the_users_own_people_are_found(alice, bob, graphic):
    known(bob, "Eve Entry", GRAPHIC)
    assert who_you_know(alice, graphic).people == []


def test_a_long_list_shows_its_first_names_and_how_many_more(alice, graphic):
    for n in range(5):
        known(alice, f"Person {n}", GRAPHIC)
    found = who_you_know(alice, graphic, shown=2)
    assert (len(found.people), found.more) == (2, 3)


def test_an_occupation_is_found_by_name_or_code(alice, graphic):
    assert shortlisted(alice, GRAPHIC) == graphic
    assert shortlisted(alice, "graphic designers") == graphic
    with pytest.raises(NotFound, match="not on your shortlist"):
        shortlisted(alice, "Nurses")


def test_one_click_puts_a_person_on_the_occupations_list(alice, graphic):
    eve = known(alice, "Eve Entry", GRAPHIC)
    put_on_list(alice, eve, graphic)
    eve.refresh_from_db()
    assert eve.target == graphic
    assert who_you_know(alice, graphic).people[0].on_this_list


def test_another_users_occupation_is_refused(alice, bob, graphic):
    eve = known(alice, "Eve Entry", GRAPHIC)
    theirs = add_target(bob, "Graphic Designers")
    with pytest.raises(Refused):
        put_on_list(alice, eve, theirs)
    eve.refresh_from_db()
    assert eve.target is None


def test_the_shortlist_counts_people_in_each_occupation(alice, graphic):
    known(alice, "Eve Entry", GRAPHIC)
    known(alice, "Ned Entry", GRAPHIC)
    known(alice, "Sue Boss", GRAPHIC, level="supervisor")
    known(alice, "Ann Art", "27-1013.00")
    known(alice, "Amy Art", "27-1013.00", level="supervisor")
    (count,) = counts_for_shortlist(alice, [graphic])
    assert (count.here, count.at_your_level, count.related) == (3, 2, 2)
