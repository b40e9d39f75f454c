"""Strict parsers for INFOINTERVIEW_* settings.

Kept free of Django so they can be tested alone; a wrong value must stop start-up
with a message naming the variable rather than run with a surprising default.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import platformdirs

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


class SettingError(ValueError):
    """A setting has a value the application cannot use."""


def flag(env: Mapping[str, str], name: str, default: bool) -> bool:
    raw = env.get(name)
    if raw is None:
        return default
    word = raw.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise SettingError(f"{name}={raw!r} is not a yes/no value: use 1/0, true/false, yes/no, on/off")


def word_list(env: Mapping[str, str], name: str, default: list[str]) -> list[str]:
    raw = env.get(name)
    if raw is None:
        return default
    return [part.strip() for part in raw.split(",") if part.strip()]


def home_dir(env: Mapping[str, str]) -> Path:
    """Where the database, secret key and downloads live: one folder the user can back up."""
    raw = env.get("INFOINTERVIEW_HOME")
    if raw is not None:
        if not raw.strip():
            raise SettingError(
                "INFOINTERVIEW_HOME is set but empty: give a folder path or unset it"
            )
        return Path(raw).expanduser().resolve()
    return Path(platformdirs.user_data_dir("infointerview", appauthor=False))


def time_zone(env: Mapping[str, str], name: str, default: str) -> str:
    raw = env.get(name, default).strip()
    try:
        ZoneInfo(raw)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise SettingError(
            f"{name}={raw!r} is not a time zone name such as Europe/Paris"
        ) from error
    return raw


def whole_seconds(env: Mapping[str, str], name: str, default: int) -> int:
    """A number of seconds: a whole number, zero or more."""
    raw = env.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        value = int(raw.strip())
    except ValueError:
        value = -1
    if value < 0:
        raise SettingError(
            f"{name}={raw!r} is not a number of seconds: use a whole number such as 31536000"
        )
    return value


SECRET_KEY_LENGTH = 32


def secret_key(env: Mapping[str, str], home: Path) -> str:
    """Use the given key, or one generated once and kept in the home folder.

    A key file someone emptied or cut short would sign sessions with a guessable key, so
    it stops start-up instead.
    """
    raw = env.get("INFOINTERVIEW_SECRET_KEY")
    if raw is not None:
        if len(raw) < SECRET_KEY_LENGTH:
            raise SettingError("INFOINTERVIEW_SECRET_KEY must be at least 32 characters long")
        return raw
    key_file = home / "secret_key"
    try:
        return _check_key_file(key_file, key_file.read_text(encoding="utf-8").strip())
    except FileNotFoundError:
        pass
    home.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    try:  # created 0600 at once: never readable by others, even for a moment
        descriptor = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process made it first: use theirs
        return _check_key_file(key_file, key_file.read_text(encoding="utf-8").strip())
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        file.write(key)
    return key


def _check_key_file(key_file: Path, key: str) -> str:
    if len(key) < SECRET_KEY_LENGTH:
        held = "is empty" if not key else f"holds only {len(key)} characters"
        raise SettingError(
            f"the secret key file {key_file} {held}; a key needs at least {SECRET_KEY_LENGTH}: "
            "delete the file to have a new key made at the next start (everyone is signed "
            "out), or set INFOINTERVIEW_SECRET_KEY"
        )
    return key


def trusted_proxies(env: Mapping[str, str], name: str = "INFOINTERVIEW_TRUSTED_PROXIES") -> tuple:
    """Addresses or networks of the proxies whose X-Forwarded-For may be believed.

    Empty unless the deployment names them: a header anyone can send must not decide
    whose login attempts are counted together.
    """
    import ipaddress

    networks = []
    for part in word_list(env, name, []):
        try:
            networks.append(ipaddress.ip_network(part))
        except ValueError as error:
            raise SettingError(
                f"{name}: {part!r} is not an address or network such as 10.0.0.2 or 10.0.0.0/24"
                f" ({error})"
            ) from error
    return tuple(networks)


def public_url(env: Mapping[str, str], name: str = "INFOINTERVIEW_PUBLIC_URL") -> str | None:
    """The address people use to reach the app, such as https://careers.example.edu.

    Printed links start with it, so behind a TLS proxy they are https:// links to the
    public host rather than to the address the server listens on.
    """
    from urllib.parse import urlsplit

    raw = env.get(name, "").strip()
    if not raw:
        return None
    parts = urlsplit(raw)
    if (
        parts.scheme not in ("http", "https")
        or not parts.hostname
        or parts.username
        or parts.query
        or parts.fragment
    ):
        raise SettingError(
            f"{name}={raw!r} is not a web address such as https://careers.example.edu"
        )
    try:
        parts.port  # noqa: B018 (reading it checks it)
    except ValueError as error:
        raise SettingError(
            f"{name}={raw!r} has a port that is not a number from 1 to 65535"
        ) from error
    return raw.rstrip("/")


LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")


def log_level(env: Mapping[str, str], name: str = "INFOINTERVIEW_LOG_LEVEL") -> str:
    """How much the app logs: INFO has a line per request, WARNING only what went wrong."""
    raw = env.get(name, "").strip()
    if not raw:
        return "INFO"
    if raw.upper() not in LOG_LEVELS:
        raise SettingError(f"{name}={raw!r} is not a log level: use {', '.join(LOG_LEVELS)}")
    return raw.upper()


def log_file(
    env: Mapping[str, str], home: Path, name: str = "INFOINTERVIEW_LOG_FILE"
) -> Path | None:
    """Where the log is appended: the data folder by default, nowhere when set empty.

    Set empty where the console is already kept (systemd's journal, a container's log).
    A folder that is not there would lose every record, so it stops start-up instead.
    """
    raw = env.get(name)
    if raw is None:
        return home / "infointerview.log"
    if not raw.strip():
        return None
    path = Path(raw.strip()).expanduser().resolve()
    if not path.parent.is_dir():
        raise SettingError(f"{name}={raw!r}: the folder {path.parent} does not exist")
    if path.is_dir():
        raise SettingError(f"{name}={raw!r} is a folder: give the path of a file in it")
    return path
