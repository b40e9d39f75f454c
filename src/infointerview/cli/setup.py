import json
import os
import sys
from pathlib import Path

import typer
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.db import connections
from django.utils import timezone

from infointerview.accounts.services import (
    create_owner,
    default_owner_name,
    ensure_owner,
    profile_for,
    sign_in_address,
)
from infointerview.agenda import export as exporting
from infointerview.agenda.restore import restore_file
from infointerview.agenda.services import name_the_user
from infointerview.cli import context, wages_steps
from infointerview.cli.output import shown
from infointerview.lib import env
from infointerview.web_server import serve as serve_web


def _public_url() -> str | None:
    """INFOINTERVIEW_PUBLIC_URL: where people reach the app, so where printed links point."""
    try:
        return env.public_url(os.environ)
    except env.SettingError as error:
        raise ImproperlyConfigured(str(error)) from None


def _local_site(host: str, port: int) -> str:
    shown_host = {"0.0.0.0": "127.0.0.1", "::": "::1"}.get(host, host)
    return f"http://[{shown_host}]:{port}" if ":" in shown_host else f"http://{shown_host}:{port}"


def _ask_name(user) -> None:
    """Drafts say "My name is …": asked of a person at a terminal, never of a script."""
    answer = typer.prompt(
        "Your name, as letters and e-mails should give it (Enter to skip)",
        default="",
        show_default=False,
    )
    if answer.strip():
        profile = name_the_user(user, answer)
        context.console.print(f"Drafts will introduce you as [bold]{shown(profile.full_name)}[/].")


def register(app: typer.Typer) -> None:
    @app.command("init")
    def init(
        name: str = typer.Option(None, help="Account name; default: your login name."),
        full_name: str = typer.Option("", help="Your name as drafts should sign it."),
        time_zone: str = typer.Option(None, help="e.g. America/Chicago; default from settings."),
    ) -> None:
        """Create the database and the owner account (no password: sign in by link)."""
        if time_zone:
            env.time_zone({"zone": time_zone}, "zone", "UTC")
        if get_user_model().objects.exists():
            user = ensure_owner()
            context.console.print(f"Already set up: account [bold]{shown(user.get_username())}[/].")
        else:
            user = create_owner(name or default_owner_name(), full_name, time_zone)
            context.console.print(f"Created account [bold]{shown(user.get_username())}[/].")
        if not profile_for(user).full_name and sys.stdin.isatty() and sys.stdout.isatty():
            _ask_name(user)
        context.console.print(f"Data folder: {shown(settings.HOME)}")
        wages_steps.offer_data(sys.stdin.isatty() and sys.stdout.isatty())

    @app.command("sign-in-link")
    def sign_in_link(
        host: str = typer.Option("127.0.0.1", help="Used when INFOINTERVIEW_PUBLIC_URL is unset."),
        port: int = typer.Option(8000, help="Used when INFOINTERVIEW_PUBLIC_URL is unset."),
    ) -> None:
        """Print a one-time link that signs you in to the web app."""
        site = _public_url() or _local_site(host, port)
        typer.echo(sign_in_address(context.acting_user(), site, timezone.now()))

    @app.command("export")
    def export(
        file: Path = typer.Argument(..., help="Where to write the JSON export."),
        people_csv: Path = typer.Option(None, "--people-csv", help="Also write people as CSV."),
    ) -> None:
        """Write everything you have entered to a JSON file (and people to CSV)."""
        user = context.acting_user()
        data = exporting.export_data(user, timezone.now())
        file.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
        if people_csv:
            people_csv.write_text(exporting.people_csv(user), encoding="utf-8")
        context.console.print(
            f"Wrote {len(data['people'])} people and all your notes to {shown(file)}."
        )

    @app.command("restore")
    def restore(file: Path = typer.Argument(..., help="A JSON file made by `export`.")) -> None:
        """Bring back an export: rows are matched by id, so nothing is duplicated."""
        report = restore_file(context.acting_user(), file)
        created, updated = sum(report.created.values()), sum(report.updated.values())
        unchanged = sum(report.unchanged.values())
        context.console.print(
            f"Restored: {created} created, {updated} updated, {unchanged} unchanged."
        )

    @app.command("serve")
    def serve(
        host: str = typer.Option("127.0.0.1", help="Address to listen on."),
        port: int = typer.Option(8000, help="Port to listen on."),
    ) -> None:
        """Start the web app; once it listens, print its address and a one-time sign-in link."""
        public, local = _public_url(), _local_site(host, port)
        site = public or local
        user = context.acting_user()

        def announce() -> None:
            where = f"{public}/ (listening on {local}/)" if public else f"{local}/"
            typer.echo(f"infointerview is running at {where}")
            if not user.has_usable_password():
                typer.echo("Sign in with this one-time link (valid 24 hours):")
                typer.echo(sign_in_address(user, site, timezone.now()))
            connections.close_all()  # the server's worker processes open their own

        serve_web(host, port, when_listening=announce)
