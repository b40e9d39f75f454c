import typer
from rich.table import Table

from infointerview.accounts.services import profile_for
from infointerview.accounts.validation import validate
from infointerview.agenda.compare import Comparison, Side, compare_shortlist
from infointerview.careers.lists import existing_target, merge_targets, rename_target
from infointerview.careers.models import Occupation, TargetOccupation
from infointerview.careers.services import (
    add_target,
    add_to_shortlist,
    answer_proposal,
    level_named,
    list_targets,
    set_status,
    target_named,
)
from infointerview.cli import context
from infointerview.cli.output import plain, shown
from infointerview.lib.errors import NotFound, Refused

shortlist_app = context.Commands(
    help="Occupations you are exploring: your shortlist.", no_args_is_help=True
)


@shortlist_app.command("add")
def add(
    name_or_code: str = typer.Argument(..., help="An O*NET code or title, or a name of your own."),
    level: str = typer.Option(
        "entry", help="Level you would enter at: entry, experienced, supervisor."
    ),
    why: str = typer.Option("", help="Why this occupation interests you."),
    name_only: bool = typer.Option(
        False, "--name-only", help="Add it as typed, without looking it up in O*NET."
    ),
) -> None:
    """Add an occupation: from O*NET once it is imported, else by name.

    With O*NET imported, give a code, a title or an alternate title; unclear names are refused.
    --name-only adds the name as typed, without looking it up in O*NET.
    Before O*NET is imported, names are added as typed; `occupations import` links them later.
    """
    owner = context.acting_user()
    if name_only or not Occupation.objects.exists():
        target = add_target(owner, name_or_code, level=level, why=why)
        level_shown = target.get_level_display().lower()
        context.console.print(f"Added [bold]{shown(target.name)}[/] ({shown(level_shown)}).")
        return
    # A bad level is refused as such, not as an unknown occupation.
    validate(TargetOccupation(owner=owner, name=name_or_code[:1], level=level_named(level)))
    try:
        target = add_to_shortlist(owner, name_or_code, level=level, why=why)
    except (NotFound, Refused) as error:
        raise type(error)(f"{error}; or add it as typed with --name-only") from None
    context.console.print(
        f"On your shortlist: [bold]{shown(target.name)}[/] ({shown(target.onet_code)})."
    )


@shortlist_app.command("list")
def list_(as_json: bool = typer.Option(False, "--json", help="Print JSON only.")) -> None:
    targets = list_targets(context.acting_user())
    if as_json:
        context.print_json([t.to_dict() for t in targets])
        return
    table = Table("Occupation", "O*NET", "Level", "Status")
    for target in targets:
        code = target.onet_code or (
            f"{target.proposed_onet_code}?" if target.proposed_onet_code else ""
        )
        table.add_row(
            plain(target.name),
            plain(code),
            plain(target.get_level_display()),
            plain(target.get_status_display()),
        )
    context.console.print(
        table if targets else "No occupations yet: `infointerview shortlist add NAME`."
    )


@shortlist_app.command("status")
def status(
    name: str,
    status: str = typer.Argument(..., help="exploring, confirmed or ruled_out"),
    why: str = typer.Option("", help="Why: what you learned."),
) -> None:
    """Confirm an occupation or rule it out, with the reason."""
    owner = context.acting_user()
    target = target_named(owner, name)
    if target is None:
        raise NotFound(f"{name!r} is not on your shortlist")
    set_status(owner, target, status, why)
    context.console.print(plain(f"{target.name}: {target.get_status_display().lower()}."))


@shortlist_app.command("rename")
def rename(old: str, new: str) -> None:
    """Give a list a new name; its people, leads and research stay on it."""
    owner = context.acting_user()
    target = rename_target(owner, existing_target(owner, old), new)
    context.console.print(f"Renamed to [bold]{shown(target.name)}[/].")


@shortlist_app.command("merge")
def merge(
    source: str = typer.Argument(..., metavar="FROM", help="The list to fold in (a typo, say)."),
    into: str = typer.Argument(..., metavar="INTO", help="The list that stays."),
) -> None:
    """Move FROM's people, leads and research to the end of INTO's list, then drop FROM."""
    owner = context.acting_user()
    merged = merge_targets(owner, existing_target(owner, source), existing_target(owner, into))
    context.console.print(
        f"Merged into [bold]{shown(merged.name)}[/]: {merged.people.count()} people."
    )


@shortlist_app.command("link")
def link(
    name: str,
    yes: bool = typer.Option(None, "--yes/--no", help="Link the proposed O*NET match, or not."),
) -> None:
    """Answer the O*NET match proposed for a list after an import; a no is never asked again."""
    owner = context.acting_user()
    target = existing_target(owner, name)
    if yes is None:
        proposal = target.proposed_onet_code or "none"
        context.console.print(
            plain(f"{target.name}: proposed O*NET match {proposal}; answer --yes or --no.")
        )
        return
    answer_proposal(owner, target, accept=yes)
    linked = f"linked to {target.onet_code}" if target.onet_code else "not linked"
    context.console.print(plain(f"{target.name}: {linked}."))


def _lines(items: list[str]) -> str:
    return "\n".join(items) or "—"


def _learned(side: Side) -> str:
    learned = side.learned
    if not learned.interviews:
        return "none yet"
    fit = f" · your fit rating {learned.average_fit}/5" if learned.average_fit else ""
    return f"{learned.interviews} interview{'s' if learned.interviews > 1 else ''}{fit}"


def _wages(side: Side) -> str:
    return _lines(
        [
            f"{area}: {text}{' (broad group)' if group else ''}"
            for area, text, group in side.wage_lines()
        ]
    )


def _compare_rows(comparison: Comparison) -> list[tuple[str, list[str]]]:
    """Each aspect with one cell per occupation, in the order of the web page."""
    sides = comparison.sides
    return [
        (
            "O*NET",
            [
                f"{s.occupation.code} {s.occupation.title}" if s.occupation else "not linked"
                for s in sides
            ],
        ),
        ("Interest fit", [s.fit.text if s.fit else "—" for s in sides]),
        ("Median wage", [_wages(s) for s in sides]),
        ("Preparation", [s.zone.name if s.zone else "—" for s in sides]),
        ("Education", [_lines([f"{lvl}: {pct:.0f}%" for lvl, pct in s.education]) for s in sides]),
        *(
            (f"Work value: {name}", ["—" if v is None else f"{v:.1f}" for v in values])
            for name, values in comparison.work_value_rows()
        ),
        ("Top tasks", [_lines([f"• {task}" for task in s.tasks]) for s in sides]),
        ("Your interviews", [_learned(s) for s in sides]),
        *(
            (kind, [_lines([f"{text} — {who}" for who, text in items]) for _, items, _ in cells])
            for kind, cells in comparison.insight_rows()
        ),
    ]


@shortlist_app.command("compare")
def compare(
    as_json: bool = typer.Option(False, "--json", help="Print JSON only."),
    ruled_out: bool = typer.Option(False, "--ruled-out", help="Include those you ruled out."),
) -> None:
    """Your shortlist side by side: interest fit, wages, preparation, values, tasks, interviews.

    Wages are national and, when set in Settings, your state's and area's.
    """
    owner = context.acting_user()
    comparison = compare_shortlist(owner, profile_for(owner).wage_areas(), ruled_out=ruled_out)
    if as_json:
        context.print_json(comparison.to_dict())
        return
    if not comparison.sides:
        context.console.print("Nothing to compare: `infointerview shortlist add NAME` first.")
        return
    table = Table("", show_lines=True)
    for side in comparison.sides:
        table.add_column(plain(side.title))
    for aspect, cells in _compare_rows(comparison):
        table.add_row(plain(aspect), *(plain(cell) for cell in cells))
    context.console.print(table)
    if comparison.ruled_out:
        left_out = ", ".join(comparison.ruled_out)
        context.console.print(plain(f"Ruled out, not shown (--ruled-out shows them): {left_out}."))
