"""Choosing what to ask, and adding one's own questions, on the plan page."""

import pytest
from django.urls import reverse

from infointerview.interviews.planning import build_plan
from infointerview.interviews.services import schedule
from tests.conftest import at


@pytest.fixture
def interview(alice, dana):
    interview = schedule(alice, dana, at("2026-12-10 14:30"), minutes=25)
    build_plan(alice, interview)
    return interview


def keys(interview) -> list[str]:
    return list(interview.questions.values_list("source", flat=True))


def test_choosing_purposes_replans_with_their_questions(alice_client, interview):
    url = reverse("interviews:plan", args=[interview.public_id])
    response = alice_client.post(
        reverse("interviews:plan_purposes", args=[interview.public_id]), {"purposes": ["choosing"]}
    )
    assert response.status_code == 302 and response["Location"] == url
    interview.refresh_from_db()
    assert interview.purposes == ["choosing", "referrals"]
    assert keys(interview) == ["choose-path", "choose-special", "choose-compare", "refer-who"]
    page = alice_client.get(url).content.decode()
    assert "How did you come to choose this occupation over others?" in page
    assert "Planned: 12 of 25 minutes" in page  # 2 + 2.5 + 2 + 1.5, and 4 for hello and thanks


def test_an_own_question_is_added_at_the_end_of_the_plan(alice_client, interview):
    url = reverse("interviews:plan", args=[interview.public_id])
    response = alice_client.post(
        reverse("interviews:plan_question", args=[interview.public_id]),
        {"text": "How  did you find your first client?", "minutes": "3"},
    )
    assert response.status_code == 302 and response["Location"] == url
    last = interview.questions.last()
    assert (last.source, last.text, last.minutes) == (
        "own",
        "How did you find your first client?",
        3.0,
    )
    assert "How did you find your first client?" in alice_client.get(url).content.decode()


def test_an_unknown_purpose_shows_the_form_again_and_keeps_the_plan(alice_client, interview):
    before = keys(interview)
    response = alice_client.post(
        reverse("interviews:plan_purposes", args=[interview.public_id]), {"purposes": ["gossip"]}
    )
    assert response.status_code == 400
    assert "Select a valid choice. gossip is not one of the available choices." in (
        response.content.decode()
    )
    interview.refresh_from_db()
    assert interview.purposes == ["realities", "preparation", "referrals"]
    assert keys(interview) == before


def test_an_empty_own_question_adds_nothing(alice_client, interview):
    before = keys(interview)
    response = alice_client.post(
        reverse("interviews:plan_question", args=[interview.public_id]),
        {"text": "", "minutes": "2"},
    )
    assert response.status_code == 400
    assert response.context["question_form"].errors["text"] == ["This field is required."]
    assert keys(interview) == before


def test_another_user_cannot_change_the_plan(bob_client, interview):
    before = keys(interview)
    purposes = reverse("interviews:plan_purposes", args=[interview.public_id])
    question = reverse("interviews:plan_question", args=[interview.public_id])
    assert bob_client.post(purposes, {"purposes": ["choosing"]}).status_code == 404
    assert bob_client.post(question, {"text": "Bob's question", "minutes": "2"}).status_code == 404
    interview.refresh_from_db()
    assert interview.purposes == ["realities", "preparation", "referrals"]
    assert keys(interview) == before
