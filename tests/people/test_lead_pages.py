"""Organizations to call when there is no name yet: added, turned into a name, or closed."""

import pytest
from django.urls import reverse

from infointerview.people.leads import add_lead
from infointerview.people.models import OrganizationLead, Person


@pytest.fixture
def lead(alice, designers):
    return add_lead(alice, "Acme Print", "Graphic Designers", phone="555-0199")


def test_adding_a_lead_puts_it_on_the_list_with_a_call_script(alice_client, alice, designers):
    response = alice_client.post(
        reverse("people:add_lead"),
        {
            "organization": "  Acme   Print ",
            "occupation": "Graphic Designers",
            "department": "design department",
            "phone": "555-0199",
        },
    )
    lead = OrganizationLead.objects.get(owner=alice)
    assert response.status_code == 302
    assert response["Location"] == reverse("people:lead", args=[lead.public_id])
    assert (lead.organization, lead.target, lead.phone) == ("Acme Print", designers, "555-0199")
    page = alice_client.get(response["Location"]).content.decode()
    assert "Added Acme Print (design department) to the list." in page
    assert "Could you put me through to the design department" in page


def test_a_lead_without_an_organization_keeps_the_form_and_adds_nothing(alice_client):
    response = alice_client.post(
        reverse("people:add_lead"), {"organization": "", "occupation": "Graphic Designers"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["organization"] == ["This field is required."]
    assert not OrganizationLead.objects.exists()


def test_a_name_from_the_call_takes_the_leads_place(alice_client, alice, lead):
    response = alice_client.post(
        reverse("people:lead", args=[lead.public_id]),
        {"name": "Lee Wong", "job_title": "Production Designer"},
    )
    lee = Person.objects.get(owner=alice, name="Lee Wong")
    assert response.status_code == 302
    assert response["Location"] == reverse("agenda:person", args=[lee.public_id])
    lead.refresh_from_db()
    assert (lead.status, lead.person) == ("named", lee)
    assert (lee.source, lee.organization, lee.phones) == (
        "organization",
        "Acme Print",
        ["555-0199"],
    )
    assert lee.position == lead.position
    assert "Lee Wong takes the lead&#x27;s place on the list." in (
        alice_client.get(response["Location"]).content.decode()
    )


def test_a_lead_that_already_gave_a_name_takes_no_other(alice_client, alice, lead):
    url = reverse("people:lead", args=[lead.public_id])
    alice_client.post(url, {"name": "Lee Wong"}, follow=True)
    response = alice_client.post(url, {"name": "Someone Else"})
    assert response.status_code == 400
    assert "Lee Wong</a> took this lead's place on the list." in response.content.decode()
    assert not Person.objects.filter(name="Someone Else").exists()
    lead.refresh_from_db()
    assert lead.person.name == "Lee Wong"


def test_a_lead_that_led_nowhere_is_closed_with_the_reason(alice_client, lead):
    response = alice_client.post(
        reverse("people:close_lead", args=[lead.public_id]),
        {"reason": "No designers on staff"},
    )
    assert response.status_code == 302 and response["Location"] == reverse("agenda:people")
    lead.refresh_from_db()
    assert lead.status == "closed"
    assert "No designers on staff" in lead.notes
    page = alice_client.get(response["Location"]).content.decode()
    assert "Closed the lead for Acme Print (department that does this work)." in page


def test_closing_a_lead_twice_is_refused(alice_client, lead):
    url = reverse("people:close_lead", args=[lead.public_id])
    alice_client.post(url, {"reason": "No designers on staff"})
    response = alice_client.post(url, {"reason": "again"}, follow=True)
    assert "the lead for Acme Print (department that does this work) is already closed" in (
        response.content.decode()
    )
    lead.refresh_from_db()
    assert "again" not in lead.notes


def test_another_user_can_neither_name_nor_close_a_lead(bob_client, lead):
    url = reverse("people:lead", args=[lead.public_id])
    assert bob_client.post(url, {"name": "Lee Wong"}).status_code == 404
    close = reverse("people:close_lead", args=[lead.public_id])
    assert bob_client.post(close, {"reason": "bob was here"}).status_code == 404
    lead.refresh_from_db()
    assert (lead.status, lead.person, lead.notes) == ("open", None, "")
    assert not Person.objects.filter(name="Lee Wong").exists()
