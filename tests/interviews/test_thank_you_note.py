"""The thank-you note reads naturally, opens in the mail program, and the notes stay in view."""

import pytest
from django.urls import reverse

from infointerview.interviews.afterwards import record_learning, thank_you
from infointerview.interviews.models import Insight
from infointerview.interviews.planning import add_own_question
from infointerview.interviews.services import save_notes, schedule
from infointerview.people.services import add_person
from tests.conftest import NOW, at

# Long past whatever the clock says, so the interview has surely taken place.
HELD_AT = at("2025-03-03 10:00")

SENTENCES = {
    "advice": "I especially valued your honest advice on where my strengths lie and what I "
    "should work on.",
    "pros": "I especially enjoyed hearing what you find rewarding in the work.",
    "cons": "I especially valued your frankness about the hard parts of the job.",
    "typical_day": "It was especially helpful to hear what a typical day is like.",
    "ways_in": "I especially valued your suggestions on ways into the field.",
    "opportunities": "I especially valued hearing how I could try the work through "
    "volunteering, an internship or part-time work.",
}


@pytest.fixture
def held(alice, dana):
    return schedule(alice, dana, HELD_AT)


@pytest.mark.parametrize("kind", Insight.Kind.values)
def test_each_insight_gives_the_note_a_whole_sentence_of_its_own(alice, held, kind):
    record_learning(alice, held, insights={kind: "Something they said"}, now=NOW)
    body = thank_you(alice, held).body
    assert SENTENCES[kind] in body
    assert "what you said about" not in body


def test_a_note_without_insights_has_no_highlight_sentence(alice, held):
    body = thank_you(alice, held).body
    assert "especially" not in body
    assert "Thank you for taking the time to talk with me on Monday, March 3 about your" in body


def test_a_thank_you_without_an_address_still_opens_in_the_mail_program(alice_client, alice):
    kim = add_person(alice, "Kim Ode")
    interview = schedule(alice, kim, HELD_AT)
    html = alice_client.get(reverse("interviews:afterwards", args=[interview.public_id]))
    html = html.content.decode()
    assert '<a class="button" href="mailto:?subject=Thank%20you&amp;body=Dear%20Kim%20Ode' in html
    assert "Open in my mail program" in html
    assert "No address on file" in html


def test_the_notes_taken_in_the_interview_are_shown_before_the_write_up_form(
    alice_client, alice, held
):
    question = add_own_question(alice, held, "How did you start?")
    add_own_question(alice, held, "Unanswered?")
    save_notes(alice, held, {str(question.public_id): "Print shop, then a studio"}, now=NOW)
    html = alice_client.get(reverse("interviews:afterwards", args=[held.public_id]))
    html = html.content.decode()
    assert "Your notes from the interview" in html
    notes_at = html.index("Print shop, then a studio")
    assert html.index("How did you start?") < notes_at < html.index('name="learned"')
    assert "Unanswered?" not in html


def test_without_notes_the_page_says_where_to_take_them(alice_client, held):
    html = alice_client.get(reverse("interviews:afterwards", args=[held.public_id]))
    assert "No notes were taken on the interview page." in html.content.decode()
