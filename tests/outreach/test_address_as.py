"""How the user addresses each person: as they said, else by full name, never a guessed title."""

from django.urls import reverse

from infointerview.outreach.services import draft
from infointerview.people.forms import PersonForm
from tests.conftest import WEDNESDAY


def test_a_person_is_addressed_by_full_name_until_told_otherwise(dana):
    assert dana.salutation == "Dana Lee"
    dana.address_as = "Ms. Lee"
    assert dana.salutation == "Ms. Lee"


def test_the_person_form_asks_how_to_address_them(alice_client, dana):
    dana.address_as = "Dr. Lee"
    dana.save()
    page = alice_client.get(reverse("people:edit", args=[dana.public_id])).content.decode()
    assert "How to address them" in page
    assert 'value="Dr. Lee"' in page


def test_the_person_form_reads_how_to_address_them(alice):
    form = PersonForm(
        {"name": "Dana Lee", "address_as": " Dana ", "level": "entry", "source": "friend"}
    )
    assert form.is_valid(), form.errors
    assert form.how_to_address() == "Dana"
    assert "address_as" not in form.service_arguments()


def test_how_to_address_them_is_saved_from_the_form_and_used_by_drafts(alice_client, alice, dana):
    response = alice_client.post(
        reverse("people:edit", args=[dana.public_id]),
        {
            "name": "Dana Lee",
            "address_as": "Dr. Lee",
            "occupation": "Graphic Designers",
            "level": "entry",
            "source": "alumni",
            "emails": "dana@example.com",
        },
    )
    assert response.status_code == 302
    dana.refresh_from_db()
    assert dana.address_as == "Dr. Lee"
    assert draft(alice, dana, "letter", today=WEDNESDAY).body.startswith("Dear Dr. Lee,")
