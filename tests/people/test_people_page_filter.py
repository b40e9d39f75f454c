"""The People page narrows to one list or to a name, with or without JavaScript."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from infointerview.agenda import people_page
from infointerview.people.leads import add_lead
from infointerview.people.services import add_person
from tests.people.test_people_page_paging import shown

PEOPLE = reverse("agenda:people")
HTMX = {"HX-Request": "true"}


class _Elements(HTMLParser):
    def __init__(self, html: str):
        super().__init__()
        self.found: list[tuple[str, dict[str, str]]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, {name: value or "" for name, value in attrs}))


def elements(response, tag: str) -> list[dict[str, str]]:
    return [attrs for name, attrs in _Elements(response.content.decode()).found if name == tag]


@pytest.fixture
def two_lists(alice):
    for name in ["Ana Ruiz", "Ben Ode", "Cy Ruiz"]:
        add_person(alice, name, occupation="Graphic Designers")
    add_lead(alice, "Ruiz Print", "Graphic Designers")
    for name in ["Dee Ruiz", "Eve Park"]:
        add_person(alice, name, occupation="Nurses")
    add_person(alice, "Kim Ruiz")


def test_a_name_search_finds_people_at_their_places_on_every_list(alice_client, two_lists):
    response = alice_client.get(PEOPLE, {"q": "ruiz"})
    assert shown(response) == [
        ("Graphic Designers", ["1 Ana Ruiz", "3 Cy Ruiz", "4 lead:Ruiz Print"]),
        ("Nurses", ["1 Dee Ruiz"]),
        ("Acquaintances", ["1 Kim Ruiz"]),
    ]
    html = response.content.decode()
    assert "5 names matching “ruiz”." in html
    assert "3 people, 1 organization to call" in html  # the heading still counts them all
    assert "3 match “ruiz”" in html


def test_the_list_filter_shows_that_list_alone(alice_client, two_lists):
    listing = alice_client.get(PEOPLE).context["listing"]
    value = next(value for value, label in listing.choices if label == "Nurses")
    response = alice_client.get(PEOPLE, {"list": value})
    assert shown(response) == [("Nurses", ["1 Dee Ruiz", "2 Eve Park"])]
    [selected] = [o for o in elements(response, "option") if "selected" in o]
    assert selected["value"] == value
    both = alice_client.get(PEOPLE, {"list": value, "q": "park"})
    assert shown(both) == [("Nurses", ["2 Eve Park"])]


def test_acquaintances_can_be_listed_alone(alice_client, two_lists):
    response = alice_client.get(PEOPLE, {"list": people_page.ACQUAINTANCES})
    assert shown(response) == [("Acquaintances", ["1 Kim Ruiz"])]


def test_pages_of_a_filtered_view_keep_the_filter(alice_client, alice, monkeypatch):
    monkeypatch.setattr(people_page, "PAGE_SIZE", 2)
    for name in ["Ana Lee", "Ben Ode", "Cy Lee", "Dee Lee", "Eve Lee"]:
        add_person(alice, name, occupation="Graphic Designers")
    listing = alice_client.get(PEOPLE).context["listing"]
    designers = listing.choices[1][0]
    second = alice_client.get(PEOPLE, {"q": "lee", "list": designers, "page": 2})
    assert shown(second) == [("Graphic Designers", ["4 Dee Lee", "5 Eve Lee"])]
    top, bottom = [a for a in elements(second, "a") if a.get("rel") == "prev"]
    assert top["href"] == bottom["href"]
    previous = top
    assert previous["href"] == f"/people/?q=lee&list={designers}"
    assert previous["hx-get"] == previous["href"]
    [up, _] = [f["action"] for f in elements(second, "form") if "/move/" in f.get("action", "")][:2]
    assert up.endswith(f"/move/up/?q=lee&list={designers}&page=2")


def test_the_filter_is_a_labelled_form_that_works_without_javascript(alice_client, two_lists):
    response = alice_client.get(PEOPLE)
    [form] = [f for f in elements(response, "form") if f.get("role") == "search"]
    assert (form["method"], form["action"]) == ("get", PEOPLE)
    assert (form["hx-get"], form["hx-target"], form["hx-push-url"]) == (
        PEOPLE,
        "#people-results",
        "true",
    )
    labels = {label["for"] for label in elements(response, "label")}
    [search] = [i for i in elements(response, "input") if i.get("name") == "q"]
    [choose] = [s for s in elements(response, "select") if s.get("name") == "list"]
    assert {search["id"], choose["id"]} <= labels
    assert search["type"] == "search" and search["hx-include"] == "closest form"
    assert any(b.get("type") == "submit" for b in elements(response, "button"))


def test_htmx_gets_the_results_alone_and_caches_tell_them_apart(alice_client, two_lists):
    whole = alice_client.get(PEOPLE, {"q": "ruiz"})
    part = alice_client.get(PEOPLE, {"q": "ruiz"}, headers=HTMX)
    html = part.content.decode()
    assert "<html" not in html and "<html" in whole.content.decode()
    assert "Ana Ruiz" in html and "Eve Park" not in html
    [summary] = [p for p in elements(part, "p") if p.get("id") == "people-summary"]
    assert summary["hx-swap-oob"] == "true"
    assert "HX-Request" in part["Vary"] and "HX-Request" in whole["Vary"]
    assert part["HX-Push-Url"] == "/people/?q=ruiz"  # the address bar shows a tidy address
    cleared = alice_client.get(PEOPLE, {"q": "", "list": "", "page": "7"}, headers=HTMX)
    assert cleared["HX-Push-Url"] == "/people/"
    restored = alice_client.get(
        PEOPLE, headers={"HX-Request": "true", "HX-History-Restore-Request": "true"}
    )
    assert "<html" in restored.content.decode()


def test_paging_with_htmx_moves_focus_to_the_top_of_the_new_page(alice_client, alice, monkeypatch):
    monkeypatch.setattr(people_page, "PAGE_SIZE", 2)
    for name in ["Ana", "Ben", "Cy"]:
        add_person(alice, name, occupation="Graphic Designers")
    paged = alice_client.get(
        PEOPLE, {"page": 2}, headers={"HX-Request": "true", "HX-Trigger": "pager-bottom-next"}
    )
    [position] = [s for s in elements(paged, "span") if s.get("id") == "pager-position"]
    assert "autofocus" in position
    typed = alice_client.get(
        PEOPLE, {"q": "a"}, headers={"HX-Request": "true", "HX-Trigger": "people-q"}
    )
    assert "autofocus" not in typed.content.decode()


def test_a_search_that_finds_no_one_says_so(alice_client, two_lists):
    html = alice_client.get(PEOPLE, {"q": "nobody"}).content.decode()
    assert "No one matches “nobody”." in html
    assert 'href="/people/">Show everyone</a>' in html


def test_an_unknown_list_shows_every_list(alice_client, two_lists):
    response = alice_client.get(PEOPLE, {"list": "not-a-list"})
    assert response.status_code == 200
    assert [name for name, _ in shown(response)] == [
        "Graphic Designers",
        "Nurses",
        "Acquaintances",
    ]


def test_a_search_longer_than_the_box_allows_is_ignored_not_a_crash(alice_client, dana):
    """SQLite refuses a LIKE pattern this long; the box takes 200 characters at most."""
    response = alice_client.get(reverse("agenda:people"), {"q": "x" * 130_000})
    assert response.status_code == 200
    assert "Dana Lee" in response.content.decode()
