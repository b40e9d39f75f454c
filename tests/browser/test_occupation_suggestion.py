"""Typing a near miss of a list's name offers the list, and one click puts it in the box."""

import pytest

from tests.browser.test_outreach_flow import sign_in

pytestmark = pytest.mark.browser


def test_did_you_mean_fills_the_occupation(page, live_server, alice, designers):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    sign_in(page, live_server, alice)
    page.goto(f"{live_server.url}/people/add/")
    page.get_by_label("Occupation").press_sequentially("Graphic Desigers", delay=20)
    suggestion = page.get_by_role("button", name="Graphic Designers")
    suggestion.wait_for()
    suggestion.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelector('#id_occupation').value === 'Graphic Designers'")
    page.get_by_label("Name", exact=True).fill("Dana Lee")
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(f"{live_server.url}/people/**")
    assert "Graphic Designers" in page.inner_text("main")
    assert errors == []
