"""Compare prints on its own landscape page: no menu, no buttons, every column on paper."""

import pytest

from infointerview.people.services import add_person
from tests.agenda.test_compare import _interview, onet, shortlist  # noqa: F401 (fixtures)
from tests.browser.test_outreach_flow import sign_in

pytestmark = pytest.mark.browser

# Whether the table's box would cut a column off: what it holds against what it shows.
CUT_OFF = """() => {
  const box = document.querySelector(".compare-scroll");
  return box.scrollWidth > box.clientWidth + 1;
}"""


def test_the_comparison_prints_landscape_without_the_menu(page, live_server, shortlist):  # noqa: F811
    dana = add_person(shortlist, "Dana Lee", occupation="Widget Designers")
    _interview(shortlist, dana, 4, {"pros": "A calm studio"})
    sign_in(page, live_server, shortlist)
    page.set_viewport_size({"width": 1000, "height": 700})
    page.goto(f"{live_server.url}/occupations/compare/")
    assert page.get_by_role("button", name="Print").is_visible()
    page.emulate_media(media="print")
    assert page.locator("header.top").is_hidden()
    assert page.get_by_role("button", name="Print").is_hidden()
    assert page.get_by_text("A calm studio").is_visible()
    assert page.locator(".compare-sheet").evaluate("el => getComputedStyle(el).page") == "compare"
    assert page.evaluate(CUT_OFF) is False
    assert page.problems == []
