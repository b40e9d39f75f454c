"""Steps on the lists of names: a switchboard call to an organization that got nowhere."""

from __future__ import annotations

import typer

from infointerview.cli import context
from infointerview.cli.output import shown
from infointerview.people import leads
from infointerview.people.models import OrganizationLead


def register(leads_app: typer.Typer) -> None:
    @leads_app.command("log")
    def log(
        organization: str,
        outcome: str = typer.Option(..., help="no-answer, no-name or declined."),
        on: str = typer.Option(None, help="Day of the call (YYYY-MM-DD); default today."),
        note: str = typer.Option("", help="Anything worth remembering."),
        as_json: bool = typer.Option(False, "--json", help="Print JSON only."),
    ) -> None:
        """A call that brought no name: a refusal, or the third such call, closes the lead."""
        owner = context.acting_user()
        lead = leads.find_lead(owner, organization)
        call = leads.log_lead_call(
            owner,
            lead,
            outcome,
            context.day_or_today(owner, on),
            today=context.today(owner),
            note=note,
        )
        left = leads.calls_left(lead)
        if as_json:
            context.print_json({"call": call.to_dict(), "lead": lead.to_dict(), "calls_left": left})
        elif lead.status == OrganizationLead.Status.CLOSED:
            context.console.print(
                shown(f"Closed the lead for {lead}: try another organization or name.")
            )
        else:
            plural = "s" if left != 1 else ""
            context.console.print(
                shown(f"Logged the call to {lead}. {left} more call{plural} before moving on.")
            )
