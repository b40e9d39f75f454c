"""Importing contacts on a phone, by keyboard, without script: upload, preview, confirm."""

from pathlib import Path

import pytest

from infointerview.people.models import Person
from tests.browser.test_outreach_flow import sign_in
from tests.browser.test_phone_width import PHONE, WIDEST_OUTSIDE

pytestmark = pytest.mark.browser
FILES = Path(__file__).parents[1] / "people" / "files"


@pytest.fixture
def phone(browser, tmp_path, monkeypatch):  # noqa: F811
    monkeypatch.setenv("INFOINTERVIEW_HOME", str(tmp_path))
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    yield context.new_page()
    context.close()


def test_upload_preview_and_confirm_at_phone_width(phone, live_server, alice, dana):
    sign_in(phone, live_server, alice)
    phone.goto(f"{live_server.url}/people/")
    phone.get_by_role("link", name="Import contacts").click()
    assert phone.evaluate(WIDEST_OUTSIDE) is None
    phone.get_by_label("Contacts file").set_input_files(str(FILES / "Connections.csv"))
    phone.get_by_label("Contacts file").focus()
    phone.keyboard.press("Tab")  # the format: found from the file
    phone.get_by_role("button", name="Preview").press("Enter")
    phone.get_by_role("heading", name="Preview: Connections.csv").wait_for()
    assert phone.evaluate(WIDEST_OUTSIDE) is None
    assert "already listed as Dana Lee" in phone.content()
    assert Person.objects.filter(owner=alice).count() == 1
    phone.get_by_role("button", name="Import").press("Enter")
    phone.wait_for_url(f"{live_server.url}/people/")
    assert "Imported Connections.csv: 5 added, 0 updated, 1 merged" in phone.content()
    assert Person.objects.filter(owner=alice).count() == 6
