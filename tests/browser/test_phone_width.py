"""At phone width (390 × 844) no page is wider than the screen, whatever the user typed.

Every page of `test_every_page.py` is visited, with the longest things people really
have: an e-mail address that does not break, a long organization, notes holding a URL,
and wage areas with the longest names BLS publishes. A URL the site serves that is
neither visited here nor a download, a fragment or a POST-only action fails the check
below, so a new page cannot be left out.
"""

import pytest
from django.test import Client
from django.urls import resolve
from django.utils import timezone

from infointerview.accounts.services import issue_sign_in_link, profile_for
from infointerview.careers.interests import profile_from_code, save_answers
from infointerview.careers.wages import import_wages
from infointerview.interviews.research import add_entry
from infointerview.people.models import OrganizationLead, Person
from infointerview.people.services import add_person
from tests.browser.test_every_page import pages  # noqa: F401 (the fixture: one URL per page)
from tests.careers.oews_fixture import ROWS, write_csv
from tests.web.test_every_post_is_tested import every_url

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
LONG_EMAIL = "dana.lee-fitzgerald.design-research@very-long-organization-name.example.org"
LONG_ORGANIZATION = "Brightline Experience Design and Communications Cooperative International"
LONG_URL = "https://www.linkedin.com/in/dana-lee-fitzgerald-design-research-7a3b9c2d1e0f4a5b/"
LONG_NOTES = (
    "Met at the AIGA Seattle portfolio review; prefers e-mail before 10 am. "
    f"Profile: {LONG_URL} — mentioned the Interaction-Design-Foundation-certification track."
)
WASHINGTON = ["5300000", "Washington", "2", "WA"]
SEATTLE = ["0042660", "Seattle-Tacoma-Bellevue, WA", "4", "WA"]
NASSAU = ["0035004", "Nassau County-Suffolk County, NY Metropolitan Division", "4", "NY"]
WIDGET_WAGES = ["27-9001", "Widget Designers", "detailed", "1,240", "31.00"]
FIGURES = ["64480", "41000", "52000", "83000", "239200"]

# Addresses that answer a GET with something other than a page of their own.
NOT_PAGES = {
    "agenda:export_json": "a download",
    "agenda:export_people_csv": "a download",
    "agenda:export": "a calendar file",
    "agenda:call": "a calendar file",
    "agenda:feed": "a calendar feed",
    "agenda:interview_ics": "a calendar file",
    "outreach:eml": "a draft as an .eml file",
    "people:occupation_suggestions": "a fragment the occupation box asks for",
    "people:occupation_input": "a fragment the occupation box asks for",
}

# The widest element that sticks out of the screen, outside any box that scrolls or clips.
WIDEST_OUTSIDE = """() => {
  const width = window.innerWidth;
  const scrollWidth = document.documentElement.scrollWidth;
  if (scrollWidth <= width) return null;
  const clipped = (el) => {
    for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
      if (getComputedStyle(up).overflowX !== "visible") return true;
    }
    return false;
  };
  let widest = null;
  let right = width;
  for (const el of document.body.querySelectorAll("*")) {
    const edge = el.getBoundingClientRect().right;
    if (edge >= right && edge > width + 0.5 && !clipped(el)) { widest = el; right = edge; }
  }
  const name = widest ? widest.tagName.toLowerCase()
    + (widest.id ? "#" + widest.id : "")
    + [...widest.classList].map((c) => "." + c).join("")
    + ' "' + widest.textContent.trim().replace(/\\s+/g, " ").slice(0, 60) + '"' : "nothing";
  return `${scrollWidth}px wide; widest: ${name} reaching ${Math.round(right)}px`;
}"""


@pytest.fixture
def dana(alice, designers):
    """The Dana Lee of tests/conftest.py, with everything as long as people really type it."""
    return add_person(
        alice,
        "Dana Lee-Fitzgerald",
        occupation="Graphic Designers",
        source="alumni",
        source_detail="Lakeside College alumni office list of graduates who give interviews",
        emails=[LONG_EMAIL],
        phones=["+1 (206) 555-0100 ext. 4471"],
        postal_address="Brightline Studio\n1201 Third Avenue, Suite 4400\nSeattle, WA 98101",
        organization=LONG_ORGANIZATION,
        job_title="Junior User-Experience and Visual Communications Designer",
        notes=LONG_NOTES,
    )


@pytest.fixture
def long_content(alice, pages, tmp_path):  # noqa: F811 (the fixture imported above)
    """Wages for the longest areas, a lead with a long name, research with a long link."""
    areas = [WASHINGTON, SEATTLE, NASSAU]
    rows = [
        *ROWS,
        *(
            [
                *area,
                "000000",
                "Cross-industry",
                "00-0000",
                "All Occupations",
                "total",
                "900000",
                "30.00",
                "62000",
                "35000",
                "45000",
                "90000",
                "130000",
            ]
            for area in areas
        ),
        *([*area, "000000", "Cross-industry", *WIDGET_WAGES, *FIGURES] for area in areas),
    ]
    import_wages(write_csv(tmp_path / "oews.csv", rows))
    profile = profile_for(alice)
    profile.wage_state, profile.wage_metro = WASHINGTON[0], NASSAU[0]
    profile.save()
    OrganizationLead.objects.filter(owner=alice).update(organization=LONG_ORGANIZATION)
    add_entry(
        alice,
        subject="occupation",
        onet_code="27-9001.00",
        title=LONG_URL,
        url=LONG_URL,
        notes=LONG_NOTES,
    )
    sam = Person.objects.get(owner=alice, name="Sam Park")
    save_answers(alice, {"1": "like"})
    profile_from_code(alice, "AES", timezone.now())
    # Pages test_every_page.py does not list yet.
    return [
        *pages,
        f"/people/{sam.public_id}/delete/",
        f"/interviews/schedule/{sam.public_id}/",
        "/accounts/settings/delete/",
        "/occupations/fields/",
        "/occupations/fields/27/",
        "/occupations/compare/",
        "/occupations/interests/",
        "/occupations/interests/questions/",
        "/occupations/goals/",
        "/occupations/matches/?all=1",
    ]


def test_no_page_is_wider_than_a_phone(browser, live_server, alice, long_content):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    too_wide = []

    def look_at(path: str) -> None:
        page.goto(f"{live_server.url}{path}")
        if report := page.evaluate(WIDEST_OUTSIDE):
            too_wide.append(f"{path}: {report}")

    try:
        look_at("/accounts/login/")
        look_at(f"/accounts/sign-in/{issue_sign_in_link(alice, timezone.now())}/")
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url(f"{live_server.url}/")
        for path in long_content:
            look_at(path)
    finally:
        context.close()
    assert too_wide == [], "wider than a 390 px phone:\n" + "\n".join(too_wide)


def test_every_page_the_site_serves_is_visited(alice, long_content):
    """A URL nobody visits at phone width is a page, unless a GET is refused or it is listed."""
    visited = {resolve(path.split("?")[0]).view_name for path in long_content}
    visited |= {"accounts:login", "accounts:sign_in_link", "agenda:today"}
    client = Client()
    client.force_login(alice, backend="django.contrib.auth.backends.ModelBackend")
    left_out = []
    for url in every_url():
        name = resolve(url).view_name
        if name in visited or name in NOT_PAGES:
            continue
        if client.get(url).status_code != 405:
            left_out.append(f"{name} ({url})")
    assert left_out == [], (
        "pages never looked at 390 px wide — add them to test_every_page.py's list, "
        "or to NOT_PAGES here if they are no page: " + ", ".join(left_out)
    )


def _signed_in(browser, live_server, user, width: int):
    context = browser.new_context(viewport={**PHONE, "width": width}, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/sign-in/{issue_sign_in_link(user, timezone.now())}/")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/")
    return context, page


def test_on_a_phone_the_menu_opens_from_the_keyboard_without_script(browser, live_server, alice):
    context, page = _signed_in(browser, live_server, alice, PHONE["width"])
    try:
        people = page.get_by_role("navigation", name="Main").get_by_role("link", name="People")
        sign_out = page.get_by_role("button", name="Sign out")
        assert not people.is_visible() and not sign_out.is_visible()
        page.get_by_text("Menu", exact=True).focus()
        page.keyboard.press("Enter")
        assert people.is_visible() and sign_out.is_visible()
        people.focus()
        page.keyboard.press("Enter")
        page.wait_for_url(f"{live_server.url}/people/")
        assert not people.is_visible(), "a new page opens with the menu closed"
    finally:
        context.close()


def test_on_a_desktop_the_links_stand_in_a_row_with_no_menu(browser, live_server, alice):
    context, page = _signed_in(browser, live_server, alice, 1280)
    try:
        links = page.get_by_role("navigation", name="Main").get_by_role("link")
        tops = {round(links.nth(i).bounding_box()["y"]) for i in range(links.count())}
        assert links.count() == 8 and len(tops) == 1
        assert not page.get_by_text("Menu", exact=True).is_visible()
        assert page.get_by_role("button", name="Sign out").is_visible()
    finally:
        context.close()
