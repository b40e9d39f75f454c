"""Undo on the web: the latest attempt taken back from the request page."""

import pytest
from django.urls import reverse

from infointerview.agenda import urls as agenda_urls
from infointerview.agenda.outcomes import record_outcome
from infointerview.interviews.models import Interview, PlannedQuestion
from infointerview.outreach.models import Attempt, ContactRequest
from tests.conftest import WEDNESDAY, at

REGISTERED = any(p.name == "undo_attempt" for p in agenda_urls.urlpatterns)
pytestmark = pytest.mark.skipif(
    not REGISTERED, reason="the undo page's address is not in agenda/urls.py yet"
)


def _undo_url(person) -> str:
    return reverse("agenda:undo_attempt", args=[person.public_id])


def test_undo_takes_back_the_latest_attempt(alice_client, alice, dana):
    request = record_outcome(alice, dana, "no-answer", on=WEDNESDAY).request
    page = alice_client.get(reverse("outreach:request", args=[request.public_id])).content
    assert "Undo the latest attempt" in page.decode()
    response = alice_client.post(_undo_url(dana), follow=True)
    assert "Took back “No answer”" in response.content.decode()
    assert not Attempt.objects.exists()


def test_undo_refuses_and_names_what_is_in_the_way(alice_client, alice, dana):
    result = record_outcome(
        alice, dana, "agreed", on=WEDNESDAY, interview_at=at("2026-12-10 10:00")
    )
    PlannedQuestion.objects.create(
        owner=alice, interview=result.interview, source="own", text="How did you start?"
    )
    response = alice_client.post(_undo_url(dana), follow=True)
    assert "has a question plan added since" in response.content.decode()
    assert Interview.objects.count() == 1
    assert ContactRequest.objects.get().status == "agreed"


def test_another_user_cannot_undo_my_attempt(bob_client, alice, dana):
    record_outcome(alice, dana, "no-answer", on=WEDNESDAY)
    assert bob_client.post(_undo_url(dana)).status_code == 404
    assert Attempt.objects.count() == 1
