"""The request and error log: one line per request, full tracebacks, secrets in addresses hidden.

Records go to the console and to a log file in the data folder. Several server processes
may write to the same file: each record is appended in one write, and the file is
reopened when something outside (logrotate) moves it, so no process rotates it itself.
A sign-in link or a calendar feed address is as good as a password, so the token in such
a path is replaced before any record is written, gunicorn's own access log included.
"""

from __future__ import annotations

import logging
import logging.config
import os
import re
import time
from logging.handlers import WatchedFileHandler

REDACTED = "[redacted]"
# The token is the path segment after the prefix; a feed keeps its ".ics" so the line
# still says what was asked for.
_SECRET_PATHS = re.compile(
    r"(/accounts/sign-in/|/calendar/feed/)[^/\s\"'?#<>]+?(\.ics)?(?=[/\s\"'?#<>]|$)"
)
GUNICORN_LOGGERS = ("gunicorn.access", "gunicorn.error")
FILE_MODE = 0o600

requests_log = logging.getLogger("infointerview.requests")


def redact(text: str) -> str:
    """The text with every sign-in and calendar feed token replaced."""
    return _SECRET_PATHS.sub(lambda match: f"{match[1]}{REDACTED}{match[2] or ''}", text)


class RedactTokens(logging.Filter):
    """Hides tokens in the message and in the traceback, before any handler formats them."""

    _formatter = logging.Formatter()

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, ()
        if record.exc_info and not record.exc_text:
            record.exc_text = self._formatter.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


class PrivateFileHandler(WatchedFileHandler):
    """Appends to a file only its owner can read, reopened after outside rotation."""

    def _open(self):
        return open(  # noqa: SIM115 (the handler keeps the stream open)
            self.baseFilename,
            self.mode,
            encoding=self.encoding,
            errors=self.errors,
            opener=lambda path, flags: os.open(path, flags, FILE_MODE),
        )


_redactor = RedactTokens()


def configure(config: dict) -> None:
    """Django's dictConfig, then the same redaction on gunicorn's loggers.

    gunicorn sets up its own handlers for its access and error logs; naming those loggers
    in LOGGING would take their handlers away, so the filter is added to them instead.
    """
    logging.config.dictConfig(config)
    for name in GUNICORN_LOGGERS:
        logging.getLogger(name).addFilter(_redactor)


class RequestLogMiddleware:
    """One line per request: method, path, status and how long it took."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.monotonic()
        response = self.get_response(request)
        took = (time.monotonic() - started) * 1000
        requests_log.info(
            "%s %s %s %.0f ms", request.method, request.path, response.status_code, took
        )
        return response
