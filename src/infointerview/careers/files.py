"""The limits within which careers reads the files people bring in."""

from __future__ import annotations

import os

from django.conf import settings

from infointerview.lib import safe_files
from infointerview.lib.env import SettingError
from infointerview.lib.errors import UserError


def file_limits() -> safe_files.Limits:
    """`settings.FILE_LIMITS` when set, else the INFOINTERVIEW_IMPORT_MAX_* variables."""
    configured = getattr(settings, "FILE_LIMITS", None)
    if configured is not None:
        return configured
    try:
        return safe_files.limits(os.environ)
    except SettingError as error:
        raise UserError(str(error)) from None
