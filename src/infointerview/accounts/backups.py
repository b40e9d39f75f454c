"""Copies of the whole SQLite database, made while the app runs, kept in the data folder.

SQLite's online backup API copies a consistent snapshot of what is committed, even while
another process holds a write transaction, which a file copy of a WAL database cannot
promise. PostgreSQL has its own tool for this, pg_dump.
"""

from __future__ import annotations

import os
import re
import sqlite3
import stat
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.db import connection

from infointerview.lib.errors import Refused

FOLDER_NAME = "backups"
KEEP = 10
# Fixed width and UTC, so the names sort in the order the backups were made.
NAME_FORMAT = "infointerview-%Y-%m-%dT%H%M%S.%fZ.sqlite3"
MADE_BY_US = re.compile(r"infointerview-\d{4}-\d{2}-\d{2}T\d{6}\.\d{6}Z\.sqlite3")
POSTGRESQL_REFUSAL = (
    "backup copies the SQLite database; on PostgreSQL use pg_dump, "
    'e.g. pg_dump --format=custom --file=infointerview.dump "$DATABASE_URL" '
    "(see docs/deployment.md)"
)


@dataclass
class Backup:
    path: Path
    size: int
    removed: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def backups_folder() -> Path:
    return Path(settings.HOME) / FOLDER_NAME


def back_up_the_database(now: datetime, keep: int = KEEP) -> Backup:
    """Back up the database the app uses into the data folder's `backups/`."""
    if connection.vendor != "sqlite":
        raise Refused(POSTGRESQL_REFUSAL)
    return back_up(Path(connection.settings_dict["NAME"]), backups_folder(), now, keep)


def back_up(database: Path, folder: Path, now: datetime, keep: int = KEEP) -> Backup:
    """Copy `database` into `folder` under the time it was made; keep the newest `keep`.

    The copy is written under a temporary name and renamed once checked, so a backup
    that was interrupted is never mistaken for one that can be restored.
    """
    if keep < 1:
        raise Refused(f"--keep {keep}: keep at least 1 backup")
    if not database.is_file():
        raise Refused(f"no database at {database}: there is nothing to back up yet")
    warnings = _private_folder(folder)
    path = folder / now.astimezone(UTC).strftime(NAME_FORMAT)
    if path.exists():
        raise Refused(f"{path} already exists: wait a moment and back up again")
    partial = folder / f".{path.name}.partial"
    try:
        _copy(database, partial)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    removed = _keep_newest(folder, keep)
    return Backup(path=path, size=path.stat().st_size, removed=removed, warnings=warnings)


def _private_folder(folder: Path) -> list[str]:
    """Made readable by the owner only; a wider folder someone else made is only reported.

    The backups themselves are 0600 either way: others could see their names, not read them.
    """
    if not folder.exists():
        folder.mkdir(mode=0o700, parents=True)
        return []
    mode = stat.S_IMODE(folder.stat().st_mode)
    if not mode & 0o077:
        return []
    return [
        f"the backups folder {folder} is open to other users (mode {mode:04o}); "
        f"they cannot read the backups but can see them; to hide them: chmod 700 {folder}"
    ]


def _copy(database: Path, target: Path) -> None:
    os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    # Opened only to read: the backup step reads one snapshot of what is committed.
    source = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True, timeout=30)
    copy = sqlite3.connect(target)
    try:
        source.backup(copy)
        (verdict,) = copy.execute("PRAGMA quick_check").fetchone()
        if verdict != "ok":
            raise Refused(f"the copy of {database} failed its check ({verdict}); nothing was kept")
        # One self-contained file: no -wal beside it to forget when it is copied.
        copy.execute("PRAGMA journal_mode=DELETE")
    finally:
        copy.close()
        source.close()
    with open(target, "rb") as written:
        os.fsync(written.fileno())


def _keep_newest(folder: Path, keep: int) -> list[Path]:
    """Delete the oldest backups beyond `keep`; files this command did not make stay."""
    ours = sorted(path for path in folder.iterdir() if MADE_BY_US.fullmatch(path.name))
    old = ours[:-keep]
    for path in old:
        path.unlink(missing_ok=True)  # another backup running at once may have removed it
    return old
