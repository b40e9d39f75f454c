"""Informational interviews: the meeting, its plan and notes, and what came of it."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from infointerview.accounts.models import Owned
from infointerview.accounts.validation import (
    validate_in_range,
    validate_moment_in_range,
    validate_onet_code,
    validate_texts,
    validate_time_zone,
)
from infointerview.interviews.question_bank import PURPOSES
from infointerview.people.models import Person

DEFAULT_MINUTES = 25
LENGTH_ADVICE = "an interview lasts between 5 and 180 minutes; 20–30 is the usual"


class Interview(Owned):
    class Mode(models.TextChoices):
        IN_PERSON = "in-person", "In person"
        PHONE = "phone", "Telephone"
        VIDEO = "video", "Video call"

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", "Scheduled"
        HELD = "held", "Held"
        CANCELLED = "cancelled", "Cancelled"

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="interviews")
    contact_request = models.ForeignKey(
        "outreach.ContactRequest", null=True, blank=True, on_delete=models.SET_NULL
    )
    starts_at = models.DateTimeField(validators=[validate_moment_in_range])
    time_zone = models.CharField(max_length=64, default="UTC", validators=[validate_time_zone])
    minutes = models.PositiveSmallIntegerField(
        default=DEFAULT_MINUTES,
        validators=[
            MinValueValidator(5, message=LENGTH_ADVICE),
            MaxValueValidator(180, message=LENGTH_ADVICE),
        ],
    )
    mode = models.CharField(max_length=20, choices=Mode.choices, default=Mode.IN_PERSON)
    place = models.CharField(max_length=300, blank=True, help_text="Address or video link.")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.SCHEDULED)
    purposes = models.JSONField(default=list, blank=True, validators=[validate_texts])
    learned = models.TextField(blank=True, help_text="What you learned, in your own words.")
    fit_rating = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
        help_text="How well the occupation fits you, 1–5.",
    )
    keep_in_touch_on = models.DateField(null=True, blank=True, validators=[validate_in_range])
    kept_in_touch = models.BooleanField(default=False)

    class Meta:
        ordering = ["starts_at"]

    def __str__(self) -> str:
        return f"Interview with {self.person}"

    def clean(self) -> None:
        unknown = [p for p in self.purposes if p not in PURPOSES]
        if unknown:
            raise ValidationError({"purposes": f"unknown purpose {unknown[0]!r}"})

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.minutes)

    def to_dict(self) -> dict:
        """The start with the offset of the interview's own time zone: the day as it is lived."""
        return {
            "id": str(self.public_id),
            "person": self.person.name,
            "person_id": str(self.person.public_id),
            "starts_at": self.starts_at.astimezone(ZoneInfo(self.time_zone)).isoformat(),
            "time_zone": self.time_zone,
            "minutes": self.minutes,
            "mode": self.mode,
            "place": self.place,
            "status": self.status,
            "fit_rating": self.fit_rating,
        }


class InterviewChange(Owned):
    """A reschedule or cancellation, keeping what the interview was before."""

    class Kind(models.TextChoices):
        RESCHEDULED = "rescheduled", "Rescheduled"
        CANCELLED = "cancelled", "Cancelled"

    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="changes")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    previous_starts_at = models.DateTimeField(validators=[validate_moment_in_range])
    previous_minutes = models.PositiveSmallIntegerField()
    previous_mode = models.CharField(max_length=20)
    reason = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.interview}"


class PlannedQuestion(Owned):
    """A question chosen for one interview, with the notes taken on its answer."""

    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="questions")
    source = models.CharField(max_length=40, help_text="Question bank key, 'onet' or 'own'.")
    purpose = models.CharField(max_length=30, blank=True)
    text = models.CharField(max_length=500)
    minutes = models.FloatField(
        default=2.0, validators=[MinValueValidator(0.5), MaxValueValidator(60)]
    )
    position = models.PositiveSmallIntegerField(default=0)
    notes = models.TextField(blank=True)
    notes_saved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.text

    @property
    def origin(self) -> str:
        """Where a question came from, when not from the built-in bank."""
        return {"onet": "from O*NET", "research": "from your research", "own": "yours"}.get(
            self.source, ""
        )


class Insight(Owned):
    class Kind(models.TextChoices):
        PROS = "pros", "What is good about the work"
        CONS = "cons", "What is hard about it"
        TYPICAL_DAY = "typical_day", "A typical day"
        WAYS_IN = "ways_in", "Ways in"
        OPPORTUNITIES = "opportunities", "Volunteering, internships, part-time or seasonal work"
        ADVICE = "advice", "Advice on my strengths and weaknesses"

    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="insights")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    text = models.TextField()

    class Meta:
        ordering = ["kind", "id"]
        # Progress shows the latest few of all of them.
        indexes = [models.Index(fields=["owner", "created_at"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.text[:40]}"


class ThankYou(Owned):
    class Channel(models.TextChoices):
        EMAIL = "email", "E-mail"
        LETTER = "letter", "Letter"

    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="thanks")
    recipient = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="thanks")
    channel = models.CharField(max_length=10, choices=Channel.choices, default=Channel.EMAIL)
    body = models.TextField()
    sent_on = models.DateField(null=True, blank=True, validators=[validate_in_range])

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["interview", "recipient"], name="one_thanks_each"),
        ]

    def __str__(self) -> str:
        return f"Thank-you to {self.recipient}"


class ResearchEntry(Owned):
    """A source read or a checklist item done before an interview, per occupation."""

    class Subject(models.TextChoices):
        OCCUPATION = "occupation", "The occupation"
        ORGANIZATION = "organization", "The organization"
        PERSON = "person", "The person"

    class SourceKind(models.TextChoices):
        ONET = "onet", "O*NET"
        OOH = "ooh", "Occupational Outlook Handbook"
        ASSOCIATION = "association", "Professional association"
        TRADE = "trade", "Trade magazine"
        BOOK = "book", "Book"
        WEBSITE = "website", "Website"
        OTHER = "other", "Other"

    onet_code = models.CharField(
        max_length=10,
        blank=True,
        validators=[validate_onet_code],
        help_text="The O*NET occupation the research is about.",
    )
    target = models.ForeignKey(
        "careers.TargetOccupation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="research",
        help_text="The list it belongs to, when the occupation is on the shortlist.",
    )
    interview = models.ForeignKey(
        Interview, null=True, blank=True, on_delete=models.CASCADE, related_name="research"
    )
    subject = models.CharField(max_length=20, choices=Subject.choices)
    source_kind = models.CharField(max_length=20, choices=SourceKind.choices, default="other")
    title = models.CharField(max_length=300)
    url = models.URLField(blank=True)
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.title
