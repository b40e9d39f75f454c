"""Starting Django for the command line, before any command module is imported.

This module must not import models: it runs before Django is set up.
"""

from __future__ import annotations

import os

import django
from django.apps import apps
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from infointerview.installed_apps import INSTALLED_APPS
from infointerview.lib.private_files import use_private_umask

# Enough to import every module and print help; nothing is ever stored in this database.
FALLBACK_SETTINGS = {
    "INSTALLED_APPS": INSTALLED_APPS,
    "DATABASES": {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}},
    "DEFAULT_AUTO_FIELD": "django.db.models.BigAutoField",
    "USE_TZ": True,
}

# Why the environment's settings could not be loaded, if they could not.
configuration_error: ImproperlyConfigured | None = None


def start_django() -> None:
    """Set Django up once per process.

    A broken configuration (say INFOINTERVIEW_TIME_ZONE=Not/AZone) must not stop
    `--help`, so Django then starts on FALLBACK_SETTINGS and the error waits for
    `check_configuration()`, which runs just before a command does.
    """
    global configuration_error
    if apps.ready:
        return
    use_private_umask()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "infointerview.settings")
    try:
        settings.INSTALLED_APPS  # noqa: B018 (reading a setting loads the settings module)
    except ImproperlyConfigured as error:
        configuration_error = error
        settings.configure(**FALLBACK_SETTINGS)
    django.setup()


def check_configuration() -> None:
    if configuration_error is not None:
        raise configuration_error
