"""A form refused comes back with the keyboard on the field to fix."""

import pytest

from tests.browser.test_outreach_flow import sign_in

pytestmark = pytest.mark.browser


def test_the_field_refused_has_the_focus_when_the_page_comes_back(page, live_server, alice):
    sign_in(page, live_server, alice)
    page.goto(f"{live_server.url}/people/add/")
    page.get_by_label("Name", exact=True).fill("Dana Lee")
    page.get_by_label("E-mail").fill("dana@")
    page.get_by_role("button", name="Save").click()
    page.wait_for_selector(".has-error")
    assert page.evaluate("document.activeElement.name") == "emails"
    assert page.problems == []


def test_a_reason_for_the_whole_form_has_the_focus(page, live_server, alice):
    sign_in(page, live_server, alice)
    page.goto(f"{live_server.url}/occupations/interests/")
    page.get_by_role("button", name="Save this profile").click()  # neither scores nor a code
    page.wait_for_selector("form .error[role=alert]")
    assert "one of the two" in page.evaluate("document.activeElement.textContent")
    # The page itself answers 400, which Chromium reports; nothing else may go wrong.
    assert [p for p in page.problems if "status of 400" not in p] == []
