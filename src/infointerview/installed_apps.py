"""The installed apps, apart from settings.py: the command line needs them to start
Django on fallback settings when the environment's settings cannot be loaded."""

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.forms",
    "django_htmx",
    "csp",
    "axes",
    "infointerview.accounts",
    "infointerview.careers",
    "infointerview.people",
    "infointerview.outreach",
    "infointerview.interviews",
    "infointerview.agenda",
]
