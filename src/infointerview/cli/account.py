import os
import sys

import typer

from infointerview.agenda.account_deletion import (
    account_named,
    delete_account,
    what_will_be_removed,
)
from infointerview.cli import context
from infointerview.lib.errors import Refused

account_app = context.Commands(help="Your account.", no_args_is_help=True)


def _counts(removed: dict[str, int]) -> str:
    return "; ".join(f"{what}: {count}" for what, count in removed.items() if count) or "no rows"


@account_app.command("delete")
def delete(
    user: str = typer.Option(
        None, "--user", help="The account to delete; default: the only one (INFOINTERVIEW_USER)."
    ),
    yes: bool = typer.Option(False, "--yes", help="Delete without asking; needed in scripts."),
) -> None:
    """Delete an account and everything in it, sessions and sign-in links included."""
    account = account_named(user or context.state["user"] or os.environ.get("INFOINTERVIEW_USER"))
    name = account.get_username()
    if not yes:
        if not sys.stdin.isatty():
            raise Refused(
                f"deleting {name!r} cannot be undone: add --yes to confirm (nothing was deleted)"
            )
        typer.echo(
            f"This deletes the account {name} for good: {_counts(what_will_be_removed(account))}."
        )
        if typer.prompt(f"Type {name} to delete it").strip() != name:
            raise Refused("that is not the account's name; nothing was deleted")
    removed = delete_account(account)
    typer.echo(f"Deleted the account {name}: {_counts(removed)}.")
