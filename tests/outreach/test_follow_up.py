"""The promised follow-up call is due on the stated day and never dropped."""

from datetime import date

import pytest

from infointerview.agenda.services import today
from infointerview.lib.errors import Refused
from infointerview.outreach.models import ContactRequest
from infointerview.outreach.services import draft, log_outcome, mark_introduced, mark_sent
from infointerview.people.services import add_person
from tests.conftest import NOW, WEDNESDAY


def test_an_email_promises_a_call_three_business_days_later_across_the_weekend(alice, dana):
    request = draft(alice, dana, "email", today=WEDNESDAY)
    assert request.call_on == date(2026, 12, 7)  # Wednesday + 3 business days = Monday
    assert "Monday, December 7" in request.body


def test_a_letter_promises_a_call_five_business_days_later(alice, dana):
    request = draft(alice, dana, "letter", today=WEDNESDAY)
    assert request.call_on == date(2026, 12, 9)


def test_the_follow_up_is_due_on_the_stated_day(alice, dana):
    draft(alice, dana, "email", call_on=date(2026, 12, 8), today=WEDNESDAY)
    mark_sent(alice, dana, on=WEDNESDAY)
    assert not today(alice, NOW, date(2026, 12, 7)).calls_due
    due = today(alice, NOW, date(2026, 12, 8)).calls_due
    assert [c.request.person for c in due] == [dana]
    assert due[0].days_overdue == 0
    assert due[0].request.next_call_kind == ContactRequest.NextCall.FOLLOW_UP


def test_an_overdue_follow_up_stays_until_it_is_done(alice, dana):
    draft(alice, dana, "email", today=WEDNESDAY)
    mark_sent(alice, dana, on=WEDNESDAY)
    much_later = today(alice, NOW, date(2027, 3, 1))
    assert [c.request.person for c in much_later.calls_due] == [dana]
    assert much_later.calls_due[0].days_overdue == 84
    log_outcome(alice, dana, "busy", on=date(2027, 3, 1), call_back_on=date(2027, 3, 3))
    assert not today(alice, NOW, date(2027, 3, 2)).calls_due
    assert today(alice, NOW, date(2027, 3, 3)).calls_due


def test_a_promised_day_already_past_when_sending_is_refused(alice, dana):
    draft(alice, dana, "email", today=WEDNESDAY)
    with pytest.raises(Refused, match="draft it again"):
        mark_sent(alice, dana, on=date(2026, 12, 7))
    assert ContactRequest.objects.get(person=dana).stage == ContactRequest.Stage.DRAFTED


def test_a_call_day_must_be_in_the_future(alice, dana):
    with pytest.raises(Refused, match="after today"):
        draft(alice, dana, "email", call_on=WEDNESDAY, today=WEDNESDAY)


def test_a_telephone_request_is_due_at_once(alice, dana):
    draft(alice, dana, "phone", today=WEDNESDAY)
    due = today(alice, NOW, WEDNESDAY).calls_due
    assert due[0].request.next_call_kind == ContactRequest.NextCall.FIRST_CALL
    with pytest.raises(Refused, match="not sent"):
        mark_sent(alice, dana, on=WEDNESDAY)


def test_an_introduction_goes_asked_then_introduced_then_a_call_to_arrange(alice, designers):
    sam = add_person(alice, "Sam Park")
    kim = add_person(alice, "Kim Ode", occupation="Graphic Designers", introduced_by=sam)
    request = draft(alice, kim, "introduction", today=WEDNESDAY)
    assert "Dear Sam Park" in request.body
    asked = mark_sent(alice, kim, on=WEDNESDAY)
    assert asked.stage == ContactRequest.Stage.ASKED
    assert asked.next_call_kind == ContactRequest.NextCall.ASK_INTRODUCER
    assert asked.next_call_on == date(2026, 12, 9)
    introduced = mark_introduced(alice, kim, on=date(2026, 12, 4))
    assert introduced.stage == ContactRequest.Stage.INTRODUCED
    assert introduced.next_call_kind == ContactRequest.NextCall.ARRANGE
    assert today(alice, NOW, date(2026, 12, 4)).calls_due[0].request == introduced


def test_an_introduction_needs_the_acquaintance(alice, dana):
    with pytest.raises(Refused, match="acquaintance"):
        draft(alice, dana, "introduction", today=WEDNESDAY)
