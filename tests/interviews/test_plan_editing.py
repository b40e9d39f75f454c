"""The question plan is the user's: remove, move, reword and add questions, on the page."""

import pytest
from django.urls import reverse

from infointerview.interviews.models import PlannedQuestion
from infointerview.interviews.planning import (
    add_own_question,
    build_plan,
    edit_question,
    move_question,
    plan_for,
    question_number,
    remove_question,
)
from infointerview.interviews.services import schedule
from infointerview.lib.errors import Refused
from tests.conftest import at


@pytest.fixture
def interview(alice, dana):
    interview = schedule(alice, dana, at("2026-12-10 14:30"), minutes=25)
    build_plan(alice, interview, ["choosing"])
    return interview


def texts(interview) -> list[str]:
    return [q.text for q in plan_for(interview).questions]


def positions(interview) -> list[int]:
    return [q.position for q in plan_for(interview).questions]


CHOOSING = [
    "How did you come to choose this occupation over others?",
    "Which specialties are there, and how do people end up in one?",
    "If you were starting again, which related work would you also consider?",
    "Whom else would you suggest I talk to, and may I mention your name?",
]


def test_a_removed_question_leaves_the_plan_and_the_others_close_up(alice, interview):
    remove_question(alice, question_number(interview, 2))
    assert texts(interview) == [CHOOSING[0], CHOOSING[2], CHOOSING[3]]
    assert positions(interview) == [0, 1, 2]


def test_a_question_holding_notes_is_not_removed(alice, interview):
    question = question_number(interview, 1)
    question.notes = "Fell into it from print work"
    question.save()
    with pytest.raises(Refused, match="holds your notes"):
        remove_question(alice, question)
    assert texts(interview) == CHOOSING


def test_a_question_moves_to_the_number_given(alice, interview):
    move_question(alice, question_number(interview, 4), 1)
    assert texts(interview) == [CHOOSING[3], *CHOOSING[:3]]
    move_question(alice, question_number(interview, 1), 3)
    assert texts(interview) == [CHOOSING[0], CHOOSING[1], CHOOSING[3], CHOOSING[2]]
    assert positions(interview) == [0, 1, 2, 3]


def test_a_move_beyond_the_plan_is_refused(alice, interview):
    with pytest.raises(Refused, match="give a number from 1 to 4"):
        move_question(alice, question_number(interview, 1), 5)
    with pytest.raises(Refused, match="no question 7: the plan has 4"):
        question_number(interview, 7)
    assert texts(interview) == CHOOSING


def test_an_edited_question_is_the_users_and_an_empty_text_is_refused(alice, interview):
    edited = edit_question(alice, question_number(interview, 2), "  Which  specialty pays? ", 1)
    assert (edited.text, edited.minutes, edited.origin) == ("Which specialty pays?", 1.0, "yours")
    with pytest.raises(Refused, match="write the question first"):
        edit_question(alice, edited, "   ")
    edited.refresh_from_db()
    assert edited.text == "Which specialty pays?"


def test_replanning_keeps_own_and_edited_questions_in_their_order(alice, interview):
    add_own_question(alice, interview, "How did you find your first client?", 2)
    move_question(alice, question_number(interview, 5), 1)
    edit_question(alice, question_number(interview, 3), "Which specialty pays best?")
    build_plan(alice, interview, ["realities"])
    plan = texts(interview)
    assert plan[:2] == ["How did you find your first client?", "Which specialty pays best?"]
    assert CHOOSING[0] not in plan and CHOOSING[2] not in plan
    assert "What does a usual day or week look like for you?" in plan
    assert plan[-1] == CHOOSING[3]
    assert positions(interview) == list(range(len(plan)))


# The page: plain forms, one address per action, each working without JavaScript.


def test_the_plan_page_offers_every_change_for_each_question(alice_client, interview):
    html = alice_client.get(reverse("interviews:plan", args=[interview.public_id])).content
    html = html.decode()
    first = question_number(interview, 1)
    for name in ("plan_question_remove", "plan_question_down", "plan_question_edit"):
        assert reverse(f"interviews:{name}", args=[interview.public_id, first.public_id]) in html
    assert reverse(
        "interviews:plan_question_up", args=[interview.public_id, first.public_id]
    ) not in (html)
    assert f'id="id_{first.public_id}-text"' in html
    assert "Remove" in html and "Add a question" in html


def test_removing_on_the_page(alice_client, interview):
    second = question_number(interview, 2)
    url = reverse("interviews:plan_question_remove", args=[interview.public_id, second.public_id])
    response = alice_client.post(url, follow=True)
    assert texts(interview) == [CHOOSING[0], CHOOSING[2], CHOOSING[3]]
    assert f"Removed “{CHOOSING[1]}”." in response.content.decode()


def test_removing_a_question_with_notes_on_the_page_says_why_and_keeps_it(alice_client, interview):
    first = question_number(interview, 1)
    first.notes = "kept"
    first.save()
    url = reverse("interviews:plan_question_remove", args=[interview.public_id, first.public_id])
    response = alice_client.post(url, follow=True)
    assert "holds your notes from the interview" in response.content.decode()
    assert texts(interview) == CHOOSING


def test_moving_up_and_down_on_the_page(alice_client, interview):
    third = question_number(interview, 3)
    up = reverse("interviews:plan_question_up", args=[interview.public_id, third.public_id])
    response = alice_client.post(up)
    assert response.status_code == 302
    assert response["Location"].endswith(f"/plan/#q-{third.public_id}")
    assert texts(interview) == [CHOOSING[0], CHOOSING[2], CHOOSING[1], CHOOSING[3]]
    down = reverse("interviews:plan_question_down", args=[interview.public_id, third.public_id])
    alice_client.post(down)
    alice_client.post(down)
    assert texts(interview) == [CHOOSING[0], CHOOSING[1], CHOOSING[3], CHOOSING[2]]
    alice_client.post(down)  # already last: nothing moves
    assert texts(interview) == [CHOOSING[0], CHOOSING[1], CHOOSING[3], CHOOSING[2]]


def test_editing_on_the_page(alice_client, interview):
    first = question_number(interview, 1)
    url = reverse("interviews:plan_question_edit", args=[interview.public_id, first.public_id])
    prefix = str(first.public_id)
    alice_client.post(url, {f"{prefix}-text": "Why this work?", f"{prefix}-minutes": "1.5"})
    first.refresh_from_db()
    assert (first.text, first.minutes, first.source) == ("Why this work?", 1.5, "own")


def test_an_edit_without_text_on_the_page_names_the_field_and_changes_nothing(
    alice_client, interview
):
    first = question_number(interview, 1)
    url = reverse("interviews:plan_question_edit", args=[interview.public_id, first.public_id])
    prefix = str(first.public_id)
    response = alice_client.post(url, {f"{prefix}-text": "", f"{prefix}-minutes": "2"}, follow=True)
    assert "Question: This field is required." in response.content.decode()
    first.refresh_from_db()
    assert first.text == CHOOSING[0]


def test_an_emptied_plan_stays_empty_and_can_be_filled_by_hand(alice_client, alice, interview):
    for question in plan_for(interview).questions:
        remove_question(alice, question)
    url = reverse("interviews:plan", args=[interview.public_id])
    assert "No questions yet" in alice_client.get(url).content.decode()
    alice_client.post(
        reverse("interviews:plan_question", args=[interview.public_id]),
        {"text": "What surprised you?", "minutes": "2"},
    )
    assert texts(interview) == ["What surprised you?"]


def test_a_question_of_another_interview_is_not_found_through_this_one(
    alice_client, alice, dana, interview
):
    other = schedule(alice, dana, at("2026-12-20 10:00"))
    foreign = add_own_question(alice, other, "Elsewhere?")
    url = reverse("interviews:plan_question_remove", args=[interview.public_id, foreign.public_id])
    assert alice_client.post(url).status_code == 404
    assert PlannedQuestion.objects.filter(pk=foreign.pk).exists()


@pytest.mark.parametrize(
    "name", ["plan_question_remove", "plan_question_up", "plan_question_down", "plan_question_edit"]
)
def test_another_user_cannot_change_the_plan(bob_client, interview, name):
    second = question_number(interview, 2)
    url = reverse(f"interviews:{name}", args=[interview.public_id, second.public_id])
    response = bob_client.post(
        url, {f"{second.public_id}-text": "x", f"{second.public_id}-minutes": 2}
    )
    assert response.status_code == 404
    assert texts(interview) == CHOOSING
