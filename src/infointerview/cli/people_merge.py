"""Your network: duplicates and merging them, who knows whom, and who you know in an
occupation."""

from __future__ import annotations

import typer
from rich.table import Table

from infointerview.agenda import merging, who_you_know
from infointerview.cli import context
from infointerview.cli.output import plain, shown
from infointerview.people import acquaintances
from infointerview.people.services import find_person


def register(people_app: typer.Typer) -> None:
    @people_app.command("duplicates")
    def duplicates(
        as_json: bool = typer.Option(False, "--json", help="Print JSON only."),
    ) -> None:
        """Records that look like one person: the same e-mail, LinkedIn profile, or name
        and organization."""
        found = merging.proposed_duplicates(context.acting_user())
        if as_json:
            context.print_json([d.to_dict() for d in found])
            return
        if not found:
            context.console.print("No duplicates found.")
            return
        for d in found:  # whole ids, on lines of their own, to give `people merge`
            context.console.print(
                plain(
                    f"{d.keep.name} {d.keep.public_id}\n  and {d.drop.name} {d.drop.public_id}"
                    f"\n  {', '.join(d.reasons)}"
                ),
                soft_wrap=True,
            )
        context.console.print(
            "Merge a pair with `infointerview people merge KEEP OTHER`, or keep them apart "
            "with `infointerview people different A B`."
        )

    @people_app.command("merge")
    def merge(
        keep: str = typer.Argument(..., help="The record to keep (name or id)."),
        other: str = typer.Argument(..., help="The record merged into it, then deleted."),
        as_json: bool = typer.Option(False, "--json", help="Print JSON only."),
    ) -> None:
        """Keep the first person and move everything of the second's to them."""
        owner = context.acting_user()
        kept, dropped = find_person(owner, keep), find_person(owner, other)
        result = merging.merge(owner, kept, dropped, today=context.today(owner))
        if as_json:
            context.print_json({"kept": result.kept.to_dict(), "moved": result.moved})
        else:
            context.console.print(shown(result.summary()))

    @people_app.command("different")
    def different(
        person: str = typer.Argument(..., help="One record (name or id)."),
        other: str = typer.Argument(..., help="A record that only looks like the same person."),
    ) -> None:
        """Record that two look-alike records are different people: never proposed as
        duplicates again."""
        owner = context.acting_user()
        a, b = find_person(owner, person), find_person(owner, other)
        merging.mark_different(owner, a, b)
        context.console.print(shown(f"Noted: {a.name} and {b.name} are different people."))

    @people_app.command("knows")
    def knows(
        person: str = typer.Argument(..., help="Someone you know (name or id)."),
        other: str = typer.Argument(..., help="Someone they know (name or id)."),
        note: str = typer.Option("", help="How they know each other."),
        forget: bool = typer.Option(False, "--forget", help="Remove the link instead."),
    ) -> None:
        """Record that two people know each other: one can introduce you to the other."""
        owner = context.acting_user()
        a, b = find_person(owner, person), find_person(owner, other)
        if forget:
            gone = acquaintances.forget_knows(owner, a, b)
            said = "no longer linked" if gone else "were not linked"
            context.console.print(shown(f"{a.name} and {b.name} {said}."))
            return
        acquaintances.record_knows(owner, a, b, note=note)
        context.console.print(shown(f"Noted: {a.name} knows {b.name}."))

    @people_app.command("who")
    def who(
        occupation: str = typer.Argument(..., help="A shortlisted occupation: name or code."),
        as_json: bool = typer.Option(False, "--json", help="Print JSON only."),
    ) -> None:
        """Who you know in an occupation, at your level first, and who can introduce you."""
        owner = context.acting_user()
        found = who_you_know.who_you_know(owner, who_you_know.shortlisted(owner, occupation))
        if as_json:
            context.print_json(found.to_dict())
            return
        if not found.linked:
            context.console.print(
                shown(
                    f"{found.target.name} is not linked to O*NET yet: link it to see who you know."
                )
            )
            return
        if not found.people:
            context.console.print(shown(f"You know nobody recorded as a {found.target.name}."))
            return
        table = Table("Person", "Works as", "Who can introduce you")
        for known in found.people:
            works = known.person.headline()
            if known.related:
                works = f"{works} ({known.related})" if works else known.related
            ways = "; ".join(f"{i.person.name} — {i.how}" for i in known.introducers)
            table.add_row(plain(known.person.name), plain(works), plain(ways or "—"))
        context.console.print(table)
        if found.more:
            context.console.print(f"… and {found.more:,} more.")
