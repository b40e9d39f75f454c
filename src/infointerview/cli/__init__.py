"""The `infointerview` command: the same services as the web app, for the terminal."""

from __future__ import annotations

import sys

import typer
from django.core.exceptions import ImproperlyConfigured

from infointerview.cli.startup import start_django
from infointerview.lib.errors import UserError


def main(argv: list[str] | None = None) -> int:
    """Run a command; any error is one line on stderr and a non-zero exit code."""
    start_django()
    # Imported here, not above: the command modules import models, so Django comes first.
    from infointerview.cli.commands import app

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
