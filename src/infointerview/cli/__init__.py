"""The `infointerview` command: the same services as the web app, for the terminal."""

from __future__ import annotations

import sys

import typer

from infointerview.cli import context
from infointerview.cli.interviews import calendar_app, interview_app
from infointerview.cli.occupations import occupations_app, wages_app
from infointerview.cli.outreach import outreach_app
from infointerview.cli.people import leads_app, people_app
from infointerview.cli.setup import register as register_setup
from infointerview.cli.targets import shortlist_app, targets_app
from infointerview.cli.today import register as register_today

app = typer.Typer(
    help="Informational interviewing, end to end.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
app.add_typer(people_app, name="people")
app.add_typer(leads_app, name="leads")
app.add_typer(targets_app, name="targets")
app.add_typer(outreach_app, name="outreach")
app.add_typer(occupations_app, name="occupations")
app.add_typer(wages_app, name="wages")
app.add_typer(shortlist_app, name="shortlist")
app.add_typer(interview_app, name="interview")
app.add_typer(calendar_app, name="calendar")
register_setup(app)
register_today(app)


@app.callback()
def choose_user(
    user: str = typer.Option(
        None, "--user", help="Account to act as, where there are several (INFOINTERVIEW_USER)."
    ),
) -> None:
    context.state["user"] = user
    context.start_django()


def main(argv: list[str] | None = None) -> int:
    """Run a command; any error is one line on stderr and a non-zero exit code."""
    from django.core.exceptions import ImproperlyConfigured

    from infointerview.lib.errors import UserError

    try:
        code = app(args=argv, prog_name="infointerview", standalone_mode=False)
    except UserError as error:
        sys.stderr.write(f"error: {error}\n")
        return 1
    except typer.Exit as done:
        return done.exit_code
    except typer.Abort:
        sys.stderr.write("error: aborted\n")
        return 1
    except typer.TyperException as error:
        message = " ".join(error.format_message().split())
        sys.stderr.write(f"error: {message}\n")
        return error.exit_code
    except ImproperlyConfigured as error:
        sys.stderr.write(f"error: configuration: {error}\n")
        return 2
    return code if isinstance(code, int) else 0


if __name__ == "__main__":
    sys.exit(main())
