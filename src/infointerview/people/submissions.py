"""A form sent twice (a double click, a reload after posting) adds one row, not two.

Each add form carries a one-time token in a hidden field. The first POST with it records,
in the session, the page of what it made; a second POST with the same token is sent to
that page instead of adding again.
"""

from __future__ import annotations

import secrets

from django import forms
from django.http import HttpRequest

SESSION_KEY = "submitted_once"
# Enough for the forms of one sitting; the oldest tokens are forgotten first.
KEPT = 50


def new_token() -> str:
    return secrets.token_urlsafe(16)


class SubmittedOnce(forms.Form):
    """Adds the hidden token; a form posted without one is handled as before."""

    submission = forms.CharField(
        widget=forms.HiddenInput, required=False, max_length=64, initial=new_token
    )


def made_before(request: HttpRequest, token: str) -> str | None:
    """Where the first POST with this token went, if it already made something."""
    return request.session.get(SESSION_KEY, {}).get(token) if token else None


def remember(request: HttpRequest, token: str, address: str) -> None:
    if not token:
        return
    made = request.session.get(SESSION_KEY, {})
    made[token] = address
    request.session[SESSION_KEY] = dict(list(made.items())[-KEPT:])
