"""Deleting an account and everything in it, in one transaction.

The data is the user's: deleting the account leaves nothing of theirs behind, not
their sessions, sign-in links, calendar feed or the record of their sign-in attempts.
What a stage stores is found in the table registry, so a new table is never forgotten.
"""

from __future__ import annotations

from importlib import import_module

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib.auth import SESSION_KEY, get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db import models, transaction

from infointerview.accounts.models import Profile, SignInLink
from infointerview.accounts.services import user_named
from infointerview.accounts.tables import user_tables
from infointerview.agenda.models import CalendarFeed
from infointerview.lib import long_writes
from infointerview.lib.errors import NotFound, Refused
from infointerview.people.imports import pending as pending_uploads

# The registry's table names in the words the pages use, where they differ.
WORDS = {
    "targets": "occupations on your shortlist",
    "organization_leads": "organizations to call",
    "attempts": "contact attempts",
    "templates": "draft templates",
    "interview_changes": "interview changes",
    "questions": "planned questions",
    "thank_yous": "thank-you notes",
    "research": "research notes",
}


def account_named(name: str | None) -> AbstractBaseUser:
    """The account to delete: the one named, or the only one. Never one made for the purpose."""
    if name:
        return user_named(name)
    accounts = list(get_user_model().objects.order_by("pk")[:2])
    if not accounts:
        raise NotFound("there is no account to delete")
    if len(accounts) > 1:
        raise Refused("several accounts exist: name the one to delete with --user NAME")
    return accounts[0]


def _session_model() -> type[models.Model] | None:
    """The table sessions are kept in, or None when they are not kept in the database."""
    store = import_module(settings.SESSION_ENGINE).SessionStore
    return store.get_model_class() if hasattr(store, "get_model_class") else None


def _sessions_of(user) -> models.QuerySet | None:
    """The user's sessions: by the user recorded on the row, else by what the session holds.

    Reading the session finds those saved before users were recorded beside them.
    """
    model = _session_model()
    if model is None:
        return None
    keys, unknown = set(), model.objects.all()
    if any(field.name == "user" for field in model._meta.concrete_fields):
        keys = set(model.objects.filter(user=user).values_list("pk", flat=True))
        unknown = unknown.filter(user=None)
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    keys |= {
        row.pk
        for row in unknown.iterator()
        if store.decode(row.session_data).get(SESSION_KEY) == str(user.pk)
    }
    return model.objects.filter(pk__in=keys)


def _sign_in_names(user) -> set[str]:
    """The names the user's sign-in records are kept under: theirs as typed in any case
    ("Alice", "ALICE"), except a spelling that is another account's own name."""
    mine = user.get_username()
    others = set(get_user_model().objects.exclude(pk=user.pk).values_list("username", flat=True))
    typed = set()
    for model in (AccessFailureLog, AccessLog, AccessAttempt):
        typed |= set(model.objects.values_list("username", flat=True).distinct())
    return {mine} | {
        name for name in typed if name and name.casefold() == mine.casefold() and name not in others
    }


def _what_is_kept(user) -> list[tuple[str, models.QuerySet]]:
    """Every set of rows of the user, in an order to delete them: links before what they name.

    Stages register their tables after the tables they link to, so those go in reverse.
    """
    names = _sign_in_names(user)
    kept = [
        ("signed-in sessions", _sessions_of(user)),
        ("failed sign-ins", AccessFailureLog.objects.filter(username__in=names)),
        ("recorded sign-ins", AccessLog.objects.filter(username__in=names)),
        ("sign-in attempts", AccessAttempt.objects.filter(username__in=names)),
        ("sign-in links", SignInLink.objects.filter(owner=user)),
        ("calendar feed", CalendarFeed.objects.filter(owner=user)),
        ("profile", Profile.objects.filter(owner=user)),
    ]
    kept += [
        (
            WORDS.get(table.name, table.name.replace("_", " ")),
            table.model.objects.filter(owner=user),
        )
        for table in reversed(user_tables())
    ]
    return [(what, rows) for what, rows in kept if rows is not None]


def what_will_be_removed(user) -> dict[str, int]:
    """How many rows of each kind deleting the account removes, what the user entered first."""
    return {what: rows.count() for what, rows in reversed(_what_is_kept(user))}


def delete_account(user) -> dict[str, int]:
    """Delete the account and every row of it; how many of each kind were deleted."""
    with long_writes.running("an account deletion"), transaction.atomic():
        removed = {}
        for what, rows in _what_is_kept(user):
            _, by_model = rows.delete()
            removed[what] = by_model.get(rows.model._meta.label, 0)
        # Whatever a table added later holds still goes with the account (owners cascade).
        get_user_model().objects.filter(pk=user.pk).delete()
    removed["contacts files waiting for an import"] = pending_uploads.forget_all(user)
    return dict(reversed(removed.items()))
