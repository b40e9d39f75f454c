"""Serving the web app with gunicorn, started from `infointerview serve`."""

from __future__ import annotations

import errno
import os
import socket
from collections.abc import Callable

from gunicorn.app.base import BaseApplication

from infointerview.lib.errors import Refused

PORT_ERRORS = (errno.EADDRINUSE, errno.EACCES)


class _Server(BaseApplication):
    def __init__(self, options: dict):
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        from infointerview.wsgi import application

        return application


def listen(host: str, port: int) -> socket.socket:
    """The listening socket, opened before anything is printed.

    A busy port or one out of range is refused here in one line, so no address or
    sign-in link is ever shown for a server that is not there.
    """
    if not 1 <= port <= 65535:
        raise Refused(f"--port {port} is out of range: give a port from 1 to 65535")
    listener = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listener.bind((host, port))
        listener.listen()
    except OSError as error:
        listener.close()
        hint = "choose another --port" if error.errno in PORT_ERRORS else "check --host"
        reason = error.strerror or str(error)
        raise Refused(f"cannot listen on {host}:{port}: {reason}; {hint}") from None
    listener.set_inheritable(True)
    return listener


def serve(host: str, port: int, when_listening: Callable[[], None]) -> None:
    """Listen, call `when_listening` once the server answers, and serve until stopped.

    One process with threads: SQLite prefers a single writer process.
    """
    os.umask(0o077)  # the WAL file, logs and backups made from here on are the user's only
    listener = listen(host, port)
    _Server(
        {
            "bind": f"fd://{listener.fileno()}",
            "workers": 1,
            "threads": 4,
            "worker_class": "gthread",
            "accesslog": None,
            "errorlog": "-",
            "loglevel": "warning",
            "graceful_timeout": 5,
            "when_ready": lambda arbiter: when_listening(),
        }
    ).run()
