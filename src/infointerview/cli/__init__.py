"""The `infointerview` command: the same services as the web app, for the terminal."""

from __future__ import annotations

import contextlib
import io
import sys

import typer
from django.core.exceptions import ImproperlyConfigured
from django.db import OperationalError
from django.utils import timezone

from infointerview.cli import output
from infointerview.cli.startup import start_django
from infointerview.lib import long_writes
from infointerview.lib.errors import UserError


def main(argv: list[str] | None = None) -> int:
    """Run a command; any error is one line on stderr and a non-zero exit code.

    Output is printed once the work is done, so nothing about printing may turn a
    finished command into a failure: characters the terminal cannot encode are written
    as escapes, and a reader that went away (`| head`) ends the output, not the command.
    """
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe is left as it is
            if isinstance(stream, io.TextIOWrapper):
                stream.reconfigure(errors="backslashreplace")
    start_django()
    # Imported here, not above: the command modules import models, so Django comes first.
    from infointerview.cli.commands import app

    try:
        code = app(args=argv, prog_name="infointerview", standalone_mode=False)
    except UserError as error:
        return _error(error)
    except typer.Exit as done:
        return done.exit_code
    except typer.Abort:
        return _error("aborted")
    except typer.TyperException as error:
        return _error(" ".join(error.format_message().split()), error.exit_code)
    except ImproperlyConfigured as error:
        return _error(f"configuration: {error}", 2)
    except OperationalError as error:
        if not long_writes.is_busy(error):
            raise
        return _error(long_writes.busy_message(timezone.get_current_timezone()))
    except BrokenPipeError:
        output.drop_output()
        return 0
    except IsADirectoryError as error:
        return _error(f"{error.filename} is a folder: give a file")
    except OSError as error:
        if error.filename is None:
            raise
        return _error(f"cannot use {error.filename}: {error.strerror}")
    return code if isinstance(code, int) else 0


# An error quoting a very long argument keeps its start and its advice at the end.
LONGEST_ERROR = 600


def _error(message: object, code: int = 1) -> int:
    line = output.one_line(message)
    if len(line) > LONGEST_ERROR:
        keep = LONGEST_ERROR // 2
        line = f"{line[:keep]}…({len(line) - 2 * keep:,} characters)…{line[-keep:]}"
    sys.stderr.write(f"error: {line}\n")
    return code


if __name__ == "__main__":
    sys.exit(main())
