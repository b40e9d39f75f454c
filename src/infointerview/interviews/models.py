"""Informational interviews: agreed meetings with a person."""

from __future__ import annotations

from django.db import models

from infointerview.accounts.models import Owned
from infointerview.people.models import Person

DEFAULT_MINUTES = 25


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
    starts_at = models.DateTimeField()
    minutes = models.PositiveSmallIntegerField(default=DEFAULT_MINUTES)
    mode = models.CharField(max_length=20, choices=Mode.choices, default=Mode.IN_PERSON)
    place = models.CharField(max_length=300, blank=True, help_text="Address or video link.")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.SCHEDULED)

    class Meta:
        ordering = ["starts_at"]

    def __str__(self) -> str:
        return f"Interview with {self.person}"

    def to_dict(self) -> dict:
        return {
            "id": str(self.public_id),
            "person": self.person.name,
            "person_id": str(self.person.public_id),
            "starts_at": self.starts_at.isoformat(),
            "minutes": self.minutes,
            "mode": self.mode,
            "place": self.place,
            "status": self.status,
        }
