"""A form sent twice adds one row; a name already listed is added only when confirmed."""

import re

from django.urls import reverse

from infointerview.interviews.services import schedule
from infointerview.people.models import OrganizationLead, Person
from tests.conftest import at


def token_on(page: str) -> str:
    return re.search(r'name="submission" value="([^"]+)"', page).group(1)


def test_a_person_form_sent_twice_adds_one_person(alice_client, alice, designers):
    token = token_on(alice_client.get(reverse("people:add")).content.decode())
    form = {"name": "Kim Ode", "level": "entry", "source": "friend", "submission": token}
    first = alice_client.post(reverse("people:add"), form)
    second = alice_client.post(reverse("people:add"), form)
    kim = Person.objects.get(owner=alice)
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"] == reverse("agenda:person", args=[kim.public_id])


def test_each_visit_to_the_form_gets_its_own_token(alice_client):
    first = token_on(alice_client.get(reverse("people:add")).content.decode())
    assert token_on(alice_client.get(reverse("people:add")).content.decode()) != first


def test_a_lead_form_sent_twice_adds_one_lead(alice_client, alice, designers):
    token = token_on(alice_client.get(reverse("people:add_lead")).content.decode())
    form = {"organization": "Acme Print", "occupation": "Graphic Designers", "submission": token}
    first = alice_client.post(reverse("people:add_lead"), form)
    second = alice_client.post(reverse("people:add_lead"), form)
    lead = OrganizationLead.objects.get(owner=alice)
    assert first["Location"] == second["Location"] == reverse("people:lead", args=[lead.public_id])


def test_a_name_already_listed_asks_before_adding(alice_client, alice, dana):
    form = {"name": "dana lee", "occupation": "Graphic Designers", "level": "entry"}
    response = alice_client.post(reverse("people:add"), {**form, "source": "friend"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "there is already a Dana Lee (Graphic Designers) — add anyway?" in page
    assert 'type="checkbox" name="add_anyway"' in page
    assert Person.objects.filter(owner=alice).count() == 1
    confirmed = alice_client.post(
        reverse("people:add"), {**form, "source": "friend", "add_anyway": "on"}
    )
    assert confirmed.status_code == 302
    assert Person.objects.filter(owner=alice).count() == 2


def test_the_confirmation_box_is_hidden_until_needed(alice_client):
    page = alice_client.get(reverse("people:add")).content.decode()
    assert 'type="hidden" name="add_anyway"' in page
    assert "Add anyway" not in page


def test_how_to_address_them_is_stored(alice_client, alice, dana):
    alice_client.post(
        reverse("people:add"),
        {"name": "Kim Ode", "address_as": " Ms.  Ode ", "level": "entry", "source": "friend"},
    )
    assert Person.objects.get(owner=alice, name="Kim Ode").address_as == "Ms. Ode"
    alice_client.post(
        reverse("people:edit", args=[dana.public_id]),
        {"name": "Dana Lee", "address_as": "Dana", "level": "entry", "source": "friend"},
    )
    dana.refresh_from_db()
    assert dana.address_as == "Dana"


def test_add_to_my_list_clicked_twice_in_an_interview_adds_one_person(alice_client, alice, dana):
    interview = schedule(alice, dana, at("2026-12-10 14:30"))
    url = reverse("interviews:referral", args=[interview.public_id])
    for _ in range(2):
        alice_client.post(url, {"name": "Kim Ode", "note": "runs the print shop"})
    kim = Person.objects.get(owner=alice, name="Kim Ode")
    assert (kim.introduced_by, kim.notes) == (dana, "runs the print shop")


def test_a_bad_e_mail_address_is_shown_beside_its_box_with_the_other_mistakes(alice_client, alice):
    token = token_on(alice_client.get(reverse("people:add")).content.decode())
    form = {"name": "", "emails": "dana@", "level": "entry", "source": "friend"}
    response = alice_client.post(reverse("people:add"), {**form, "submission": token})
    page = response.content.decode()
    emails = page[page.index('name="emails"') :]
    assert emails.index("“dana@” is not an e-mail address") < emails.index("</div>")
    assert "This field is required." in page  # the name, in the same answer
    assert not Person.objects.exists()
