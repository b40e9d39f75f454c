"""Correcting the attempts logged on a request: a mistake is never permanent.

The request's state (open or ended, the next call) always follows from its attempts, so
after a correction it is worked out again from what remains, by the same rule that
logging applies.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import transaction

from infointerview.accounts.validation import validate
from infointerview.lib.business_days import add_business_days
from infointerview.lib.errors import NotFound, Refused
from infointerview.outreach.drafts import spoken_day
from infointerview.outreach.models import (
    Attempt,
    Channel,
    ContactRequest,
    Outcome,
)
from infointerview.outreach.services import (
    WAIT_AFTER_SENDING,
    Kind,
    next_call_after,
    refuse_future,
)
from infointerview.people.models import Person

Stage = ContactRequest.Stage


def attempts_of(owner, person: Person) -> list[Attempt]:
    """Every attempt to reach a person, oldest first, numbered from 1 as they are shown."""
    return list(
        Attempt.objects.filter(owner=owner, request__person=person)
        .select_related("request")
        .order_by("created_at", "id")
    )


def latest_attempt(owner, person: Person) -> Attempt:
    attempts = attempts_of(owner, person)
    if not attempts:
        raise NotFound(f"nothing has been logged for {person.name} yet")
    return attempts[-1]


def attempt_numbered(owner, person: Person, number: int | None) -> Attempt:
    """The attempt a user names by its number in the list; none named is the latest."""
    attempts = attempts_of(owner, person)
    if not attempts:
        raise NotFound(f"nothing has been logged for {person.name} yet")
    if number is None:
        return attempts[-1]
    if not 1 <= number <= len(attempts):
        raise NotFound(
            f"{person.name} has {len(attempts)} attempt(s): choose a number from 1 to "
            f"{len(attempts)}"
        )
    return attempts[number - 1]


def get_attempt(owner, public_id) -> Attempt:
    return Attempt.owned_by(owner, public_id, "attempt", "request__person")


def _first_call(request: ContactRequest, fallback: date) -> tuple[date | None, str]:
    """The next call before any attempt, as drafting, sending or an introduction set it."""
    if request.channel == Channel.PHONE:
        return fallback, Kind.FIRST_CALL
    if request.stage == Stage.SENT:
        return request.call_on, Kind.FOLLOW_UP
    if request.stage == Stage.ASKED:
        return add_business_days(request.sent_on, WAIT_AFTER_SENDING[Channel.INTRODUCTION]), (
            Kind.ASK_INTRODUCER
        )
    if request.stage == Stage.INTRODUCED:
        return fallback, Kind.ARRANGE
    return None, ""


def reopen(request: ContactRequest, *, fallback: date) -> None:
    """Open again, with the next call its remaining attempts lead to.

    Only the last attempt of a request can end it, so those that remain all left it open.
    `fallback` is the day a call due before any attempt is shown on (it was due by then).
    """
    remaining = list(request.attempts.order_by("on", "id"))
    request.status, request.ended_on, request.next_name_seen = (
        ContactRequest.Status.OPEN,
        None,
        False,
    )
    if remaining:
        request.next_call_on, request.next_call_kind = next_call_after(remaining[-1])
    else:
        request.next_call_on, request.next_call_kind = _first_call(request, fallback)
    validate(request)
    request.save()


def logged_without_a_draft(request: ContactRequest) -> bool:
    """A call logged with nothing drafted made this request; it goes with its only attempt."""
    return request.channel == Channel.PHONE and not request.body and request.stage == Stage.SENT


@dataclass
class TakenBack:
    outcome: str
    on: date
    request: ContactRequest | None

    def summary(self, person: Person) -> str:
        said = Outcome(self.outcome).label
        text = f"Took back “{said}” of {spoken_day(self.on)} for {person.name}."
        if self.request is None:
            return f"{text} No request to them is in progress."
        request = self.request
        if request.next_call_on:
            text += (
                f" {request.get_next_call_kind_display()} due {spoken_day(request.next_call_on)}."
            )
        return text


def refuse_if_superseded(owner, attempt: Attempt) -> None:
    """Reopening a request that another has followed would leave two in progress."""
    latest = ContactRequest.objects.filter(owner=owner, person=attempt.request.person).first()
    if latest is not None and latest.pk != attempt.request_id:
        raise Refused(
            f"a newer request to {attempt.request.person.name} "
            f"({latest.get_channel_display().lower()}, {latest.get_status_display().lower()}) "
            "came after this attempt; only the latest can be taken back"
        )


@transaction.atomic
def take_back(owner, attempt: Attempt) -> TakenBack:
    """Remove an attempt and put its request back as it was before it."""
    refuse_if_superseded(owner, attempt)
    request = attempt.request
    taken = TakenBack(outcome=attempt.outcome, on=attempt.on, request=request)
    attempt.delete()
    if logged_without_a_draft(request) and not request.attempts.exists():
        request.delete()
        taken.request = None
    else:
        reopen(request, fallback=taken.on)
    return taken


@transaction.atomic
def edit_attempt(owner, attempt: Attempt, *, on: date, note: str, today: date) -> Attempt:
    """Correct the day and the note; the request's next call or end day follows the day."""
    refuse_future(on, today, "the day it happened")
    request = attempt.request
    attempt.on, attempt.note = on, note.strip()
    validate(attempt)
    attempt.save()
    last = request.attempts.order_by("on", "id").last()
    if request.is_open:
        request.next_call_on, request.next_call_kind = next_call_after(last)
    else:
        request.ended_on = last.on
    validate(request)
    request.save()
    return attempt
