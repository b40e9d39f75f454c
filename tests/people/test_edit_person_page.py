"""Correcting what is known about a person, on their edit page."""

from django.urls import reverse

from infointerview.people.models import Person
from infointerview.people.services import update_person

DANA = {
    "name": "Dana Lee-Park",
    "occupation": "Graphic Designers",
    "level": "entry",
    "source": "alumni",
    "job_title": "Designer",
    "organization": "Brightline Studio",
    "emails": "dana@example.com, dana.lee@example.net",
    "phones": "555-0100",
    "tags": "print",
}


def test_saving_the_form_updates_the_person_and_shows_their_page(alice_client, dana):
    response = alice_client.post(reverse("people:edit", args=[dana.public_id]), DANA)
    assert response.status_code == 302
    assert response["Location"] == reverse("agenda:person", args=[dana.public_id])
    dana.refresh_from_db()
    assert (dana.name, dana.job_title) == ("Dana Lee-Park", "Designer")
    assert dana.emails == ["dana@example.com", "dana.lee@example.net"]
    assert dana.tags == ["print"]
    assert dana.occupation == "Graphic Designers"
    assert "Saved." in alice_client.get(response["Location"]).content.decode()


def test_a_bad_email_keeps_the_form_and_changes_nothing(alice_client, dana):
    response = alice_client.post(
        reverse("people:edit", args=[dana.public_id]), {**DANA, "emails": "dana at example"}
    )
    assert response.status_code == 200
    assert "not an e-mail address" in response.content.decode()
    dana.refresh_from_db()
    assert (dana.name, dana.emails) == ("Dana Lee", ["dana@example.com"])


def test_a_person_cannot_be_their_own_introducer(alice_client, dana):
    response = alice_client.post(
        reverse("people:edit", args=[dana.public_id]),
        {**DANA, "name": "Dana Lee", "introduced_by": "Dana Lee"},
    )
    assert response.status_code == 200
    assert "introduce themselves" in response.content.decode()
    dana.refresh_from_db()
    assert dana.introduced_by is None


def test_another_user_cannot_edit_someone_elses_person(bob_client, dana):
    response = bob_client.post(reverse("people:edit", args=[dana.public_id]), DANA)
    assert response.status_code == 404
    assert Person.objects.get(pk=dana.pk).name == "Dana Lee"


def test_a_linkedin_profile_is_kept_and_linked_from_their_page(alice_client, dana):
    data = {**DANA, "linkedin_url": "linkedin.com/in/dana-lee"}  # typed without https://
    alice_client.post(reverse("people:edit", args=[dana.public_id]), data)
    dana.refresh_from_db()
    assert dana.linkedin_url == "https://linkedin.com/in/dana-lee"
    page = alice_client.get(reverse("agenda:person", args=[dana.public_id])).content.decode()
    assert '<a href="https://linkedin.com/in/dana-lee" rel="noreferrer">' in page
    form = alice_client.get(reverse("people:edit", args=[dana.public_id])).content.decode()
    assert 'value="https://linkedin.com/in/dana-lee"' in form


def test_an_address_that_is_not_a_web_address_is_shown_but_never_linked(alice_client, dana):
    Person.objects.filter(pk=dana.pk).update(linkedin_url="javascript:alert(1)")
    page = alice_client.get(reverse("agenda:person", args=[dana.public_id])).content.decode()
    assert "javascript:alert(1)" in page and 'href="javascript:' not in page


def test_a_form_without_the_linkedin_field_leaves_the_profile_as_it_was(alice, dana):
    Person.objects.filter(pk=dana.pk).update(linkedin_url="https://linkedin.com/in/dana")
    dana.refresh_from_db()
    update_person(alice, dana, name="Dana Lee", occupation="Graphic Designers")
    dana.refresh_from_db()
    assert dana.linkedin_url == "https://linkedin.com/in/dana"
