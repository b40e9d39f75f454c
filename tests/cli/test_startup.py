"""Django is set up once, before the commands are imported; help needs no configuration."""

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import typer

from infointerview.cli import context, main
from infointerview.cli.commands import app

CLI_SOURCE = Path(__file__).resolve().parents[2] / "src" / "infointerview" / "cli"
CONSOLE_SCRIPT = Path(sys.executable).parent / "infointerview"
BROKEN_ZONE = {"INFOINTERVIEW_TIME_ZONE": "Not/AZone"}


def run_script(home: Path, *argv: str, **environment: str) -> subprocess.CompletedProcess:
    """The installed `infointerview` command, in a process of its own, on SQLite in `home`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("INFOINTERVIEW_")}
    env.pop("DATABASE_URL", None)
    env.update(INFOINTERVIEW_HOME=str(home), COLUMNS="100", **environment)
    return subprocess.run(
        [str(CONSOLE_SCRIPT), *argv], env=env, capture_output=True, text=True, timeout=60
    )


@pytest.mark.parametrize("argv", [["--help"], ["people", "--help"]])
def test_help_works_with_a_broken_configuration(tmp_path, argv):
    done = run_script(tmp_path, *argv, **BROKEN_ZONE)
    assert done.returncode == 0, done.stderr
    assert "Usage: infointerview" in done.stdout
    assert done.stderr == ""


@pytest.mark.parametrize("argv", [["today"], ["shortlist", "list", "--json"]])
def test_a_command_with_a_broken_configuration_is_one_line_and_exit_2(tmp_path, argv):
    done = run_script(tmp_path, *argv, **BROKEN_ZONE)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == (
        "error: configuration: INFOINTERVIEW_TIME_ZONE='Not/AZone' is not a time zone name "
        "such as Europe/Paris\n"
    )
    assert not (tmp_path / "infointerview.sqlite3").exists()


def test_help_leaves_the_database_alone_and_a_command_creates_it(tmp_path):
    assert run_script(tmp_path, "occupations", "--help").returncode == 0
    assert not (tmp_path / "infointerview.sqlite3").exists()
    done = run_script(tmp_path, "occupations", "search", "nurse", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == []
    assert (tmp_path / "infointerview.sqlite3").exists()


@pytest.fixture
def migrations(monkeypatch):
    calls = []
    monkeypatch.setattr(context, "migrate_if_needed", lambda: calls.append(1))
    return calls


def test_the_database_is_migrated_once_when_a_command_runs(db, capsys, migrations):
    assert main(["shortlist", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert migrations == [1]


@pytest.mark.parametrize(
    "argv", [["--help"], ["people", "--help"], ["people", "add", "--help"], ["people"]]
)
def test_help_migrates_nothing(db, capsys, migrations, argv):
    main(argv)
    assert "Usage: infointerview" in capsys.readouterr().out
    assert migrations == []


def test_a_usage_error_migrates_nothing(db, capsys, migrations):
    assert main(["people", "list", "--bogus"]) == 2
    assert migrations == []


def _commands(group, path=()):
    for name, command in group.commands.items():
        if hasattr(command, "commands"):
            yield from _commands(command, (*path, name))
        else:
            yield " ".join((*path, name)), command


# A backup taken before an upgrade must hold the database as it was.
NOT_MIGRATING = {"backup"}


def test_every_command_gets_the_database_ready_before_it_runs():
    tree = typer.main.get_command(app)
    commands = dict(_commands(tree))
    assert {"today", "init", "people add", "shortlist add", "targets add"} <= set(commands)
    not_ready = [name for name, c in commands.items() if not isinstance(c, context.RunningCommand)]
    assert sorted(not_ready) == sorted(NOT_MIGRATING)


def test_command_modules_import_at_the_top():
    """Only main() imports late, because the command modules need Django set up first."""
    late = []
    for path in sorted(CLI_SOURCE.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in ast.walk(tree):
            if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                late += [
                    f"{path.name} in {function.name}()"
                    for node in ast.walk(function)
                    if isinstance(node, ast.Import | ast.ImportFrom)
                ]
    assert late == ["__init__.py in main()"]
