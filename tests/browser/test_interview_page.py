"""The interview page in a real browser: the timer runs, and notes survive going offline."""

import datetime as dt

import pytest
from django.utils import timezone

from infointerview.interviews.models import PlannedQuestion
from infointerview.interviews.planning import build_plan
from infointerview.interviews.services import schedule
from tests.browser.test_outreach_flow import sign_in
from tests.conftest import at

pytestmark = pytest.mark.browser


@pytest.fixture
def interview(alice, dana):
    interview = schedule(alice, dana, at("2026-12-10 14:30"), minutes=25)
    build_plan(alice, interview, ["realities"])
    return interview


def test_the_timer_counts_against_the_agreed_length(page, live_server, alice, interview):
    start = dt.datetime(2026, 12, 10, 20, 30, tzinfo=dt.UTC)
    page.clock.install(time=start)
    sign_in(page, live_server, alice)
    page.goto(f"{live_server.url}/interviews/{interview.public_id}/conduct/")
    page.clock.pause_at(start + dt.timedelta(minutes=1))
    page.get_by_role("button", name="Start the timer").click()
    page.clock.run_for("10:05")
    assert page.locator("[data-timer]").inner_text() == "10:05"
    page.clock.run_for("11:00")
    assert "late" in page.locator(".timer").get_attribute("class")
    page.clock.run_for("05:00")
    assert page.locator("[data-timer]").inner_text() == "26:05"
    assert "over" in page.locator(".timer").get_attribute("class")
    assert page.problems == []


def test_notes_typed_offline_reach_the_server_and_survive_a_reload(
    page, live_server, alice, interview
):
    sign_in(page, live_server, alice)
    page.goto(f"{live_server.url}/interviews/{interview.public_id}/conduct/")
    first = PlannedQuestion.objects.filter(interview=interview).order_by("position").first()
    box = page.locator(f"#q-{first.public_id}")
    page.context.set_offline(True)
    box.fill("They start with production work, then design")
    page.get_by_text("Offline").wait_for()
    page.wait_for_timeout(800)
    first.refresh_from_db()
    assert first.notes == ""
    page.context.set_offline(False)
    page.get_by_text("Saved at").wait_for(timeout=10_000)
    first.refresh_from_db()
    assert first.notes == "They start with production work, then design"
    page.reload()
    assert box.input_value() == "They start with production work, then design"
    problems = [p for p in page.problems if "ERR_INTERNET_DISCONNECTED" not in p]
    assert problems == []


def test_notes_the_server_did_not_get_are_sent_when_the_page_is_opened_again(
    page, live_server, alice, interview
):
    sign_in(page, live_server, alice)
    url = f"{live_server.url}/interviews/{interview.public_id}/conduct/"
    notes_url = f"**/interviews/{interview.public_id}/notes/"
    page.goto(url)
    first = PlannedQuestion.objects.filter(interview=interview).order_by("position").first()
    page.route(notes_url, lambda route: route.abort())
    page.locator(f"#q-{first.public_id}").fill("Typed while the server was unreachable")
    page.get_by_text("Not saved to the server yet").wait_for()
    page.unroute(notes_url)
    page.goto(url)
    assert page.locator(f"#q-{first.public_id}").input_value() == (
        "Typed while the server was unreachable"
    )
    for _ in range(50):
        first.refresh_from_db()
        if first.notes:
            break
        page.wait_for_timeout(200)
    assert first.notes == "Typed while the server was unreachable"
    assert timezone.now() - first.notes_saved_at < dt.timedelta(minutes=1)
