"""A file uploaded for a preview, kept until the user confirms the import.

The browser cannot send the same file again without the user choosing it again, so
the upload waits in the data folder (private, like the rest of it) under a random
token, with what the user chose beside it. Confirming imports it afresh from there
and removes it; one left unconfirmed is removed a day later, at the next upload.
"""

from __future__ import annotations

import json
import os
import shutil
import time
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO

from infointerview.lib.env import home_dir
from infointerview.lib.errors import NotFound
from infointerview.lib.safe_files import kept_aside, list_limits
from infointerview.people.imports.contacts import ContactsRefused

FOLDER_NAME = "uploads"
KEPT_SECONDS = 24 * 3600
NOTES = "choices.json"


@dataclass
class Pending:
    """An upload waiting for the user's word, and how they asked it to be read."""

    token: str
    file_name: str
    file_format: str | None
    source: str | None
    mapping: dict[str, str]
    counts: dict[str, int]
    path: Path

    def options(self) -> dict:
        return {
            "file_name": self.file_name,
            "file_format": self.file_format,
            "source": self.source,
            "mapping": self.mapping,
        }


def _folder() -> Path:
    folder = home_dir(os.environ) / FOLDER_NAME
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def _place(owner, token: str) -> Path:
    """The folder of one upload: the file under its own name, and the choices beside it."""
    if len(token) != 32 or any(c not in "0123456789abcdef" for c in token):
        raise NotFound("no such upload: choose the file again")
    return _folder() / f"{owner.pk}-{token}"


def keep(owner, stream: IO[bytes], file_name: str) -> Pending:
    """Copy the upload (within the size a contacts file may be) to wait for confirmation."""
    _forget_old()
    limits, _ = list_limits(os.environ)
    token = uuid.uuid4().hex
    place = _place(owner, token)
    (place / "file").mkdir(mode=0o700, parents=True)
    try:
        with kept_aside(stream, file_name, limits, error=ContactsRefused) as copy:
            upload = place / "file" / copy.name
            shutil.move(copy, upload)
    except BaseException:
        shutil.rmtree(place, ignore_errors=True)
        raise
    return Pending(token, upload.name, None, None, {}, {}, upload)


def remember(owner, pending: Pending) -> None:
    """Write down the choices and the counts the preview showed."""
    content = {k: v for k, v in asdict(pending).items() if k != "path"}
    (_place(owner, pending.token) / NOTES).write_text(json.dumps(content), encoding="utf-8")


def waiting(owner, token: str) -> Pending:
    """The owner's upload with this token; another user's, or one gone, is not found."""
    place = _place(owner, token)
    try:
        content = json.loads((place / NOTES).read_text(encoding="utf-8"))
        upload = place / "file" / Path(content["file_name"]).name
    except (OSError, ValueError, KeyError, TypeError):
        raise NotFound("this upload is no longer waiting: choose the file again") from None
    if not upload.is_file():
        raise NotFound("this upload is no longer waiting: choose the file again")
    return Pending(path=upload, **content)


def forget(owner, token: str) -> None:
    shutil.rmtree(_place(owner, token), ignore_errors=True)


def forget_all(owner) -> int:
    """Every upload of this account still waiting: an account deleted leaves none behind."""
    folder = home_dir(os.environ) / FOLDER_NAME
    if not folder.is_dir():
        return 0
    places = [p for p in folder.iterdir() if p.name.startswith(f"{owner.pk}-")]
    for place in places:
        shutil.rmtree(place, ignore_errors=True)
    return len(places)


def _forget_old() -> None:
    cutoff = time.time() - KEPT_SECONDS
    for place in _folder().iterdir():
        try:
            if place.stat().st_mtime < cutoff:
                shutil.rmtree(place, ignore_errors=True)
        except OSError:
            continue
