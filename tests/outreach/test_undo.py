"""Undo takes back the latest attempt, and what it created while nothing was added to it."""

from datetime import date

import pytest

from infointerview.agenda.outcomes import record_outcome
from infointerview.agenda.undo import undo_latest
from infointerview.interviews.models import Interview, PlannedQuestion
from infointerview.lib.errors import NotFound, Refused
from infointerview.outreach.models import Attempt, ContactRequest
from infointerview.outreach.services import draft, mark_sent
from infointerview.people.models import Person
from tests.conftest import WEDNESDAY, at

MONDAY = date(2026, 12, 7)


@pytest.fixture
def emailed(alice, dana):
    draft(alice, dana, "email", today=WEDNESDAY)
    return mark_sent(alice, dana, on=WEDNESDAY)


def test_undoing_the_only_attempt_restores_the_follow_up_call(alice, dana, emailed):
    record_outcome(alice, dana, "no-answer", on=MONDAY)
    undone = undo_latest(alice, dana)
    request = ContactRequest.objects.get()
    assert not Attempt.objects.exists()
    assert (request.status, request.next_call_kind) == ("open", "follow-up")
    assert request.next_call_on == emailed.call_on
    assert "Took back “No answer”" in undone.summary()


def test_undoing_the_third_attempt_reopens_the_request(alice, dana, emailed):
    record_outcome(alice, dana, "no-answer", on=date(2026, 12, 7))
    record_outcome(alice, dana, "busy", on=date(2026, 12, 8), call_back_on=date(2026, 12, 9))
    record_outcome(alice, dana, "no-answer", on=date(2026, 12, 9))
    third = record_outcome(alice, dana, "message", on=date(2026, 12, 10))
    assert third.request.status == "moved_on"
    undo_latest(alice, dana)
    request = ContactRequest.objects.get()
    assert (request.status, request.ended_on) == ("open", None)
    assert request.counted_attempts() == 2
    assert (request.next_call_on, request.next_call_kind) == (date(2026, 12, 10), "call-again")


def test_undoing_a_call_logged_without_a_draft_leaves_no_request(alice, dana):
    record_outcome(alice, dana, "busy", on=WEDNESDAY)
    undone = undo_latest(alice, dana)
    assert not ContactRequest.objects.exists()
    assert "No request to them is in progress" in undone.summary()


def test_undoing_agreed_removes_the_interview_it_scheduled(alice, dana, emailed):
    record_outcome(alice, dana, "agreed", on=MONDAY, interview_at=at("2026-12-10 10:00"))
    undone = undo_latest(alice, dana)
    assert not Interview.objects.exists()
    request = ContactRequest.objects.get()
    assert (request.status, request.next_call_kind) == ("open", "follow-up")
    assert "interview it scheduled is removed" in undone.summary()


def test_undoing_agreed_refuses_when_the_interview_has_a_plan(alice, dana, emailed):
    result = record_outcome(alice, dana, "agreed", on=MONDAY, interview_at=at("2026-12-10 10:00"))
    PlannedQuestion.objects.create(
        owner=alice, interview=result.interview, source="own", text="How did you start?"
    )
    with pytest.raises(
        Refused, match="interview with Dana Lee on Thursday, December 10, 2026 has a question plan"
    ):
        undo_latest(alice, dana)
    assert Interview.objects.count() == 1
    assert Attempt.objects.count() == 1
    assert ContactRequest.objects.get().status == "agreed"


def test_undoing_referred_removes_the_person_it_added(alice, dana, emailed):
    record_outcome(alice, dana, "referred", on=MONDAY, referred_name="Kim Ode")
    undone = undo_latest(alice, dana)
    assert not Person.objects.filter(name="Kim Ode").exists()
    assert ContactRequest.objects.get().status == "open"
    assert "Kim Ode is off the list again" in undone.summary()


def test_undoing_referred_refuses_when_the_person_has_been_contacted(alice, dana, emailed):
    record_outcome(alice, dana, "referred", on=MONDAY, referred_name="Kim Ode")
    kim = Person.objects.get(name="Kim Ode")
    kim.emails = ["kim@example.com"]
    kim.save()
    draft(alice, kim, "email", today=MONDAY)
    with pytest.raises(Refused, match="Kim Ode has an e-mail address, a request to them added"):
        undo_latest(alice, dana)
    assert Person.objects.filter(name="Kim Ode").exists()
    assert Attempt.objects.count() == 1


def test_only_the_latest_request_can_be_taken_back(alice, dana, emailed):
    record_outcome(alice, dana, "declined", on=MONDAY)
    draft(alice, dana, "phone", today=MONDAY)
    with pytest.raises(Refused, match="a newer request to Dana Lee"):
        undo_latest(alice, dana)
    assert Attempt.objects.count() == 1


def test_undo_with_nothing_logged_says_so(alice, dana):
    with pytest.raises(NotFound, match="nothing has been logged for Dana Lee yet"):
        undo_latest(alice, dana)
