"""'They suggested I talk to …', noted on the page used while holding the interview."""

import pytest
from django.urls import reverse

from infointerview.interviews.services import schedule
from infointerview.people.models import Person
from infointerview.people.services import add_person
from tests.conftest import at


@pytest.fixture
def interview(alice, dana):
    return schedule(alice, dana, at("2026-12-10 14:30"))


def test_a_suggested_name_goes_to_the_top_of_the_list_introduced_by_the_interviewee(
    alice_client, alice, dana, interview
):
    add_person(alice, "Ravi Shah", occupation="Graphic Designers")
    response = alice_client.post(
        reverse("interviews:referral", args=[interview.public_id]),
        {"name": "Kim Ode", "note": "runs the print shop"},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("interviews:conduct", args=[interview.public_id])
    kim = Person.objects.get(owner=alice, name="Kim Ode")
    assert (kim.source, kim.introduced_by, kim.notes) == ("referral", dana, "runs the print shop")
    assert kim.source_detail == "Suggested by Dana Lee in our interview"
    assert kim.occupation == "Graphic Designers"
    first = Person.objects.filter(owner=alice, target=dana.target).order_by("position").first()
    assert first == kim
    page = alice_client.get(response["Location"]).content.decode()
    assert "Added Kim Ode at the top of your list." in page


def test_with_htmx_only_the_list_of_referrals_comes_back(alice_client, interview):
    response = alice_client.post(
        reverse("interviews:referral", args=[interview.public_id]),
        {"name": "Kim Ode"},
        headers={"HX-Request": "true"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert html.startswith('<div id="referrals">')
    assert "Kim Ode" in html and "<html" not in html
    assert "Added Kim Ode at the top of your list." in html


def test_with_htmx_the_confirmation_is_not_shown_again_on_the_next_page(alice_client, interview):
    alice_client.post(
        reverse("interviews:referral", args=[interview.public_id]),
        {"name": "Kim Ode"},
        headers={"HX-Request": "true"},
    )
    page = alice_client.get(reverse("interviews:afterwards", args=[interview.public_id]))
    assert "Added Kim Ode" not in page.content.decode()
    assert not list(page.context["messages"])


def test_with_htmx_a_missing_name_is_said_in_place(alice_client, alice, interview):
    before = Person.objects.filter(owner=alice).count()
    response = alice_client.post(
        reverse("interviews:referral", args=[interview.public_id]),
        {"name": ""},
        headers={"HX-Request": "true"},
    )
    assert '<p class="error" role="status">Write the name they suggested.</p>' in (
        response.content.decode()
    )
    assert Person.objects.filter(owner=alice).count() == before
    page = alice_client.get(reverse("interviews:conduct", args=[interview.public_id]))
    assert "Write the name they suggested." not in page.content.decode()


def test_a_referral_without_a_name_adds_nobody(alice_client, alice, interview):
    before = Person.objects.filter(owner=alice).count()
    response = alice_client.post(
        reverse("interviews:referral", args=[interview.public_id]), {"name": "  ", "note": "?"}
    )
    assert response.status_code == 302
    assert Person.objects.filter(owner=alice).count() == before


def test_another_user_cannot_add_a_referral_to_someone_elses_interview(bob_client, interview):
    response = bob_client.post(
        reverse("interviews:referral", args=[interview.public_id]), {"name": "Kim Ode"}
    )
    assert response.status_code == 404
    assert not Person.objects.filter(name="Kim Ode").exists()


def test_a_name_already_listed_is_linked_and_the_message_says_so(alice_client, alice, interview):
    add_person(alice, "Kim Ode", occupation="Graphic Designers")
    response = alice_client.post(
        reverse("interviews:referral", args=[interview.public_id]),
        {"name": "kim ode"},
        headers={"HX-Request": "true"},
    )
    html = response.content.decode()
    assert "Kim Ode is already on your list" in html
    assert "at the top of your list" not in html
    assert Person.objects.filter(owner=alice, name__iexact="kim ode").count() == 1
