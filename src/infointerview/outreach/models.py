"""Contact requests, the attempts made on them, and the user's own draft templates."""

from __future__ import annotations

from django.db import models

from infointerview.accounts.models import Owned
from infointerview.accounts.validation import validate_in_range
from infointerview.people.models import Person

THREE_ATTEMPTS = 3


class Channel(models.TextChoices):
    INTRODUCTION = "introduction", "Introduction"
    EMAIL = "email", "E-mail"
    LETTER = "letter", "Letter"
    PHONE = "phone", "Telephone"


class Outcome(models.TextChoices):
    NO_ANSWER = "no-answer", "No answer"
    MESSAGE = "message", "Left a message"
    NO_REPLY = "no-reply", "No reply by the promised day"
    BUSY = "busy", "Busy — call back"
    DECLINED = "declined", "Declined"
    REFERRED = "referred", "Referred me to someone else"
    AGREED = "agreed", "Agreed to meet"


COUNTED_OUTCOMES = {Outcome.NO_ANSWER, Outcome.MESSAGE, Outcome.NO_REPLY}


class ContactRequest(Owned):
    """One try at getting an interview with one person, through one channel."""

    class Status(models.TextChoices):
        OPEN = "open", "In progress"
        AGREED = "agreed", "Agreed"
        REFERRED = "referred", "Referred on"
        DECLINED = "declined", "Declined"
        MOVED_ON = "moved_on", "Moved on after three attempts"
        MERGED = "merged", "Ended: merged with another record of the same person"

    class Stage(models.TextChoices):
        DRAFTED = "drafted", "Drafted"
        ASKED = "asked", "Asked the introducer"
        INTRODUCED = "introduced", "Introduced"
        SENT = "sent", "Sent"

    class NextCall(models.TextChoices):
        FIRST_CALL = "first-call", "Call"
        FOLLOW_UP = "follow-up", "Follow-up call"
        CALL_AGAIN = "call-again", "Call again"
        CALL_BACK = "call-back", "Call back"
        ASK_INTRODUCER = "ask-introducer", "Check with the introducer"
        ARRANGE = "arrange", "Call to arrange a date and time"

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="contact_requests")
    channel = models.CharField(max_length=20, choices=Channel.choices)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN)
    stage = models.CharField(max_length=20, choices=Stage.choices, default=Stage.DRAFTED)
    subject = models.CharField(max_length=300, blank=True)
    body = models.TextField(blank=True)
    call_on = models.DateField(
        null=True,
        blank=True,
        validators=[validate_in_range],
        help_text="The day the draft promises a call.",
    )
    sent_on = models.DateField(null=True, blank=True, validators=[validate_in_range])
    next_call_on = models.DateField(null=True, blank=True, validators=[validate_in_range])
    next_call_kind = models.CharField(max_length=20, choices=NextCall.choices, blank=True)
    ended_on = models.DateField(null=True, blank=True, validators=[validate_in_range])
    next_name_seen = models.BooleanField(
        default=False,
        help_text=(
            "The user has dealt with the next name: marked it done, or has since contacted "
            "someone else on the list."
        ),
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["owner", "status", "next_call_on"]),
            # Today reads the few ended requests whose next name is still to deal with,
            # among thousands dealt with. The condition is the query's own term, which
            # SQLite needs before it uses a partial index.
            models.Index(
                fields=["owner", "status"],
                condition=models.Q(next_name_seen=False),
                name="request_next_name_unseen",
            ),
            # Progress asks of each person whether a request to them went out.
            models.Index(fields=["person", "stage"], name="request_person_stage"),
        ]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} to {self.person}"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    @property
    def is_phone(self) -> bool:
        return self.channel == Channel.PHONE

    @property
    def is_email(self) -> bool:
        return self.channel == Channel.EMAIL

    @property
    def is_letter(self) -> bool:
        return self.channel == Channel.LETTER

    @property
    def is_draft(self) -> bool:
        """Not gone out yet, so it can still be redrafted."""
        return self.stage == self.Stage.DRAFTED

    @property
    def can_mark_sent(self) -> bool:
        """A letter, e-mail or request for an introduction that has not gone out."""
        return self.is_open and self.is_draft and not self.is_phone

    @property
    def awaits_introduction(self) -> bool:
        return self.channel == Channel.INTRODUCTION and self.stage == self.Stage.ASKED

    def counted_attempts(self) -> int:
        """Attempts toward the three; lists annotate `counted` to spare a query per row."""
        counted = getattr(self, "counted", None)
        if counted is not None:
            return counted
        return sum(1 for a in self.attempts.all() if a.outcome in COUNTED_OUTCOMES)

    @property
    def attempts_allowed(self) -> int:
        return THREE_ATTEMPTS

    def next_attempt_number(self) -> int:
        return self.counted_attempts() + 1

    def attempts_left(self) -> int:
        return max(THREE_ATTEMPTS - self.counted_attempts(), 0)

    def to_dict(self) -> dict:
        return {
            "id": str(self.public_id),
            "person": self.person.name,
            "person_id": str(self.person.public_id),
            "channel": self.channel,
            "status": self.status,
            "stage": self.stage,
            "call_on": self.call_on.isoformat() if self.call_on else None,
            "sent_on": self.sent_on.isoformat() if self.sent_on else None,
            "next_call_on": self.next_call_on.isoformat() if self.next_call_on else None,
            "next_call_kind": self.next_call_kind or None,
            "attempts_counted": self.counted_attempts(),
            "ended_on": self.ended_on.isoformat() if self.ended_on else None,
        }


# Ended without a meeting: Today proposes the next name on the list until dealt with.
AWAITING_NEXT_NAME = [
    ContactRequest.Status.MOVED_ON,
    ContactRequest.Status.DECLINED,
    ContactRequest.Status.REFERRED,
]


class Attempt(Owned):
    request = models.ForeignKey(ContactRequest, on_delete=models.CASCADE, related_name="attempts")
    outcome = models.CharField(max_length=20, choices=Outcome.choices)
    on = models.DateField(validators=[validate_in_range])
    call_back_on = models.DateField(null=True, blank=True, validators=[validate_in_range])
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["on", "id"]
        # Progress counts each user's attempts by day.
        indexes = [models.Index(fields=["owner", "on"])]

    def to_dict(self) -> dict:
        return {
            "outcome": self.outcome,
            "on": self.on.isoformat(),
            "call_back_on": self.call_back_on.isoformat() if self.call_back_on else None,
            "note": self.note,
        }


class DraftTemplate(Owned):
    """The user's own wording for a channel; the built-in wording applies until they edit it."""

    channel = models.CharField(max_length=20, choices=Channel.choices)
    subject = models.CharField(max_length=300, blank=True)
    body = models.TextField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner", "channel"], name="one_template_per_channel"),
        ]
