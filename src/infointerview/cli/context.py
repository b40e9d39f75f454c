"""What every command shares: a ready database, the acting account, output and errors.

Imported only once Django is set up (see `infointerview.cli.main`).
"""

from __future__ import annotations

import json
import os
import re
import sys
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import typer
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone
from typer.core import TyperCommand

from infointerview.accounts.services import ensure_owner, profile_for, user_named
from infointerview.cli import output
from infointerview.cli.startup import check_configuration
from infointerview.lib.business_days import parse_day
from infointerview.lib.dates import out_of_range
from infointerview.lib.day_words import long_day, long_moment
from infointerview.lib.errors import Refused

# No emoji codes: a name such as "Dana :x:" prints as typed.
console = output.Terminal(emoji=False)
state: dict[str, str | None] = {"user": None}
SURROGATE = re.compile("[\ud800-\udfff]")


def migrate_if_needed() -> None:
    """Bring the database up to date, so an upgrade never needs a separate step."""
    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        call_command("migrate", verbosity=0, interactive=False)


class RunningCommand(TyperCommand):
    """A command about to run: its arguments are parsed, so this is not `--help`.

    The one place that refuses a broken configuration and migrates, whichever command it is.
    Not the root callback: Click runs that before it parses the rest of the line, so there
    `people add --help` and `people add Dana` look alike.
    """

    def invoke(self, ctx):
        refuse_undecodable(ctx)
        check_configuration()
        migrate_if_needed()
        return super().invoke(ctx)


def refuse_undecodable(ctx: typer.Context) -> None:
    """Text arguments must be UTF-8: other bytes cannot be stored, looked up or printed.

    Python keeps such bytes as lone surrogates. File names are left alone: a path may
    be any bytes, and the file functions take it as it was given.
    """
    while ctx is not None:
        for param in ctx.command.params:
            values = ctx.params.get(param.name)
            for value in values if isinstance(values, list | tuple) else [values]:
                if isinstance(value, str) and SURROGATE.search(value):
                    raise typer.BadParameter(
                        f"{output.one_line(value)} is not UTF-8 text", ctx=ctx, param=param
                    )
        ctx = ctx.parent


class Commands(typer.Typer):
    """A group of commands that all run as `RunningCommand`s."""

    def command(self, name: str | None = None, *, cls=None, **options):
        return super().command(name, cls=cls or RunningCommand, **options)


def acting_user():
    """The account commands act as: --user, else INFOINTERVIEW_USER, else the only one."""
    name = state["user"] or os.environ.get("INFOINTERVIEW_USER")
    if name and SURROGATE.search(name):
        raise Refused(f"INFOINTERVIEW_USER={output.one_line(name)} is not UTF-8 text")
    user = user_named(name) if name else ensure_owner()
    timezone.activate(ZoneInfo(profile_for(user).time_zone))  # times print as the user lives
    return user


def day_option(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        day = parse_day(text)
    except ValueError as error:
        raise Refused(str(error)) from None
    if out_of_range(day):
        raise Refused(out_of_range(day))
    return day


def today(owner) -> date:
    """The user's today: the command line is an edge, so it may read the clock."""
    return profile_for(owner).today(timezone.now())


def day_or_today(owner, text: str | None) -> date:
    return day_option(text) or today(owner)


def moment_option(owner, text: str | None) -> datetime | None:
    """'YYYY-MM-DD HH:MM' as a moment in the user's own time zone."""
    if not text:
        return None
    try:
        naive = datetime.strptime(text.strip(), "%Y-%m-%d %H:%M")
    except ValueError:
        raise Refused(
            f"bad time {text!r}: write it as 'YYYY-MM-DD HH:MM', e.g. '2026-12-03 14:30'"
        ) from None
    if out_of_range(naive):  # before the time zone, which could carry it past year 9999
        raise Refused(out_of_range(naive))
    zone = ZoneInfo(profile_for(owner).time_zone)
    moment = naive.replace(tzinfo=zone)
    if moment.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != naive:
        raise Refused(f"{text.strip()} does not exist in {zone.key}: the clocks skip it")
    if moment.utcoffset() != moment.replace(fold=1).utcoffset():
        raise Refused(
            f"{text.strip()} happens twice in {zone.key} (the clocks go back): "
            "give a time an hour earlier or later"
        )
    return moment


def when(moment: datetime) -> str:
    """A moment as the user reads it: their own time zone, with the year."""
    return long_moment(timezone.localtime(moment))


def on_day(day: date) -> str:
    return long_day(day)


def print_json(value) -> None:
    """JSON as readable as the terminal allows; `\\uXXXX` escapes where it cannot show a letter."""
    text = json.dumps(value, indent=2, ensure_ascii=False)
    try:
        text.encode(sys.stdout.encoding or "utf-8")
    except (UnicodeEncodeError, LookupError):
        text = json.dumps(value, indent=2)
    output.write(output.safe_json(text) + "\n")
