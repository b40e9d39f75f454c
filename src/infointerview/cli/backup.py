import typer
from django.utils import timezone
from rich.filesize import decimal
from typer.core import TyperCommand

from infointerview.accounts import backups
from infointerview.cli.startup import check_configuration


def register(app: typer.Typer) -> None:
    # A plain command, not one that migrates first: a backup taken before an upgrade
    # must hold the database as it was.
    @app.command("backup", cls=TyperCommand)
    def backup(
        keep: int = typer.Option(backups.KEEP, help="How many backups to keep; older ones go."),
    ) -> None:
        """Copy the database into the data folder's backups/, safely while the app runs."""
        check_configuration()
        made = backups.back_up_the_database(timezone.now(), keep)
        for warning in made.warnings:
            typer.echo(f"warning: {warning}", err=True)
        typer.echo(f"Backed up to {made.path} ({decimal(made.size)}).")
        if made.removed:
            typer.echo(f"Removed {len(made.removed)} older, keeping the newest {keep}.")
