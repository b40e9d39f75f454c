"""`people import`: bring in a contacts file, or with --dry-run only see what it would do."""

from __future__ import annotations

from pathlib import Path

import typer
from django.utils import timezone
from rich.table import Table

from infointerview.cli import context
from infointerview.cli.output import plain, shown
from infointerview.people.imports.batch import import_contacts
from infointerview.people.imports.formats import FORMATS, format_named
from infointerview.people.imports.mapped_csv import mapping_from
from infointerview.people.imports.plan import Plan

# Rows worth reading one by one: the rest are counted.
SHOWN_OUTCOMES = ("updated", "merged", "skipped")


def register(people_app: typer.Typer) -> None:
    @people_app.command("import")
    def import_(
        file: Path = typer.Argument(..., help="Connections.csv, a .vcf, a Google or any CSV."),
        file_format: str = typer.Option(
            None, "--format", help=f"{', '.join(FORMATS)}; found from the file if not given."
        ),
        source: str = typer.Option(
            None, help="Where these names came from (friend, coworker, alumni, …)."
        ),
        mapping: str = typer.Option(
            "", "--map", help="Which column holds what: 'name=Full Name,email=E-mail,…'."
        ),
        dry_run: bool = typer.Option(False, "--dry-run", help="Only say what would happen."),
        as_json: bool = typer.Option(False, "--json", help="Print JSON only."),
    ) -> None:
        """Import the people you know; the same file twice changes nothing."""
        owner = context.acting_user()
        plan, batch = import_contacts(
            owner,
            file,
            now=timezone.now(),
            file_format=format_named(file_format),
            source=source,
            mapping=mapping_from(mapping),
            dry_run=dry_run,
        )
        if as_json:
            written = {"dry_run": dry_run, "imported": batch is not None}
            context.print_json({**written, **plan.to_dict()})
            return
        _print(plan)
        if dry_run:
            context.console.print("Nothing was written (--dry-run).")
        elif batch is None:
            context.console.print("Nothing to import: everyone is already as the file says.")
        else:
            context.console.print(f"Imported {shown(plan.file_name)}.")


def _print(plan: Plan) -> None:
    counts = plan.counts
    context.console.print(
        shown(
            f"{plan.file_name} ({plan.file_format}): {counts['created']} to create, "
            f"{counts['updated']} to update, {counts['merged']} to merge, "
            f"{counts['unchanged']} unchanged, {counts['skipped']} skipped, "
            f"{counts['conflicts']} conflicts."
        )
    )
    rows = [s for s in plan.steps if s.outcome in SHOWN_OUTCOMES or s.conflicts or s.left_out]
    if not rows:
        return
    table = Table("Line", "Name", "What", "Why")
    for step in rows:
        why = "; ".join([step.why, *step.conflicts])
        table.add_row(str(step.line), plain(step.name), step.outcome, plain(why))
    context.console.print(table)
