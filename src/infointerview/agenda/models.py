"""What belongs to the composition layer itself: the calendar subscription's secret, and
the people the user said are not duplicates of each other."""

from __future__ import annotations

from django.db import models

from infointerview.accounts.models import Owned


class CalendarFeed(Owned):
    """The secret in a calendar subscription address; replacing it revokes the old one.

    Only the secret's hash is kept, so a copy of the database cannot read anyone's
    calendar; the address is shown once, when it is made. The table keeps the name it
    had when the interviews app owned it, so every address already subscribed to keeps
    working.
    """

    token_hash = models.CharField(max_length=64, unique=True)

    class Meta:
        db_table = "interviews_calendarfeed"

    def __str__(self) -> str:
        return f"calendar feed of {self.owner}"


class DifferentPeople(Owned):
    """Two records the user said are different people, though they look alike (two Chris
    Lees at one company): never proposed as duplicates again."""

    first = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="+")
    second = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="+")

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["first", "second"], name="one_different_per_pair"),
            models.CheckConstraint(
                condition=~models.Q(first=models.F("second")), name="different_from_another"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.first} is not {self.second}"
