"""A person added, an e-mail drafted, marked sent and an attempt logged, in a real browser."""

import pytest
from django.utils import timezone

from infointerview.accounts.services import issue_sign_in_link
from infointerview.outreach.models import ContactRequest

pytestmark = pytest.mark.browser


def sign_in(page, live_server, user):
    page.goto(f"{live_server.url}/accounts/sign-in/{issue_sign_in_link(user, timezone.now())}/")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/")


def test_add_a_person_draft_send_and_log(page, live_server, alice, designers):
    sign_in(page, live_server, alice)
    page.get_by_role("link", name="People").click()
    page.get_by_role("link", name="Add a person").first.click()
    page.get_by_label("Name", exact=True).fill("Dana Lee")
    page.get_by_label("Occupation").fill("Graphic Designers")
    page.get_by_label("Where the name came from").select_option("alumni")
    page.get_by_label("Detail").fill("Alumni office list 2026")
    page.get_by_label("E-mail").fill("dana@example.com")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("heading", name="Dana Lee").wait_for()

    page.get_by_label("E-mail").check()
    page.get_by_role("button", name="Draft a request").click()
    page.get_by_role("heading", name="E-mail to Dana Lee").wait_for()
    body = page.locator("#draft-body").inner_text()
    assert "Alumni office list 2026" in body
    assert "20–30 minutes" in body
    assert (
        page.get_by_role("link", name="Open in my mail program")
        .get_attribute("href")
        .startswith("mailto:dana%40example.com")
    )

    page.get_by_role("button", name="Mark sent").click()
    page.get_by_text("Marked sent.").wait_for()
    request = ContactRequest.objects.get(person__name="Dana Lee")
    assert request.stage == ContactRequest.Stage.SENT

    page.get_by_label("Outcome").select_option("no-answer")
    page.get_by_role("button", name="Log", exact=True).click()
    page.get_by_text("Logged: No answer.").wait_for()
    assert request.attempts.count() == 1
    assert page.problems == []


def test_the_list_can_be_reordered_by_keyboard(page, live_server, alice, designers):
    from infointerview.people.services import add_person

    add_person(alice, "Ana Ruiz", occupation="Graphic Designers")
    add_person(alice, "Ben Cole", occupation="Graphic Designers")
    sign_in(page, live_server, alice)
    page.goto(f"{live_server.url}/people/")
    page.get_by_role("button", name="Move Ben Cole up").focus()
    page.keyboard.press("Enter")
    page.locator("ol.names li").first.get_by_text("Ben Cole").wait_for()
    names = page.locator("ol.names li .who > a").all_inner_texts()
    assert names == ["Ben Cole", "Ana Ruiz"]
    assert page.problems == []
