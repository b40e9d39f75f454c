"""The command tree. Imported by `main()` once Django is set up."""

from __future__ import annotations

import typer

from infointerview.cli import (
    backup,
    context,
    interview_steps,
    outreach_steps,
    people_import,
    people_merge,
    people_steps,
    setup,
    today,
    wages_steps,
)
from infointerview.cli.account import account_app
from infointerview.cli.explore import explore_app
from infointerview.cli.interviews import calendar_app, interview_app
from infointerview.cli.occupations import occupations_app, wages_app
from infointerview.cli.outreach import outreach_app
from infointerview.cli.people import leads_app, people_app
from infointerview.cli.shortlist import shortlist_app

app = context.Commands(
    help="Informational interviewing, end to end.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
app.add_typer(people_app, name="people")
app.add_typer(leads_app, name="leads")
people_steps.register(leads_app)
people_import.register(people_app)
people_merge.register(people_app)
app.add_typer(explore_app, name="explore")
app.add_typer(shortlist_app, name="shortlist")
# The shortlist's former name, kept so that scripts written for it still work.
app.add_typer(shortlist_app, name="targets", hidden=True)
app.add_typer(outreach_app, name="outreach")
outreach_steps.register(outreach_app)
app.add_typer(occupations_app, name="occupations")
app.add_typer(wages_app, name="wages")
wages_steps.register(wages_app)
app.add_typer(interview_app, name="interview")
interview_steps.register(interview_app)
app.add_typer(calendar_app, name="calendar")
app.add_typer(account_app, name="account")
setup.register(app)
today.register(app)
backup.register(app)


@app.callback()
def choose_user(
    user: str = typer.Option(
        None, "--user", help="Account to act as, where there are several (INFOINTERVIEW_USER)."
    ),
) -> None:
    context.state["user"] = user
