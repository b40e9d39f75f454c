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
