"""Owner accounts, profiles and one-time sign-in links."""

from __future__ import annotations

import getpass
import hashlib
import secrets
from datetime import datetime, timedelta
from importlib import import_module

from django.conf import settings
from django.contrib.auth import SESSION_KEY, get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.urls import reverse

from infointerview.accounts.models import Profile, SignInLink
from infointerview.lib.errors import NotFound, Refused

SIGN_IN_LINK_LIFETIME = timedelta(hours=24)
# How long after signing in by link a password may be replaced without the old one:
# a link is how someone who forgot their password gets back in.
FORGOTTEN_PASSWORD_WINDOW = timedelta(minutes=15)


def profile_for(user: AbstractBaseUser) -> Profile:
    """The user's profile, read once per user object (so once per request or command).

    An account without one gets the defaults, unsaved: reading a page never writes.
    """
    cached = getattr(user, "_infointerview_profile", None)
    if cached is None:
        cached = Profile.objects.filter(owner=user).first()
        cached = cached or Profile(owner=user, time_zone=settings.TIME_ZONE)
        user._infointerview_profile = cached
    return cached


def default_owner_name() -> str:
    try:
        return getpass.getuser() or "owner"
    except OSError:
        return "owner"


@transaction.atomic
def create_owner(username: str, full_name: str = "", time_zone: str | None = None):
    """The personal-mode account: created without a password, entered by a sign-in link."""
    users = get_user_model()
    if users.objects.filter(username=username).exists():
        raise Refused(f"an account named {username!r} already exists")
    user = users.objects.create_user(username=username)
    user.set_unusable_password()
    user.save()
    Profile.objects.create(
        owner=user, full_name=full_name, time_zone=time_zone or settings.TIME_ZONE
    )
    return user


def ensure_owner():
    """The only account, created on first use so personal mode needs no set-up questions."""
    users = get_user_model()
    existing = list(users.objects.order_by("id")[:2])
    if len(existing) == 1:
        return existing[0]
    if existing:
        raise Refused("several accounts exist: choose one with --user NAME or INFOINTERVIEW_USER")
    return create_owner(default_owner_name())


def user_named(username: str):
    try:
        return get_user_model().objects.get(username=username)
    except get_user_model().DoesNotExist:
        raise NotFound(f"no account named {username!r}") from None


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue_sign_in_link(user, now: datetime) -> str:
    """Return a fresh token; only its hash is stored, so a copied database cannot sign in."""
    token = secrets.token_urlsafe(32)
    SignInLink.objects.create(
        owner=user, token_hash=_hash(token), expires_at=now + SIGN_IN_LINK_LIFETIME
    )
    return token


@transaction.atomic
def redeem_sign_in_link(token: str, now: datetime):
    link = (
        SignInLink.objects.select_for_update()
        .select_related("owner")
        .filter(token_hash=_hash(token))
        .first()
    )
    if link is None or not link.is_usable(now):
        raise Refused("this sign-in link has expired or was already used; ask for a new one")
    link.used_at = now
    link.save(update_fields=["used_at", "updated_at"])
    return link.owner


def sign_in_address(user, site: str, now: datetime) -> str:
    """A fresh one-time link on the address people use to reach the app."""
    path = reverse("accounts:sign_in_link", args=[issue_sign_in_link(user, now)])
    return site.rstrip("/") + path


def revoke_sign_in_links(user) -> int:
    """Unused links stop working: one printed before a password change must not outlive it."""
    deleted, _ = SignInLink.objects.filter(owner=user, used_at__isnull=True).delete()
    return deleted


def end_other_sessions(user, keep: str | None) -> int:
    """Delete the user's sessions but `keep` (a session key); how many were deleted.

    A session engine that records each row's user offers
    `sign_out_other_sessions(user, keep_session_key)` beside its store (ours does); with
    Django's database engine each row is read instead. Other engines keep their rows,
    which the changed password hash already makes useless.
    """
    engine = import_module(settings.SESSION_ENGINE)
    if hasattr(engine, "sign_out_other_sessions"):
        return engine.sign_out_other_sessions(user, keep)
    if not hasattr(engine.SessionStore, "get_model_class"):
        return 0
    rows = engine.SessionStore.get_model_class().objects
    owner_id = user._meta.pk.value_to_string(user)
    theirs = [
        row.session_key
        for row in rows.exclude(session_key=keep).iterator()
        if row.get_decoded().get(SESSION_KEY) == owner_id
    ]
    deleted, _ = rows.filter(session_key__in=theirs).delete()
    return deleted


def needs_current_password(user, signed_in_by_link_at: datetime | None, now: datetime) -> bool:
    """Whether changing the password asks for the current one.

    It does once one is set, so a session left open cannot lock its owner out; except
    just after signing in by link, which is how a forgotten password is replaced.
    """
    if not user.has_usable_password():
        return False
    fresh = signed_in_by_link_at and now - signed_in_by_link_at <= FORGOTTEN_PASSWORD_WINDOW
    return not fresh


@transaction.atomic
def change_password(user, new_password: str, keep_session: str | None) -> None:
    """Set the password; every other session and every unused sign-in link stops working.

    Whoever kept a session or a link from before (a shared computer, a forwarded message)
    is out, not only whoever does not know the new password.
    """
    user.set_password(new_password)
    user.save(update_fields=["password"])
    revoke_sign_in_links(user)
    end_other_sessions(user, keep=keep_session)
