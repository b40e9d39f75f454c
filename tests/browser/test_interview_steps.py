"""The interview steps in a real browser: the timer stays in view and asks before a
restart, a referral is confirmed once, and the notes sit beside (phone: above) the write-up."""

import datetime as dt

import pytest
from django.utils import timezone

from infointerview.interviews.planning import add_own_question, build_plan
from infointerview.interviews.services import record_interview, save_notes, schedule
from tests.browser.test_outreach_flow import sign_in
from tests.conftest import at

pytestmark = pytest.mark.browser


@pytest.fixture
def interview(alice, dana):
    interview = schedule(alice, dana, at("2099-12-10 14:30"), minutes=25)
    build_plan(alice, interview, ["realities", "preparation", "choosing"])
    return interview


def in_view(page, selector: str) -> bool:
    return page.evaluate(
        """(selector) => {
            const box = document.querySelector(selector).getBoundingClientRect();
            return box.top >= 0 && box.bottom <= window.innerHeight;
        }""",
        selector,
    )


@pytest.mark.parametrize("width", [390, 1280])
def test_the_timer_stays_in_view_while_the_notes_scroll(page, live_server, alice, interview, width):
    page.set_viewport_size({"width": width, "height": 700})
    sign_in(page, live_server, alice)
    page.goto(f"{live_server.url}/interviews/{interview.public_id}/conduct/")
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_timeout(100)
    assert page.evaluate("window.scrollY") > 300
    assert in_view(page, "[data-timer]")
    assert page.problems == []


def test_restarting_the_timer_asks_first(page, live_server, alice, interview):
    start = dt.datetime(2099, 12, 10, 20, 30, tzinfo=dt.UTC)
    page.clock.install(time=start)
    sign_in(page, live_server, alice)
    page.goto(f"{live_server.url}/interviews/{interview.public_id}/conduct/")
    page.clock.pause_at(start + dt.timedelta(minutes=1))
    page.get_by_role("button", name="Start the timer").click()  # starting never asks
    page.clock.run_for("03:00")
    asked = []

    def answer(dialog, accept):
        asked.append(dialog.message)
        dialog.accept() if accept else dialog.dismiss()

    page.once("dialog", lambda dialog: answer(dialog, False))
    page.get_by_role("button", name="Restart").click()
    page.clock.run_for("00:01")
    assert asked[-1].startswith("Restart the timer from 0:00?")
    assert page.locator("[data-timer]").inner_text() == "3:01"
    page.once("dialog", lambda dialog: answer(dialog, True))
    page.get_by_role("button", name="Restart").click()
    page.clock.run_for("00:01")
    assert page.locator("[data-timer]").inner_text() == "0:01"
    assert len(asked) == 2 and page.problems == []


def test_a_referral_is_confirmed_in_place_and_not_again_on_the_next_page(
    page, live_server, alice, interview
):
    sign_in(page, live_server, alice)
    page.goto(f"{live_server.url}/interviews/{interview.public_id}/conduct/")
    page.get_by_label("They suggested I talk to").fill("Kim Ode")
    page.get_by_role("button", name="Add to my list").click()
    page.locator("#referrals").get_by_text("Added Kim Ode at the top of your list.").wait_for()
    page.get_by_role("link", name="Done: write the thank-you").click()
    page.wait_for_url("**/afterwards/")
    assert page.get_by_text("Added Kim Ode").count() == 0
    assert page.problems == []


@pytest.mark.parametrize(("width", "beside"), [(390, False), (1280, True)])
def test_the_notes_are_beside_the_write_up_or_above_it_on_a_phone(
    page, live_server, alice, dana, width, beside
):
    held = record_interview(alice, dana, at("2026-01-05 10:00"), now=timezone.now())
    question = add_own_question(alice, held, "How did you start?")
    save_notes(alice, held, {str(question.public_id): "Print shop first"}, now=timezone.now())
    page.set_viewport_size({"width": width, "height": 800})
    sign_in(page, live_server, alice)
    page.goto(f"{live_server.url}/interviews/{held.public_id}/afterwards/")
    notes = page.locator(".interview-notes").bounding_box()
    form = page.locator(".learned").bounding_box()
    if beside:
        assert notes["x"] > form["x"] + form["width"] - 1
        assert abs(notes["y"] - form["y"]) < 5
    else:
        assert notes["y"] + notes["height"] <= form["y"]
    assert page.evaluate("document.documentElement.scrollWidth") <= width
