"""Sessions kept by the hash of their key, so a copy of the database signs no one in.

The browser's cookie holds the session key; the database holds only its SHA-256. Whoever
reads the database (a backup left on a shared disk, a copied file) learns no key a
browser could present. The rest is Django's database store: sign-in, sign-out and
`cycle_key` work unchanged. Set as SESSION_ENGINE.
"""

from __future__ import annotations

import hashlib

from django.contrib.auth import SESSION_KEY, get_user_model
from django.contrib.sessions.backends.db import SessionStore as DatabaseStore
from django.core.exceptions import ValidationError
from django.utils import timezone

from infointerview.accounts.models import Session


def stored_key(session_key: str) -> str:
    """What the database holds for a session key (a random 32-character key needs no salt)."""
    return hashlib.sha256(session_key.encode()).hexdigest()


def _user_id(data: dict):
    try:
        return get_user_model()._meta.pk.to_python(data.get(SESSION_KEY))
    except ValidationError:
        return None


class SessionStore(DatabaseStore):
    @classmethod
    def get_model_class(cls):
        return Session

    def _live(self):
        return self.model.objects.filter(
            session_key=stored_key(self.session_key or ""), expire_date__gt=timezone.now()
        )

    def _get_session_from_db(self):
        found = self._live().first()
        if found is None:
            self._session_key = None
        return found

    async def _aget_session_from_db(self):
        found = await self._live().afirst()
        if found is None:
            self._session_key = None
        return found

    def exists(self, session_key):
        return self.model.objects.filter(session_key=stored_key(session_key)).exists()

    async def aexists(self, session_key):
        return await self.model.objects.filter(session_key=stored_key(session_key)).aexists()

    def _hashed(self, row: Session, data: dict) -> Session:
        row.session_key = stored_key(row.session_key)
        row.user_id = _user_id(data)
        return row

    def create_model_instance(self, data):
        return self._hashed(super().create_model_instance(data), data)

    async def acreate_model_instance(self, data):
        return self._hashed(await super().acreate_model_instance(data), data)

    def delete(self, session_key=None):
        key = session_key or self.session_key
        if key:
            self.model.objects.filter(session_key=stored_key(key)).delete()

    async def adelete(self, session_key=None):
        key = session_key or self.session_key
        if key:
            await self.model.objects.filter(session_key=stored_key(key)).adelete()


def sign_out_other_sessions(user, keep_session_key: str | None) -> int:
    """End every session of `user` except the one with this key; return how many ended.

    `keep_session_key` is the asking browser's `request.session.session_key`; None signs
    the user out everywhere.
    """
    others = Session.objects.filter(user=user)
    if keep_session_key:
        others = others.exclude(session_key=stored_key(keep_session_key))
    ended, _ = others.delete()
    return ended
