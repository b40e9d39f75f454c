"""Contact requests: drafting, sending, logging outcomes and the three-attempt rule."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from email.message import EmailMessage

from django.db import transaction

from infointerview.accounts.services import profile_for
from infointerview.accounts.validation import validate
from infointerview.lib import placeholders
from infointerview.lib.business_days import add_business_days
from infointerview.lib.day_words import long_day
from infointerview.lib.errors import FieldRefused, Refused
from infointerview.lib.mail import mailbox, mailto, one_line
from infointerview.outreach import drafts
from infointerview.outreach.models import (
    AWAITING_NEXT_NAME,
    COUNTED_OUTCOMES,
    THREE_ATTEMPTS,
    Attempt,
    Channel,
    ContactRequest,
    DraftTemplate,
    Outcome,
)
from infointerview.people import acquaintances
from infointerview.people import services as people
from infointerview.people.models import Person

WAIT_AFTER_SENDING = {Channel.EMAIL: 3, Channel.LETTER: 5, Channel.INTRODUCTION: 5}
WAIT_BEFORE_TRYING_AGAIN = {Outcome.NO_ANSWER: 1, Outcome.MESSAGE: 2, Outcome.NO_REPLY: 1}
Kind = ContactRequest.NextCall
SATURDAY = 5


def template_for(owner, channel: str) -> tuple[str, str]:
    """The user's wording for a channel, else the built-in one."""
    own = DraftTemplate.objects.filter(owner=owner, channel=channel).first()
    if own is not None:
        return own.subject, own.body
    return drafts.BUILT_IN_SUBJECT.get(channel, ""), drafts.BUILT_IN_BODY[channel]


@dataclass
class TemplateCheck:
    missing: list[drafts.Element]
    unknown: set[str]

    @property
    def ok(self) -> bool:
        return not self.missing and not self.unknown

    def problems(self) -> list[str]:
        found = [f"missing: {element.label}" for element in self.missing]
        found += [f"unknown placeholder: {{{{ {name} }}}}" for name in sorted(self.unknown)]
        return found


def check_template(channel: str, subject: str, body: str) -> TemplateCheck:
    return TemplateCheck(
        missing=drafts.missing_elements(channel, subject, body),
        unknown=drafts.unknown_placeholders(subject, body),
    )


def refuse_unknown_placeholders(subject: str, body: str) -> None:
    """A placeholder no draft fills would reach the person as literal braces."""
    for field, text in (("subject", subject), ("body", body)):
        unknown = drafts.unknown_placeholders("", text)
        if unknown:
            named = ", ".join(f"{{{{ {name} }}}}" for name in sorted(unknown))
            known = ", ".join(f"{{{{ {name} }}}}" for name in drafts.PLACEHOLDERS)
            raise FieldRefused(
                field,
                f"unknown placeholder {named} in the {field}; the known ones are: {known}",
            )


@transaction.atomic
def save_template(owner, channel: str, subject: str, body: str) -> TemplateCheck:
    """Keep the user's wording even when it lacks something; the check tells them what.

    An unknown placeholder is refused: it could only ever show as braces.
    """
    subject = " ".join(subject.split())
    if not body.strip():
        raise FieldRefused(
            "body", "a template needs some text; reset it to use the built-in wording"
        )
    refuse_unknown_placeholders(subject, body)
    template = DraftTemplate.objects.filter(owner=owner, channel=channel).first()
    template = template or DraftTemplate(owner=owner, channel=channel)
    template.subject, template.body = subject, body
    validate(template)
    template.save()
    return check_template(channel, subject, body)


def reset_template(owner, channel: str) -> None:
    DraftTemplate.objects.filter(owner=owner, channel=channel).delete()


def _moving_on(owner, person: Person) -> None:
    """Contacting someone new on a list deals with the earlier ended requests there.

    They leave Today's "next name" list for good, so Today never re-examines history.
    """
    if person.target_id is None:
        return
    ContactRequest.objects.filter(
        owner=owner,
        person__target_id=person.target_id,
        status__in=AWAITING_NEXT_NAME,
        next_name_seen=False,
    ).exclude(person=person).update(next_name_seen=True)


def open_request(owner, person: Person) -> ContactRequest | None:
    return ContactRequest.objects.filter(
        owner=owner, person=person, status=ContactRequest.Status.OPEN
    ).first()


def get_request(owner, public_id) -> ContactRequest:
    return ContactRequest.owned_by(owner, public_id, "contact request", "person")


def _fill(owner, request: ContactRequest) -> None:
    subject, body = template_for(owner, request.channel)
    values = drafts.values_for(request.person, profile_for(owner), request.call_on, request.channel)
    request.subject = placeholders.render(subject, values)
    request.body = placeholders.render(body, values)


def _introduce_through(owner, person: Person, introducer: Person | None) -> None:
    """Who is asked for the introduction: whoever introduced them, or any acquaintance the
    user recorded as knowing them, who from then on is the one introducing them."""
    if introducer is None or introducer.pk == person.introduced_by_id:
        if person.introduced_by is None:
            raise Refused(
                f"an introduction needs the acquaintance who knows {person.name}: "
                "set 'introduced by' on the person first, or record who knows them"
            )
        return
    if not acquaintances.knows(owner, introducer, person):
        raise Refused(
            f"{introducer.name} is not recorded as knowing {person.name}: "
            "record that they know each other first"
        )
    if person.introduced_by is not None:
        earlier = f"First introduced by {person.introduced_by.name}"
        person.notes = "\n".join(part for part in (person.notes, earlier) if part)
    person.introduced_by = introducer
    validate(person)
    person.save(update_fields=["introduced_by", "notes", "updated_at"])


@transaction.atomic
def draft(
    owner,
    person: Person,
    channel: str,
    *,
    today: date,
    call_on: date | None = None,
    introducer: Person | None = None,
) -> ContactRequest:
    """Write (or rewrite, until it is sent) the request to a person through one channel."""
    validate(ContactRequest(owner=owner, person=person, channel=channel))
    if channel == Channel.INTRODUCTION:
        _introduce_through(owner, person, introducer)
    if call_on is not None and call_on <= today:
        raise FieldRefused(
            "call_on",
            f"the promised call day must be after today, {long_day(today)}",
        )
    request = open_request(owner, person)
    if request is not None and request.stage != ContactRequest.Stage.DRAFTED:
        raise Refused(
            f"the {request.get_channel_display().lower()} to {person.name} went out already; "
            "log what happened instead"
        )
    if request is None:
        _moving_on(owner, person)
        request = ContactRequest(owner=owner, person=person)
    request.channel = channel
    if channel in (Channel.EMAIL, Channel.LETTER):
        request.call_on = call_on or add_business_days(today, WAIT_AFTER_SENDING[channel])
    else:
        request.call_on = None
    if channel == Channel.PHONE:
        request.next_call_on, request.next_call_kind = today, Kind.FIRST_CALL
    else:
        request.next_call_on, request.next_call_kind = None, ""
    _fill(owner, request)
    validate(request)
    request.save()
    return request


def refuse_future(on: date, today: date | None, what: str, field: str = "on") -> None:
    """What happened is logged once it has happened; a day ahead is a slip of the keyboard.

    A future attempt would also count toward the three before it was made.
    """
    if today is not None and on > today:
        raise FieldRefused(
            field, f"{what} ({on}) is after today ({today}): log it once it has happened"
        )


def monday_instead(call_on: date | None) -> date | None:
    """A call promised on a Saturday or Sunday reaches an empty office: the Monday after.

    The day is the user's to choose, so it is offered, not imposed.
    """
    if call_on is None or call_on.weekday() < SATURDAY:
        return None
    return call_on + timedelta(days=7 - call_on.weekday())


def weekend_warning(call_on: date | None) -> str:
    monday = monday_instead(call_on)
    if monday is None:
        return ""
    return (
        f"The draft promises a call on {drafts.spoken_day(call_on)}, a weekend day: most "
        f"offices are closed. Promise {drafts.spoken_day(monday)} instead?"
    )


@transaction.atomic
def mark_sent(owner, person: Person, *, on: date, today: date | None = None) -> ContactRequest:
    """The letter, e-mail or request for an introduction went out: its follow-up is now due."""
    refuse_future(on, today, "the day it went out")
    request = open_request(owner, person)
    if request is None:
        raise Refused(f"nothing drafted for {person.name}: write a draft first")
    if request.channel == Channel.PHONE:
        raise Refused("a telephone request is not sent: log what happened on the call")
    if request.stage != ContactRequest.Stage.DRAFTED:
        sent = f" on {long_day(request.sent_on)}" if request.sent_on else ""
        raise Refused(f"the request to {person.name} was already marked sent{sent}")
    if request.channel == Channel.INTRODUCTION:
        request.stage = ContactRequest.Stage.ASKED
        request.next_call_on = add_business_days(on, WAIT_AFTER_SENDING[Channel.INTRODUCTION])
        request.next_call_kind = Kind.ASK_INTRODUCER
    else:
        if request.call_on <= on:
            raise FieldRefused(
                "on",
                f"the draft promises a call on {long_day(request.call_on)}, which is not after "
                f"{long_day(on)}: "
                "draft it again with a later day to telephone",
            )
        request.stage = ContactRequest.Stage.SENT
        request.next_call_on, request.next_call_kind = request.call_on, Kind.FOLLOW_UP
    request.sent_on = on
    validate(request)
    request.save()
    return request


@transaction.atomic
def mark_introduced(owner, person: Person, *, on: date) -> ContactRequest:
    """The acquaintance made the introduction: the user now calls to arrange a time."""
    request = open_request(owner, person)
    if request is None or request.channel != Channel.INTRODUCTION:
        raise Refused(f"no introduction to {person.name} is in progress")
    request.stage = ContactRequest.Stage.INTRODUCED
    request.next_call_on, request.next_call_kind = on, Kind.ARRANGE
    validate(request)
    request.save()
    return request


def _request_to_log(owner, person: Person) -> ContactRequest:
    request = open_request(owner, person)
    if request is not None:
        return request
    latest = ContactRequest.objects.filter(owner=owner, person=person).first()
    if latest is not None:
        ended = f" on {long_day(latest.ended_on)}" if latest.ended_on else ""
        raise Refused(
            f"the request to {person.name} ended ({latest.get_status_display().lower()}"
            f"{ended}); start a new request with a new draft"
        )
    _moving_on(owner, person)
    return ContactRequest.objects.create(
        owner=owner, person=person, channel=Channel.PHONE, stage=ContactRequest.Stage.SENT
    )


@dataclass
class LogResult:
    request: ContactRequest
    attempt: Attempt
    referral: Person | None = None
    advice: str = ""

    @property
    def ended_without_meeting(self) -> bool:
        """Moved on or declined: the method says to try the next name on the list."""
        return self.request.status in (
            ContactRequest.Status.MOVED_ON,
            ContactRequest.Status.DECLINED,
        )


def next_call_after(attempt: Attempt) -> tuple[date, str]:
    """After an attempt that leaves the request open: when to call, and why."""
    if attempt.outcome == Outcome.BUSY:
        return attempt.call_back_on or add_business_days(attempt.on, 1), Kind.CALL_BACK
    return add_business_days(attempt.on, WAIT_BEFORE_TRYING_AGAIN[attempt.outcome]), Kind.CALL_AGAIN


def _end(request: ContactRequest, status: str, on: date) -> None:
    request.status = status
    request.ended_on = on
    request.next_call_on, request.next_call_kind = None, ""


@transaction.atomic
def log_outcome(
    owner,
    person: Person,
    outcome: str,
    *,
    on: date,
    call_back_on: date | None = None,
    referred_name: str = "",
    note: str = "",
    today: date | None = None,
) -> LogResult:
    """Record what happened on a call or after a letter, and apply the three-attempt rule.

    An agreed meeting only ends the request here; scheduling it is the interview stage's.
    Every entry point passes `today`, so that nothing is logged ahead of time.
    """
    refuse_future(on, today, "the day it happened")
    attempt = Attempt(owner=owner, outcome=outcome, on=on, call_back_on=call_back_on, note=note)
    validate(attempt, exclude=["request"])
    if outcome == Outcome.REFERRED and not referred_name.strip():
        raise FieldRefused("referred_name", "say whom they referred you to: the name they gave you")
    if call_back_on is not None and call_back_on < on:
        raise FieldRefused(
            "call_back_on", f"the call-back day, {long_day(call_back_on)}, is before {long_day(on)}"
        )
    request = _request_to_log(owner, person)
    attempt.request = request
    attempt.save()
    result = LogResult(request=request, attempt=attempt)
    if outcome in COUNTED_OUTCOMES and request.counted_attempts() >= THREE_ATTEMPTS:
        _end(request, ContactRequest.Status.MOVED_ON, on)
        result.advice = "Three attempts made: time to move on to the next name."
    elif outcome in COUNTED_OUTCOMES or outcome == Outcome.BUSY:
        request.next_call_on, request.next_call_kind = next_call_after(attempt)
    elif outcome == Outcome.DECLINED:
        _end(request, ContactRequest.Status.DECLINED, on)
        result.advice = "Ask whom else they would suggest you talk to."
    elif outcome == Outcome.REFERRED:
        _end(request, ContactRequest.Status.REFERRED, on)
        result.referral = people.add_referral(
            owner, person, referred_name, how=f"Referred by {person.name}"
        )
    elif outcome == Outcome.AGREED:
        _end(request, ContactRequest.Status.AGREED, on)
    validate(request)
    request.save()
    return result


def mark_next_name_seen(owner, request: ContactRequest) -> None:
    request.next_name_seen = True
    request.save(update_fields=["next_name_seen", "updated_at"])


def mailto_link(request: ContactRequest) -> str:
    return mailto(request.person.email, request.subject, request.body)


def eml_bytes(owner, request: ContactRequest) -> bytes:
    """The e-mail as a file any mail program opens as a draft, to exactly one person.

    Headers are built from parts (an address and a display name), never pasted text.
    """
    profile = profile_for(owner)
    message = EmailMessage()
    if profile.email:
        message["From"] = mailbox(profile.name_for_drafts(), profile.email)
    if request.person.email:
        message["To"] = mailbox(request.person.name, request.person.email)
    message["Subject"] = one_line(request.subject)
    message["X-Unsent"] = "1"
    message.set_content(request.body)
    return bytes(message)


def voicemail(owner, person: Person) -> str:
    """What to say when the call reaches voicemail, filled in for this person."""
    return placeholders.render(
        drafts.VOICEMAIL, drafts.values_for(person, profile_for(owner), None)
    )


def follow_up_note_applies(request: ContactRequest, today: date) -> bool:
    """A sent e-mail or letter whose promised call day came without an answer."""
    return (
        request.is_open
        and request.stage == ContactRequest.Stage.SENT
        and request.channel in (Channel.EMAIL, Channel.LETTER)
        and request.call_on is not None
        and request.call_on <= today
    )


def follow_up_note(owner, request: ContactRequest) -> tuple[str, str]:
    """A short note for "no reply by the promised day": subject and text."""
    if request.channel not in (Channel.EMAIL, Channel.LETTER) or request.call_on is None:
        raise Refused(
            f"no e-mail or letter to {request.person.name} promised a call: "
            "a follow-up note follows one"
        )
    values = drafts.values_for(request.person, profile_for(owner), request.call_on)
    return (
        placeholders.render(drafts.FOLLOW_UP_SUBJECT, values),
        placeholders.render(drafts.FOLLOW_UP_NOTE, values),
    )


def resistance_answers(owner, person: Person) -> list[tuple[str, str]]:
    values = drafts.values_for(person, profile_for(owner), None)
    return [
        (said, placeholders.render(answer, values)) for said, answer in drafts.RESISTANCE_ANSWERS
    ]


def has_own_template(owner, channel: str) -> bool:
    return DraftTemplate.objects.filter(owner=owner, channel=channel).exists()
