"""What belongs to the composition layer itself: the calendar subscription's secret."""

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
