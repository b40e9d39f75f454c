import typer
from rich.table import Table

from infointerview.careers.lists import close_names
from infointerview.cli import context
from infointerview.cli.output import plain, shown
from infointerview.lib.errors import Refused
from infointerview.people import leads
from infointerview.people.services import SamePerson, add_person, list_people

people_app = context.Commands(
    help="People to interview and where they came from.", no_args_is_help=True
)
leads_app = context.Commands(
    help="Organizations to call when you have no name yet.", no_args_is_help=True
)


@people_app.command("add")
def add(
    name: str,
    occupation: str = typer.Option("", help="The occupation they work in."),
    level: str = typer.Option("entry", help="entry, experienced or supervisor."),
    source: str = typer.Option("friend", help="Where the name came from."),
    source_detail: str = typer.Option("", help="e.g. 'Alumni office list 2026'."),
    email: list[str] = typer.Option([], help="E-mail address (repeat for several)."),
    phone: list[str] = typer.Option([], help="Telephone number (repeat for several)."),
    organization: str = typer.Option("", help="Where they work."),
    title: str = typer.Option("", help="Their job title."),
    introduced_by: str = typer.Option("", help="Who introduced or referred them."),
    tag: list[str] = typer.Option([], help="A tag (repeat for several)."),
    new_occupation: bool = typer.Option(
        False, "--new-occupation", help="Start a new list even if the name looks like another."
    ),
    address_as: str = typer.Option(
        "", help="How drafts greet them: 'Dana', 'Ms. Lee', 'Dr. Lee' (default: full name)."
    ),
    anyway: bool = typer.Option(
        False,
        "--allow-duplicate",
        "--anyway",
        help="Add them even if someone of that name is already listed.",
    ),
) -> None:
    """Add someone to an occupation's list (a new occupation name starts a list)."""
    owner = context.acting_user()
    if occupation and not new_occupation:
        close = close_names(owner, occupation)
        if close:
            raise Refused(
                f"no list named {occupation!r}: did you mean "
                + " or ".join(repr(name) for name in close)
                + "? Add --new-occupation to start a new list"
            )
    try:
        person = add_person(
            owner,
            name,
            allow_duplicate=anyway,
            occupation=occupation,
            level=level,
            source=source,
            source_detail=source_detail,
            emails=email,
            phones=phone,
            organization=organization,
            job_title=title,
            introduced_by=introduced_by or None,
            tags=tag,
            address_as=address_as,
        )
    except SamePerson as error:
        raise Refused(f"{error}; add --allow-duplicate to add them all the same") from None
    context.console.print(f"Added [bold]{shown(person.name)}[/] ({person.public_id}).")


@people_app.command("list")
def list_(
    occupation: str = typer.Option(None, help="Only this occupation's list, in order."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON only."),
) -> None:
    entries = list_people(context.acting_user(), occupation)
    if as_json:
        context.print_json([entry.to_dict() for entry in entries])
        return
    table = Table("#", "Name", "Occupation", "Level", "Source", "Advice")
    for number, entry in enumerate(entries, start=1):
        if entry.person:
            p = entry.person
            table.add_row(
                str(number),
                plain(p.name),
                plain(p.occupation),
                plain(p.level),
                plain(p.get_source_display()),
                plain(" ".join(entry.warnings)),
            )
        else:
            lead = entry.lead
            call = plain(f"Call {lead}")
            table.add_row(str(number), call, plain(lead.occupation), "", "organization lead", "")
    context.console.print(table if entries else "Nobody yet: `infointerview people add NAME`.")


@leads_app.command("add")
def add_lead(
    organization: str,
    occupation: str = typer.Option(..., help="The occupation you want to learn about."),
    department: str = typer.Option("", help="Whom to ask for, e.g. 'design department'."),
    phone: str = typer.Option("", help="The organization's number."),
) -> None:
    lead = leads.add_lead(
        context.acting_user(), organization, occupation, department=department, phone=phone
    )
    context.console.print(f"Added a lead: call [bold]{shown(lead)}[/] ({lead.public_id}).")


@leads_app.command("named")
def lead_named(
    organization: str,
    name: str = typer.Option(..., "--name", help="The name the call gave you."),
    title: str = typer.Option("", help="Their job title."),
    phone: str = typer.Option("", help="Their direct number."),
) -> None:
    """The call gave you a name: it takes the lead's place on the list."""
    owner = context.acting_user()
    person = leads.lead_gave_name(
        owner, leads.find_lead(owner, organization), name, job_title=title, phone=phone
    )
    context.console.print(f"Added [bold]{shown(person.name)}[/] in place of the lead.")
