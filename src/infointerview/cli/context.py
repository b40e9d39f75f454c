"""What every command shares: Django start-up, the acting account, output and errors."""

from __future__ import annotations

import json
import os
import sys
from datetime import date

import typer
from rich.console import Console

console = Console()
state: dict[str, str | None] = {"user": None}


def start_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "infointerview.settings")
    import django

    django.setup()


def migrate_if_needed() -> None:
    """Bring the database up to date, so an upgrade never needs a separate step."""
    from django.core.management import call_command
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        call_command("migrate", verbosity=0, interactive=False)


def acting_user():
    """The account commands act as: --user, else INFOINTERVIEW_USER, else the only one."""
    from infointerview.accounts.services import ensure_owner, user_named

    migrate_if_needed()
    name = state["user"] or os.environ.get("INFOINTERVIEW_USER")
    return user_named(name) if name else ensure_owner()


def day_option(text: str | None) -> date | None:
    from infointerview.lib.business_days import parse_day
    from infointerview.lib.errors import Refused

    if text is None:
        return None
    try:
        return parse_day(text)
    except ValueError as error:
        raise Refused(str(error)) from None


def print_json(value) -> None:
    sys.stdout.write(json.dumps(value, indent=2, ensure_ascii=False) + "\n")


def fail(message: str) -> None:
    sys.stderr.write(f"error: {message}\n")
    raise typer.Exit(1)
