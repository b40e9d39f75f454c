"""The data folder and what the app keeps in it are readable by the user running it only.

Career notes, session hashes and the secret key live there; on a shared computer no
other local user may read them. Each entry point sets the umask to 077 first, so what
is created later (SQLite's WAL and SHM files, logs, backups, downloads) is born private.
On start the data folder is made 0700 and what the app made earlier, under older code
or another umask, is narrowed, with a warning. A folder the user chose and the app did
not make is theirs: the app warns about it and leaves its mode alone.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

PRIVATE_UMASK = 0o077
FOLDER_MODE = 0o700
FILE_MODE = 0o600

# What the app keeps in the data folder: files (names or patterns) and folders whose
# whole content is the app's. Anything added to the data folder belongs here.
OWN_FILES = (
    "infointerview.sqlite3*",
    "infointerview.log*",
    "secret_key",
    "search-index.npz",
    ".search-index-*.tmp",
)
OWN_FOLDERS = ("downloads", "running", "backups", "logs", "uploads")


def use_private_umask() -> None:
    """New files 0600 and new folders 0700, for the rest of this process and its children."""
    os.umask(PRIVATE_UMASK)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def _narrow(path: Path) -> str | None:
    """Take away every group and other permission; say so if there were any."""
    before = _mode(path)
    if not before & 0o077:
        return None
    after = before & 0o700
    try:
        path.chmod(after)
    except OSError as error:
        return (
            f"{path} is readable by other users (mode {before:04o}) and its mode cannot "
            f"be changed ({error.strerror}): run chmod go-rwx {path}"
        )
    return f"{path} was readable by other users (mode {before:04o}); it is now {after:04o}"


def _own_paths(folder: Path) -> list[Path]:
    """The app's files and folders in the data folder, contents included; links left alone."""
    found = [path for pattern in OWN_FILES for path in sorted(folder.glob(pattern))]
    for name in OWN_FOLDERS:
        inner = folder / name
        if inner.is_dir() and not inner.is_symlink():
            found.append(inner)
            found.extend(sorted(inner.rglob("*")))
    return [path for path in found if not path.is_symlink()]


def prepare_data_folder(folder: Path, chosen_by_user: bool) -> list[str]:
    """Make the data folder private (creating it if missing); return warnings to show.

    `chosen_by_user` says the folder was named by the user (INFOINTERVIEW_HOME) rather
    than being the app's own default location: if it already existed, the app did not
    make it, so a mode wider than 0700 is reported and not changed.
    """
    warnings = []
    if not folder.exists():
        folder.mkdir(parents=True, mode=FOLDER_MODE)
        folder.chmod(FOLDER_MODE)
    elif chosen_by_user:
        mode = _mode(folder)
        if mode & 0o077:
            warnings.append(
                f"the data folder {folder} is open to other users (mode {mode:04o}); "
                f"if they should not read your notes, run: chmod 700 {folder}"
            )
    else:
        warnings.append(_narrow(folder))
    warnings.extend(_narrow(path) for path in _own_paths(folder))
    return [warning for warning in warnings if warning]
