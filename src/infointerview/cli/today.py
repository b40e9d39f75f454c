import typer
from django.utils import timezone

from infointerview.agenda.services import today as agenda_for
from infointerview.cli import context
from infointerview.cli.output import plain, shown


def register(app: typer.Typer) -> None:
    @app.command("today")
    def today(
        on: str = typer.Option(None, help="Show the agenda for this day (YYYY-MM-DD)."),
        as_json: bool = typer.Option(False, "--json", help="Print JSON only."),
    ) -> None:
        """What is due: calls, interviews, next names, leads and untouched occupations."""
        agenda = agenda_for(context.acting_user(), timezone.now(), context.day_option(on))
        if as_json:
            context.print_json(agenda.to_dict())
            return
        out = context.console
        out.print(f"[bold]Today, {context.on_day(agenda.day)}[/]")
        if agenda.is_empty():
            out.print("Nothing due. Add people or an occupation to explore.")
        for due in agenda.calls_due:
            r = due.request
            late = f" [red]({due.days_overdue} days overdue)[/]" if due.days_overdue else ""
            out.print(f"• {shown(r.get_next_call_kind_display())}: {shown(r.person.name)}{late}")
        for interview in agenda.interviews:
            who = shown(interview.person.name)
            out.print(f"• Interview with {who}, {context.when(interview.starts_at)}")
        for ended in agenda.ended:
            who = ended.proposed.name if ended.proposed else "nobody left — add names"
            out.print(plain(f"• {ended.request.person.name}: {ended.advice()} Next: {who}"))
        for lead in agenda.leads:
            out.print(plain(f"• Call {lead} to ask for someone who works as {lead.occupation}"))
        for due in agenda.thanks:
            who = (
                "introducing you to " + due.interview.person.name
                if due.is_introducer
                else ("the interview")
            )
            out.print(plain(f"• Thank {due.recipient.name} for {who}"))
        for interview in agenda.keep_in_touch:
            out.print(f"• Let {shown(interview.person.name)} know how things are going")
        for target, first in agenda.untouched():
            start = f": start with {first.person.name} {first.how()}" if first else ""
            out.print(plain(f"• Nobody contacted yet for {target.name}{start}"))
