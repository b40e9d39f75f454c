"""Accounts: the owner of every row, their profile, one-time sign-in links and sessions."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.sessions.base_session import AbstractBaseSession
from django.core.exceptions import ValidationError
from django.db import models

from infointerview.accounts.validation import validate_time_zone
from infointerview.lib.errors import NotFound


class Owned(models.Model):
    """Base of every row that belongs to a user: a public id for URLs and exports, and times."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True

    @classmethod
    def owned_by(cls, owner, public_id, what: str, *related: str):
        """The owner's row with this public id; anything else, whoever's it is, is NotFound."""
        try:
            return cls.objects.select_related(*related).get(owner=owner, public_id=public_id)
        except (cls.DoesNotExist, ValueError, ValidationError):
            raise NotFound(f"no such {what}") from None


class Profile(Owned):
    """What drafts say about the user, and the time zone that decides what 'today' is."""

    # What the user sets in Settings, and so what an export carries and a restore brings back.
    USER_FIELDS = [
        "full_name",
        "introduction",
        "email",
        "phone",
        "time_zone",
        "wage_state",
        "wage_metro",
    ]

    full_name = models.CharField(max_length=200, blank=True)
    introduction = models.CharField(
        max_length=300,
        blank=True,
        help_text="One line about you, e.g. 'a second-year design student at Lakeside College'.",
    )
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=50, blank=True)
    time_zone = models.CharField(max_length=64, default="UTC", validators=[validate_time_zone])
    wage_state = models.CharField(
        max_length=10, blank=True, help_text="OEWS area code of your state, for local wages."
    )
    wage_metro = models.CharField(
        max_length=10, blank=True, help_text="OEWS area code of your metropolitan area."
    )

    class Meta:
        constraints = [models.UniqueConstraint(fields=["owner"], name="one_profile_per_user")]

    def __str__(self) -> str:
        return self.name_for_drafts()

    def wage_areas(self) -> list[str]:
        return [code for code in (self.wage_state, self.wage_metro) if code]

    def today(self, now: datetime) -> date:
        """The user's day at that moment, in their own time zone."""
        return now.astimezone(ZoneInfo(self.time_zone)).date()

    def name_for_drafts(self) -> str:
        return self.full_name or self.owner.get_username()


class SignInLink(Owned):
    """A link that signs its owner in once, so no account ever has a default password."""

    token_hash = models.CharField(max_length=64, unique=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"sign-in link for {self.owner}"

    def is_usable(self, now: datetime) -> bool:
        return self.used_at is None and self.expires_at > now


class Session(AbstractBaseSession):
    """A signed-in browser. The key is kept only as its hash (see accounts.sessions).

    The user is recorded beside it, since a hash cannot be looked up by whose it is:
    signing a user out everywhere else, or deleting their account, needs that.
    """

    session_key = models.CharField(max_length=64, primary_key=True)
    # No database constraint: a session saved as its user is being deleted must not
    # fail; deleting a user still deletes their sessions.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.CASCADE,
        db_constraint=False,
        related_name="+",
    )

    @classmethod
    def get_session_store_class(cls):
        from infointerview.accounts.sessions import SessionStore

        return SessionStore
