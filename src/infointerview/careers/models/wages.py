"""BLS OEWS wage estimates by SOC code and area (public domain)."""

from __future__ import annotations

from django.db import models


class WageImport(models.Model):
    source = models.CharField(max_length=300)
    sha256 = models.CharField(max_length=64, unique=True)
    rows = models.PositiveIntegerField(default=0)
    imported_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.source


class WageEstimate(models.Model):
    """One area's estimate for one SOC code; None means BLS did not release it."""

    class AreaType(models.IntegerChoices):
        NATION = 1, "National"
        STATE = 2, "State"
        TERRITORY = 3, "Territory"
        METRO = 4, "Metropolitan area"
        NONMETRO = 6, "Nonmetropolitan area"

    soc_code = models.CharField(max_length=7, help_text="e.g. 15-1252, or a group such as 13-1020")
    title = models.CharField(max_length=300)
    group = models.CharField(max_length=20, blank=True, help_text="OEWS O_GROUP: detailed, broad…")
    area_code = models.CharField(max_length=10)
    area_title = models.CharField(max_length=200)
    area_type = models.PositiveSmallIntegerField(choices=AreaType.choices)
    state_code = models.CharField(max_length=2, blank=True)
    employment = models.PositiveIntegerField(null=True, blank=True)
    annual_median = models.PositiveIntegerField(null=True, blank=True)
    annual_p10 = models.PositiveIntegerField(null=True, blank=True)
    annual_p25 = models.PositiveIntegerField(null=True, blank=True)
    annual_p75 = models.PositiveIntegerField(null=True, blank=True)
    annual_p90 = models.PositiveIntegerField(null=True, blank=True)
    hourly_median = models.FloatField(null=True, blank=True)
    top_coded_columns = models.CharField(
        max_length=100, blank=True, help_text="Columns BLS marked # (at or above the top code)."
    )
    year = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["soc_code", "area_code"], name="one_estimate_per_area")
        ]
        indexes = [models.Index(fields=["soc_code", "area_type"])]

    def __str__(self) -> str:
        return f"{self.soc_code} in {self.area_title}"

    @property
    def top_coded(self) -> list[str]:
        return [c for c in self.top_coded_columns.split(",") if c]
