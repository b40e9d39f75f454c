"""Every page loads in a real browser with no script errors and a heading to land on."""

import pytest

from infointerview.agenda.calendar import new_feed_token
from infointerview.careers.onet_import import import_release
from infointerview.careers.search import cache
from infointerview.careers.services import add_to_shortlist, link_free_text_occupations
from infointerview.interviews.planning import build_plan
from infointerview.interviews.services import schedule
from infointerview.outreach.services import draft
from infointerview.people.leads import add_lead
from infointerview.people.services import add_person
from tests.browser.test_outreach_flow import sign_in
from tests.careers.onet_fixture import write_release
from tests.conftest import WEDNESDAY, at

pytestmark = pytest.mark.browser


@pytest.fixture
def pages(alice, dana, tmp_path):
    import_release(write_release(tmp_path / "v28", "28.0"))
    cache.forget()
    add_to_shortlist(alice, "27-9001.00")
    sam = add_person(alice, "Sam Park")
    kim = add_person(alice, "Kim Ode", occupation="Graphic Designers", introduced_by=sam)
    email = draft(alice, dana, "email", today=WEDNESDAY)
    phone = draft(alice, kim, "phone", today=WEDNESDAY)
    lead = add_lead(alice, "Acme Print", "Graphic Designers")
    interview = schedule(alice, dana, at("2026-12-10 14:30"))
    build_plan(alice, interview)
    new_feed_token(alice)
    add_person(alice, "Ada Quill", job_title="Puzzle programming lead", organization="Riddle")
    link_free_text_occupations()  # a proposal for /people/occupations/
    yield [
        "/",
        "/people/",
        "/people/add/",
        f"/people/{dana.public_id}/",
        f"/people/{dana.public_id}/edit/",
        f"/people/{kim.public_id}/delete/",
        f"/people/leads/{lead.public_id}/",
        "/people/leads/add/",
        "/people/duplicates/",
        "/people/import/",
        "/people/occupations/",
        f"/outreach/request/{email.public_id}/",
        f"/outreach/request/{email.public_id}/letter/",
        f"/outreach/request/{phone.public_id}/",
        f"/outreach/request/{phone.public_id}/practice/",
        "/outreach/templates/",
        "/outreach/templates/email/",
        "/occupations/",
        "/occupations/explore/?q=widgt",
        "/occupations/explore/27-9001.00/",
        f"/interviews/schedule/{kim.public_id}/",
        f"/interviews/{interview.public_id}/",
        f"/interviews/{interview.public_id}/plan/",
        f"/interviews/{interview.public_id}/plan/print/",
        f"/interviews/{interview.public_id}/conduct/",
        f"/interviews/{interview.public_id}/afterwards/",
        "/progress/",
        "/calendar/",
        "/accounts/settings/",
        "/accounts/settings/delete/",
    ]
    cache.forget()


def test_every_page_loads_cleanly(page, live_server, alice, pages):
    sign_in(page, live_server, alice)
    for path in pages:
        response = page.goto(f"{live_server.url}{path}")
        assert response.status == 200, path
        printable = path.endswith(("/letter/", "/print/"))
        assert page.locator("article" if printable else "main h1").count() == 1, path
    assert page.problems == []


def test_live_search_updates_as_you_type(page, live_server, alice, pages):
    sign_in(page, live_server, alice)
    page.goto(f"{live_server.url}/occupations/explore/")
    page.get_by_label("Occupation, job title or code").press_sequentially("puzle prog", delay=30)
    page.get_by_role("link", name="Puzzle Programmers").wait_for()
    assert page.get_by_role("link", name="Sign Painters").count() == 0
    page.wait_for_url("**/explore/?q=puzle*")
    assert page.problems == []
