"""Settings, read only from INFOINTERVIEW_* variables and DATABASE_URL."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from infointerview.installed_apps import INSTALLED_APPS  # noqa: F401 (a setting)
from infointerview.lib import env as parse
from infointerview.lib import private_files, safe_files

ENV = os.environ
BASE_DIR = Path(__file__).resolve().parent

try:
    HOME = parse.home_dir(ENV)
    for warning in private_files.prepare_data_folder(HOME, "INFOINTERVIEW_HOME" in ENV):
        logging.getLogger("infointerview.files").warning("warning: %s", warning)
    DEBUG = parse.flag(ENV, "INFOINTERVIEW_DEBUG", False)
    SECURE_COOKIES = parse.flag(ENV, "INFOINTERVIEW_SECURE_COOKIES", False)
    ALLOWED_HOSTS = parse.word_list(
        ENV, "INFOINTERVIEW_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"]
    )
    TIME_ZONE = parse.time_zone(ENV, "INFOINTERVIEW_TIME_ZONE", "UTC")
    SECRET_KEY = parse.secret_key(ENV, HOME)
    # Sent on HTTPS requests only; set it once the site is served over HTTPS for good.
    SECURE_HSTS_SECONDS = parse.whole_seconds(ENV, "INFOINTERVIEW_HSTS_SECONDS", 0)
    TRUSTED_PROXIES = parse.trusted_proxies(ENV)
    FILE_LIMITS = safe_files.limits(ENV)  # every file that comes in is read within these
except parse.SettingError as error:
    raise ImproperlyConfigured(str(error)) from error

DATABASE_URL = ENV.get("DATABASE_URL", "").strip()
if DATABASE_URL:
    if not DATABASE_URL.startswith(("postgres://", "postgresql://")):
        raise ImproperlyConfigured("DATABASE_URL must be a postgres:// URL; unset it for SQLite")
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": HOME / "infointerview.sqlite3",
            # SQLite's page cache lives in the connection: one reopened for every request
            # read its pages afresh, which cost the pages that read most 3–4 ms each.
            "CONN_MAX_AGE": 600,
            "OPTIONS": {
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                "transaction_mode": "IMMEDIATE",
            },
        }
    }

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "infointerview.logs.RequestLogMiddleware",
    "infointerview.web.NoStoreMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "infointerview.accounts.middleware.UserTimeZoneMiddleware",
    "axes.middleware.AxesMiddleware",
    "infointerview.web.UserErrorMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "infointerview.urls"
WSGI_APPLICATION = "infointerview.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
            # Days and moments written in one style on every page (lib.day_words), and
            # records' addresses reversed once rather than on every row.
            "builtins": ["infointerview.day_filters", "infointerview.addresses"],
        },
    }
]

# Widgets may use the project's templates (the occupation box does); the common ones
# are drawn without templates, in Django's own markup.
FORM_RENDERER = "infointerview.form_renderer.FormRenderer"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
USE_I18N = False
USE_TZ = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = ENV.get("INFOINTERVIEW_STATIC_ROOT") or None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "agenda:today"
LOGOUT_REDIRECT_URL = "accounts:login"

# Only the hash of each session key is stored: a copy of the database signs no one in.
SESSION_ENGINE = "infointerview.accounts.sessions"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 60 * 60 * 24 * 14
SESSION_COOKIE_SECURE = SECURE_COOKIES
CSRF_COOKIE_SECURE = SECURE_COOKIES
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF, "mailto:"],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
    }
}

# Wrong passwords lock the pair (name, address) at 5, and the name from anywhere at 20,
# so one person guessing cannot lock out everyone behind the same proxy.
AXES_HANDLER = "infointerview.accounts.throttling.PairAndNameHandler"
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "username"]
AXES_FAILURE_LIMIT = 5
AXES_USERNAME_FAILURE_LIMIT = 20  # read by PairAndNameHandler, not by axes itself
AXES_COOLOFF_TIME = 0.25
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "infointerview.accounts.throttling.client_address"
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# A line per request and every error's traceback, on the console and in a file in the
# data folder, with the tokens of sign-in links and calendar feeds hidden (logs.py).
try:
    LOG_FILE = parse.log_file(ENV, HOME)
    LOG_LEVEL = parse.log_level(ENV)
except parse.SettingError as error:
    raise ImproperlyConfigured(str(error)) from error
_LOG_LINE = {"formatter": "line", "filters": ["redact_tokens"]}
_LOG_HANDLERS = {"console": {"class": "logging.StreamHandler", **_LOG_LINE}}
if LOG_FILE:
    _LOG_HANDLERS["file"] = {
        "class": "infointerview.logs.PrivateFileHandler",
        "filename": str(LOG_FILE),
        "encoding": "utf-8",
        "delay": True,  # no file until there is something to write
        **_LOG_LINE,
    }
LOGGING_CONFIG = "infointerview.logs.configure"
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact_tokens": {"()": "infointerview.logs.RedactTokens"}},
    "formatters": {
        "line": {"format": "%(asctime)s [%(process)d] %(levelname)s %(name)s: %(message)s"}
    },
    "handlers": _LOG_HANDLERS,
    "root": {"handlers": list(_LOG_HANDLERS), "level": "WARNING"},
    "loggers": {
        "infointerview": {"level": LOG_LEVEL},
        # Django's own handlers print only with DEBUG; its records go to ours instead.
        "django": {"handlers": [], "level": "WARNING"},
        # 4xx answers are in the request lines already; 5xx come with their traceback.
        "django.request": {"level": "ERROR"},
        "axes": {"handlers": list(_LOG_HANDLERS), "level": "WARNING", "propagate": False},
    },
}
