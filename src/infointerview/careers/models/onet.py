"""The O*NET database, shared by every user: reference data, not anyone's notes.

Occupations are never deleted: a code that leaves O*NET stays readable, marked with
the release that no longer has it, so links from people, targets and notes hold.
"""

from __future__ import annotations

from django.db import models


def soc_for(onet_code: str) -> str:
    """O*NET 15-1252.00 and its specialties 15-1252.01… take SOC 15-1252."""
    return onet_code.split(".")[0]


class OnetTable(models.Model):
    """Which release each table came from, and a checksum so a re-import can change nothing."""

    name = models.CharField(max_length=100, unique=True)
    release = models.CharField(max_length=20)
    sha256 = models.CharField(max_length=64)
    rows = models.PositiveIntegerField(default=0)
    imported_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.name} ({self.release})"


class Occupation(models.Model):
    code = models.CharField(max_length=10, unique=True, help_text="O*NET-SOC code, e.g. 15-1252.00")
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    job_zone = models.PositiveSmallIntegerField(null=True, blank=True)
    previous_title = models.CharField(max_length=200, blank=True)
    retired_in = models.CharField(
        max_length=20, blank=True, help_text="The first release that no longer has this code."
    )

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.title} ({self.code})"

    @property
    def soc_code(self) -> str:
        return soc_for(self.code)

    @property
    def is_retired(self) -> bool:
        return bool(self.retired_in)


class AlternateTitle(models.Model):
    occupation = models.ForeignKey(Occupation, on_delete=models.CASCADE, related_name="alternates")
    title = models.CharField(max_length=300)
    short_title = models.CharField(max_length=200, blank=True)

    def __str__(self) -> str:
        return self.title


class ReportedTitle(models.Model):
    occupation = models.ForeignKey(Occupation, on_delete=models.CASCADE, related_name="reported")
    title = models.CharField(max_length=300)
    shown_in_my_next_move = models.BooleanField(default=False)

    def __str__(self) -> str:
        return self.title


class Task(models.Model):
    occupation = models.ForeignKey(Occupation, on_delete=models.CASCADE, related_name="tasks")
    task_id = models.PositiveIntegerField()
    text = models.TextField()
    task_type = models.CharField(max_length=20, blank=True, help_text="Core or Supplemental")
    importance = models.FloatField(null=True, blank=True, help_text="From Task Ratings, 1–5")

    class Meta:
        ordering = ["-importance", "task_type", "task_id"]

    def __str__(self) -> str:
        return self.text


class JobZoneReference(models.Model):
    zone = models.PositiveSmallIntegerField(unique=True)
    name = models.CharField(max_length=200)
    experience = models.TextField(blank=True)
    education = models.TextField(blank=True)
    training = models.TextField(blank=True)
    examples = models.TextField(blank=True)

    def __str__(self) -> str:
        return self.name


class ElementRating(models.Model):
    """An occupation's rating on one O*NET element, the shape of several O*NET tables.

    One shape, so the importer builds them all one way and pages read `element` and
    `value` alike; each table keeps its own related name and column sizes.
    """

    element = models.CharField(max_length=150)
    value = models.FloatField()

    class Meta:
        abstract = True
        ordering = ["-value"]

    def __str__(self) -> str:
        return self.element


class Interest(ElementRating):
    """RIASEC occupational interest, on the 1–7 OI scale."""

    occupation = models.ForeignKey(Occupation, on_delete=models.CASCADE, related_name="interests")
    element = models.CharField(max_length=50)


class WorkValue(ElementRating):
    """Work value extent, on the 1–7 EX scale."""

    occupation = models.ForeignKey(Occupation, on_delete=models.CASCADE, related_name="work_values")
    element = models.CharField(max_length=50)


class RelatedOccupation(models.Model):
    occupation = models.ForeignKey(Occupation, on_delete=models.CASCADE, related_name="related")
    related_code = models.CharField(max_length=10)
    tier = models.CharField(max_length=30, blank=True)
    rank = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["rank"]

    def __str__(self) -> str:
        return self.related_code


class EducationCategory(models.Model):
    scale = models.CharField(max_length=5)
    category = models.PositiveSmallIntegerField()
    description = models.CharField(max_length=300)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["scale", "category"], name="one_education_category")
        ]

    def __str__(self) -> str:
        return self.description


class EducationLevel(models.Model):
    """Share of workers per category of education (RL), experience (RW) or training (PT, OJ)."""

    occupation = models.ForeignKey(Occupation, on_delete=models.CASCADE, related_name="education")
    scale = models.CharField(max_length=5)
    category = models.PositiveSmallIntegerField()
    percent = models.FloatField()

    def __str__(self) -> str:
        return f"{self.scale} {self.category}"


class TechnologySkill(models.Model):
    occupation = models.ForeignKey(Occupation, on_delete=models.CASCADE, related_name="technology")
    example = models.CharField(max_length=300)
    commodity_title = models.CharField(max_length=300, blank=True)
    hot = models.BooleanField(default=False)
    in_demand = models.BooleanField(default=False)

    class Meta:
        ordering = ["-in_demand", "-hot", "example"]

    def __str__(self) -> str:
        return self.example


class Skill(ElementRating):
    """Skill importance, on the 1–5 IM scale."""

    occupation = models.ForeignKey(Occupation, on_delete=models.CASCADE, related_name="skills")
    element = models.CharField(max_length=100)
    value = models.FloatField(db_column="importance")


class WorkContext(ElementRating):
    """How often or how much a condition of the work applies, on the 1–5 CX scale."""

    occupation = models.ForeignKey(Occupation, on_delete=models.CASCADE, related_name="context")
