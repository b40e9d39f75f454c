"""The People page shows the lists of names a page at a time, each name at its place."""

import re

import pytest
from django.urls import reverse

from infointerview.agenda import people_page
from infointerview.agenda.outcomes import record_outcome
from infointerview.careers.services import add_target
from infointerview.outreach.services import draft
from infointerview.people.leads import add_lead
from infointerview.people.services import add_person
from tests.conftest import WEDNESDAY

PEOPLE = reverse("agenda:people")


def shown(response) -> list[tuple[str, list[str]]]:
    """Each list on the page with its rows as 'place name' ('place lead:organization')."""
    return [
        (
            name_list.occupation,
            [
                f"{row.place} {row.person.name}"
                if row.person
                else f"{row.place} lead:{row.lead.organization}"
                for row in name_list.rows
            ],
        )
        for name_list in response.context["listing"].lists
    ]


@pytest.fixture
def three_a_page(monkeypatch):
    monkeypatch.setattr(people_page, "PAGE_SIZE", 3)


def test_a_page_holds_fifty_names_and_links_to_the_next(alice_client, alice, designers):
    for n in range(120):
        add_person(alice, f"Person {n:03}", occupation=designers)
    first = alice_client.get(PEOPLE)
    [(_, rows)] = shown(first)
    assert rows[0] == "1 Person 000" and rows[-1] == "50 Person 049" and len(rows) == 50
    html = first.content.decode()
    assert 'rel="next" href="/people/?page=2"' in html
    assert "Page 1 of 3" in html and 'rel="prev"' not in html
    [(_, rows)] = shown(alice_client.get(PEOPLE, {"page": 2}))
    assert rows[0] == "51 Person 050" and rows[-1] == "100 Person 099"
    last = alice_client.get(PEOPLE, {"page": 3})
    assert shown(last)[0][1] == [f"{n + 1} Person {n:03}" for n in range(100, 120)]
    assert 'rel="next"' not in last.content.decode()
    assert 'rel="prev" href="/people/?page=2"' in last.content.decode()


def test_the_page_weighs_the_same_whatever_the_number_of_people(alice_client, alice, designers):
    add_person(alice, "Someone", occupation=designers)
    sizes = []
    for more in (60, 600):
        for n in range(more):
            add_person(alice, f"Person {n:03}", occupation=designers, allow_duplicate=True)
        sizes.append(len(alice_client.get(PEOPLE).content))
    assert abs(sizes[0] - sizes[1]) < 1000


def test_a_list_goes_on_where_the_last_page_left_it(alice_client, alice, three_a_page):
    for name in ["Ana", "Ben", "Cy", "Dee"]:
        add_person(alice, name, occupation="Graphic Designers")
    for name in ["Eve", "Fay"]:
        add_person(alice, name, occupation="Nurses")
    assert shown(alice_client.get(PEOPLE)) == [("Graphic Designers", ["1 Ana", "2 Ben", "3 Cy"])]
    assert shown(alice_client.get(PEOPLE, {"page": 2})) == [
        ("Graphic Designers", ["4 Dee"]),
        ("Nurses", ["1 Eve", "2 Fay"]),
    ]


def test_each_heading_counts_the_whole_list_and_says_where_the_rest_is(
    alice_client, alice, three_a_page
):
    for name in ["Ana", "Ben", "Cy", "Dee"]:
        add_person(alice, name, occupation="Graphic Designers")
    add_lead(alice, "Acme Print", "Graphic Designers")
    html = alice_client.get(PEOPLE, {"page": 2}).content.decode()
    heading = re.search(r"<h2[^>]*>Graphic Designers (.*?)</h2>", html).group(1)
    assert "4 people, 1 organization to call" in heading
    assert "Places 4 to 5 of 5; the rest is on the previous page." in html


def test_an_organization_to_call_keeps_its_place_on_its_page(alice_client, alice, three_a_page):
    for name in ["Ana", "Ben"]:
        add_person(alice, name, occupation="Graphic Designers")
    add_lead(alice, "Acme Print", "Graphic Designers")
    for name in ["Cy", "Dee"]:
        add_person(alice, name, occupation="Graphic Designers")
    assert shown(alice_client.get(PEOPLE)) == [
        ("Graphic Designers", ["1 Ana", "2 Ben", "3 lead:Acme Print"])
    ]
    assert shown(alice_client.get(PEOPLE, {"page": 2})) == [
        ("Graphic Designers", ["4 Cy", "5 Dee"])
    ]


def test_a_list_of_only_organizations_and_an_empty_list_still_show(alice_client, alice):
    add_lead(alice, "Acme Print", "Graphic Designers")
    add_target(alice, "Nurses")
    response = alice_client.get(PEOPLE)
    assert shown(response) == [("Graphic Designers", ["1 lead:Acme Print"]), ("Nurses", [])]
    assert "No one on this list yet." in response.content.decode()


def test_an_empty_list_shows_once_on_the_page_where_it_falls(alice_client, alice, three_a_page):
    for name in ["Ana", "Ben", "Cy"]:
        add_person(alice, name, occupation="Accountants")
    add_target(alice, "Bakers")
    add_person(alice, "Dee", occupation="Cooks")
    assert [name for name, _ in shown(alice_client.get(PEOPLE))] == ["Accountants"]
    assert [name for name, _ in shown(alice_client.get(PEOPLE, {"page": 2}))] == [
        "Bakers",
        "Cooks",
    ]


def test_acquaintances_on_no_list_come_last_by_name(alice_client, alice, three_a_page):
    for name in ["Ana", "Ben"]:
        add_person(alice, name, occupation="Graphic Designers")
    for name in ["Zed", "Kim", "Lou"]:
        add_person(alice, name)
    first, second = alice_client.get(PEOPLE), alice_client.get(PEOPLE, {"page": 2})
    assert [(n, [r.split()[1] for r in rows]) for n, rows in shown(first)] == [
        ("Graphic Designers", ["Ana", "Ben"]),
        ("Acquaintances", ["Kim"]),
    ]
    assert [(n, [r.split()[1] for r in rows]) for n, rows in shown(second)] == [
        ("Acquaintances", ["Lou", "Zed"])
    ]
    assert "More are on the previous page." in second.content.decode()


@pytest.mark.parametrize(("asked", "given"), [("9", 2), ("0", 1), ("two", 1), ("", 1)])
def test_a_page_out_of_range_shows_the_nearest(alice_client, alice, three_a_page, asked, given):
    for n in range(5):
        add_person(alice, f"Person {n}", occupation="Graphic Designers")
    response = alice_client.get(PEOPLE, {"page": asked})
    assert response.status_code == 200
    assert response.context["listing"].page.number == given


def test_nobody_yet_is_met_with_where_to_start(alice_client, alice):
    assert "No one yet. Start with the people you know" in alice_client.get(PEOPLE).content.decode()


def test_only_the_owners_lists_are_shown(alice_client, bob_client, alice, bob, dana):
    add_person(bob, "Bo Ng", occupation="Nurses")
    assert shown(bob_client.get(PEOPLE)) == [("Nurses", ["1 Bo Ng"])]
    alices_list = dana.target.public_id
    response = bob_client.get(PEOPLE, {"list": alices_list})
    assert "Dana Lee" not in response.content.decode()
    assert shown(response) == [("Nurses", ["1 Bo Ng"])]


def test_each_name_shows_where_its_latest_request_stands(alice_client, alice, designers):
    declined = add_person(alice, "Dana Lee", occupation=designers)
    asked = add_person(alice, "Sam Ortiz", occupation=designers)
    add_person(alice, "Kim Ode", occupation=designers)
    draft(alice, declined, "phone", today=WEDNESDAY)
    record_outcome(alice, declined, "declined", on=WEDNESDAY)
    draft(alice, asked, "phone", today=WEDNESDAY)
    html = alice_client.get(PEOPLE).content.decode()
    badges = re.findall(r'<div class="state"><span class="badge([^"]*)">([^<]+)</span>', html)
    assert badges == [
        (" status-declined", "Declined"),
        (" status-open", "In progress"),
        ("", "Not contacted"),
    ]
