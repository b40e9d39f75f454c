"""After the interview, on its page: what was learned, and each thank-you marked sent."""

import pytest
from django.urls import reverse
from django.utils import timezone

from infointerview.accounts.services import profile_for
from infointerview.interviews.models import ThankYou
from infointerview.interviews.services import schedule
from infointerview.people.services import add_person
from tests.conftest import at

# Long past whatever the clock says, so the interview has surely taken place.
HELD_AT = at("2025-03-03 10:00")


@pytest.fixture
def sam(alice):
    return add_person(alice, "Sam Park")


@pytest.fixture
def kim(alice, designers, sam):
    return add_person(alice, "Kim Ode", occupation="Graphic Designers", introduced_by=sam)


@pytest.fixture
def held(alice, kim):
    return schedule(alice, kim, HELD_AT, minutes=25)


LEARNED = {
    "learned": "Lots of revisions",
    "fit_rating": "4",
    "keep_in_touch_on": "2027-03-01",
    "insight_pros": "Making things people see",
    "insight_cons": "Tight deadlines",
}


def test_what_was_learned_is_saved_and_the_interview_counts_as_held(alice_client, held):
    url = reverse("interviews:afterwards", args=[held.public_id])
    response = alice_client.post(url, LEARNED)
    assert response.status_code == 302 and response["Location"] == url
    held.refresh_from_db()
    assert (held.learned, held.fit_rating, str(held.keep_in_touch_on)) == (
        "Lots of revisions",
        4,
        "2027-03-01",
    )
    assert held.status == "held"
    assert dict(held.insights.values_list("kind", "text")) == {
        "pros": "Making things people see",
        "cons": "Tight deadlines",
    }
    page = alice_client.get(url).content.decode()
    assert "Saved what you learned." in page
    assert "Tight deadlines" in page


def test_saving_again_replaces_an_insight_and_an_emptied_one_goes(alice_client, held):
    url = reverse("interviews:afterwards", args=[held.public_id])
    alice_client.post(url, LEARNED)
    alice_client.post(
        url, {**LEARNED, "insight_pros": "", "insight_cons": "Clients who micromanage"}
    )
    assert dict(held.insights.values_list("kind", "text")) == {"cons": "Clients who micromanage"}


def test_a_fit_rating_outside_one_to_five_shows_the_form_again_and_saves_nothing(
    alice_client, held
):
    response = alice_client.post(
        reverse("interviews:afterwards", args=[held.public_id]), {**LEARNED, "fit_rating": "9"}
    )
    assert response.status_code == 400
    assert "Select a valid choice. 9 is not one of the available choices." in (
        response.content.decode()
    )
    held.refresh_from_db()
    assert (held.learned, held.fit_rating, held.status) == ("", None, "scheduled")
    assert not held.insights.exists()


def test_another_user_cannot_record_what_was_learned(bob_client, held):
    response = bob_client.post(reverse("interviews:afterwards", args=[held.public_id]), LEARNED)
    assert response.status_code == 404
    held.refresh_from_db()
    assert (held.learned, held.fit_rating, held.status) == ("", None, "scheduled")
    assert not held.insights.exists()


def test_thanks_to_the_interviewee_and_the_introducer_are_marked_sent_one_by_one(
    alice_client, alice, held, kim, sam
):
    url = reverse("interviews:afterwards", args=[held.public_id])
    response = alice_client.post(
        reverse("interviews:thanks_sent", args=[held.public_id, kim.public_id])
    )
    assert response.status_code == 302 and response["Location"] == url
    to_kim = ThankYou.objects.get(interview=held, recipient=kim)
    assert to_kim.sent_on == profile_for(alice).today(timezone.now())
    assert to_kim.body.startswith("Dear Kim Ode,")
    assert not ThankYou.objects.filter(recipient=sam, sent_on__isnull=False).exists()
    alice_client.post(reverse("interviews:thanks_sent", args=[held.public_id, sam.public_id]))
    to_sam = ThankYou.objects.get(interview=held, recipient=sam)
    assert to_sam.sent_on == profile_for(alice).today(timezone.now())
    assert "Thank you for introducing me to Kim Ode" in to_sam.body
    page = alice_client.get(url).content.decode()
    assert "Thank-you to Sam Park marked sent." in page
    assert "Mark sent" not in page


def test_thanks_to_someone_not_in_the_interview_are_refused(alice_client, held, dana):
    response = alice_client.post(
        reverse("interviews:thanks_sent", args=[held.public_id, dana.public_id]), follow=True
    )
    assert "Dana Lee was not part of this interview" in response.content.decode()
    assert not ThankYou.objects.exists()


def test_another_user_cannot_mark_thanks_sent(bob_client, held, kim):
    response = bob_client.post(
        reverse("interviews:thanks_sent", args=[held.public_id, kim.public_id])
    )
    assert response.status_code == 404
    assert not ThankYou.objects.exists()


def test_a_thank_you_opens_in_the_mail_program_when_the_address_is_known(alice_client, alice):
    dana = add_person(alice, "Dana Lee", emails=["dana@example.com"])
    interview = schedule(alice, dana, HELD_AT)
    page = alice_client.get(reverse("interviews:afterwards", args=[interview.public_id]))
    html = page.content.decode()
    assert "Mark sent" in html
    assert 'href="mailto:dana%40example.com' in html


def test_a_reminder_before_the_interview_comes_back_beside_its_day_with_all_as_typed(
    alice_client, held
):
    typed = {**LEARNED, "keep_in_touch_on": "2025-01-01", "learned": "Long\nnotes"}
    response = alice_client.post(reverse("interviews:afterwards", args=[held.public_id]), typed)
    assert response.status_code == 400
    page = response.content.decode()
    day = page[page.index('name="keep_in_touch_on"') :]
    assert day.index("comes after the interview") < day.index("</div>")
    assert "Long\nnotes</textarea>" in page and "Tight deadlines</textarea>" in page
    assert 'value="4" checked' in page or 'value="4" selected' in page
    held.refresh_from_db()
    assert held.learned == "" and not held.insights.exists()


def test_a_refused_research_note_on_the_interview_page_comes_back_as_typed(alice_client, held):
    typed = {"subject": "person", "source_kind": "other", "title": "Their blog", "url": "nope"}
    response = alice_client.post(reverse("interviews:research", args=[held.public_id]), typed)
    assert response.status_code == 400
    page = response.content.decode()
    assert '<details id="add-research" open>' in page and 'value="Their blog"' in page
