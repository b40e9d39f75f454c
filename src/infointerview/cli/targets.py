import typer
from rich.table import Table

from infointerview.cli import context

targets_app = typer.Typer(
    help="Occupations you are exploring (your shortlist).", no_args_is_help=True
)


@targets_app.command("add")
def add(
    name: str,
    level: str = typer.Option(
        "entry", help="Level you would enter at: entry, experienced, supervisor."
    ),
    why: str = typer.Option("", help="Why this occupation interests you."),
) -> None:
    from infointerview.careers.services import add_target

    target = add_target(context.acting_user(), name, level=level, why=why)
    context.console.print(f"Added [bold]{target.name}[/] ({target.get_level_display().lower()}).")


@targets_app.command("list")
def list_(as_json: bool = typer.Option(False, "--json", help="Print JSON only.")) -> None:
    from infointerview.careers.services import list_targets

    targets = list_targets(context.acting_user())
    if as_json:
        context.print_json([t.to_dict() for t in targets])
        return
    table = Table("Occupation", "Level", "Status")
    for target in targets:
        table.add_row(target.name, target.get_level_display(), target.get_status_display())
    context.console.print(
        table if targets else "No occupations yet: `infointerview targets add NAME`."
    )
