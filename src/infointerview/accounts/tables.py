"""The tables that hold what a user entered, for export and restore.

Each stage registers its own tables when Django starts (``AppConfig.ready``), so
export and restore read one list that lives here in the base layer, and a stage
never imports the code that backs it up.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models


@dataclass(frozen=True)
class UserTable:
    """A model whose rows belong to one user, under the name the export file uses."""

    name: str
    model: type[models.Model]


_tables: dict[str, UserTable] = {}


def register(name: str, model: type[models.Model]) -> None:
    """Add a table; stages register in method order, so restore meets links before use."""
    existing = _tables.get(name)
    if existing is not None and existing.model is not model:
        raise ValueError(f"two tables registered as {name!r}")
    _tables[name] = UserTable(name, model)


def user_tables() -> list[UserTable]:
    return list(_tables.values())
