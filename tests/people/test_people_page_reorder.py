"""The arrows that reorder a list keep working on whichever page of it they are on."""

import re

import pytest
from django.urls import reverse

from infointerview.agenda import people_page
from infointerview.people.models import Person
from infointerview.people.services import add_person, list_of_names

PEOPLE = reverse("agenda:people")
HTMX = {"HX-Request": "true"}


def link_texts(html: str) -> list[str]:
    """The names linked on the page, in order (a random CSRF token may spell 'Cy' too)."""
    return re.findall(r">([^<>]+)</a>", html)


@pytest.fixture
def four(alice, designers, monkeypatch):
    monkeypatch.setattr(people_page, "PAGE_SIZE", 2)
    return {n: add_person(alice, n, occupation=designers) for n in ["Ana", "Ben", "Cy", "Dee"]}


def order(alice, designers) -> list[str]:
    return [entry.person.name for entry in list_of_names(alice, designers)]


def move(client, person, direction, query="", **headers):
    url = reverse("agenda:move_person", args=[person.public_id, direction]) + query
    return client.post(url, headers=headers)


def test_moving_on_the_second_page_returns_that_page_of_the_list(
    alice_client, alice, designers, four
):
    response = move(alice_client, four["Dee"], "up", "?page=2", **HTMX)
    assert order(alice, designers) == ["Ana", "Ben", "Dee", "Cy"]
    html = response.content.decode()
    assert html.lstrip().startswith('<section class="card" id="list-graphic-designers"')
    shown = link_texts(html)
    assert shown.index("Dee") < shown.index("Cy") and "Ana" not in shown
    assert "/move/up/?page=2" in html  # the arrows it brings still know their page


def test_moving_across_the_top_of_the_page_brings_up_the_name_from_before(
    alice_client, alice, designers, four
):
    response = move(alice_client, four["Cy"], "up", "?page=2", **HTMX)
    assert order(alice, designers) == ["Ana", "Cy", "Ben", "Dee"]
    html = response.content.decode()
    shown = link_texts(html)
    assert shown.index("Ben") < shown.index("Dee") and "Cy" not in shown


def disabled(html: str, label: str) -> bool:
    return re.search(rf'aria-label="{label}"\s*(disabled)?\s*>', html).group(1) is not None


def test_only_the_ends_of_the_whole_list_have_a_disabled_arrow(alice_client, four):
    first = alice_client.get(PEOPLE).content.decode()
    second = alice_client.get(PEOPLE, {"page": 2}).content.decode()
    assert disabled(first, "Move Ana up") and not disabled(first, "Move Ben down")
    assert not disabled(second, "Move Cy up") and disabled(second, "Move Dee down")


def test_without_javascript_moving_comes_back_to_the_same_page(
    alice_client, alice, designers, four
):
    response = move(alice_client, four["Cy"], "down", "?q=e&page=2")
    assert order(alice, designers) == ["Ana", "Ben", "Dee", "Cy"]
    assert response.status_code == 302
    assert response["Location"] == "/people/?q=e&page=2#list-graphic-designers"


def test_someone_on_no_list_does_not_move(alice_client, alice):
    kim = add_person(alice, "Kim")
    response = move(alice_client, kim, "up", **HTMX)
    assert response.status_code == 302 and response["Location"] == PEOPLE
    assert Person.objects.get(pk=kim.pk).position == kim.position


def test_a_page_that_no_longer_has_the_list_is_reloaded(alice_client, four):
    response = move(alice_client, four["Ana"], "down", "?q=nobody", **HTMX)
    assert response["HX-Refresh"] == "true"


def test_bob_cannot_move_alices_people(bob_client, alice, designers, four):
    response = move(bob_client, four["Ben"], "up", "?page=1", **HTMX)
    assert response.status_code == 404
    assert order(alice, designers) == ["Ana", "Ben", "Cy", "Dee"]


def test_a_name_written_right_to_left_stays_inside_its_own_row(alice_client, alice, designers):
    add_person(alice, "Acme \u202eevil", occupation=designers, organization="Org \u202eX")
    html = alice_client.get(reverse("agenda:people")).content.decode()
    assert '" dir="auto">Acme \u202eevil</a>' in html  # isolated from the words around it
    assert '<span class="muted" dir="auto">' in html
