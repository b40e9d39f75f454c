"""Strict parsers for INFOINTERVIEW_* settings.

Kept free of Django so they can be tested alone; a wrong value must stop start-up
with a message naming the variable rather than run with a surprising default.
"""

from __future__ import annotations

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


def secret_key(env: Mapping[str, str], home: Path) -> str:
    """Use the given key, or one generated once and kept in the home folder."""
    raw = env.get("INFOINTERVIEW_SECRET_KEY")
    if raw is not None:
        if len(raw) < 32:
            raise SettingError("INFOINTERVIEW_SECRET_KEY must be at least 32 characters long")
        return raw
    key_file = home / "secret_key"
    if key_file.exists():
        return key_file.read_text(encoding="utf-8").strip()
    import secrets

    home.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    key_file.write_text(key, encoding="utf-8")
    key_file.chmod(0o600)
    return key
