"""Correcting an attempt's day and note; the request's next call follows the day."""

from datetime import date

import pytest

from infointerview.agenda.outcomes import record_outcome
from infointerview.lib.errors import Refused
from infointerview.outreach.attempts import edit_attempt
from infointerview.outreach.models import Attempt, ContactRequest
from tests.conftest import WEDNESDAY


def test_editing_the_latest_attempt_moves_the_next_call(alice, dana):
    attempt = record_outcome(alice, dana, "no-answer", on=date(2026, 12, 1)).attempt
    edit_attempt(alice, attempt, on=WEDNESDAY, note="rang at noon", today=WEDNESDAY)
    attempt.refresh_from_db()
    assert (attempt.on, attempt.note) == (WEDNESDAY, "rang at noon")
    request = ContactRequest.objects.get()
    assert (request.next_call_on, request.next_call_kind) == (date(2026, 12, 3), "call-again")


def test_editing_the_attempt_that_ended_a_request_moves_its_end(alice, dana):
    attempt = record_outcome(alice, dana, "declined", on=date(2026, 12, 1)).attempt
    edit_attempt(alice, attempt, on=WEDNESDAY, note="", today=WEDNESDAY)
    assert ContactRequest.objects.get().ended_on == WEDNESDAY


def test_an_attempt_cannot_be_moved_into_the_future(alice, dana):
    attempt = record_outcome(alice, dana, "no-answer", on=date(2026, 12, 1)).attempt
    with pytest.raises(Refused, match="after today"):
        edit_attempt(alice, attempt, on=date(2026, 12, 3), note="", today=WEDNESDAY)
    assert Attempt.objects.get().on == date(2026, 12, 1)
