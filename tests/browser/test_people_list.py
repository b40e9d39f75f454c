"""The People page filtered and paged from the keyboard alone, in a real browser."""

import re

import pytest
from playwright.sync_api import expect

from infointerview.agenda import people_page
from infointerview.people.services import add_person
from tests.browser.test_outreach_flow import sign_in

pytestmark = pytest.mark.browser


@pytest.fixture
def people(alice, designers, monkeypatch):
    monkeypatch.setattr(people_page, "PAGE_SIZE", 4)  # the live server runs in this process
    for n in range(6):
        add_person(alice, f"Lee Designer {n}", occupation=designers)
    add_person(alice, "Kim Ode", occupation=designers)
    for n in range(3):
        add_person(alice, f"Lee Nurse {n}", occupation="Nurses")


def tab_to(page, selector: str, limit: int = 60) -> None:
    """Press Tab until the element matching the selector has focus, as a keyboard user would."""
    for _ in range(limit):
        if page.evaluate(f"document.activeElement.matches({selector!r})"):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"{selector} is not reachable with Tab")


def names(page) -> list[str]:
    return page.locator("#people-results ol.names .who a").all_inner_texts()


def test_filter_and_page_with_the_keyboard(page, live_server, alice, people):
    sign_in(page, live_server, alice)
    page.goto(f"{live_server.url}/people/")
    page.evaluate("window.notReloaded = true")

    tab_to(page, "#people-q")
    page.keyboard.type("lee")
    page.wait_for_url(re.compile(r"/people/\?q=lee"))
    page.get_by_text("Showing 1–4 of 9 matching “lee”").wait_for()
    assert "Kim Ode" not in names(page)

    tab_to(page, "#people-list")
    page.keyboard.press("ArrowDown")  # the first list: Graphic Designers
    page.wait_for_url(re.compile(r"list="))
    page.get_by_text("Showing 1–4 of 6 matching “lee” on this list").wait_for()
    assert names(page) == [f"Lee Designer {n}" for n in range(4)]

    tab_to(page, "#pager-top-next")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"page=2"))
    page.get_by_text("Page 2 of 2").first.wait_for()
    assert names(page) == ["Lee Designer 4", "Lee Designer 5"]
    # Focus moves to the new page's position once htmx has settled the swap.
    page.wait_for_function("document.activeElement?.id === 'pager-position'", timeout=5000)
    assert "lee" in page.url and "list=" in page.url

    tab_to(page, "button[aria-label='Move Lee Designer 5 up']")
    page.keyboard.press("Enter")
    rows = page.locator("#people-results ol.names li")
    expect(rows.first).to_contain_text("Lee Designer 5")
    assert names(page) == ["Lee Designer 5", "Lee Designer 4"]
    assert rows.locator(".place").all_inner_texts() == ["5", "6"]
    assert page.url.endswith("page=2")  # reordering stayed on the page it was on

    tab_to(page, "#pager-top-previous")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/people/\?q=lee&list=[^&]+$"))
    assert names(page) == [f"Lee Designer {n}" for n in range(4)]

    page.go_back()
    page.wait_for_url(re.compile(r"page=2"))
    page.get_by_text("Page 2 of 2").first.wait_for()
    assert page.evaluate("window.notReloaded === true")  # htmx swapped; nothing reloaded
    assert page.problems == []


def test_the_filter_works_without_javascript(browser, live_server, alice, people):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    sign_in(page, live_server, alice)
    page.goto(f"{live_server.url}/people/")
    page.get_by_label("Name").fill("nurse")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url(re.compile(r"q=nurse"))
    assert names(page) == ["Lee Nurse 0", "Lee Nurse 1", "Lee Nurse 2"]
    context.close()
