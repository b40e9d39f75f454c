"""The questionnaire by keyboard alone: answers are kept as given, half-way and after."""

import pytest

from infointerview.careers.models import InterestProfile
from tests.browser.test_outreach_flow import sign_in

pytestmark = pytest.mark.browser


def focused_name(page) -> str:
    return page.evaluate("document.activeElement && document.activeElement.name || ''")


def tab_to(page, name: str, most: int = 60) -> None:
    for _ in range(most):
        if focused_name(page) == name:
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {name}")


def progress(page, answered: int) -> None:
    page.get_by_text(f"{answered} of 60 answered").wait_for()


def test_answer_by_keyboard_leave_half_way_and_come_back(page, live_server, alice):
    sign_in(page, live_server, alice)
    page.goto(f"{live_server.url}/occupations/interests/")
    page.get_by_role("link", name="Take the questionnaire").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/interests/questions/")
    progress(page, 0)

    tab_to(page, "q1")
    page.keyboard.press("Space")  # Like
    progress(page, 1)
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowRight")  # the group's first choice, then Not sure
    progress(page, 2)
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")  # Dislike
    progress(page, 3)

    # Leave half-way: the answers are on the server already.
    page.goto(f"{live_server.url}/occupations/interests/")
    link = page.get_by_role("link", name="Go on with the questionnaire (3 of 60 answered)")
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/interests/questions/")
    progress(page, 3)
    assert page.is_checked("#id_q1_0") and page.is_checked("#id_q2_1")
    assert page.is_checked("#id_q3_2")

    tab_to(page, "q3")
    for _ in range(57):
        page.keyboard.press("Tab")
        page.keyboard.press("Space")
    progress(page, 60)
    page.get_by_role("button", name="See my result").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/occupations/interests/")
    assert "Your interest profile is ready." in page.inner_text("main")
    profile = InterestProfile.objects.get()
    assert profile.finished_at is not None
    assert profile.given()["2"] == "unsure" and profile.given()["3"] == "dislike"
    assert page.locator("figure.interest-chart svg").count() == 6
    assert page.problems == []
