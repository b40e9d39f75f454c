"""People to interview, where each came from, who knows whom, and organizations to call."""

from __future__ import annotations

from django.db import models

from infointerview.accounts.models import Owned
from infointerview.accounts.validation import (
    validate_emails,
    validate_in_range,
    validate_onet_code,
    validate_texts,
)
from infointerview.careers.models import Level, TargetOccupation
from infointerview.lib.day_words import short_day


class Source(models.TextChoices):
    """Where a name came from, in the order the method recommends looking."""

    FAMILY = "family", "Family"
    FRIEND = "friend", "Friend"
    TEACHER = "teacher", "Teacher"
    COWORKER = "coworker", "Past coworker"
    ALUMNI = "alumni", "Career center or alumni list"
    ASSOCIATION = "association", "Professional association"
    PUBLICATION = "publication", "Trade publication"
    ORGANIZATION = "organization", "Called an organization"
    REFERRAL = "referral", "Referral"


class Person(Owned):
    name = models.CharField(max_length=200)
    address_as = models.CharField(
        max_length=200,
        blank=True,
        help_text="As in “Dear …,”, e.g. “Dana” or “Dr. Lee”; empty: the full name.",
    )
    emails = models.JSONField(default=list, blank=True, validators=[validate_emails])
    phones = models.JSONField(default=list, blank=True, validators=[validate_texts])
    postal_address = models.TextField(blank=True)
    organization = models.CharField(max_length=200, blank=True)
    job_title = models.CharField(max_length=200, blank=True)
    linkedin_url = models.URLField(blank=True, help_text="Their LinkedIn profile address.")
    target = models.ForeignKey(
        TargetOccupation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
        help_text="The occupation whose list of names this person is on.",
    )
    onet_code = models.CharField(
        max_length=10,
        blank=True,
        validators=[validate_onet_code],
        help_text="Linked O*NET-SOC code.",
    )
    proposed_onet_code = models.CharField(
        max_length=10, blank=True, validators=[validate_onet_code]
    )
    declined_onet_codes = models.JSONField(default=list, blank=True)
    level = models.CharField(max_length=20, choices=Level.choices, default=Level.ENTRY)
    source = models.CharField(max_length=20, choices=Source.choices, default=Source.FRIEND)
    source_detail = models.CharField(max_length=200, blank=True)
    introduced_by = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="introduced"
    )
    notes = models.TextField(blank=True)
    tags = models.JSONField(default=list, blank=True, validators=[validate_texts])
    position = models.IntegerField(default=0, help_text="Place on the list of names to contact.")

    class Meta:
        ordering = ["position", "id"]
        indexes = [
            models.Index(fields=["owner", "target", "position"]),
            # Who the user knows in an occupation: counted from the index alone.
            models.Index(fields=["owner", "onet_code", "level"], name="person_onet_level"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def occupation(self) -> str:
        """The name of the list this person is on ('' when on none)."""
        return self.target.name if self.target_id else ""

    def headline(self) -> str:
        return " · ".join(
            part for part in (self.job_title, self.organization, self.get_level_display()) if part
        )

    def referrals(self):
        """The people this person pointed the user to."""
        return self.introduced.filter(source=Source.REFERRAL)

    def letter_address_lines(self) -> list[str]:
        """Name, title, organization and postal address, each once.

        People often type the organization as the first line of the postal address too;
        a letter that repeats it looks careless.
        """
        address = [line.strip() for line in self.postal_address.splitlines() if line.strip()]
        said = {line.casefold() for line in address}
        heading = [self.name, self.job_title, self.organization]
        return [line for line in heading if line and line.casefold() not in said] + address

    @property
    def salutation(self) -> str:
        """How drafts address them: as the user said, else by full name, never a guessed title."""
        return self.address_as or self.name

    @property
    def email(self) -> str:
        return self.emails[0] if self.emails else ""

    @property
    def phone(self) -> str:
        return self.phones[0] if self.phones else ""

    @property
    def linkedin_link(self) -> str:
        """The profile address when it is a web address; anything else is shown, not linked."""
        url = self.linkedin_url.strip()
        return url if url.lower().startswith(("https://", "http://")) else ""

    def to_dict(self) -> dict:
        return {
            "id": str(self.public_id),
            "name": self.name,
            "address_as": self.address_as,
            "emails": self.emails,
            "phones": self.phones,
            "postal_address": self.postal_address,
            "organization": self.organization,
            "job_title": self.job_title,
            "linkedin_url": self.linkedin_url,
            "occupation": self.occupation,
            "onet_code": self.onet_code or None,
            "level": self.level,
            "source": self.source,
            "source_detail": self.source_detail,
            "introduced_by": self.introduced_by.name if self.introduced_by else None,
            "notes": self.notes,
            "tags": self.tags,
        }


class ImportBatch(Owned):
    """One file of contacts brought in: what it was and what came of it."""

    class Format(models.TextChoices):
        LINKEDIN = "linkedin", "LinkedIn connections"
        VCARD = "vcard", "vCard"
        GOOGLE = "google", "Google Contacts CSV"
        CSV = "csv", "CSV list with a column mapping"

    file_name = models.CharField(max_length=255)
    file_format = models.CharField(max_length=20, choices=Format.choices)
    checksum = models.CharField(max_length=64, help_text="sha256 of the file as it came in.")
    imported_at = models.DateTimeField()
    source = models.CharField(max_length=20, choices=Source.choices)
    created = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    merged = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)
    skipped = models.PositiveIntegerField(default=0)
    conflicts = models.PositiveIntegerField(default=0)

    COUNTS = ("created", "updated", "merged", "unchanged", "skipped", "conflicts")

    class Meta:
        ordering = ["imported_at", "id"]

    @property
    def counts(self) -> dict[str, int]:
        return {name: getattr(self, name) for name in self.COUNTS}

    def __str__(self) -> str:
        return f"{self.file_name} ({short_day(self.imported_at)})"


class ImportedPerson(Owned):
    """A person an import created or changed, and the values imports have set on them.

    They let a later import tell a field it set itself (and may update) from one the
    user changed since (which is kept, and reported as a conflict). Blank: never set.
    """

    VALUES = ("organization", "job_title", "linkedin_url", "postal_address")

    class Outcome(models.TextChoices):
        CREATED = "created", "Created"
        UPDATED = "updated", "Updated"
        MERGED = "merged", "Merged into someone already listed"

    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="people")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="imported")
    line = models.PositiveIntegerField(help_text="Where in the file this person was.")
    outcome = models.CharField(max_length=20, choices=Outcome.choices)
    organization = models.CharField(max_length=200, blank=True)
    job_title = models.CharField(max_length=200, blank=True)
    linkedin_url = models.URLField(blank=True)
    postal_address = models.TextField(blank=True)

    class Meta:
        ordering = ["id"]

    @property
    def values(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in self.VALUES if getattr(self, name)}


class OrganizationLead(Owned):
    """An organization that employs such workers, to call when there is no name yet."""

    class Status(models.TextChoices):
        OPEN = "open", "To call"
        NAMED = "named", "Gave a name"
        CLOSED = "closed", "Closed"

    organization = models.CharField(max_length=200)
    department = models.CharField(max_length=200, blank=True)
    phone = models.CharField(max_length=50, blank=True)
    target = models.ForeignKey(
        TargetOccupation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="leads",
        help_text="The occupation whose list of names this lead is on.",
    )
    call_script = models.TextField(blank=True)
    notes = models.TextField(blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN)
    person = models.OneToOneField(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="from_lead"
    )
    position = models.IntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return f"{self.organization} ({self.department})" if self.department else self.organization

    @property
    def occupation(self) -> str:
        return self.target.name if self.target_id else ""

    def to_dict(self) -> dict:
        return {
            "id": str(self.public_id),
            "organization": self.organization,
            "department": self.department,
            "phone": self.phone,
            "occupation": self.occupation,
            "status": self.status,
            "person": str(self.person.public_id) if self.person else None,
        }


class LeadCall(Owned):
    """One call to an organization's switchboard that did not yield a name."""

    class Outcome(models.TextChoices):
        NO_ANSWER = "no-answer", "No answer"
        NO_NAME = "no-name", "Could not give a name"
        DECLINED = "declined", "Declined to help"

    lead = models.ForeignKey(OrganizationLead, on_delete=models.CASCADE, related_name="calls")
    outcome = models.CharField(max_length=20, choices=Outcome.choices)
    on = models.DateField(validators=[validate_in_range])
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["on", "id"]

    def to_dict(self) -> dict:
        return {"outcome": self.outcome, "on": self.on.isoformat(), "note": self.note}


class Acquaintance(Owned):
    """Two people the user knows to know each other: one may introduce the user to the other.

    Knowing is mutual, so each pair is kept once, the earlier-added person first.
    """

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    knows = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    note = models.CharField(max_length=200, blank=True, help_text="How they know each other.")

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["person", "knows"], name="one_acquaintance_per_pair"),
            models.CheckConstraint(
                condition=~models.Q(person=models.F("knows")), name="acquaintance_of_another"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} knows {self.knows}"

    def other_than(self, person_id: int) -> Person:
        return self.knows if self.person_id == person_id else self.person
