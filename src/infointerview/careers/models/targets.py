"""Occupations the user explores; a target starts as a name and links to O*NET later."""

from __future__ import annotations

import re
import unicodedata

from django.db import models

from infointerview.accounts.models import Owned
from infointerview.accounts.validation import validate_onet_code


class Level(models.TextChoices):
    ENTRY = "entry", "Entry level"
    EXPERIENCED = "experienced", "Experienced"
    SUPERVISOR = "supervisor", "Supervisor or manager"


LEVEL_RANK = {Level.ENTRY: 0, Level.EXPERIENCED: 1, Level.SUPERVISOR: 2}


def tidy_name(name: str) -> str:
    """A list's name as stored: one way to write each accent, no invisible characters,
    single spaces."""
    if name.isascii():  # nothing to compose and no invisible characters: most names
        return " ".join(name.split())
    composed = unicodedata.normalize("NFC", name)
    visible = "".join(ch for ch in composed if unicodedata.category(ch) != "Cf")
    return " ".join(visible.split())


def name_key(name: str) -> str:
    """How two spellings of one list are recognised: case, spacing, the way an accent is
    typed and invisible characters do not count.

    Folded in Python with casefold(), since SQLite's own case folding knows ASCII only.
    """
    if name.isascii():  # NFKC leaves ASCII as it is, and casefold() is lower() there
        return tidy_name(name).lower()
    return unicodedata.normalize("NFKC", tidy_name(name)).casefold()


HIRING_WORDS = re.compile(
    r"\b(hr|human resources?|recruit\w*|talent acquisition|hiring manager|staffing)\b",
    re.IGNORECASE,
)


def is_hiring_work(text: str) -> bool:
    """HR and recruiting know hiring, not the day-to-day of the work the user asks about."""
    return bool(HIRING_WORDS.search(text or ""))


class TargetOccupation(Owned):
    """An occupation on the user's shortlist, with the level they would enter at."""

    class Status(models.TextChoices):
        EXPLORING = "exploring", "Exploring"
        CONFIRMED = "confirmed", "Confirmed"
        RULED_OUT = "ruled_out", "Ruled out"

    name = models.CharField(max_length=200)
    name_key = models.CharField(max_length=200, editable=False, default="")
    level = models.CharField(max_length=20, choices=Level.choices, default=Level.ENTRY)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.EXPLORING)
    why = models.TextField(blank=True)
    notes = models.TextField(blank=True)
    onet_code = models.CharField(
        max_length=10,
        blank=True,
        validators=[validate_onet_code],
        help_text="Linked O*NET-SOC code.",
    )
    proposed_onet_code = models.CharField(
        max_length=10,
        blank=True,
        validators=[validate_onet_code],
        help_text="A likely O*NET match awaiting the user's word.",
    )
    declined_onet_codes = models.JSONField(
        default=list, blank=True, help_text="O*NET matches the user said no to."
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "name"], name="one_target_per_name"),
            models.UniqueConstraint(fields=["owner", "name_key"], name="one_target_per_name_key"),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.name_key = name_key(self.name)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "name" in update_fields:
            kwargs["update_fields"] = {*update_fields, "name_key"}
        super().save(*args, **kwargs)

    def to_dict(self) -> dict:
        return {
            "id": str(self.public_id),
            "name": self.name,
            "level": self.level,
            "status": self.status,
            "why": self.why,
            "notes": self.notes,
            "onet_code": self.onet_code or None,
            "proposed_onet_code": self.proposed_onet_code or None,
        }
