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
    """Add an occupation by name; `shortlist add` links it to O*NET."""
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
    table = Table("Occupation", "O*NET", "Level", "Status")
    for target in targets:
        code = target.onet_code or (
            f"{target.proposed_onet_code}?" if target.proposed_onet_code else ""
        )
        table.add_row(target.name, code, target.get_level_display(), target.get_status_display())
    context.console.print(
        table if targets else "No occupations yet: `infointerview shortlist add NAME`."
    )


@targets_app.command("status")
def status(
    name: str,
    status: str = typer.Argument(..., help="exploring, confirmed or ruled_out"),
    why: str = typer.Option("", help="Why: what you learned."),
) -> None:
    """Confirm an occupation or rule it out, with the reason."""
    from infointerview.careers.services import set_status, target_named
    from infointerview.lib.errors import NotFound

    owner = context.acting_user()
    target = target_named(owner, name)
    if target is None:
        raise NotFound(f"{name!r} is not on your shortlist")
    set_status(owner, target, status, why)
    context.console.print(f"{target.name}: {target.get_status_display().lower()}.")


shortlist_app = typer.Typer(help="Your shortlist of O*NET occupations.", no_args_is_help=True)


@shortlist_app.command("add")
def shortlist_add(
    code_or_text: str,
    level: str = typer.Option("entry", help="Level you would enter at."),
    why: str = typer.Option("", help="Why it interests you."),
) -> None:
    """Add an O*NET occupation by code or exact title."""
    from infointerview.careers.services import add_to_shortlist

    context.migrate_if_needed()
    target = add_to_shortlist(context.acting_user(), code_or_text, level=level, why=why)
    context.console.print(f"On your shortlist: [bold]{target.name}[/] ({target.onet_code}).")


shortlist_app.command("list")(list_)
shortlist_app.command("status")(status)
