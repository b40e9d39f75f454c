"""Long writes (imports, restores) leave a note outside their transaction.

SQLite has one writer at a time. A wages import holds the write lock for about ten
seconds and a large restore for longer; other writes wait (the database's busy
timeout) and, if the import is still running, fail with "database is locked". The
note lets that failure say what is running and since when, instead of a traceback.
The note is a file in the data folder, written before the transaction opens and
removed when it ends, so every process (web workers, the command line) can read it.
Free of Django like the rest of `lib`: the folder comes from the same environment
variables the settings read.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, tzinfo
from pathlib import Path

from infointerview.lib.env import home_dir

FOLDER_NAME = "running"


def _folder() -> Path:
    return home_dir(os.environ) / FOLDER_NAME


@contextmanager
def running(what: str) -> Iterator[None]:
    """Mark `what` ("a wages import") as running for as long as the block runs."""
    folder = _folder()
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    note = folder / f"{os.getpid()}-{uuid.uuid4().hex}.json"
    content = {"what": what, "pid": os.getpid(), "started": datetime.now(UTC).isoformat()}
    # Private whatever the process umask: the note is part of the data folder.
    with os.fdopen(os.open(note, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w") as out:
        json.dump(content, out)
    try:
        yield
    finally:
        note.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def running_now() -> list[tuple[str, datetime]]:
    """What is running now, oldest first; notes left by a killed process are ignored."""
    folder = _folder()
    if not folder.is_dir():
        return []
    found = []
    for note in folder.glob("*.json"):
        try:
            content = json.loads(note.read_text(encoding="utf-8"))
            pid = int(content["pid"])
            started = datetime.fromisoformat(content["started"])
            what = str(content["what"])
        except (OSError, ValueError, KeyError, TypeError):
            continue
        if _alive(pid):
            found.append((what, started))
    return sorted(found, key=lambda pair: pair[1])


def is_busy(error: BaseException) -> bool:
    """Whether a database error means another write holds the lock (worth retrying later)."""
    if not any(kind.__name__ == "OperationalError" for kind in type(error).__mro__):
        return False
    text = str(error).lower()
    return "database is locked" in text or "database table is locked" in text


def busy_message(zone: tzinfo | None = None) -> str:
    """One line for a write that gave up waiting: what is running, and what to do.

    The start time is shown in `zone` (the user's), else the computer's own.
    """
    running = running_now()
    if not running:
        return "another change is being saved; try again in a moment (nothing was changed)"
    what, started = running[0]
    at = started.astimezone(zone).strftime("%H:%M")
    return f"{what} started {at} is running; try again in a minute (nothing was changed)"
